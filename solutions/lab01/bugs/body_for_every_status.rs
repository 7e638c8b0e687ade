//! Bug: reads a body after every response, a 204 and a 304 included.
//!
//! The body's end is found the usual way for every status: by the Content-Length, or at the
//! close. But a 1xx, 204 or 304 response never has a body, whatever its headers say (RFC
//! 9112 §6.3): a 204 ends with its head, and a 304 may carry the Content-Length (or the
//! Transfer-Encoding) that a 200 would have had. This program waits for a close after the
//! 204, or for the 304's announced bytes, that never come. Caught by
//! `get_reads_no_body_after_204_or_304`.
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
    use std::io::{self, ErrorKind};

    pub use lab01_solution::head::{
        Head, is_interim, is_success, malformed, parse_head, read_head,
    };

    /// The mistake: the rule for responses without a body is missing; the status is never
    /// looked at.
    pub fn body_length(head: &Head) -> io::Result<Option<u64>> {
        if let Some(coding) = &head.transfer_encoding {
            return Err(io::Error::new(
                ErrorKind::Unsupported,
                format!("the body is sent with Transfer-Encoding: {coding}"),
            ));
        }
        Ok(head.content_length)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
