//! `rcvbuf`: what asking for a bigger receive buffer (`SO_RCVBUF`) really gets you (Linux).
//!
//! Usage: `rcvbuf` (no arguments).
//!
//! A socket's receive buffer holds the datagrams that arrived and were not read yet; when it
//! is full, the kernel drops the next one. `SO_RCVBUF` asks for a different size, and Linux
//! does two things with the request (socket(7)): it caps it at `net.core.rmem_max`, and it
//! doubles it, to leave room for its own bookkeeping of each datagram. `getsockopt` reads
//! the doubled value back. For each request, this program reads the size back and floods
//! the socket with 2,000 datagrams of 1,000 bytes to see how many it holds.

use std::fs;
use std::io;
use std::net::UdpSocket;
use std::process::ExitCode;
use std::time::Duration;

use ch03_examples::{Args, no_arguments};
use socket2::SockRef;

const ABOUT: &str = "Asks for receive buffers of a few sizes, reads back what the kernel gave, and floods each one.";

const COUNT: u32 = 2000;
const SIZE: usize = 1000;

fn main() -> ExitCode {
    match no_arguments("rcvbuf", ABOUT) {
        Args::Run => {}
        Args::Help => return ExitCode::SUCCESS,
        Args::Bad(code) => return code,
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rcvbuf: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> io::Result<()> {
    for name in ["rmem_default", "rmem_max"] {
        match fs::read_to_string(format!("/proc/sys/net/core/{name}")) {
            Ok(value) => println!("net.core.{name} = {}", value.trim()),
            Err(_) => println!("net.core.{name}: not readable here (it is Linux's)"),
        }
    }
    for request in [None, Some(100_000), Some(1_000_000), Some(8_000_000)] {
        let (size, held) = flood(request)?;
        let asked = match request {
            None => "nothing".to_string(),
            Some(bytes) => format!("{bytes} bytes"),
        };
        println!("asked for {asked:>14}: SO_RCVBUF reads {size:>8}, held {held:>4} of {COUNT}");
    }
    Ok(())
}

// ANCHOR: ask
/// A receiver that asked for `request` bytes of receive buffer (or nothing): the size
/// getsockopt reports, and how many of COUNT datagrams, sent before it reads any, it held.
fn flood(request: Option<usize>) -> io::Result<(usize, u32)> {
    let receiver = UdpSocket::bind("127.0.0.1:0")?;
    // std has no SO_RCVBUF; socket2's SockRef borrows the socket to set and read options.
    let socket = SockRef::from(&receiver);
    if let Some(bytes) = request {
        socket.set_recv_buffer_size(bytes)?; // setsockopt(SO_RCVBUF)
    }
    let size = socket.recv_buffer_size()?; // getsockopt(SO_RCVBUF)

    let sender = UdpSocket::bind("127.0.0.1:0")?;
    for _ in 0..COUNT {
        sender.send_to(&[0u8; SIZE], receiver.local_addr()?)?;
    }
    let mut held = 0;
    receiver.set_read_timeout(Some(Duration::from_millis(100)))?;
    let mut buf = [0u8; 2048];
    while receiver.recv_from(&mut buf).is_ok() {
        held += 1;
    }
    Ok((size, held))
}
// ANCHOR_END: ask
