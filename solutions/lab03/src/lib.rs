//! The reference solution of lab03: a UDP sender, receiver and echo server on one blocking
//! `std::net::UdpSocket` each.
//!
//! The program is four pieces, and each is a value in [`Parts`] so that the classic-bug
//! variants in `bugs/` can swap exactly one of them for the mistaken version:
//!
//! - [`send::send_messages`] sends each message as one datagram, after checking that all of
//!   them fit;
//! - [`recv::receive`] prints one line per datagram that arrives;
//! - [`echo::echo`] sends every datagram back to whoever sent it;
//! - [`BUFFER_SIZE`], the receive buffer both of the last two use.
//!
//! Compared with lab02's TCP server, what is missing is the point: no listen, no accept, no
//! connection per client, no EOF. A bound UDP socket can send to and receive from anyone.

pub use lab_support::lab03 as cli;
pub mod echo;
pub mod recv;
pub mod send;
pub mod socket;

use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::process::ExitCode;

pub use send::Sent;

/// The largest payload one UDP datagram can carry over IPv4: an IPv4 packet holds at most
/// 65,535 bytes, of which 20 are the IPv4 header and 8 the UDP header.
pub const MAX_PAYLOAD: usize = 65_507;

/// The receive buffer: 64 KiB holds any UDP datagram, over IPv4 or IPv6 (whose limit is a
/// little higher, 65,527 bytes). A datagram that does not fit is cut short without an error.
pub const BUFFER_SIZE: usize = 64 * 1024;

/// Sends messages to an address from a bound socket.
pub type SendFn = fn(&UdpSocket, SocketAddr, &[Vec<u8>]) -> io::Result<Sent>;
/// Receives and prints datagrams: the socket, `--count`, the buffer size.
pub type ReceiveFn = fn(&UdpSocket, Option<u64>, usize) -> io::Result<()>;
/// Echoes datagrams: the socket, the buffer size.
pub type EchoFn = fn(&UdpSocket, usize) -> io::Result<()>;

/// The pieces the program is made of.
pub struct Parts {
    pub send: SendFn,
    pub receive: ReceiveFn,
    pub echo: EchoFn,
    pub buffer_size: usize,
}

/// The reference solution's pieces.
pub const REFERENCE: Parts = Parts {
    send: send::send_messages,
    receive: recv::receive,
    echo: echo::echo,
    buffer_size: BUFFER_SIZE,
};

/// The whole program: read the arguments, bind, then send, receive or echo. Returns the
/// exit code, so that every way it can end is a message and a code, never a panic.
pub fn main(parts: Parts) -> ExitCode {
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
            match socket::bind(from).and_then(|socket| (parts.send)(&socket, to, &messages)) {
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
        cli::Command::Recv { listen, count } => serve(listen, |socket| {
            (parts.receive)(socket, count, parts.buffer_size)
        }),
        cli::Command::Echo { listen } => {
            serve(listen, |socket| (parts.echo)(socket, parts.buffer_size))
        }
        cli::Command::Help => unreachable!("handled above"),
    }
}

/// Binds `listen`, announces the address, and runs `work` on the socket. An error that ends
/// the program (the address is in use, say) becomes one line on stderr.
fn serve(listen: SocketAddr, work: impl FnOnce(&UdpSocket) -> io::Result<()>) -> ExitCode {
    let result = socket::bind(listen).and_then(|socket| {
        socket::announce(&socket)?;
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
