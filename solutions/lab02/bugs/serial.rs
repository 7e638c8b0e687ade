//! Classic bug: serves one client at a time.
//!
//! The accept loop handles each client itself instead of giving it a thread, so while one
//! client stays connected, the next one is accepted by the kernel (it sits in the backlog)
//! but never answered. Caught by `serves_second_client_while_first_idle`.

use std::io;
use std::net::TcpListener;

use lab02_solution::{Handler, Parts, REFERENCE};

fn serve_one_at_a_time(listener: TcpListener, handle: Handler) -> io::Result<()> {
    loop {
        let (stream, peer) = listener.accept()?;
        eprintln!("connected {peer}");
        if let Err(e) = handle(stream, peer) {
            eprintln!("disconnected {peer}: {e}");
        }
    }
}

fn main() -> std::process::ExitCode {
    lab02_solution::main(Parts {
        serve: serve_one_at_a_time,
        ..REFERENCE
    })
}
