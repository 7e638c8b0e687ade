//! Not a learner's bug but the grader's worst case: a server that accepts every connection
//! and then never reads, writes or closes. Every check that talks to it must fail on its own
//! deadline, and the whole grader must still finish in under 30 seconds (see
//! `a_server_that_never_answers_fails_fast` in tests/proof.rs).
//!
//! This program is the reference solution with its `echo` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/listener.rs"]
mod listener;
#[path = "../src/server.rs"]
mod server;

mod echo {
    use std::io;
    use std::net::{SocketAddr, TcpStream};
    use std::thread;
    use std::time::Duration;

    /// Holds the connection open and does nothing with it.
    pub fn echo(stream: TcpStream, _peer: SocketAddr) -> io::Result<()> {
        loop {
            thread::sleep(Duration::from_secs(3600));
            let _ = &stream;
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
