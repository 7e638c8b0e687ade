//! `boundaries`: what becomes of the sender's writes, over TCP and over UDP.
//!
//! Usage: `boundaries` (no arguments).
//!
//! A TCP stream carries bytes, not messages: two writes can come out of one read, and one
//! write can take several reads. UDP carries datagrams: each `recv_from` returns exactly
//! one datagram, whole, whatever else is waiting. Both ends run in this one process, on
//! loopback, on ports the kernel picks.

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use ch03_examples::{Args, no_arguments, show};

const ABOUT: &str = "Shows that a TCP stream keeps no message boundaries and UDP datagrams do.";

fn main() -> ExitCode {
    match no_arguments("boundaries", ABOUT) {
        Args::Run => {}
        Args::Help => return ExitCode::SUCCESS,
        Args::Bad(code) => return code,
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("boundaries: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> io::Result<()> {
    println!("TCP, a byte stream:");
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let mut client = TcpStream::connect(listener.local_addr()?)?;
    let (mut server, _) = listener.accept()?;
    tcp_two_writes(&mut client, &mut server)?;
    tcp_one_write(client, &mut server)?;
    println!("UDP, datagrams:");
    udp_two_datagrams()
}

// ANCHOR: tcp-two-writes
/// Two writes, two messages as far as the client is concerned; once both have arrived, a
/// single read returns them together.
fn tcp_two_writes(client: &mut TcpStream, server: &mut TcpStream) -> io::Result<()> {
    client.write_all(b"hello ")?;
    client.write_all(b"world")?;
    println!("  client: write(b\"hello \"), then write(b\"world\")");

    wait_until_readable(server, 11)?;
    let mut buf = [0u8; 1024];
    let n = server.read(&mut buf)?;
    println!("  server: one read returned {n} bytes: {}", show(&buf[..n]));
    Ok(())
}
// ANCHOR_END: tcp-two-writes

// ANCHOR: tcp-one-write
/// One write of 200,000 bytes; the server reads with a 64 KiB buffer as the bytes arrive.
fn tcp_one_write(mut client: TcpStream, server: &mut TcpStream) -> io::Result<()> {
    let writer = thread::spawn(move || client.write_all(&[b'x'; 200_000]));
    let mut buf = vec![0u8; 64 * 1024];
    let mut sizes = Vec::new();
    while sizes.iter().sum::<usize>() < 200_000 {
        match server.read(&mut buf)? {
            0 => break,
            n => sizes.push(n),
        }
    }
    writer.join().expect("the writer thread does not panic")?;
    println!("  client: one write_all of 200000 bytes");
    println!("  server: {} reads returned {sizes:?}", sizes.len());
    Ok(())
}
// ANCHOR_END: tcp-one-write

// ANCHOR: udp-two-datagrams
/// Two datagrams, and two receives that return one datagram each.
fn udp_two_datagrams() -> io::Result<()> {
    // Two sockets, each bound to a port the kernel picks. No listen, no accept, no connect:
    // a bound UDP socket can send to, and receive from, any address.
    let receiver = UdpSocket::bind("127.0.0.1:0")?;
    let sender = UdpSocket::bind("127.0.0.1:0")?;
    let to = receiver.local_addr()?;

    // Each send_to is one datagram, with the destination named on every call.
    sender.send_to(b"hello ", to)?;
    sender.send_to(b"world", to)?;
    println!("  sender:   send_to(b\"hello \"), then send_to(b\"world\")");

    // Both are waiting in the receiver's queue by now. Still, each recv_from returns one
    // datagram, whole, with the address it came from.
    let mut buf = [0u8; 1024];
    for _ in 0..2 {
        let (n, from) = receiver.recv_from(&mut buf)?;
        println!(
            "  receiver: recv_from returned {n} bytes from {from}: {}",
            show(&buf[..n])
        );
    }
    Ok(())
}
// ANCHOR_END: udp-two-datagrams

/// Waits until `want` bytes can be read from `stream` without blocking, so that the
/// experiment does not depend on luck. `peek` looks at the received bytes without taking
/// them.
fn wait_until_readable(stream: &TcpStream, want: usize) -> io::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut buf = vec![0u8; want];
    while stream.peek(&mut buf)? < want {
        if Instant::now() > deadline {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the bytes did not arrive",
            ));
        }
        thread::sleep(Duration::from_millis(1));
    }
    Ok(())
}
