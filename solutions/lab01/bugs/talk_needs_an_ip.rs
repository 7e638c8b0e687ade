//! Bug: `talk` parses ADDR as a `SocketAddr`, so a host name is refused.
//!
//! `"127.0.0.1:7171".parse::<SocketAddr>()` works, and so the bug goes unnoticed until someone
//! types `localhost:7171`, which the contract allows (HOST:PORT). `TcpStream::connect` takes
//! the text and resolves it. Caught by `talk_connects_by_host_name`.
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
    use std::net::{SocketAddr, TcpStream};

    use lab01_solution::talk::talk;

    /// The mistake: an IP address is required.
    pub fn run(addr: &str) -> io::Result<()> {
        let addr: SocketAddr = addr
            .parse()
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, format!("{addr}: {e}")))?;
        talk(TcpStream::connect(addr)?)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
