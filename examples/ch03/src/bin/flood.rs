//! `flood`: real datagram loss, on loopback, and sequence numbers that show it.
//!
//! Usage: `flood` (no arguments).
//!
//! Loopback never drops a packet on the wire, but a receiver can still lose datagrams: the
//! kernel keeps arriving datagrams in the socket's receive buffer until the program reads
//! them, and when that buffer is full, the next datagram is thrown away. Nobody is told:
//! the sender's `send_to` has already returned Ok. Here the receiver does not read until
//! the sender is done, the way a busy or slow program falls behind. Each datagram carries a
//! sequence number, so the receiver can tell which ones are missing.

use std::collections::BTreeSet;
use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::process::ExitCode;
use std::time::Duration;

use ch03_examples::{Args, no_arguments, snmp_counter};

const ABOUT: &str = "Sends 2000 numbered datagrams to a receiver that reads only afterwards.";

/// How many datagrams, and how big: 2 MB in all, far more than a receive buffer holds.
const COUNT: u32 = 2000;
const SIZE: usize = 1000;

fn main() -> ExitCode {
    match no_arguments("flood", ABOUT) {
        Args::Run => {}
        Args::Help => return ExitCode::SUCCESS,
        Args::Bad(code) => return code,
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("flood: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> io::Result<()> {
    let receiver = UdpSocket::bind("127.0.0.1:0")?;
    let sender = UdpSocket::bind("127.0.0.1:0")?;
    let dropped_before = snmp_counter("Udp", "RcvbufErrors");
    send_numbered(&sender, receiver.local_addr()?)?;
    receive_numbered(&receiver)?;
    // Linux counts the datagrams it dropped because a receive buffer was full (other
    // programs' too, so the number can be a little higher than ours).
    if let (Some(before), Some(after)) = (dropped_before, snmp_counter("Udp", "RcvbufErrors")) {
        println!(
            "kernel:   Udp RcvbufErrors went up by {}",
            after.saturating_sub(before)
        );
    }
    Ok(())
}

// ANCHOR: send
/// Sends COUNT datagrams as fast as it can, each starting with its sequence number
/// (4 bytes, big-endian).
fn send_numbered(sender: &UdpSocket, to: SocketAddr) -> io::Result<()> {
    let mut errors = 0;
    for seq in 0..COUNT {
        let mut datagram = vec![0u8; SIZE];
        datagram[..4].copy_from_slice(&seq.to_be_bytes());
        if sender.send_to(&datagram, to).is_err() {
            errors += 1;
        }
    }
    println!("sender:   {COUNT} datagrams sent, {errors} send errors");
    Ok(())
}
// ANCHOR_END: send

// ANCHOR: receive
/// Reads everything that is waiting (a short silence means the queue is empty) and uses
/// the sequence numbers to find what is missing or out of order.
fn receive_numbered(receiver: &UdpSocket) -> io::Result<()> {
    receiver.set_read_timeout(Some(Duration::from_millis(200)))?;
    let mut buf = [0u8; 2048];
    let mut seen = BTreeSet::new();
    let mut out_of_order = 0;
    let mut last = None;
    while let Ok((n, _)) = receiver.recv_from(&mut buf) {
        if n < 4 {
            continue;
        }
        let seq = u32::from_be_bytes([buf[0], buf[1], buf[2], buf[3]]);
        if last.is_some_and(|last| seq < last) {
            out_of_order += 1;
        }
        last = Some(seq);
        seen.insert(seq);
    }
    let missing: Vec<u32> = (0..COUNT).filter(|seq| !seen.contains(seq)).collect();
    println!(
        "receiver: {} received, {} missing, {out_of_order} out of order",
        seen.len(),
        missing.len()
    );
    if let (Some(first), Some(last)) = (missing.first(), missing.last()) {
        println!("receiver: missing #{first} to #{last}");
    }
    Ok(())
}
// ANCHOR_END: receive
