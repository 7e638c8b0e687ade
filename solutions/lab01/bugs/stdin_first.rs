//! Classic bug: `talk` waits for a line on stdin before it reads from the server.
//!
//! One thread, in HTTP's order: read a line from the user, send it, read one line back, print
//! it. It works for a server that only answers. A server that speaks first, or speaks twice, is
//! not heard until the user types. Caught by `talk_prints_a_line_pushed_first`.
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
    use std::io::{self, BufRead, BufReader, Write};
    use std::net::{Shutdown, TcpStream};

    pub use lab01_solution::talk::print_lines;

    pub fn run(addr: &str) -> io::Result<()> {
        talk(TcpStream::connect(addr)?)
    }

    /// The mistake: one loop, taking turns like HTTP.
    pub fn talk(stream: TcpStream) -> io::Result<()> {
        let mut from = BufReader::new(&stream);
        let mut to = &stream;
        let stdin = io::stdin();
        let mut out = io::stdout();
        let mut line = String::new();
        loop {
            line.clear();
            if stdin.lock().read_line(&mut line)? == 0 {
                stream.shutdown(Shutdown::Write)?;
                return print_lines(from.get_ref(), &mut out);
            }
            to.write_all(line.as_bytes())?;
            let mut answer = Vec::new();
            if from.read_until(b'\n', &mut answer)? == 0 {
                return Ok(());
            }
            out.write_all(&answer)?;
            out.flush()?;
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
