//! Accepting clients, one thread each.
//!
//! A thread per client is the simplest way to serve many clients with blocking sockets: a
//! blocking `read` then only blocks its own client. It costs a thread (and its stack) per
//! connection, which is fine for dozens of clients and is what chapter 4 improves on.

use std::io::{self, Write};
use std::net::TcpListener;
use std::thread;
use std::time::Duration;

use crate::echo::echo;

/// Prints `listening on ADDR` with the address the kernel really gave us. The grader (and
/// anyone who passed port 0) reads the port from this line, so stdout is flushed at once.
/// Today's std flushes stdout at every newline, into a pipe too, but it documents line
/// buffering only for a terminal, and the contract cannot rest on what is not promised (C's
/// and Python's stdout do keep a line in their buffer when they write to a pipe).
pub fn announce(listener: &TcpListener) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "listening on {}", listener.local_addr()?)?;
    out.flush()
}

/// Accepts clients forever; each one is handled on its own thread.
/// The first wait after a failed accept, and the longest: the wait doubles after each
/// failure in a row (chapter 2, "Out of file descriptors: EMFILE").
const FIRST_PAUSE: Duration = Duration::from_millis(10);
const LONGEST_PAUSE: Duration = Duration::from_secs(1);

pub fn serve(listener: TcpListener) -> io::Result<()> {
    let mut pause = FIRST_PAUSE;
    loop {
        // accept(2) returns the next connection from the queue, with the peer's address.
        // Asking for the address here, rather than calling peer_addr() afterwards, matters:
        // a client that has already reset its connection has no peer address any more.
        let (stream, peer) = match listener.accept() {
            Ok(accepted) => accepted,
            Err(e) => {
                // A failed accept concerns one connection (or a shortage that passes, such
                // as running out of file descriptors), not the server. Back off, twice as
                // long after each failure in a row, so a lasting error neither spins the CPU
                // nor floods the log.
                eprintln!("accept failed: {e}; next try in {pause:?}");
                thread::sleep(pause);
                pause = (pause * 2).min(LONGEST_PAUSE);
                continue;
            }
        };
        pause = FIRST_PAUSE;
        eprintln!("connected {peer}");
        let spawned =
            thread::Builder::new()
                .name(format!("client {peer}"))
                .spawn(move || match echo(stream, peer) {
                    Ok(()) => eprintln!("disconnected {peer}"),
                    // A reset or a broken pipe ends this client only.
                    Err(e) => eprintln!("disconnected {peer}: {e}"),
                });
        if let Err(e) = spawned {
            // The stream moved into the closure that was never run; it is closed already.
            eprintln!("could not start a thread for {peer}: {e}");
        }
    }
}
