//! Receiving: one line per datagram.

use std::io::{self, ErrorKind, Write};
use std::net::{SocketAddr, UdpSocket};

/// Prints `<sender> <length> <payload>` for each datagram that arrives; stops after `count`
/// datagrams when a count is given.
pub fn receive(socket: &UdpSocket, count: Option<u64>, buffer_size: usize) -> io::Result<()> {
    // One buffer, reused: each recv_from overwrites its start with the next datagram.
    let mut buf = vec![0u8; buffer_size];
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
    // The length is in bytes; from_utf8_lossy shows a byte that is not UTF-8 as U+FFFD.
    writeln!(
        out,
        "{from} {} {}",
        data.len(),
        String::from_utf8_lossy(data)
    )?;
    // Flush per line, so that whoever reads our output sees each datagram as it comes.
    out.flush()
}
