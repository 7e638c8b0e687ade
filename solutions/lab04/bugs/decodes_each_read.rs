//! Classic bug: makes text of each read's bytes, before the line is whole.
//!
//! The line is built as a `String` from the bytes of each read, converted as they come. A
//! character is one to four bytes in UTF-8, and nothing stops a read from ending in the
//! middle of one: then each half is invalid on its own and becomes U+FFFD, and the client's
//! "é" arrives as "��". Caught by `keeps_a_character_split_across_two_reads`, which makes
//! the split happen on every run.
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

    pub async fn read_line(reader: &mut LineReader) -> io::Result<Line> {
        let mut text = String::new();
        loop {
            // What the reader has buffered: the rest of the last read, or a new read.
            let chunk = reader.fill_buf().await?;
            if chunk.is_empty() {
                return Ok(if text.is_empty() {
                    Line::Eof
                } else {
                    Line::Text(text)
                });
            }
            let (part, used, whole) = match chunk.iter().position(|&b| b == b'\n') {
                Some(end) => (&chunk[..end], end + 1, true),
                None => (chunk, chunk.len(), false),
            };
            // The mistake: the bytes become text here, one read at a time.
            text.push_str(&String::from_utf8_lossy(part));
            reader.consume(used);
            if whole {
                if text.ends_with('\r') {
                    text.pop();
                }
                return Ok(if text.len() > MAX_LINE {
                    Line::TooLong
                } else {
                    Line::Text(text)
                });
            }
            if text.len() > MAX_LINE + 1 {
                return Ok(Line::TooLong);
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
