//! Classic bug: listens on IPv4 whatever address it is given.
//!
//! The port is taken from `--listen`, but the socket is bound to `127.0.0.1`: code written
//! with IPv4 in mind, where `[::1]:0` never comes up. Given `--listen [::1]:0`, it listens
//! on IPv4 and says so, and an IPv6 client cannot reach it. Caught by `serves_over_ipv6`.
//!
//! This program is the reference solution with its `listener` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/closing.rs"]
mod closing;
#[path = "../src/connection.rs"]
mod connection;
#[path = "../src/files.rs"]
mod files;
#[path = "../src/framing.rs"]
mod framing;
#[path = "../src/keep_alive.rs"]
mod keep_alive;
#[path = "../src/reader.rs"]
mod reader;
#[path = "../src/request.rs"]
mod request;
#[path = "../src/response.rs"]
mod response;
#[path = "../src/route.rs"]
mod route;
#[path = "../src/sending.rs"]
mod sending;
#[path = "../src/server.rs"]
mod server;
#[path = "../src/target.rs"]
mod target;

mod listener {
    use std::io;
    use std::net::{Ipv4Addr, SocketAddr, TcpListener};

    pub use lab05_solution::listener::announce;

    /// The mistake: the address family is fixed to IPv4.
    pub fn open(addr: SocketAddr) -> io::Result<TcpListener> {
        TcpListener::bind((Ipv4Addr::LOCALHOST, addr.port()))
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
