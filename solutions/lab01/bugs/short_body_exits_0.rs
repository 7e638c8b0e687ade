//! Bug: a body cut short by the server's close is printed, and the program exits 0.
//!
//! `take(length)` stops at the length, and also at EOF; the count it returns is never compared.
//! A response with fewer bytes than its Content-Length is incomplete (RFC 9112 §8), and the
//! user must learn that the file they saved is not whole. Caught by
//! `get_fails_on_a_body_cut_short`.
//!
//! This program is the reference solution with its `body` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/get.rs"]
mod get;
#[path = "../src/head.rs"]
mod head;
#[path = "../src/request.rs"]
mod request;
#[path = "../src/talk.rs"]
mod talk;
#[path = "../src/url.rs"]
mod url;

mod body {
    use std::io::{self, Read, Write};

    /// The mistake: whatever came before EOF is taken for the body.
    pub fn copy_body(
        stream: &mut impl Read,
        start: &[u8],
        content_length: Option<u64>,
        out: &mut impl Write,
    ) -> io::Result<()> {
        match content_length {
            None => lab01_solution::body::copy_body(stream, start, None, out),
            Some(length) => {
                let first = start.len().min(length as usize);
                out.write_all(&start[..first])?;
                io::copy(&mut stream.take(length - first as u64), out)?;
                out.flush()
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
