//! How a connection ends: with an error status when the request could not be read, and
//! always so that the client still gets our last response. Also the access log, one line
//! per request.

use std::io::{self, BufWriter, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use crate::response::{self, Response};

/// Answers with an error status, then closes: used when the head could not be read or
/// parsed, so the connection cannot go on.
pub fn refuse(
    out: &mut BufWriter<TcpStream>,
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

/// Closes the connection so that the client gets our last response. Closing a socket that
/// still has unread bytes makes the kernel send a reset (RST), and a reset can make the
/// client throw away a response it has not read yet. So we close our sending side first
/// (the client sees EOF after the response), then read and drop what the client still
/// sends, for a moment, before closing for good. nginx calls this a "lingering close".
pub fn close(mut stream: TcpStream) -> io::Result<()> {
    stream.shutdown(Shutdown::Write)?;
    let deadline = Instant::now() + Duration::from_secs(1);
    let mut sink = [0u8; 4096];
    let mut drained = 0;
    while drained < 64 * 1024 {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        stream.set_read_timeout(Some(left))?;
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
    Ok(())
}
