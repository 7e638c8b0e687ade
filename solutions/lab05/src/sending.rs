//! Sending a response by a deadline.
//!
//! A timeout on each read does not bound a request: a client that sends one byte a second
//! makes every read succeed ([`crate::reader`] gives the whole head a deadline instead).
//! Writes have the same trap. `set_write_timeout` bounds each write(2), and a write returns
//! as soon as the kernel has taken *some* of the bytes; a client that reads a few bytes every
//! second makes every write succeed a little at a time, and holds its thread for as long as
//! the response lasts: the slowloris attack, made on the way out. So a response gets a
//! deadline too, and before every write the write timeout is set to the time left until it.
//! When none is left, the write fails, and the connection ends.

use std::io::{self, ErrorKind, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The connection's writing side: every write must be done by the current deadline.
pub struct Sender {
    stream: TcpStream,
    deadline: Instant,
}

impl Sender {
    pub fn new(stream: TcpStream) -> Sender {
        Sender {
            stream,
            deadline: Instant::now(),
        }
    }

    /// Starts a response: it must be written (taken by the client) within `limit` from now.
    pub fn respond_within(&mut self, limit: Duration) {
        self.deadline = Instant::now() + limit;
    }
}

impl Write for Sender {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(too_slow());
        }
        // The time left for the whole response, not a fresh timeout for each write.
        self.stream.set_write_timeout(Some(left))?;
        match self.stream.write(bytes) {
            // The write timed out before the kernel took a single byte.
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                Err(too_slow())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.stream.flush()
    }
}

fn too_slow() -> io::Error {
    io::Error::new(
        ErrorKind::TimedOut,
        "the client did not take the response before its deadline",
    )
}
