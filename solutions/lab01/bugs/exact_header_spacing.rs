//! Bug: expects exactly `Content-Length: N`, one space after the colon and none after the value.
//!
//! The spaces and tabs around a header's value are optional, and not part of it
//! (RFC 9110 §5.5): `Content-Length:7` and `Content-Length:\t7 ` say the same. Here the first
//! is not recognised (the body is read until the server closes) and the second is "not a
//! number". Caught by `get_reads_content_length_in_any_spelling`.
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

    /// The mistake: the value is what follows `": "`, as it is.
    pub fn parse_head(head: &[u8]) -> io::Result<Head> {
        let text = String::from_utf8_lossy(head);
        let mut lines = text.split("\r\n");
        let status_line = lines.next().unwrap_or_default().to_string();
        let status = status_line
            .split(' ')
            .nth(1)
            .and_then(|code| code.parse::<u16>().ok())
            .filter(|_| status_line.starts_with("HTTP/1."))
            .ok_or_else(|| malformed(format!("not an HTTP status line: {status_line:?}")))?;

        let mut content_length = None;
        for line in lines.take_while(|line| !line.is_empty()) {
            if let Some((name, value)) = line.split_once(": ")
                && name.eq_ignore_ascii_case("content-length")
            {
                content_length =
                    Some(value.parse().map_err(|_| {
                        malformed(format!("Content-Length {value:?} is not a number"))
                    })?);
            }
        }
        Ok(Head {
            status_line,
            status,
            content_length,
            transfer_encoding: None,
        })
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
