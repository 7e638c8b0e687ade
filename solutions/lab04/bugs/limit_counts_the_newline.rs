//! Classic bug: the line limit counts the line ending, so an 8 KiB line is "too long".
//!
//! `take(MAX_LINE)` reads at most 8,192 bytes, and the `\n` of a line of exactly 8,192
//! bytes is the 8,193rd: it is never seen, and a line the contract allows disconnects its
//! sender. Caught by `enforces_the_line_limit_at_exactly_8192_bytes`.
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
        // The mistake: no room for the line ending.
        let n = (&mut *reader)
            .take(MAX_LINE as u64)
            .read_until(b'\n', &mut bytes)
            .await?;
        if n == 0 {
            return Ok(Line::Eof);
        }
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
