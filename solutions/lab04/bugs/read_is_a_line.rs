//! Classic bug: treats each read() as one line.
//!
//! It works when you type into nc: every line you type arrives in a read of its own. But TCP
//! keeps no message boundaries. A line sent in pieces becomes several "lines", and several
//! lines sent in one write become one "line" with newlines inside it. Caught by
//! `delivers_a_line_sent_in_pieces_once` and `delivers_several_lines_from_one_write`.
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

    use tokio::io::AsyncReadExt;

    pub use lab04_solution::lines::{Line, LineReader, MAX_LINE};

    /// The mistake: whatever one read returns is a line.
    pub async fn read_line(reader: &mut LineReader) -> io::Result<Line> {
        let mut buf = vec![0u8; MAX_LINE];
        let n = reader.read(&mut buf).await?;
        if n == 0 {
            return Ok(Line::Eof);
        }
        let text = String::from_utf8_lossy(&buf[..n]);
        let text = text.strip_suffix('\n').unwrap_or(&text);
        Ok(Line::Text(
            text.strip_suffix('\r').unwrap_or(text).to_string(),
        ))
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
