//! Accepting connections, one thread each.

use std::io;
use std::net::TcpListener;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use lab_support::lab05::Config;

use crate::connection;

/// Accepts connections forever; each one is served on its own thread, so a slow client
/// holds up nobody but itself.
pub fn serve(listener: TcpListener, config: Arc<Config>) -> io::Result<()> {
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
                if let Err(e) = connection::handle(stream, peer, &config) {
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
