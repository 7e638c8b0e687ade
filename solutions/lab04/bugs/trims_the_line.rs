//! Classic bug: trims the line.
//!
//! `trim()` is the quick way to get rid of the `\n` (and a `\r`): it removes them, and with
//! them every space and tab at either end of the line, which were part of what the client
//! said (indented code, ASCII art, a deliberate blank). Caught by
//! `relays_each_line_byte_for_byte`.
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
        // The mistake: trim() for the line ending takes the spaces and tabs with it.
        let text = String::from_utf8_lossy(&bytes).trim().to_string();
        if text.len() > MAX_LINE {
            return Ok(Line::TooLong);
        }
        Ok(Line::Text(text))
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
