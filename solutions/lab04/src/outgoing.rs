//! The writing half of a client: everyone else's messages, written to its socket.

use std::io;
use std::net::SocketAddr;

use tokio::io::AsyncWriteExt;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::broadcast::error::RecvError;

use crate::chat::Inbox;

/// Writes every message in the inbox to the client, except the client's own, until a write
/// fails (`Err`) or the chat is gone (`Ok`).
pub async fn forward(
    mut writer: OwnedWriteHalf,
    me: SocketAddr,
    mut inbox: Inbox,
) -> io::Result<()> {
    loop {
        match inbox.recv().await {
            // The sender does not get its own line back.
            Ok(message) if message.from == me => {}
            // This write waits while the client's socket buffer is full, that is while the
            // client is not reading. Only this future waits: every other client has its own.
            Ok(message) => writer.write_all(message.line.as_bytes()).await?,
            // The client fell more than CAPACITY messages behind, and the oldest ones were
            // dropped to keep the server's memory bounded. It goes on with what is left.
            Err(RecvError::Lagged(missed)) => {
                eprintln!("{me} is too slow: dropped the {missed} oldest messages for it");
            }
            // Every sender is gone, so nothing more can come. (The accept loop holds one for
            // as long as the server runs, so this does not happen in practice.)
            Err(RecvError::Closed) => return Ok(()),
        }
    }
}
