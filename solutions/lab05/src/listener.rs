//! The listening socket, and the line that tells the grader (and you) where it is.

use std::io::{self, Write};
use std::net::{SocketAddr, TcpListener};

/// Opens the listening socket. `TcpListener::bind` is socket, SO_REUSEADDR, bind and listen
/// in one call (chapter 2 takes it apart), and it takes the address family from the address:
/// IPv4 for `127.0.0.1`, IPv6 for `[::1]`.
pub fn open(addr: SocketAddr) -> io::Result<TcpListener> {
    TcpListener::bind(addr)
}

/// Prints `listening on ADDR` with the address really bound, and flushes it: the grader
/// (and anyone who passed port 0) reads the port from this line.
pub fn announce(listener: &TcpListener) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "listening on {}", listener.local_addr()?)?;
    out.flush()
}
