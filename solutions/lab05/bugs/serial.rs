//! Classic bug: serves one client at a time.
//!
//! The accept loop serves each connection itself. With keep-alive, a connection stays open
//! after its response, so the next client waits in the backlog until the first one leaves
//! or times out. Caught by `a_slow_client_does_not_delay_others`.
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
    use std::sync::Arc;

    use lab_support::lab05::Config;

    use crate::connection::handle;

    /// The mistake: the accept loop runs each connection to its end itself.
    pub fn serve(listener: TcpListener, config: Arc<Config>) -> io::Result<()> {
        loop {
            let (stream, peer) = listener.accept()?;
            if let Err(e) = handle(stream, peer, &config) {
                eprintln!("{peer}: {e}");
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
