//! Classic bug: treats the data as UTF-8 text lines.
//!
//! `BufRead::lines` waits for a newline, drops the line ending it found (and a `\r` before
//! it), and fails on bytes that are not UTF-8. An echo server must not care what the bytes
//! mean. Caught by `echoes_binary_exactly`.
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
    use std::io::{self, BufRead, BufReader, Write};
    use std::net::{SocketAddr, TcpStream};

    /// The mistake: the bytes are read as UTF-8 lines and written back as lines.
    pub fn echo(stream: TcpStream, _peer: SocketAddr) -> io::Result<()> {
        let mut writer = stream.try_clone()?;
        for line in BufReader::new(stream).lines() {
            writeln!(writer, "{}", line?)?;
        }
        Ok(())
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
