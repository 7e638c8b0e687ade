//! Classic bug: the socket is always IPv4.
//!
//! `Domain::IPV4` is written where the family should come from the address. Everything
//! works on 127.0.0.1; given `--listen [::1]:0`, bind fails with "Address family not
//! supported by protocol" (EAFNOSUPPORT) and the server never starts. Caught by
//! `serves_over_ipv6`.
//!
//! This program is the reference solution with its `listener` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/echo.rs"]
mod echo;
#[path = "../src/server.rs"]
mod server;

mod listener {
    use std::io;
    use std::net::{SocketAddr, TcpListener};

    use lab02_solution::listener::BACKLOG;
    use socket2::{Domain, Protocol, Socket, Type};

    /// The mistake: `Domain::IPV4` instead of `Domain::for_address(addr)`.
    pub fn open(addr: SocketAddr) -> io::Result<TcpListener> {
        let socket = Socket::new(Domain::IPV4, Type::STREAM, Some(Protocol::TCP))?;
        socket.set_reuse_address(true)?;
        socket.bind(&addr.into())?;
        socket.listen(BACKLOG)?;
        Ok(socket.into())
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
