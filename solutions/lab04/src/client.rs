//! One client's life after it joined: talking and listening at the same time, then left.
//!
//! A client does two things at once: it sends lines whenever it likes, and it must receive
//! everyone else's lines whenever they come. So its connection is split in two halves, a
//! reading half and a writing half, and two futures run concurrently in the client's task:
//! one reads the client's lines and publishes them, the other forwards the chat to the
//! client. `tokio::select!` waits for whichever ends first (the client closed, reset, or
//! sent a line that is too long) and drops the other, which closes the connection.

use std::io;
use std::net::SocketAddr;

use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::broadcast::error::RecvError;

use crate::lines::{Line, LineReader, MAX_LINE};
use crate::{Chat, Inbox, Parts};

/// Runs one client, from the moment it joined (in the accept loop) to `* PEER left`.
pub async fn run(stream: TcpStream, peer: SocketAddr, chat: Chat, inbox: Inbox, parts: Parts) {
    // into_split gives two owned halves of the one socket, so each can live in its own
    // future (or task). Reading and writing a TCP socket at the same time is fine: the two
    // directions are independent.
    let (reader, writer) = stream.into_split();

    let ended = tokio::select! {
        ended = read_lines(BufReader::new(reader), peer, &chat, parts) => ended,
        ended = (parts.forward)(writer, peer, inbox) => ended,
    };

    // However it ended (EOF, a reset, a write to a closed socket, a line too long), the
    // others are told. Errors are values here, not `?`: returning early would skip this.
    match ended {
        Ok(()) => eprintln!("{peer} left"),
        Err(e) => eprintln!("{peer} left: {e}"),
    }
    chat.publish(peer, &format!("* {peer} left"));
}

/// Reads the client's lines and publishes each as `PEER: TEXT`, until EOF or an error.
pub async fn read_lines(
    mut reader: LineReader,
    peer: SocketAddr,
    chat: &Chat,
    parts: Parts,
) -> io::Result<()> {
    loop {
        match (parts.read_line)(&mut reader).await? {
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

/// Writes every message in the inbox to the client, except the client's own.
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
