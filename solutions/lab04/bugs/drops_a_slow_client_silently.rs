//! Classic bug: a slow client is dropped without a word to the others.
//!
//! The server may drop a client that falls too far behind, instead of dropping its oldest
//! messages; this one does. But it announces departures where the reading half ends, as if
//! a client could only leave by closing: when the writing half gives up on the slow client,
//! select! drops the reading half, and nobody is told. To everyone else the dropped client
//! is still in the chat. Caught by `a_client_that_never_reads_slows_no_one`.
//!
//! This program is the reference solution with its `client` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/chat.rs"]
mod chat;
#[path = "../src/incoming.rs"]
mod incoming;
#[path = "../src/lines.rs"]
mod lines;
#[path = "../src/server.rs"]
mod server;

mod client {
    use std::io;
    use std::net::SocketAddr;
    use std::time::Duration;

    use tokio::io::{AsyncWriteExt, BufReader};
    use tokio::net::TcpStream;
    use tokio::net::tcp::OwnedWriteHalf;
    use tokio::sync::broadcast::error::RecvError;

    use crate::chat::{Chat, Inbox};
    use crate::incoming;

    pub async fn run(
        stream: TcpStream,
        peer: SocketAddr,
        chat: Chat,
        inbox: Inbox,
        idle: Duration,
    ) {
        let (reader, writer) = stream.into_split();
        tokio::select! {
            ended = incoming::relay(BufReader::new(reader), peer, &chat, idle) => {
                eprintln!("{peer} left: {ended:?}");
                chat.publish(peer, &format!("* {peer} left"));
            }
            // The mistake: this way out says nothing.
            ended = forward_or_drop(writer, peer, inbox) => {
                eprintln!("{peer} dropped: {ended:?}");
            }
        }
    }

    /// Forwards the chat to the client; a client that lags is dropped.
    async fn forward_or_drop(
        mut writer: OwnedWriteHalf,
        me: SocketAddr,
        mut inbox: Inbox,
    ) -> io::Result<()> {
        loop {
            match inbox.recv().await {
                Ok(message) if message.from == me => {}
                Ok(message) => writer.write_all(message.line.as_bytes()).await?,
                Err(RecvError::Lagged(missed)) => {
                    return Err(io::Error::other(format!("{missed} messages behind")));
                }
                Err(RecvError::Closed) => return Ok(()),
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
