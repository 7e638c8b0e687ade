//! Classic bug: the line limit counts the `\r` of a `\r\n` ending.
//!
//! `take(MAX_LINE + 1)` leaves room for the `\n` but not for a `\r` before it: a line of
//! exactly 8,192 bytes is relayed when it ends in `\n`, and disconnects its sender when it
//! ends in `\r\n`, as telnet and Windows programs end lines. The contract counts neither.
//! Caught by `enforces_the_line_limit_at_exactly_8192_bytes`.
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
        // The mistake: room for `\n`, none for `\r\n`.
        let n = (&mut *reader)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut bytes)
            .await?;
        if n == 0 {
            return Ok(Line::Eof);
        }
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
        } else if bytes.len() > MAX_LINE {
            return Ok(Line::TooLong);
        }
        Ok(Line::Text(String::from_utf8_lossy(&bytes).into_owned()))
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
