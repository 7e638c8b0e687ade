//! Framing: turning a stream of bytes into lines.
//!
//! TCP delivers bytes, not messages. One `read` may return half a line ("hel", then
//! "lo\n"), or several lines at once ("one\ntwo\n"), whatever the client's writes were. It
//! may even end in the middle of a character: "é" is two bytes in UTF-8, and they can
//! arrive in two reads. So a line ends where its `\n` is, not where a read ends, and bytes
//! become text only once the whole line is there. A buffered reader keeps the bytes after a
//! `\n` for the next line and reads more when a line is not complete yet.
//!
//! A line also needs a limit. Reading "until the next `\n`" from a client that never sends
//! one would buffer whatever it sends, until the server runs out of memory. A line longer
//! than [`MAX_LINE`] bytes ends the client's connection instead.

use std::io;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::net::tcp::OwnedReadHalf;

/// The longest line a client may send: 8 KiB, not counting its line ending (`\n` or
/// `\r\n`).
pub const MAX_LINE: usize = 8 * 1024;

/// The reading half of a client's connection, buffered.
pub type LineReader = BufReader<OwnedReadHalf>;

/// What reading the next line found.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A line, without its `\n` (or `\r\n`), and otherwise exactly as sent: spaces, tabs,
    /// nothing at all. Bytes that are not UTF-8 are replaced with U+FFFD, so a client
    /// cannot make the server fail by sending them.
    Text(String),
    /// The line has more than [`MAX_LINE`] bytes.
    TooLong,
    /// The client has finished sending (read returned 0).
    Eof,
}

/// Reads the next line.
pub async fn read_line(reader: &mut LineReader) -> io::Result<Line> {
    let mut bytes = Vec::new();
    // read_until reads until it has seen a `\n`, however many reads that takes, and leaves
    // whatever came after it in the reader's buffer for the next call. take() stops it
    // where even the longest line would have ended: MAX_LINE bytes, then `\r\n`. So a
    // client that never sends a `\n` costs at most MAX_LINE + 2 bytes here.
    let limit = MAX_LINE as u64 + 2;
    let n = (&mut *reader)
        .take(limit)
        .read_until(b'\n', &mut bytes)
        .await?;
    if n == 0 {
        return Ok(Line::Eof);
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        // A line that ends in \r\n (telnet, Windows) is the same line. Only that one \r
        // belongs to the ending; any other byte, \r included, is the client's.
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    }
    // Without a \n, either take() stopped read_until (then the line is too long, whatever
    // comes next), or the client closed in the middle of a line: what it sent still counts,
    // the way `lines()` in the standard library counts it.
    if bytes.len() > MAX_LINE {
        return Ok(Line::TooLong);
    }
    // Only now, with the whole line in hand, do the bytes become text: a character split
    // across two reads is whole again.
    Ok(Line::Text(String::from_utf8_lossy(&bytes).into_owned()))
}
