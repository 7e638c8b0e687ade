//! Classic bug: one buffer for every connection.
//!
//! A C echo server often has a global `char buf[16384]`, and a port of it keeps the one
//! buffer. Every connection's thread reads into it and writes out of it. While a thread
//! waits in `write` for a client that is not reading, the kernel copies the rest of its
//! chunk out of the buffer bit by bit, and meanwhile the other threads read their own
//! clients' bytes into that same memory: the slow client later receives other clients'
//! data. Caught by `a_client_that_stops_reading_delays_no_one` (and, when two fast clients
//! collide, by `serves_eight_clients_at_once`), which name the shared buffer as the cause.
//!
//! This program is the reference solution with its `echo` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/listener.rs"]
mod listener;
#[path = "../src/server.rs"]
mod server;

mod echo {
    use std::io::{self, Read, Write};
    use std::net::{SocketAddr, TcpStream};

    /// The mistake: one buffer for the whole program.
    static mut BUF: [u8; 16 * 1024] = [0; 16 * 1024];

    pub fn echo(mut stream: TcpStream, _peer: SocketAddr) -> io::Result<()> {
        // SAFETY: there is none, and that is the bug: every thread gets a `&mut` to the same
        // memory and they read into it and write out of it at once (a data race), which is
        // what the C original does with its global buffer.
        let buf: &mut [u8; 16 * 1024] = unsafe { &mut *std::ptr::addr_of_mut!(BUF) };
        loop {
            let n = stream.read(buf)?;
            if n == 0 {
                return Ok(());
            }
            stream.write_all(&buf[..n])?;
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
