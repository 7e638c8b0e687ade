//! Classic bug: no limit on the length of a line.
//!
//! `read_until(b'\n')` keeps reading until it sees a newline. A client that never sends one
//! makes the server buffer everything it sends: one client can use up the server's memory.
//! Caught by `disconnects_only_the_sender_of_a_line_over_8_kib`.
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

    use tokio::io::AsyncBufReadExt;

    pub use lab04_solution::lines::{Line, LineReader, MAX_LINE};

    /// The mistake: read_until with no take() in front of it.
    pub async fn read_line(reader: &mut LineReader) -> io::Result<Line> {
        let mut bytes = Vec::new();
        if reader.read_until(b'\n', &mut bytes).await? == 0 {
            return Ok(Line::Eof);
        }
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
        }
        // The check comes after the whole line was read, which may be never.
        if bytes.len() > MAX_LINE {
            return Ok(Line::TooLong);
        }
        Ok(Line::Text(String::from_utf8_lossy(&bytes).into_owned()))
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
