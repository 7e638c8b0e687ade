//! The reading half of a client: every line it sends, published to the chat.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::time::timeout;

use crate::chat::Chat;
use crate::lines::{self, Line, LineReader, MAX_LINE};

/// Reads the client's lines and publishes each as `PEER: TEXT`, until EOF (`Ok`) or an
/// error: the connection failed, the client sent a line longer than the limit, or it sent no
/// line for `idle`.
///
/// A line is published exactly as it came: an empty line is a line (`PEER: `), and spaces
/// and tabs at either end are part of what the client said.
pub async fn relay(
    mut reader: LineReader,
    peer: SocketAddr,
    chat: &Chat,
    idle: Duration,
) -> io::Result<()> {
    loop {
        // The idle timeout. A client whose machine lost power, or whose cable was pulled,
        // sends nothing at all, not even a FIN or a reset: without a limit, this read would
        // wait for it forever, and the others would see it in the chat forever. The clock
        // starts again with every line, so only a member that says nothing for `idle` is
        // disconnected. (read_line is not cancel-safe: when the timeout wins, the part of a
        // line read so far is lost. That is fine here, because the connection ends.)
        let line = match timeout(idle, lines::read_line(&mut reader)).await {
            Ok(line) => line?,
            Err(_elapsed) => {
                return Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    format!("sent no line for {} s", idle.as_secs()),
                ));
            }
        };
        match line {
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
