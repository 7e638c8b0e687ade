//! Classic bug: `talk` prints through a `BufWriter` that is flushed only at the end.
//!
//! Wrapping stdout in a BufWriter is good advice for a program that prints a lot and then
//! exits. For a conversation it is wrong: the server's lines sit in the buffer, and the user
//! sees them all at once when the connection ends. Caught by
//! `talk_prints_each_pushed_line_as_it_arrives`.
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
    use std::io::{self, BufRead, BufReader, BufWriter, Write};
    use std::net::TcpStream;
    use std::thread;

    pub use lab01_solution::talk::send_lines;

    pub fn run(addr: &str) -> io::Result<()> {
        talk(TcpStream::connect(addr)?)
    }

    /// The mistake: a BufWriter around stdout, flushed when the connection ends.
    pub fn talk(stream: TcpStream) -> io::Result<()> {
        let sending = stream.try_clone()?;
        thread::spawn(move || send_lines(io::stdin().lock(), &sending));
        let mut out = BufWriter::new(io::stdout().lock());
        let mut from = BufReader::new(&stream);
        let mut line = Vec::new();
        while from.read_until(b'\n', &mut line)? > 0 {
            out.write_all(&line)?;
            line.clear();
        }
        out.flush()
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
