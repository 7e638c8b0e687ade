//! Bug: takes `Content-Length: 0` for "no length".
//!
//! `if length > 0 { read that many } else { read until the close }`: zero is a length, of an
//! empty body, and the response is complete right after the head. A server that keeps the
//! connection open leaves this program waiting for a close that never comes. Caught by
//! `get_stops_at_content_length_0`.
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

    /// The mistake: 0 falls through to the no-length case.
    pub fn copy_body(
        stream: &mut impl Read,
        start: &[u8],
        content_length: Option<u64>,
        out: &mut impl Write,
    ) -> io::Result<()> {
        match content_length {
            Some(length) if length > 0 => {
                lab01_solution::body::copy_body(stream, start, Some(length), out)
            }
            _ => lab01_solution::body::copy_body(stream, start, None, out),
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
