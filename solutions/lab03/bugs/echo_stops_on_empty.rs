//! Classic bug: echo treats an empty datagram as the end, the way TCP's read returns 0 at
//! EOF.
//!
//! With TCP, `read` returning 0 means the peer is done sending. With UDP, recv_from
//! returning 0 means an empty datagram arrived; there is no connection that could end. This
//! echo stops serving at the first empty datagram. Caught by
//! `echo_returns_empty_and_binary_datagrams`.
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
    use std::net::UdpSocket;

    use crate::socket::BUFFER_SIZE;

    pub fn echo(socket: &UdpSocket) -> io::Result<()> {
        let mut buf = vec![0u8; BUFFER_SIZE];
        loop {
            let (n, from) = socket.recv_from(&mut buf)?;
            // The mistake: 0 bytes read as "the sender is done".
            if n == 0 {
                return Ok(());
            }
            socket.send_to(&buf[..n], from)?;
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
