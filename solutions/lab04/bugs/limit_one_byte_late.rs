//! Classic bug: a line is too long only if no `\n` came within the limit.
//!
//! Reading at most MAX_LINE + 2 bytes leaves room for a `\r\n` ending. But "too long" is
//! decided by whether the `\n` came in time, and a `\n` also fits in the room meant for the
//! `\r`: a line of 8,193 bytes and `\n` is relayed. Caught by
//! `enforces_the_line_limit_at_exactly_8192_bytes`.
//!
//! This program is the reference solution with its `lines` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/chat.rs"]
mod chat;
#[path = "../src/client.rs"]
mod client;
#[path = "../src/incoming.rs"]
mod incoming;
#[path = "../src/outgoing.rs"]
mod outgoing;
#[path = "../src/server.rs"]
mod server;

mod lines {
    use std::io;

    use tokio::io::{AsyncBufReadExt, AsyncReadExt};

    pub use lab04_solution::lines::{Line, LineReader, MAX_LINE};

    pub async fn read_line(reader: &mut LineReader) -> io::Result<Line> {
        let mut bytes = Vec::new();
        let n = (&mut *reader)
            .take(MAX_LINE as u64 + 2)
            .read_until(b'\n', &mut bytes)
            .await?;
        if n == 0 {
            return Ok(Line::Eof);
        }
        // The mistake: the length of a line that did end is never checked.
        if bytes.last() != Some(&b'\n') {
            return Ok(Line::TooLong);
        }
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
        Ok(Line::Text(String::from_utf8_lossy(&bytes).into_owned()))
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
