//! `sizes`: the largest datagram, the smallest, and one that does not fit the buffer.
//!
//! Usage: `sizes` (no arguments).
//!
//! Over IPv4 a datagram carries at most 65,507 bytes: an IPv4 packet is at most 65,535
//! bytes long, and its header takes 20 and the UDP header 8. One byte more and `send_to`
//! fails with EMSGSIZE. Zero bytes is a valid datagram. And a datagram longer than the
//! receive buffer is cut short, silently.

use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::process::ExitCode;

use ch03_examples::{Args, no_arguments, show};

const ABOUT: &str =
    "Sends datagrams of 65507, 65508 and 0 bytes, and one too big for the receive buffer.";

fn main() -> ExitCode {
    match no_arguments("sizes", ABOUT) {
        Args::Run => {}
        Args::Help => return ExitCode::SUCCESS,
        Args::Bad(code) => return code,
    }
    let result = UdpSocket::bind("127.0.0.1:0").and_then(|receiver| {
        let sender = UdpSocket::bind("127.0.0.1:0")?;
        let to = receiver.local_addr()?;
        largest(&sender, &receiver, to)?;
        empty(&sender, &receiver, to)?;
        truncated(&sender, &receiver, to)
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sizes: {e}");
            ExitCode::FAILURE
        }
    }
}

// ANCHOR: largest
/// The largest datagram IPv4 can carry, and one byte more.
fn largest(sender: &UdpSocket, receiver: &UdpSocket, to: SocketAddr) -> io::Result<()> {
    let mut buf = vec![0u8; 64 * 1024];
    for size in [65_507, 65_508] {
        match sender.send_to(&vec![b'x'; size], to) {
            Ok(n) => {
                let (got, _) = receiver.recv_from(&mut buf)?;
                println!("send_to of {size} bytes: sent {n}, received {got}");
            }
            Err(e) => println!("send_to of {size} bytes: error: {e}"),
        }
    }
    Ok(())
}
// ANCHOR_END: largest

// ANCHOR: empty
/// A datagram of no bytes at all.
fn empty(sender: &UdpSocket, receiver: &UdpSocket, to: SocketAddr) -> io::Result<()> {
    sender.send_to(b"", to)?;
    let mut buf = [0u8; 1024];
    let (n, from) = receiver.recv_from(&mut buf)?;
    println!("send_to of 0 bytes: received a datagram of {n} bytes from {from}");
    Ok(())
}
// ANCHOR_END: empty

// ANCHOR: truncated
/// 2,000 bytes into a buffer of 1,024: recv_from fills the buffer and throws the rest away.
/// No error says so, and the next call returns the next datagram.
fn truncated(sender: &UdpSocket, receiver: &UdpSocket, to: SocketAddr) -> io::Result<()> {
    sender.send_to(&[b'y'; 2000], to)?;
    sender.send_to(b"next", to)?;
    let mut small = [0u8; 1024];
    let (n, _) = receiver.recv_from(&mut small)?;
    println!("2000 bytes into a 1024-byte buffer: recv_from returned {n}");
    let (n, _) = receiver.recv_from(&mut small)?;
    println!(
        "the next recv_from returned {n} bytes: {}",
        show(&small[..n])
    );
    Ok(())
}
// ANCHOR_END: truncated
