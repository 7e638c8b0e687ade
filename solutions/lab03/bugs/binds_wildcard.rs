//! Classic bug: binds the wildcard address, whatever address it was given.
//!
//! "0.0.0.0 works from everywhere" is true, and that is the problem: asked to listen on
//! 127.0.0.1, this program takes datagrams from every network interface of the machine,
//! and its `listening on` line names 0.0.0.0, not the address it was asked for. Caught by
//! `recv_prints_each_datagram` and `echo_answers_each_client` (every check that starts
//! `recv` or `echo` compares the address announced with the one asked for).
//!
//! This program is the reference solution with its `socket` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/echo.rs"]
mod echo;
#[path = "../src/recv.rs"]
mod recv;
#[path = "../src/send.rs"]
mod send;

mod socket {
    use std::io;
    use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};

    pub use lab03_solution::socket::{BUFFER_SIZE, announce};

    /// The mistake: only the port of `addr` is kept.
    pub fn bind(addr: SocketAddr) -> io::Result<UdpSocket> {
        let any = match addr {
            SocketAddr::V4(_) => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            SocketAddr::V6(_) => IpAddr::V6(Ipv6Addr::UNSPECIFIED),
        };
        UdpSocket::bind(SocketAddr::new(any, addr.port()))
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
