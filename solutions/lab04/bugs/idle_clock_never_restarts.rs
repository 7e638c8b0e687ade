//! Classic bug: the idle timeout wraps the whole conversation, so it is a time limit on
//! membership, and a member who talks all along is thrown out after `--idle` seconds.
//!
//! `tokio::time::timeout(idle, relay(...))` reads well: "relay, with an idle timeout". But
//! `timeout` puts a deadline on the future it wraps, and here that future is every line the
//! client will ever send. An idle timeout is a deadline for the *next* line, set again after
//! each one: `timeout` goes around each read. Caught by
//! `disconnects_a_silent_member_after_the_idle_timeout`.
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
    use crate::lines::{self, Line, LineReader, MAX_LINE};

    /// The mistake: one deadline, `idle` after the client joined, for all of its lines.
    pub async fn relay(
        reader: LineReader,
        peer: SocketAddr,
        chat: &Chat,
        idle: Duration,
    ) -> io::Result<()> {
        match timeout(idle, every_line(reader, peer, chat)).await {
            Ok(ended) => ended,
            Err(_elapsed) => Err(io::Error::new(io::ErrorKind::TimedOut, "idle")),
        }
    }

    async fn every_line(mut reader: LineReader, peer: SocketAddr, chat: &Chat) -> io::Result<()> {
        loop {
            match lines::read_line(&mut reader).await? {
                Line::Text(text) => chat.publish(peer, &format!("{peer}: {text}")),
                Line::TooLong => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("sent a line longer than {MAX_LINE} bytes"),
                    ));
                }
                Line::Eof => return Ok(()),
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
