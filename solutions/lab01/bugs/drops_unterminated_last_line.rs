//! Bug: `talk` prints only what ends with a newline, and forgets the rest at EOF.
//!
//! It collects bytes, prints each complete line, and keeps the partial one for the next read.
//! When the server closes, the partial line is its last words, and they are dropped. Caught by
//! `talk_prints_lines_that_arrive_in_pieces`.
//!
//! This program is the reference solution with its `talk` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/body.rs"]
mod body;
#[path = "../src/get.rs"]
mod get;
#[path = "../src/head.rs"]
mod head;
#[path = "../src/request.rs"]
mod request;
#[path = "../src/url.rs"]
mod url;

mod talk {
    use std::io::{self, Read, Write};
    use std::net::TcpStream;
    use std::thread;

    pub use lab01_solution::talk::send_lines;

    pub fn run(addr: &str) -> io::Result<()> {
        talk(TcpStream::connect(addr)?)
    }

    /// The mistake: at EOF, `pending` is thrown away.
    pub fn talk(stream: TcpStream) -> io::Result<()> {
        let sending = stream.try_clone()?;
        thread::spawn(move || send_lines(io::stdin().lock(), &sending));
        let mut from = &stream;
        let mut out = io::stdout();
        let mut pending = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            let n = from.read(&mut buf)?;
            if n == 0 {
                return Ok(());
            }
            pending.extend_from_slice(&buf[..n]);
            while let Some(at) = pending.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = pending.drain(..=at).collect();
                out.write_all(&line)?;
                out.flush()?;
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
