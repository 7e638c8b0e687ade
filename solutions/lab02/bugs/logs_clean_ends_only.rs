//! Classic bug: a disconnection is logged only when it is clean.
//!
//! The thread logs `disconnected PEER` when `echo` returns `Ok`, and nothing when it returns
//! an error: a client that resets its connection, or one whose cable is pulled while the
//! server writes, leaves without a trace. Caught by `logs_connects_and_disconnects`, which
//! resets a client while the server waits in `read`.
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
    use std::net::TcpListener;
    use std::thread;

    use crate::echo::echo;
    pub use lab02_solution::server::announce;

    pub fn serve(listener: TcpListener) -> io::Result<()> {
        loop {
            let (stream, peer) = match listener.accept() {
                Ok(accepted) => accepted,
                Err(e) => {
                    eprintln!("accept failed: {e}");
                    continue;
                }
            };
            eprintln!("connected {peer}");
            thread::spawn(move || {
                // The mistake: the error case is not a disconnection worth a line.
                if echo(stream, peer).is_ok() {
                    eprintln!("disconnected {peer}");
                }
            });
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
