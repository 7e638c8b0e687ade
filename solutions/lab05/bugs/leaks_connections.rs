//! Classic bug: keeps every connection it ever accepted.
//!
//! Each accepted stream is also pushed onto a list "of clients" (to count them, or to close
//! them all at shutdown) and never taken off it. A finished connection's thread drops its
//! stream, but the clone in the list keeps the socket open: a file descriptor leaks with
//! every connection. Under `ulimit -n 64` the server stops accepting after about sixty
//! connections. Caught by `serves_200_connections_under_64_open_files`.
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
    use std::net::{TcpListener, TcpStream};
    use std::sync::Arc;
    use std::thread;
    use std::time::Duration;

    use lab_support::lab05::Config;

    use crate::connection::handle;

    pub fn serve(listener: TcpListener, config: Arc<Config>) -> io::Result<()> {
        // The mistake: a list that only grows.
        let mut clients: Vec<TcpStream> = Vec::new();
        loop {
            let (stream, peer) = match listener.accept() {
                Ok(accepted) => accepted,
                Err(e) => {
                    eprintln!("accept failed: {e}");
                    thread::sleep(Duration::from_millis(10));
                    continue;
                }
            };
            if let Ok(clone) = stream.try_clone() {
                clients.push(clone);
            }
            let config = Arc::clone(&config);
            thread::spawn(move || {
                if let Err(e) = handle(stream, peer, &config) {
                    eprintln!("{peer}: {e}");
                }
            });
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
