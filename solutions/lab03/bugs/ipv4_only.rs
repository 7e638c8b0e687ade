//! Classic bug: makes every socket an IPv4 socket.
//!
//! `socket(AF_INET, SOCK_DGRAM, 0)` is the line every C and Python tutorial starts with, and
//! socket2's `Domain::IPV4` is the same mistake in Rust. Such a socket cannot bind or send
//! to an IPv6 address, so `send --to [::1]:PORT`, `recv --listen [::1]:0` and
//! `echo --listen [::1]:0` all fail. The family must come from the address. Caught by
//! `send_over_ipv6`, `recv_over_ipv6` and `echo_over_ipv6`.
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
    use std::net::{SocketAddr, UdpSocket};

    use socket2::{Domain, Protocol, Socket, Type};

    pub use lab03_solution::socket::{BUFFER_SIZE, announce};

    /// The mistake: the address family fixed to IPv4, whatever `addr` is.
    pub fn bind(addr: SocketAddr) -> io::Result<UdpSocket> {
        let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
        socket.bind(&addr.into())?;
        Ok(socket.into())
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
