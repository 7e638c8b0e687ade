//! Bug: a failed read ends the body like EOF does.
//!
//! `while let Ok(n) = stream.read(&mut buf)` stops at the first error as if the server had
//! closed. A reset in the middle of a body that ends at the close is a connection failure, not
//! the end of the body: the output is incomplete, and the exit code must say so. Caught by
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

    /// The mistake: an error is taken for the end.
    pub fn copy_body(
        stream: &mut impl Read,
        start: &[u8],
        content_length: Option<u64>,
        out: &mut impl Write,
    ) -> io::Result<()> {
        let first = start
            .len()
            .min(content_length.map_or(usize::MAX, |n| n as usize));
        out.write_all(&start[..first])?;
        let mut written = first as u64;
        let mut buf = [0u8; 8192];
        while content_length.is_none_or(|n| written < n) {
            let want = content_length.map_or(buf.len(), |n| buf.len().min((n - written) as usize));
            let Ok(n) = stream.read(&mut buf[..want]) else {
                break;
            };
            if n == 0 {
                break;
            }
            out.write_all(&buf[..n])?;
            written += n as u64;
        }
        out.flush()?;
        match content_length {
            Some(n) if written < n => Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("only {written} of {n} body bytes"),
            )),
            _ => Ok(()),
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
