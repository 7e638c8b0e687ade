//! One client's life after it joined: talking and listening at the same time, then left.
//!
//! A client does two things at once: it sends lines whenever it likes, and it must receive
//! everyone else's lines whenever they come. So its connection is split in two halves, a
//! reading half and a writing half, and two futures run concurrently in the client's task:
//! [`incoming::relay`] reads the client's lines and publishes them, [`outgoing::forward`]
//! writes the chat to the client. `tokio::select!` waits for whichever ends first (the
//! client closed, reset, sent a line that is too long, sent nothing for the idle timeout, or
//! could not be written to) and drops the other. Dropping both halves closes the connection.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::BufReader;
use tokio::net::TcpStream;

use crate::chat::{Chat, Inbox};
use crate::{incoming, outgoing};

/// Runs one client, from the moment it joined (in the accept loop) to `* PEER left`.
pub async fn run(stream: TcpStream, peer: SocketAddr, chat: Chat, inbox: Inbox, idle: Duration) {
    // into_split gives two owned halves of the one socket, so each can live in its own
    // future (or task). Reading and writing a TCP socket at the same time is fine: the two
    // directions are independent.
    let (reader, writer) = stream.into_split();

    let ended = tokio::select! {
        ended = incoming::relay(BufReader::new(reader), peer, &chat, idle) => ended,
        ended = outgoing::forward(writer, peer, inbox) => ended,
    };

    // However it ended (EOF, a reset, a write to a closed socket, a line too long, the idle
    // timeout), the others are told, once. Errors are values here, not `?`: returning early
    // would skip this. The halves are gone by now: select! dropped them, which closed the
    // connection, so the client gets nothing after its own departure.
    match ended {
        Ok(()) => eprintln!("{peer} left"),
        Err(e) => eprintln!("{peer} left: {e}"),
    }
    chat.publish(peer, &format!("* {peer} left"));
}
