//! Bug: refuses a status line without a reason phrase.
//!
//! It splits the status line on whitespace and wants three words. `HTTP/1.1 200 ` (an empty
//! reason phrase) is a valid status line: the reason is for humans, may be empty, and a client
//! ignores it (RFC 9112 §4). Caught by `get_accepts_any_reason_phrase`.
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
    use std::io;

    pub use lab01_solution::head::{
        Head, body_length, is_interim, is_success, malformed, read_head,
    };

    /// The mistake: `HTTP/1.1 200 ` has only two words, and is refused.
    pub fn parse_head(head: &[u8]) -> io::Result<Head> {
        let text = String::from_utf8_lossy(head);
        let status_line = text.split("\r\n").next().unwrap_or_default();
        if status_line.split_whitespace().count() < 3 {
            return Err(malformed(format!(
                "a status line needs a version, a code and a reason: {status_line:?}"
            )));
        }
        lab01_solution::head::parse_head(head)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
