//! Classic bug: no idle timeout, so a member whose machine vanished stays in the chat forever.
//!
//! "A dead client's connection ends with an error, and then it leaves." Not when its machine
//! lost power or its cable was pulled: then nothing arrives at all, no FIN and no reset, and
//! a read with no time limit waits forever. The member stays in the chat, and everyone goes on
//! writing to it. This reading half waits for each line as long as it takes, ignoring
//! `--idle`. Caught by `disconnects_a_silent_member_after_the_idle_timeout`.
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

    use crate::chat::Chat;
    use crate::lines::{self, Line, LineReader, MAX_LINE};

    /// The mistake: `_idle` is never used; each read waits as long as it takes.
    pub async fn relay(
        mut reader: LineReader,
        peer: SocketAddr,
        chat: &Chat,
        _idle: Duration,
    ) -> io::Result<()> {
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
