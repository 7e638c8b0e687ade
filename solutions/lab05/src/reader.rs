//! Reading one request head off a connection.
//!
//! TCP delivers a stream of bytes, not messages. One `read` may return half a request line,
//! or a whole request and the start of the next one (a client that pipelines). So the
//! connection keeps a buffer that outlives one request: we read into it until it holds the
//! blank line that ends a head, hand out the head, and keep whatever came after it for the
//! next round.
//!
//! Two limits keep one client from holding the server hostage. The head may not grow past
//! [`MAX_HEAD`] bytes, and it must be complete by a deadline. The deadline is for the whole
//! head, not for each read: a client that sends one byte every second would reset a
//! per-read timeout forever (that is the "slowloris" attack), but cannot move a deadline.

use std::io::{self, ErrorKind, Read};
use std::net::TcpStream;
use std::time::Instant;

/// The largest request head we read: request line, header lines and the empty line that
/// ends them, every CRLF counted. A head of exactly this many bytes is served; one byte more
/// is refused with 431. 8 KiB is what nginx allows per header line by default, and far more
/// than a browser sends.
pub const MAX_HEAD: usize = 8 * 1024;

/// Why no head could be read.
#[derive(Debug)]
pub enum HeadError {
    /// The head grew past [`MAX_HEAD`] without ending.
    TooLarge,
    /// The deadline passed. `partial` says whether part of a request had arrived (then the
    /// client gets a 408) or none (an idle connection, closed without a word).
    TimedOut { partial: bool },
    /// The client closed the connection in the middle of a head.
    Truncated,
    /// The connection failed (a reset, most often).
    Io(io::Error),
}

/// Reads the next request head from `stream`, using and refilling `buf`. Returns the head,
/// blank line included, and leaves the bytes after it in `buf`. `Ok(None)` means the client
/// closed the connection cleanly before starting another request.
pub fn read_head(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    deadline: Instant,
) -> Result<Option<Vec<u8>>, HeadError> {
    let mut chunk = [0u8; 4096];
    loop {
        skip_empty_lines(buf);
        if let Some(end) = head_end(buf) {
            if end > MAX_HEAD {
                return Err(HeadError::TooLarge);
            }
            return Ok(Some(buf.drain(..end).collect()));
        }
        if buf.len() > MAX_HEAD {
            return Err(HeadError::TooLarge);
        }
        // The time left for the whole head, not a fresh timeout for each read.
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(HeadError::TimedOut {
                partial: !buf.is_empty(),
            });
        }
        stream.set_read_timeout(Some(left)).map_err(HeadError::Io)?;
        match stream.read(&mut chunk) {
            Ok(0) if buf.is_empty() => return Ok(None),
            Ok(0) => return Err(HeadError::Truncated),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            // The read timed out: the loop finds the deadline passed and says so.
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(e) => return Err(HeadError::Io(e)),
        }
    }
}

/// Where the head in `buf` ends: the index just after its first empty line. Lines end with
/// CRLF; a bare LF is accepted too, as RFC 9112 allows, so that `nc` without `-C` works.
pub fn head_end(buf: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = buf[from..].iter().position(|&b| b == b'\n') {
        let next_line = from + at + 1;
        match &buf[next_line..] {
            [b'\n', ..] => return Some(next_line + 1),
            [b'\r', b'\n', ..] => return Some(next_line + 2),
            _ => from = next_line,
        }
    }
    None
}

/// Drops empty lines before a request line. RFC 9112 asks servers to ignore at least one:
/// some clients send an extra CRLF after a request body.
fn skip_empty_lines(buf: &mut Vec<u8>) {
    let mut start = 0;
    loop {
        match &buf[start..] {
            [b'\n', ..] => start += 1,
            [b'\r', b'\n', ..] => start += 2,
            _ => break,
        }
    }
    buf.drain(..start);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_end_of_a_head() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n\r\nGET"), Some(27));
        assert_eq!(head_end(b"GET / HTTP/1.1\n\n"), Some(16));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n"), None);
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n\r"), None);
        assert_eq!(head_end(b""), None);
    }

    #[test]
    fn skips_empty_lines_before_a_request() {
        let mut buf = b"\r\n\nGET".to_vec();
        skip_empty_lines(&mut buf);
        assert_eq!(buf, b"GET");
        let mut buf = b"\r".to_vec();
        skip_empty_lines(&mut buf);
        assert_eq!(buf, b"\r");
    }
}
