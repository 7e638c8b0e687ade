//! Classic bug: reads lines into a `String`.
//!
//! `read_line` (like `lines()`) insists on UTF-8 and fails with InvalidData on anything else.
//! The error ends the client's connection: one stray byte, and a client is thrown out of
//! the chat. Caught by `replaces_invalid_utf8`.
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

    /// The mistake: read_line where read_until was meant.
    pub async fn read_line(reader: &mut LineReader) -> io::Result<Line> {
        let mut text = String::new();
        let n = (&mut *reader)
            .take(MAX_LINE as u64 + 2)
            .read_line(&mut text)
            .await?;
        if n == 0 {
            return Ok(Line::Eof);
        }
        if let Some(line) = text.strip_suffix('\n') {
            text = line.strip_suffix('\r').unwrap_or(line).to_string();
        }
        if text.len() > MAX_LINE {
            return Ok(Line::TooLong);
        }
        Ok(Line::Text(text))
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
