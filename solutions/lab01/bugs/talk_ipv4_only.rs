//! Bug: `talk` keeps only the IPv4 addresses a name resolves to.
//!
//! Written by someone whose socket code once had `AF_INET` in it: resolve, keep the IPv4
//! addresses, connect to the first. `[::1]:7171` has none, and the program gives up. Caught by
//! `talk_connects_over_ipv6`.
//!
//! This program is the reference solution with its `talk` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/body.rs"]
mod body;
#[path = "../src/get.rs"]
mod get;
#[path = "../src/head.rs"]
mod head;
#[path = "../src/request.rs"]
mod request;
#[path = "../src/url.rs"]
mod url;

mod talk {
    use std::io;
    use std::net::{TcpStream, ToSocketAddrs};

    use lab01_solution::talk::talk;

    /// The mistake: `filter(is_ipv4)`.
    pub fn run(addr: &str) -> io::Result<()> {
        let v4 = addr
            .to_socket_addrs()?
            .find(|a| a.is_ipv4())
            .ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("{addr}: no IPv4 address"),
                )
            })?;
        talk(TcpStream::connect(v4)?)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
