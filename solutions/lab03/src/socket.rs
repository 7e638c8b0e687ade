//! The socket: bind it, say where it is, and how big a buffer its datagrams need.

use std::io::{self, Write};
use std::net::{SocketAddr, UdpSocket};

/// The receive buffer of `recv` and `echo`: 64 KiB holds any UDP datagram, over IPv4
/// (at most 65,507 bytes) and over IPv6 (at most 65,527). A datagram that does not fit is cut
/// short without an error, so a buffer of 65,507 bytes, enough for IPv4, would quietly
/// lose the end of the largest IPv6 datagrams.
pub const BUFFER_SIZE: usize = 64 * 1024;

/// A UDP socket bound to `addr`: socket(2) and bind(2), nothing more. Unlike TCP there is no
/// listen and no accept. From now on the kernel queues every datagram addressed to this
/// port for us, and we can send to anyone. Port 0 asks the kernel for a free ephemeral port.
/// The socket's address family (IPv4 or IPv6) is the address's: `[::1]:0` gives an IPv6
/// socket.
pub fn bind(addr: SocketAddr) -> io::Result<UdpSocket> {
    UdpSocket::bind(addr)
}

/// Prints `listening on ADDR` with the address the kernel really gave us, and flushes it at
/// once: whoever started us (the grader, a script) is waiting for this line to learn the
/// port.
pub fn announce(socket: &UdpSocket) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "listening on {}", socket.local_addr()?)?;
    out.flush()
}
