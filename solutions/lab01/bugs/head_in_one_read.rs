//! Classic bug: takes what the first read returns for the whole head.
//!
//! On loopback a small response usually arrives in one piece, and the head is all there. A
//! head that comes in two pieces (a busy server, a slow network, a proxy) is cut off: the
//! program looks for the empty line in what it has, and calls the response malformed. Caught
//! by `get_prints_the_body_byte_for_byte`.
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

    /// The mistake: one read, no loop.
    pub fn read_head(stream: &mut impl Read, mut got: Vec<u8>) -> io::Result<(Vec<u8>, Vec<u8>)> {
        // (What an interim response left behind may hold the whole head already.)
        if find(&got, b"\r\n\r\n").is_none() {
            let mut buf = vec![0u8; 64 * 1024];
            let n = stream.read(&mut buf)?;
            got.extend_from_slice(&buf[..n]);
        }
        match find(&got, b"\r\n\r\n") {
            Some(at) => {
                let rest = got.split_off(at + 4);
                Ok((got, rest))
            }
            None => Err(malformed("the response has no empty line after its head")),
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
