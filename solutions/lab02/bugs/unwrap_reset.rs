//! Classic bug: an unwrap on a reset connection kills the server.
//!
//! The accept loop asks each new stream for its peer address with `unwrap()`. A client that
//! connects and resets before the server gets to it has no peer address any more
//! (ENOTCONN), and the panic is on the main thread, so the whole server dies. Caught by
//! `survives_a_client_reset`.

use std::io;
use std::net::TcpListener;
use std::thread;

use lab02_solution::{Handler, Parts, REFERENCE};

fn serve_with_unwrap(listener: TcpListener, handle: Handler) -> io::Result<()> {
    for stream in listener.incoming() {
        let stream = stream.unwrap();
        let peer = stream.peer_addr().unwrap();
        eprintln!("connected {peer}");
        thread::spawn(move || handle(stream, peer));
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    lab02_solution::main(Parts {
        serve: serve_with_unwrap,
        ..REFERENCE
    })
}
