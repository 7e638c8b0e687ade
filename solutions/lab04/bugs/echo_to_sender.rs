//! Classic bug: the sender gets its own line back.
//!
//! Every inbox sees every message in the chat, the sender's own included. This forward
//! writes them all, so a client sees what it just typed come back as `PEER: TEXT`. Caught by
//! `delivers_to_everyone_but_the_sender`.

use std::io;
use std::net::SocketAddr;

use lab04_solution::{Inbox, Parts, REFERENCE};
use tokio::io::AsyncWriteExt;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::broadcast::error::RecvError;

async fn forward_everything(
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

fn main() -> std::process::ExitCode {
    lab04_solution::main(Parts {
        forward: |writer, me, inbox| Box::pin(forward_everything(writer, me, inbox)),
        ..REFERENCE
    })
}
