//! Classic bug: serves one client at a time.
//!
//! The accept loop handles each client itself instead of giving it a thread, so while one
//! client stays connected, the next one is accepted by the kernel (it sits in the backlog)
//! but never answered. Caught by `serves_second_client_while_first_idle`.
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

    use crate::echo::echo;
    pub use lab02_solution::server::announce;

    /// The mistake: the accept loop runs each client to the end itself.
    pub fn serve(listener: TcpListener) -> io::Result<()> {
        loop {
            let (stream, peer) = listener.accept()?;
            eprintln!("connected {peer}");
            if let Err(e) = echo(stream, peer) {
                eprintln!("disconnected {peer}: {e}");
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
