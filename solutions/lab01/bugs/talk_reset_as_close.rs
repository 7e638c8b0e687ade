//! Bug: `talk` takes a failed read from the server for the server closing.
//!
//! `while let Ok(n) = from.read(&mut buf)`: a reset ends the loop like EOF, and the program
//! exits 0 as if the conversation had ended normally. A reset is a failed connection, and the
//! contract says a connection failure exits 2 with a message. Caught by `talk_reports_a_reset`.
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

    /// The mistake: an error ends the loop quietly.
    pub fn talk(stream: TcpStream) -> io::Result<()> {
        let sending = stream.try_clone()?;
        thread::spawn(move || send_lines(io::stdin().lock(), &sending));
        let mut from = &stream;
        let mut out = io::stdout();
        let mut buf = [0u8; 4096];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 {
                break;
            }
            out.write_all(&buf[..n])?;
            out.flush()?;
        }
        Ok(())
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
