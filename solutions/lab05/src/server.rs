//! Accepting connections, one thread each.

use std::io;
use std::net::TcpListener;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use lab_support::lab05::Config;

use crate::connection;

/// How long to wait after a failed accept: the first time, and at most.
const FIRST_PAUSE: Duration = Duration::from_millis(10);
const LONGEST_PAUSE: Duration = Duration::from_secs(1);

/// Accepts connections forever; each one is served on its own thread, so a slow client
/// holds up nobody but itself.
pub fn serve(listener: TcpListener, config: Arc<Config>) -> io::Result<()> {
    let mut pause = FIRST_PAUSE;
    loop {
        let (stream, peer) = match listener.accept() {
            Ok(accepted) => accepted,
            Err(e) => {
                // A failed accept concerns one connection (or a passing shortage of file
                // descriptors), not the server. Back off, twice as long after each failure
                // in a row, so that a lasting error neither spins the CPU nor floods the log
                // (chapter 2, as tokio's mini-redis does).
                eprintln!("accept failed: {e}; next try in {pause:?}");
                thread::sleep(pause);
                pause = (pause * 2).min(LONGEST_PAUSE);
                continue;
            }
        };
        pause = FIRST_PAUSE;
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
