//! Classic bug: an empty line is not published.
//!
//! "Nobody wants to see a blank line from someone" — but an empty line is a line, and the
//! contract relays every line. Skipping it also throws away what a client may mean by it
//! (the end of a paragraph, a keep-alive, a reply to "press Enter"). Caught by
//! `relays_each_line_byte_for_byte`.
//!
//! This program is the reference solution with its `incoming` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/chat.rs"]
mod chat;
#[path = "../src/client.rs"]
mod client;
#[path = "../src/lines.rs"]
mod lines;
#[path = "../src/outgoing.rs"]
mod outgoing;
#[path = "../src/server.rs"]
mod server;

mod incoming {
    use std::io;
    use std::net::SocketAddr;
    use std::time::Duration;

    use tokio::time::timeout;

    use crate::chat::Chat;
    use crate::lines::{self, Line, LineReader};

    pub async fn relay(
        mut reader: LineReader,
        peer: SocketAddr,
        chat: &Chat,
        idle: Duration,
    ) -> io::Result<()> {
        loop {
            let Ok(line) = timeout(idle, lines::read_line(&mut reader)).await else {
                return Err(io::Error::new(io::ErrorKind::TimedOut, "idle"));
            };
            match line? {
                // The mistake: nothing to say, nothing to publish.
                Line::Text(text) if text.is_empty() => {}
                Line::Text(text) => chat.publish(peer, &format!("{peer}: {text}")),
                Line::TooLong => {
                    return Err(io::Error::new(io::ErrorKind::InvalidData, "line too long"));
                }
                Line::Eof => return Ok(()),
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
