//! Classic bug: an unbounded queue per client.
//!
//! A client that falls behind gets `Lagged` from the broadcast channel and loses messages.
//! The tempting fix: move every message into a queue of the client's own the moment it
//! arrives, so the broadcast never lags. But that queue has no bound. For a client that
//! never reads, the server now keeps every line anyone says, until it runs out of memory.
//! (tokio's own chat example keeps an unbounded channel per client too; it is a toy.)
//! Caught by `memory_stays_bounded_past_a_client_that_never_reads`.
//!
//! This program is the reference solution with its `outgoing` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
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
    use tokio::sync::mpsc;

    use crate::chat::Inbox;

    pub async fn forward(
        mut writer: OwnedWriteHalf,
        me: SocketAddr,
        mut inbox: Inbox,
    ) -> io::Result<()> {
        let (queue, mut queued) = mpsc::unbounded_channel();
        // The mistake: drain the broadcast as fast as it fills, so this client never lags...
        tokio::spawn(async move {
            while let Ok(message) = inbox.recv().await {
                if queue.send(message).is_err() {
                    break;
                }
            }
        });
        // ...and write from the queue at the client's pace, however far behind that is.
        while let Some(message) = queued.recv().await {
            if message.from != me {
                writer.write_all(message.line.as_bytes()).await?;
            }
        }
        Ok(())
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
