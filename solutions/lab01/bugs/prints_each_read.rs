//! Bug: `talk` prints each read as a line of text.
//!
//! `let n = stream.read(&mut buf)?; println!("{}", String::from_utf8_lossy(&buf[..n]))`. It
//! works while every line arrives in one read, which on loopback is most of the time. TCP keeps
//! no message boundaries: a line split across two reads comes out as two lines, and a
//! character split across them becomes U+FFFD. Caught by
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
    use std::io::{self, Read};
    use std::net::TcpStream;
    use std::thread;

    pub use lab01_solution::talk::send_lines;

    pub fn run(addr: &str) -> io::Result<()> {
        talk(TcpStream::connect(addr)?)
    }

    /// The mistake: a read is taken for a line, and for whole characters.
    pub fn talk(stream: TcpStream) -> io::Result<()> {
        let sending = stream.try_clone()?;
        thread::spawn(move || send_lines(io::stdin().lock(), &sending));
        let mut from = &stream;
        let mut buf = [0u8; 4096];
        loop {
            let n = from.read(&mut buf)?;
            if n == 0 {
                return Ok(());
            }
            let text = String::from_utf8_lossy(&buf[..n]);
            println!("{}", text.trim_end_matches('\n'));
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
