//! Classic bug: a fixed pool of four threads.
//!
//! The Rust Book's web server ends with a `ThreadPool` of four workers, and it is tempting
//! to reuse it here. But an echo client keeps its connection open for as long as it likes,
//! and a worker stays with its client until the client leaves: with four clients connected,
//! a fifth is accepted by the kernel and then waits, unanswered, while the four workers sit
//! idle on their silent clients. Caught by `serves_eight_clients_at_once`.
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
    use std::net::{SocketAddr, TcpListener, TcpStream};
    use std::sync::mpsc;
    use std::sync::{Arc, Mutex};
    use std::thread;

    use crate::echo::echo;
    pub use lab02_solution::server::announce;

    const WORKERS: usize = 4;

    /// The mistake: four workers take connections from a queue, one at a time each.
    pub fn serve(listener: TcpListener) -> io::Result<()> {
        let (queue, jobs) = mpsc::channel::<(TcpStream, SocketAddr)>();
        let jobs = Arc::new(Mutex::new(jobs));
        for _ in 0..WORKERS {
            let jobs = Arc::clone(&jobs);
            thread::spawn(move || {
                loop {
                    let next = jobs.lock().map(|jobs| jobs.recv());
                    let Ok(Ok((stream, peer))) = next else { return };
                    eprintln!("connected {peer}");
                    match echo(stream, peer) {
                        Ok(()) => eprintln!("disconnected {peer}"),
                        Err(e) => eprintln!("disconnected {peer}: {e}"),
                    }
                }
            });
        }
        loop {
            match listener.accept() {
                Ok(accepted) => {
                    let _ = queue.send(accepted);
                }
                Err(e) => eprintln!("accept failed: {e}"),
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
