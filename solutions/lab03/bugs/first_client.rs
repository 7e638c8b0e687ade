//! Classic bug: echo replies to the first client's address, for everyone.
//!
//! Thinking in connections, it remembers "the client" from the first datagram, as if
//! recv_from were accept. But a UDP socket has no client: every datagram carries its own
//! sender, and the next one may come from someone else. Here the second client's data goes
//! to the first client, and the second client waits in vain. Caught by
//! `echo_answers_each_client`.
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
        // The mistake: "the client", kept from the first datagram.
        let mut client: Option<SocketAddr> = None;
        loop {
            let (n, from) = socket.recv_from(&mut buf)?;
            let to = *client.get_or_insert(from);
            socket.send_to(&buf[..n], to)?;
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
