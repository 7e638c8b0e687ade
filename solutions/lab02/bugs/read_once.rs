//! Classic bug: reads once and closes.
//!
//! One read, one write, done: it works for a client that sends one short line, and loses
//! everything a client sends after its first segment. Caught by
//! `echoes_many_writes_on_one_connection`.
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

    /// The mistake: one read, one write, and the connection closes.
    pub fn echo(mut stream: TcpStream, _peer: SocketAddr) -> io::Result<()> {
        let mut buf = [0u8; 1024];
        let n = stream.read(&mut buf)?;
        stream.write_all(&buf[..n])
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
