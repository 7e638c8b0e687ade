//! Classic bug: `talk` shuts down the whole socket when stdin ends.
//!
//! "I have nothing more to say" becomes "I am not listening any more": `shutdown(Both)`
//! instead of `shutdown(Write)`. The server still sees EOF, but whatever it answers after
//! that is never printed. Caught by `talk_half_closes_at_stdin_eof`.

use std::io::{self, BufRead, Write};
use std::net::{Shutdown, TcpStream};
use std::thread;

use lab01_solution::talk::print_lines;
use lab01_solution::{Parts, REFERENCE};

fn talk_then_close(stream: TcpStream) -> io::Result<()> {
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

fn main() -> std::process::ExitCode {
    lab01_solution::main(Parts {
        talk: talk_then_close,
        ..REFERENCE
    })
}
