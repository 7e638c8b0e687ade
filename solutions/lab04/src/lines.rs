//! Framing: turning a stream of bytes into lines.
//!
//! TCP delivers bytes, not messages. One `read` may return half a line ("hel", then
//! "lo\n"), or several lines at once ("one\ntwo\n"), whatever the client's writes were. So
//! a line ends where its `\n` is, not where a read ends. A buffered reader keeps the bytes
//! after a `\n` for the next line and reads more when a line is not complete yet.
//!
//! A line also needs a limit. Reading "until the next `\n`" from a client that never sends
//! one would buffer whatever it sends, until the server runs out of memory. A line longer
//! than [`MAX_LINE`] bytes ends the client's connection instead.

use std::io;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::net::tcp::OwnedReadHalf;

/// The longest line a client may send, without its line ending: 8 KiB.
pub const MAX_LINE: usize = 8 * 1024;

/// The reading half of a client's connection, buffered.
pub type LineReader = BufReader<OwnedReadHalf>;

/// What reading the next line found.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A line, without its `\n` (or `\r\n`). Bytes that are not UTF-8 are replaced with
    /// U+FFFD, so a client cannot make the server fail by sending them.
    Text(String),
    /// More than [`MAX_LINE`] bytes came without a `\n`.
    TooLong,
    /// The client has finished sending (read returned 0).
    Eof,
}

/// Reads the next line.
pub async fn read_line(reader: &mut LineReader) -> io::Result<Line> {
    let mut bytes = Vec::new();
    // read_until reads until it has seen a `\n`, however many reads that takes, and leaves
    // whatever came after it in the reader's buffer for the next call. take() stops it one
    // byte past the limit: if that many bytes came and none was a `\n`, the line is too long.
    let limit = MAX_LINE as u64 + 1;
    let n = (&mut *reader)
        .take(limit)
        .read_until(b'\n', &mut bytes)
        .await?;
    if n == 0 {
        return Ok(Line::Eof);
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        // A line that ends in \r\n (telnet, Windows) is the same line.
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    } else if bytes.len() > MAX_LINE {
        return Ok(Line::TooLong);
    }
    // Otherwise the client closed in the middle of a line: what it sent still counts, the
    // way `lines()` in the standard library counts it.
    Ok(Line::Text(String::from_utf8_lossy(&bytes).into_owned()))
}
