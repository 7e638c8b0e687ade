//! Receiving: one line per datagram.

use std::io::{self, ErrorKind, Write};
use std::net::{SocketAddr, UdpSocket};

use crate::socket::BUFFER_SIZE;

/// Prints `<sender> <length> <payload>` for each datagram that arrives; stops after `count`
/// datagrams when a count is given. A count of 0 receives nothing: the loop's condition is
/// checked before the first receive, so `--count 0` returns at once.
pub fn receive(socket: &UdpSocket, count: Option<u64>) -> io::Result<()> {
    // One buffer, reused: each recv_from overwrites its start with the next datagram.
    let mut buf = vec![0u8; BUFFER_SIZE];
    let mut received = 0u64;
    while count.is_none_or(|count| received < count) {
        // recv_from blocks until a whole datagram is there, and returns it in one piece
        // with its length and sender. If the buffer is too small, the rest of the datagram
        // is thrown away, silently: that is why the buffer holds the largest one.
        let (n, from) = match socket.recv_from(&mut buf) {
            Ok(got) => got,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        // n == 0 is an empty datagram, not an end of file: UDP has no connection to end.
        print_datagram(from, &buf[..n])?;
        received += 1;
    }
    Ok(())
}

/// Prints one datagram's line. Only `data`, the bytes this datagram brought, is printed:
/// the rest of the buffer holds whatever an earlier, longer datagram left there.
pub fn print_datagram(from: SocketAddr, data: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    // The length is in bytes. The payload is printed as it came, spaces, tabs and line
    // breaks included (the length says where it ends); from_utf8_lossy only replaces what
    // is not UTF-8 with U+FFFD, so that the output is always valid text.
    writeln!(
        out,
        "{from} {} {}",
        data.len(),
        String::from_utf8_lossy(data)
    )?;
    // Flush per line, so that whoever reads our output sees each datagram as it comes.
    out.flush()
}
