//! Classic bug: `talk` shuts down the whole socket when stdin ends.
//!
//! "I have nothing more to say" becomes "I am not listening any more": `shutdown(Both)` instead
//! of `shutdown(Write)`. The server still sees EOF, but whatever it answers after that is never
//! printed. Caught by `talk_half_closes_at_stdin_eof`.
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
    use std::io::{self, BufRead, Write};
    use std::net::{Shutdown, TcpStream};
    use std::thread;

    pub use lab01_solution::talk::print_lines;

    pub fn run(addr: &str) -> io::Result<()> {
        talk(TcpStream::connect(addr)?)
    }

    /// The mistake: `Shutdown::Both` at stdin's EOF.
    pub fn talk(stream: TcpStream) -> io::Result<()> {
        let receiving = stream.try_clone()?;
        let printer = thread::spawn(move || print_lines(&receiving, &mut io::stdout()));
        let mut to = &stream;
        for line in io::stdin().lock().split(b'\n') {
            let mut line = line?;
            line.push(b'\n');
            to.write_all(&line)?;
        }
        stream.shutdown(Shutdown::Both)?;
        printer.join().unwrap_or(Ok(()))
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
