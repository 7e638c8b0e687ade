//! Bug: prints everything that came with the head, then the rest of the length.
//!
//! When the head, the body and more bytes after it arrive in one read, the bytes past the
//! Content-Length are printed as if they were body. Whatever follows the length belongs to
//! the next response (or is junk), never to this one. Caught by `get_stops_at_content_length`.
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

    /// The mistake: `start` is written whole, not cut at the length.
    pub fn copy_body(
        stream: &mut impl Read,
        start: &[u8],
        content_length: Option<u64>,
        out: &mut impl Write,
    ) -> io::Result<()> {
        out.write_all(start)?;
        match content_length {
            None => {
                io::copy(stream, out)?;
            }
            Some(length) => {
                let left = length.saturating_sub(start.len() as u64);
                io::copy(&mut stream.take(left), out)?;
            }
        }
        out.flush()
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
