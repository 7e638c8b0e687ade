//! The reading half of a client: every line it sends, published to the chat.

use std::io;
use std::net::SocketAddr;

use crate::chat::Chat;
use crate::lines::{self, Line, LineReader, MAX_LINE};

/// Reads the client's lines and publishes each as `PEER: TEXT`, until EOF (`Ok`) or an
/// error: the connection failed, or the client sent a line longer than the limit.
///
/// A line is published exactly as it came: an empty line is a line (`PEER: `), and spaces
/// and tabs at either end are part of what the client said.
pub async fn relay(mut reader: LineReader, peer: SocketAddr, chat: &Chat) -> io::Result<()> {
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
