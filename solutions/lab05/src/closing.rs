//! How a connection ends: with an error status when the request could not be read, and
//! always so that the client still gets our last response. Also the access log, one line
//! per request.

use std::io::{self, BufWriter, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use crate::response::{self, Response};
use crate::sending::Sender;

/// Answers with an error status, then closes: used when the head could not be read or
/// parsed, so the connection cannot go on.
pub fn refuse(
    out: &mut BufWriter<Sender>,
    stream: TcpStream,
    peer: SocketAddr,
    status: u16,
) -> io::Result<()> {
    let response = Response::error(status).with_header("Connection", "close");
    response::write(out, response, false)?;
    log(format!("{peer} - {status}"));
    close(stream)
}

/// Writes one line to stderr in one write(2). Stderr is unbuffered, so `eprintln!` with
/// arguments writes every piece of the format separately: `strace` counted twenty system
/// calls for one log line.
pub fn log(mut line: String) {
    line.push('\n');
    let _ = io::stderr().write_all(line.as_bytes());
}

/// How long a closing connection goes on reading what the client still sends.
const LINGER: Duration = Duration::from_secs(1);

/// Closes the connection so that the client gets our last response. Closing a socket that
/// still has unread bytes makes the kernel send a reset (RST) instead of a FIN; a client
/// still busy sending its request (a body we did not read, a head over the limit) then
/// gets an error from its next write, and many clients report that error instead of reading
/// our response. Some TCP stacks even throw away received data that was not read yet when a
/// reset arrives (RFC 9112 §9.6). So we close our sending side first (the client sees EOF
/// after the response), then read and drop what the client still sends, until it closes
/// too or [`LINGER`] passes, before closing for good. nginx calls this a "lingering close"
/// (its `lingering_time` is 30 s; a thread per connection makes us keep it short).
pub fn close(mut stream: TcpStream) -> io::Result<()> {
    stream.shutdown(Shutdown::Write)?;
    let deadline = Instant::now() + LINGER;
    let mut sink = [0u8; 16 * 1024];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(());
        }
        stream.set_read_timeout(Some(left))?;
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
}
