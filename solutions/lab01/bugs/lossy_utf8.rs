//! Classic bug: prints the body as text, with `String::from_utf8_lossy`.
//!
//! It reads the whole body correctly, then turns it into a `String` to print it: every byte
//! sequence that is not valid UTF-8 (in an image, in any binary file) becomes U+FFFD, and the
//! file is silently damaged. Caught by `get_prints_the_body_byte_for_byte`.
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

    /// The mistake: the bytes go through a String on their way out.
    pub fn copy_body(
        stream: &mut impl Read,
        start: &[u8],
        content_length: Option<u64>,
        out: &mut impl Write,
    ) -> io::Result<()> {
        let mut body = start.to_vec();
        match content_length {
            Some(length) => {
                let left = length.saturating_sub(body.len() as u64);
                stream.take(left).read_to_end(&mut body)?;
                body.truncate(length as usize);
            }
            None => {
                stream.read_to_end(&mut body)?;
            }
        }
        write!(out, "{}", String::from_utf8_lossy(&body))?;
        out.flush()
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
