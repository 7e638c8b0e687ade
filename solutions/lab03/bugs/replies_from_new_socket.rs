//! Classic bug: echo replies from a new socket instead of the one the datagram came to.
//!
//! The reply reaches the right address, but from another port: `send_to` on a fresh socket
//! bound to port 0. A client that checks where a reply comes from (every client with a
//! connected socket does, `nc -u` among them: the kernel drops the reply) never sees it, and
//! a client that does not check cannot tell the reply from a stranger's datagram. Caught by
//! `echo_answers_each_client` (and every echo check: a reply must come from the server's
//! address).
//!
//! This program is the reference solution with its `echo` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/recv.rs"]
mod recv;
#[path = "../src/send.rs"]
mod send;
#[path = "../src/socket.rs"]
mod socket;

mod echo {
    use std::io;
    use std::net::{SocketAddr, UdpSocket};

    use crate::socket::BUFFER_SIZE;

    pub fn echo(socket: &UdpSocket) -> io::Result<()> {
        let mut buf = vec![0u8; BUFFER_SIZE];
        loop {
            let (n, from) = socket.recv_from(&mut buf)?;
            // The mistake: a socket of its own for each reply, on an ephemeral port.
            let any: SocketAddr = match from {
                SocketAddr::V4(_) => "0.0.0.0:0".parse().expect("an address"),
                SocketAddr::V6(_) => "[::]:0".parse().expect("an address"),
            };
            UdpSocket::bind(any)?.send_to(&buf[..n], from)?;
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
