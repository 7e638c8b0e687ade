//! Bug: reads the head into a fixed buffer of 8 KiB.
//!
//! Plenty for a small test server. A real response head with a few cookies and security
//! headers can be larger, and this program refuses it. The contract says heads up to 64 KiB are
//! read. Caught by `get_reads_a_64_kib_head`.
//!
//! This program is the reference solution with its `head` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/body.rs"]
mod body;
#[path = "../src/get.rs"]
mod get;
#[path = "../src/request.rs"]
mod request;
#[path = "../src/talk.rs"]
mod talk;
#[path = "../src/url.rs"]
mod url;

mod head {
    use std::io::{self, Read};

    pub use lab01_solution::head::{
        Head, body_length, find, is_interim, is_success, malformed, parse_head,
    };

    /// The mistake: one 8 KiB array, and an error when it is full.
    pub fn read_head(stream: &mut impl Read, got: Vec<u8>) -> io::Result<(Vec<u8>, Vec<u8>)> {
        let mut buf = [0u8; 8 * 1024];
        // (What an interim response left behind comes first.)
        let mut filled = got.len().min(buf.len());
        buf[..filled].copy_from_slice(&got[..filled]);
        loop {
            if let Some(at) = find(&buf[..filled], b"\r\n\r\n") {
                return Ok((buf[..at + 4].to_vec(), buf[at + 4..filled].to_vec()));
            }
            if filled == buf.len() {
                return Err(malformed("the head is longer than 8192 bytes"));
            }
            let n = stream.read(&mut buf[filled..])?;
            if n == 0 {
                return Err(malformed("the server closed the connection in the head"));
            }
            filled += n;
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
