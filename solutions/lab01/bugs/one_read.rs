//! Classic bug: takes one read as the whole response.
//!
//! The bytes that arrived with the head are printed as the body, and nothing more is read. On
//! loopback a small response often arrives in one piece, so it seems to work; a body that comes
//! in pieces is cut short. Caught by `get_prints_the_body_byte_for_byte`.
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

    /// The mistake: `start` is taken for the whole body.
    pub fn copy_body(
        _stream: &mut impl Read,
        start: &[u8],
        _content_length: Option<u64>,
        out: &mut impl Write,
    ) -> io::Result<()> {
        out.write_all(start)?;
        out.flush()
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
