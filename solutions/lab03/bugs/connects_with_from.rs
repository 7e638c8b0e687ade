//! Classic bug: connects the socket when it was given both ends, `--from` and `--to`.
//!
//! This is how Go's `net.DialUDP(laddr, raddr)` and Python's `socket.create_connection`
//! habits shape a sender: with a local and a remote address in hand, "dial" a connected
//! socket. Without `--from` this program sends from an unconnected socket and works; with
//! `--from` its socket is connected, and when nothing listens, the ICMP "port unreachable"
//! that answers the first datagram fails the next send with ECONNREFUSED. Caught by
//! `send_without_a_receiver_exits_0`, which sends with and without `--from`.
//!
//! This program is the reference solution with its `send` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/echo.rs"]
mod echo;
#[path = "../src/recv.rs"]
mod recv;
#[path = "../src/socket.rs"]
mod socket;

mod send {
    use std::io;
    use std::net::{SocketAddr, UdpSocket};

    pub use lab03_solution::send::{Sent, check_sizes};

    pub fn send(socket: &UdpSocket, to: SocketAddr, messages: &[Vec<u8>]) -> io::Result<Sent> {
        check_sizes(to, messages)?;
        // The mistake: a socket bound to a chosen address (not the wildcard the program
        // uses without --from) is "dialled" to the destination.
        if !socket.local_addr()?.ip().is_unspecified() {
            socket.connect(to)?;
        }
        let mut sent = Sent {
            datagrams: 0,
            bytes: 0,
        };
        for message in messages {
            sent.bytes += match socket.peer_addr() {
                Ok(_) => socket.send(message)?,
                Err(_) => socket.send_to(message, to)?,
            };
            sent.datagrams += 1;
        }
        Ok(sent)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
