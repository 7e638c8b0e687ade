//! Classic bug: an unwrap on a reset connection kills the server.
//!
//! The accept loop asks each new stream for its peer address with `unwrap()`. A client that
//! connects and resets before the server gets to it has no peer address any more
//! (ENOTCONN), and the panic is on the main thread, so the whole server dies. Caught by
//! `survives_a_client_reset`.
//!
//! This program is the reference solution with its `server` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/echo.rs"]
mod echo;
#[path = "../src/listener.rs"]
mod listener;

mod server {
    use std::io;
    use std::net::TcpListener;
    use std::thread;

    use crate::echo::echo;
    pub use lab02_solution::server::announce;

    /// The mistake: `unwrap()` on what a reset connection can fail.
    pub fn serve(listener: TcpListener) -> io::Result<()> {
        for stream in listener.incoming() {
            let stream = stream.unwrap();
            let peer = stream.peer_addr().unwrap();
            eprintln!("connected {peer}");
            thread::spawn(move || echo(stream, peer));
        }
        Ok(())
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
