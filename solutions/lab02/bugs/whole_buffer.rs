//! Classic bug: echoes the whole buffer instead of the bytes read.
//!
//! `write_all(&buf)` sends all 1,024 bytes of the buffer, whatever `read` returned: the
//! client gets its bytes followed by zeros (or by leftovers of an earlier read). Caught by
//! `echoes_one_line`.
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

    /// The mistake: `&buf` where `&buf[..n]` was meant.
    pub fn echo(mut stream: TcpStream, _peer: SocketAddr) -> io::Result<()> {
        let mut buf = [0u8; 1024];
        while stream.read(&mut buf)? > 0 {
            stream.write_all(&buf)?;
        }
        Ok(())
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
