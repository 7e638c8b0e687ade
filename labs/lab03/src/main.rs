//! Lab 03: a UDP sender, receiver and echo server.
//!
//! Read chapter 3, "Stream vs datagram sockets" (`src/en/ch03-stream-vs-datagram.md`;
//! 한국어: `src/ko/ch03-stream-vs-datagram.md`), then fill in the TODOs below, in order.
//! Grade your work with `cargo test -p lab03`: each failing check says which TODO it needs
//! and which section of the chapter explains it. Try it by hand in two terminals:
//! `cargo run -p lab03 -- recv` in one, `cargo run -p lab03 -- send --to 127.0.0.1:7879 hi`
//! in the other.
//!
//! TODO list (everything else in this crate is done):
//!
//! 1. `bind`: make a UDP socket bound to `addr` (`std::net::UdpSocket::bind`). That is all
//!    a UDP socket needs: no listen, no accept, no connection. Its address family comes
//!    from `addr`: `[::1]:0` makes an IPv6 socket, `127.0.0.1:0` an IPv4 one.
//!    (§ "Datagram sockets in Rust")
//! 2. `send_messages`: first make sure every message fits in one datagram to `to` (at most
//!    `MAX_PAYLOAD_V4` bytes to an IPv4 address, `MAX_PAYLOAD_V6` to an IPv6 one; a message
//!    of exactly the limit fits); if one does not, return an error that says so *before
//!    sending anything*. Then send each message with one `send_to`, in order, byte for byte
//!    (spaces at its ends too), empty ones too (an empty datagram is a datagram). Do not
//!    `connect` the socket: sending must succeed even when nothing listens at `to`. Return
//!    how many datagrams and bytes you sent.
//!    (§ "Message boundaries", § "How big a datagram can be", § "connect() on a UDP socket")
//! 3. `receive`: receive datagrams with `recv_from` into a buffer that holds the largest
//!    one (64 KiB, for IPv4 and IPv6 alike: a smaller buffer silently cuts datagrams
//!    short). For each, print one line: `<sender address> <length> <payload>`, where the
//!    payload is only the `n` bytes received, exactly as they came (no trimming), as text
//!    (`String::from_utf8_lossy` replaces bytes that are not UTF-8), and flush it. Stop
//!    after `count` datagrams if a count is given, checking the count *before* each
//!    receive (`--count 0` receives nothing); otherwise go on forever.
//!    (§ "Datagram sockets in Rust", § "How big a datagram can be", § "The contract")
//! 4. `echo`: forever: receive a datagram and send exactly its bytes back, with `send_to`
//!    on the same socket, to the address `recv_from` returned *for that datagram*. One
//!    socket serves every client. Empty datagrams are echoed too. An error with one
//!    datagram is logged on stderr, and the server goes on. (§ "One socket, many peers")
//! 5. Delete the `#![allow(...)]` line below and fix any warning it was hiding.

// The unfinished starter leaves some names unused; this keeps it quiet until you are done.
#![allow(unused_variables, unused_imports, dead_code)]

use lab_support::lab03 as cli;

use std::io::{self, Write};
use std::net::{SocketAddr, UdpSocket};
use std::process::ExitCode;

/// The largest payload one UDP datagram can carry over IPv4: an IPv4 packet holds at most
/// 65,535 bytes, of which 20 are the IPv4 header and 8 the UDP header.
const MAX_PAYLOAD_V4: usize = 65_507;

/// The largest payload one UDP datagram can carry over IPv6: IPv6's length field does not
/// count the IPv6 header, so only the 8 bytes of the UDP header come off 65,535.
const MAX_PAYLOAD_V6: usize = 65_527;

/// What `send_messages` did, for the summary line.
struct Sent {
    datagrams: usize,
    bytes: usize,
}

fn main() -> ExitCode {
    let command = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Ok(command) => command,
        Err(message) => {
            eprintln!("lab03: {message}\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    match command {
        cli::Command::Send { to, from, messages } => {
            match bind(from).and_then(|socket| send_messages(&socket, to, &messages)) {
                Ok(sent) => {
                    println!(
                        "sent {} datagrams ({} bytes) to {to}",
                        sent.datagrams, sent.bytes
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("lab03: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        cli::Command::Recv { listen, count } => serve(listen, |socket| receive(socket, count)),
        cli::Command::Echo { listen } => serve(listen, echo),
        cli::Command::Help => unreachable!("handled above"),
    }
}

/// Binds `listen`, announces the address, and runs `work` on the socket. Errors that end
/// the program (the address is in use, say) become one line on stderr.
fn serve(listen: SocketAddr, work: impl FnOnce(&UdpSocket) -> io::Result<()>) -> ExitCode {
    let result = bind(listen).and_then(|socket| {
        announce(&socket)?;
        work(&socket)
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lab03: cannot listen on {listen}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Prints `listening on ADDR`, the address the socket really got (with port 0 the kernel
/// picks the port), and flushes it at once: the grader is waiting for this line.
fn announce(socket: &UdpSocket) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "listening on {}", socket.local_addr()?)?;
    out.flush()
}

/// TODO 1: a UDP socket bound to `addr`.
fn bind(addr: SocketAddr) -> io::Result<UdpSocket> {
    todo!("TODO 1: bind a UDP socket to {addr}")
}

/// TODO 2: check every size against the limit for `to` first, then one `send_to` per
/// message, in order.
fn send_messages(socket: &UdpSocket, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<Sent> {
    todo!(
        "TODO 2: send {} messages to {to}, one datagram each",
        messages.len()
    )
}

/// TODO 3: print `<sender> <length> <payload>` for each datagram; stop after `count` (0
/// receives nothing).
fn receive(socket: &UdpSocket, count: Option<u64>) -> io::Result<()> {
    todo!("TODO 3: receive datagrams and print one line for each")
}

/// TODO 4: send every datagram back to whoever sent it, forever.
fn echo(socket: &UdpSocket) -> io::Result<()> {
    todo!("TODO 4: echo every datagram back to its sender")
}
