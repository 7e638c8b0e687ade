//! Classic bug: `--count 0` waits forever.
//!
//! The loop receives first and counts after (`loop { recv; print; n += 1; if n == count
//! { break } }`), so it checks the count only after a datagram. With `--count 0`, `n` is
//! never 0 after a datagram: the program receives and prints forever, instead of receiving
//! nothing. Caught by `recv_count_0_exits_at_once`.
//!
//! This program is the reference solution with its `recv` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/echo.rs"]
mod echo;
#[path = "../src/send.rs"]
mod send;
#[path = "../src/socket.rs"]
mod socket;

mod recv {
    use std::io;
    use std::net::UdpSocket;

    use crate::socket::BUFFER_SIZE;
    use lab03_solution::recv::print_datagram;

    pub fn receive(socket: &UdpSocket, count: Option<u64>) -> io::Result<()> {
        let mut buf = vec![0u8; BUFFER_SIZE];
        let mut received = 0;
        loop {
            let (n, from) = socket.recv_from(&mut buf)?;
            print_datagram(from, &buf[..n])?;
            received += 1;
            // The mistake: the count is checked only after a datagram.
            if Some(received) == count {
                return Ok(());
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
