//! Listening, announcing, and accepting connections, one thread each.

use std::io::{self, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use crate::Parts;
use crate::cli::Config;
use crate::connection;

/// Opens the listening socket. `TcpListener::bind` is socket, SO_REUSEADDR, bind and listen
/// in one call (chapter 2 takes it apart).
pub fn open(addr: SocketAddr) -> io::Result<TcpListener> {
    TcpListener::bind(addr)
}

/// Prints `listening on ADDR` with the address really bound, and flushes it: the grader
/// (and anyone who passed port 0) reads the port from this line.
pub fn announce(listener: &TcpListener) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "listening on {}", listener.local_addr()?)?;
    out.flush()
}

/// Accepts connections forever; each one is served on its own thread, so a slow client
/// holds up nobody but itself.
pub fn serve(listener: TcpListener, config: Arc<Config>, parts: Parts) -> io::Result<()> {
    loop {
        let (stream, peer) = match listener.accept() {
            Ok(accepted) => accepted,
            Err(e) => {
                // A failed accept concerns one connection (or a passing shortage of file
                // descriptors), not the server. The pause keeps a lasting error from
                // spinning the CPU.
                eprintln!("accept failed: {e}");
                thread::sleep(Duration::from_millis(10));
                continue;
            }
        };
        let config = Arc::clone(&config);
        let spawned = thread::Builder::new()
            .name(format!("client {peer}"))
            .spawn(move || {
                if let Err(e) = connection::handle(stream, peer, &config, parts) {
                    // A reset, a broken pipe or a write deadline ends this client only.
                    eprintln!("{peer}: {e}");
                }
            });
        if let Err(e) = spawned {
            // The stream moved into the closure that never ran; it is closed already.
            eprintln!("could not start a thread for {peer}: {e}");
        }
    }
}
