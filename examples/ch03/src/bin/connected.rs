//! `connected`: what `connect()` does to a UDP socket.
//!
//! Usage: `connected` (no arguments).
//!
//! On a UDP socket, connect() sends nothing: there is no handshake. It records a default
//! peer, so that `send` and `recv` work without an address, filters what arrives to that
//! peer's datagrams, and asks the kernel to report errors about that peer. The last part is
//! the surprise: when nothing listens at the peer's port, its host answers a datagram with
//! an ICMP "port unreachable", and on a connected socket that answer fails a *later* call
//! with ECONNREFUSED. An unconnected socket never hears of it.

use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::process::ExitCode;
use std::time::Duration;

use ch03_examples::{Args, no_arguments};

const ABOUT: &str =
    "Sends to a port where nothing listens, from an unconnected and a connected UDP socket.";

fn main() -> ExitCode {
    match no_arguments("connected", ABOUT) {
        Args::Run => {}
        Args::Help => return ExitCode::SUCCESS,
        Args::Bad(code) => return code,
    }
    let result = unused_port().and_then(|nobody| {
        println!("nothing listens at {nobody}");
        unconnected(nobody)?;
        connected(nobody)?;
        filter()
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("connected: {e}");
            ExitCode::FAILURE
        }
    }
}

// ANCHOR: unconnected
/// send_to from a socket that is not connected: every call succeeds.
fn unconnected(nobody: SocketAddr) -> io::Result<()> {
    let socket = UdpSocket::bind("127.0.0.1:0")?;
    println!("unconnected socket:");
    for i in 1..=3 {
        println!(
            "  send_to #{i}: {}",
            outcome(socket.send_to(b"hello", nobody))
        );
    }
    Ok(())
}
// ANCHOR_END: unconnected

// ANCHOR: connected
/// send from a connected socket: the ICMP answer to one datagram fails the next call.
fn connected(nobody: SocketAddr) -> io::Result<()> {
    let socket = UdpSocket::bind("127.0.0.1:0")?;
    println!("connected socket:");
    // No packet leaves here: connect() only writes the peer address into the socket.
    socket.connect(nobody)?;
    println!("  connect:  ok");
    for i in 1..=4 {
        println!("  send #{i}:  {}", outcome(socket.send(b"hello")));
    }
    // The error also comes out of a receive.
    socket.send(b"hello")?;
    socket.set_read_timeout(Some(Duration::from_secs(1)))?;
    let mut buf = [0u8; 64];
    println!("  recv:     {}", outcome(socket.recv(&mut buf)));
    Ok(())
}
// ANCHOR_END: connected

// ANCHOR: filter
/// A connected socket only takes datagrams from its peer.
fn filter() -> io::Result<()> {
    let peer = UdpSocket::bind("127.0.0.1:0")?;
    let stranger = UdpSocket::bind("127.0.0.1:0")?;
    let socket = UdpSocket::bind("127.0.0.1:0")?;
    socket.connect(peer.local_addr()?)?;
    stranger.send_to(b"from a stranger", socket.local_addr()?)?;
    peer.send_to(b"from the peer", socket.local_addr()?)?;
    let mut buf = [0u8; 64];
    let n = socket.recv(&mut buf)?;
    println!(
        "filter:   the first datagram received is {:?}; the stranger's was dropped",
        String::from_utf8_lossy(&buf[..n])
    );
    Ok(())
}
// ANCHOR_END: filter

/// A call's result in words: the byte count, or the error.
fn outcome(result: io::Result<usize>) -> String {
    match result {
        Ok(n) => format!("ok ({n} bytes)"),
        Err(e) => format!("error: {e}"),
    }
}

/// A port on 127.0.0.1 with no socket: bind one to port 0, note the port, close it.
fn unused_port() -> io::Result<SocketAddr> {
    UdpSocket::bind("127.0.0.1:0")?.local_addr()
}
