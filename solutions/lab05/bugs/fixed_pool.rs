//! Classic bug: a fixed pool of four threads serves the connections.
//!
//! A pool looks like the grown-up version of a thread per connection, and it is, for
//! requests. But a keep-alive connection holds its thread between requests, so four idle
//! connections take the whole pool: the fifth client is accepted and then waits, with
//! nobody to serve it, until one of the four leaves or times out. Caught by
//! `serves_100_concurrent_clients`.
//!
//! This program is the reference solution with its `server` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/closing.rs"]
mod closing;
#[path = "../src/connection.rs"]
mod connection;
#[path = "../src/files.rs"]
mod files;
#[path = "../src/framing.rs"]
mod framing;
#[path = "../src/keep_alive.rs"]
mod keep_alive;
#[path = "../src/listener.rs"]
mod listener;
#[path = "../src/reader.rs"]
mod reader;
#[path = "../src/request.rs"]
mod request;
#[path = "../src/response.rs"]
mod response;
#[path = "../src/route.rs"]
mod route;
#[path = "../src/sending.rs"]
mod sending;
#[path = "../src/target.rs"]
mod target;

mod server {
    use std::io;
    use std::net::TcpListener;
    use std::sync::{Arc, Mutex, mpsc};
    use std::thread;

    use lab_support::lab05::Config;

    use crate::connection::handle;

    const WORKERS: usize = 4;

    /// The mistake: four workers, each busy with one connection until it closes.
    pub fn serve(listener: TcpListener, config: Arc<Config>) -> io::Result<()> {
        let (sender, receiver) = mpsc::channel();
        let receiver = Arc::new(Mutex::new(receiver));
        for _ in 0..WORKERS {
            let receiver = Arc::clone(&receiver);
            let config = Arc::clone(&config);
            thread::spawn(move || {
                loop {
                    let next = receiver.lock().map(|r| r.recv());
                    let Ok(Ok((stream, peer))) = next else { return };
                    if let Err(e) = handle(stream, peer, &config) {
                        eprintln!("{peer}: {e}");
                    }
                }
            });
        }
        loop {
            let accepted = listener.accept()?;
            if sender.send(accepted).is_err() {
                return Ok(());
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
