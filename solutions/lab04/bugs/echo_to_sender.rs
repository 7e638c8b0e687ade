//! Classic bug: the sender gets its own line back.
//!
//! Every inbox sees every message in the chat, the sender's own included. This forward
//! writes them all, so a client sees what it just typed come back as `PEER: TEXT`. Caught by
//! `delivers_to_everyone_but_the_sender`.
//!
//! This program is the reference solution with its `outgoing` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
// This variant's forward never looks at who a message is from.
#[allow(dead_code)]
#[path = "../src/chat.rs"]
mod chat;
#[path = "../src/client.rs"]
mod client;
#[path = "../src/incoming.rs"]
mod incoming;
#[path = "../src/lines.rs"]
mod lines;
#[path = "../src/server.rs"]
mod server;

mod outgoing {
    use std::io;
    use std::net::SocketAddr;

    use tokio::io::AsyncWriteExt;
    use tokio::net::tcp::OwnedWriteHalf;
    use tokio::sync::broadcast::error::RecvError;

    use crate::chat::Inbox;

    /// The mistake: no `message.from == me` case.
    pub async fn forward(
        mut writer: OwnedWriteHalf,
        _me: SocketAddr,
        mut inbox: Inbox,
    ) -> io::Result<()> {
        loop {
            match inbox.recv().await {
                Ok(message) => writer.write_all(message.line.as_bytes()).await?,
                Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => return Ok(()),
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
