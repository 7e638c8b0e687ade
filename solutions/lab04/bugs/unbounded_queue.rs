//! Classic bug: an unbounded queue per client.
//!
//! A client that falls behind gets `Lagged` from the broadcast channel and loses messages.
//! The tempting fix: move every message into a queue of the client's own the moment it
//! arrives, so the broadcast never lags. But that queue has no bound. For a client that
//! never reads, the server now keeps every line anyone says, until it runs out of memory.
//! (tokio's own chat example keeps an unbounded channel per client too; it is a toy.)
//! Caught by `never_reading_client_slows_no_one_and_memory_stays_bounded`.

use std::io;
use std::net::SocketAddr;

use lab04_solution::{Inbox, Parts, REFERENCE};
use tokio::io::AsyncWriteExt;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::mpsc;

async fn forward_through_my_own_queue(
    mut writer: OwnedWriteHalf,
    me: SocketAddr,
    mut inbox: Inbox,
) -> io::Result<()> {
    let (queue, mut queued) = mpsc::unbounded_channel();
    // Drain the broadcast as fast as it fills, so this client never lags...
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

fn main() -> std::process::ExitCode {
    lab04_solution::main(Parts {
        forward: |writer, me, inbox| Box::pin(forward_through_my_own_queue(writer, me, inbox)),
        ..REFERENCE
    })
}
