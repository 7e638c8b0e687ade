//! Bug: `talk` ends only when stdin ends, even after the server has closed.
//!
//! The main thread copies stdin to the server and the printer runs on a thread that is joined
//! at the end. When the server closes the connection, the printer is done, but the program
//! still waits for the user to type, or press Ctrl-D, before it exits. The conversation was
//! over when the server closed. Caught by `talk_exits_when_the_server_closes`.
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
    use std::io::{self, Write};
    use std::net::TcpStream;
    use std::thread;

    pub use lab01_solution::talk::{print_lines, send_lines};

    pub fn run(addr: &str) -> io::Result<()> {
        talk(TcpStream::connect(addr)?)
    }

    /// The mistake: the stdin loop on the main thread, and a join at the end.
    pub fn talk(stream: TcpStream) -> io::Result<()> {
        let receiving = stream.try_clone()?;
        let printer = thread::spawn(move || print_lines(&receiving, &mut io::stdout()));
        send_lines(io::stdin().lock(), &stream)?;
        let printed = printer.join().unwrap_or(Ok(()));
        io::stdout().flush()?;
        printed
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
