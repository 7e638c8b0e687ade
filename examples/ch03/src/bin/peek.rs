//! `peek`: learning a datagram's size before receiving it, and learning that one was cut.
//!
//! Usage: `peek` (no arguments).
//!
//! `recv_from` into a buffer that is too small cuts the datagram short and returns no
//! error. Two flags of the `recv` family of system calls say more (recv(2), udp(7)):
//!
//! - `MSG_TRUNC` *returned* in `recvmsg`'s flags says that this datagram was cut short;
//! - `MSG_TRUNC` *passed* to `recv` on Linux makes it return the datagram's real length, even
//!   when that is more than the buffer holds, and with `MSG_PEEK` the datagram stays queued.
//!
//! So a receiver can peek with an empty buffer to learn the size, then receive the datagram
//! into a buffer of exactly that size. `std` offers neither flag; socket2 does, on a
//! `SockRef` that borrows the std socket.

use std::io;
use std::mem::MaybeUninit;
use std::net::UdpSocket;
use std::process::ExitCode;

use ch03_examples::{Args, no_arguments};
use socket2::{MaybeUninitSlice, SockRef};

const ABOUT: &str = "Learns a waiting datagram's size with MSG_PEEK | MSG_TRUNC, and sees MSG_TRUNC set on a cut one.";

fn main() -> ExitCode {
    match no_arguments("peek", ABOUT) {
        Args::Run => {}
        Args::Help => return ExitCode::SUCCESS,
        Args::Bad(code) => return code,
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("peek: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> io::Result<()> {
    let receiver = UdpSocket::bind("127.0.0.1:0")?;
    let sender = UdpSocket::bind("127.0.0.1:0")?;
    let to = receiver.local_addr()?;
    sender.send_to(&[b'a'; 2000], to)?;
    sender.send_to(&[b'b'; 3000], to)?;
    println!("waiting: a datagram of 2000 bytes, then one of 3000");
    cut_short(&receiver)?;
    size_first(&receiver)
}

// ANCHOR: cut-short
/// recvmsg into 1,024 bytes: the datagram is cut, and the MSG_TRUNC flag says so.
fn cut_short(receiver: &UdpSocket) -> io::Result<()> {
    let mut small = [MaybeUninit::<u8>::uninit(); 1024];
    let mut bufs = [MaybeUninitSlice::new(&mut small)];
    let (n, flags, _) = SockRef::from(receiver).recv_from_vectored(&mut bufs)?;
    println!(
        "recvmsg into 1024 bytes: returned {n}, MSG_TRUNC set: {}",
        flags.is_truncated()
    );
    Ok(())
}
// ANCHOR_END: cut-short

// ANCHOR: size-first
/// Asks for the next datagram's size without taking it, then takes it whole.
fn size_first(receiver: &UdpSocket) -> io::Result<()> {
    // std's peek_from passes MSG_PEEK alone: it returns what fits the buffer, here nothing.
    let (n, _) = receiver.peek_from(&mut [])?;
    println!("peek_from into an empty buffer (MSG_PEEK): returned {n}");
    // With MSG_TRUNC too, Linux returns the datagram's real length, and MSG_PEEK leaves the
    // datagram where it is.
    let socket = SockRef::from(receiver);
    let (size, _) = socket.recv_from_with_flags(&mut [], libc::MSG_PEEK | libc::MSG_TRUNC)?;
    println!("peek with MSG_PEEK | MSG_TRUNC: returned {size}, the next datagram's size");
    let mut exact = vec![0u8; size];
    let (n, _) = receiver.recv_from(&mut exact)?;
    println!("recv_from into a buffer of exactly {size} bytes: returned {n}");
    Ok(())
}
// ANCHOR_END: size-first
