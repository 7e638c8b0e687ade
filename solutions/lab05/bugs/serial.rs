//! Classic bug: serves one client at a time.
//!
//! The accept loop serves each connection itself. With keep-alive, a connection stays open
//! after its response, so the next client waits in the backlog until the first one leaves
//! or times out. Caught by `a_slow_client_does_not_delay_others`.

use std::io;
use std::net::TcpListener;
use std::sync::Arc;

use lab05_solution::cli::Config;
use lab05_solution::connection::handle;
use lab05_solution::{Parts, REFERENCE};

fn serve_one_at_a_time(listener: TcpListener, config: Arc<Config>, parts: Parts) -> io::Result<()> {
    loop {
        let (stream, peer) = listener.accept()?;
        if let Err(e) = handle(stream, peer, &config, parts) {
            eprintln!("{peer}: {e}");
        }
    }
}

fn main() -> std::process::ExitCode {
    lab05_solution::main(Parts {
        serve: serve_one_at_a_time,
        ..REFERENCE
    })
}
