//! Classic bug: sockets are shut down but never closed.
//!
//! The server keeps a handle on every client in a list ("to see who is connected"), and
//! when a client leaves, it shuts that handle's socket down, which sends the FIN, instead of
//! removing it from the list. The client sees a clean end. But a socket is closed only when
//! its last handle is dropped, so every client that ever connected keeps a file descriptor:
//! after about as many clients as the process may open files, `accept` fails with EMFILE
//! ("Too many open files") and nobody new is served. Caught by `closes_every_connection`,
//! which runs the server with 64 file descriptors and sends 200 clients.
//!
//! This program is the reference solution with its `server` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/echo.rs"]
mod echo;
#[path = "../src/listener.rs"]
mod listener;

mod server {
    use std::io;
    use std::net::{Shutdown, TcpListener, TcpStream};
    use std::sync::{Arc, Mutex};
    use std::thread;
    use std::time::Duration;

    use crate::echo::echo;
    pub use lab02_solution::server::announce;

    pub fn serve(listener: TcpListener) -> io::Result<()> {
        let connected: Arc<Mutex<Vec<TcpStream>>> = Arc::default();
        loop {
            let (stream, peer) = match listener.accept() {
                Ok(accepted) => accepted,
                Err(e) => {
                    eprintln!("accept failed: {e}");
                    thread::sleep(Duration::from_millis(10));
                    continue;
                }
            };
            let Ok(handle) = stream.try_clone() else {
                continue;
            };
            if let Ok(mut list) = connected.lock() {
                list.push(handle);
            }
            eprintln!("connected {peer}");
            let connected = Arc::clone(&connected);
            thread::spawn(move || {
                let _ = echo(stream, peer);
                // The mistake: shut down, and left in the list.
                if let Ok(list) = connected.lock() {
                    for s in list.iter().filter(|s| s.peer_addr().ok() == Some(peer)) {
                        let _ = s.shutdown(Shutdown::Both);
                    }
                }
                eprintln!("disconnected {peer}");
            });
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
