//! What one client gets: every byte it sends, back, in order, until it stops sending.

use std::io::{self, ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};

/// Big enough to move data in few system calls, small enough to live on the thread's stack.
const BUF_SIZE: usize = 16 * 1024;

/// Echoes until the client shuts down its sending side, then returns, which closes the
/// connection.
pub fn echo(mut stream: TcpStream, _peer: SocketAddr) -> io::Result<()> {
    let mut buf = [0u8; BUF_SIZE];
    loop {
        // read(2) returns as soon as *some* bytes are there: maybe fewer than the client
        // wrote in one go, maybe the end of one write and the start of the next. A stream
        // has no message boundaries, so we never wait for "the whole message".
        let n = match stream.read(&mut buf) {
            // 0 means EOF: the client called shutdown(Write) or close. Nothing more will
            // come, so there is nothing more to echo.
            Ok(0) => return Ok(()),
            Ok(n) => n,
            // A signal interrupted the call before any data arrived: just try again.
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        // Only the first n bytes of the buffer are this read's data; the rest is whatever
        // an earlier read left there. write_all loops over partial writes for us.
        stream.write_all(&buf[..n])?;
    }
}
