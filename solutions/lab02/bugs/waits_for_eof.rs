//! Classic bug: waits for EOF before echoing anything.
//!
//! `read_to_end` collects the whole conversation and only then writes it back. The bytes are
//! right, but an interactive client waits forever for its first answer. Caught by
//! `echoes_interactively`.
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
    use std::io::{self, Read, Write};
    use std::net::{SocketAddr, TcpStream};

    /// The mistake: everything is read first, and only written back at EOF.
    pub fn echo(mut stream: TcpStream, _peer: SocketAddr) -> io::Result<()> {
        let mut all = Vec::new();
        stream.read_to_end(&mut all)?;
        stream.write_all(&all)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
