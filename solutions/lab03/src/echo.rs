//! Echo: every datagram goes back to whoever sent it.

use std::io::{self, ErrorKind};
use std::net::UdpSocket;
use std::thread;
use std::time::Duration;

use crate::socket::BUFFER_SIZE;

/// Sends every datagram that arrives back to its sender, unchanged, forever.
///
/// One socket serves every client, with no thread per client: there are no connections to
/// keep apart. Each datagram carries its sender's address, and the reply goes there, from
/// this same socket, so that it comes from the address the client sent to.
///
/// Nothing checks that address: a datagram with a forged source makes this server answer
/// someone who never asked (chapter 3, "Reflection and amplification"). That is why the
/// program listens on loopback unless told otherwise; an echo service does not belong on
/// the open Internet.
pub fn echo(socket: &UdpSocket) -> io::Result<()> {
    let mut buf = vec![0u8; BUFFER_SIZE];
    loop {
        let (n, from) = match socket.recv_from(&mut buf) {
            Ok(got) => got,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => {
                // On some systems (Windows) an ICMP error about an earlier reply shows up
                // here. It concerns one old datagram, not the server: log it and go on. The
                // pause keeps an error that repeats from spinning the CPU.
                eprintln!("receive failed: {e}");
                thread::sleep(Duration::from_millis(10));
                continue;
            }
        };
        // Exactly the n bytes received, to exactly the address they came from. An empty
        // datagram (n == 0) is echoed like any other.
        if let Err(e) = socket.send_to(&buf[..n], from) {
            eprintln!("could not echo {n} bytes to {from}: {e}");
        }
    }
}
