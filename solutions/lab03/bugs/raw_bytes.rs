//! Classic bug: prints the payload's bytes as they came, also those that are not UTF-8.
//!
//! `fwrite(buf, 1, n, stdout)` in C, `sys.stdout.buffer.write(data)` in Python and
//! `fmt.Printf("%s", buf[:n])` in Go all do this. The contract asks for text: a byte that
//! is not UTF-8 is printed as U+FFFD (�), so that whatever reads the output, a terminal or
//! a script, gets valid UTF-8. The difference is invisible to a reader that decodes lines
//! leniently, which is why the grader compares the raw bytes of stdout. Caught by
//! `recv_stdout_is_exact_bytes`.
//!
//! This program is the reference solution with its `recv` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/echo.rs"]
mod echo;
#[path = "../src/send.rs"]
mod send;
#[path = "../src/socket.rs"]
mod socket;

mod recv {
    use std::io::{self, Write};
    use std::net::{SocketAddr, UdpSocket};

    use crate::socket::BUFFER_SIZE;

    pub fn receive(socket: &UdpSocket, count: Option<u64>) -> io::Result<()> {
        let mut buf = vec![0u8; BUFFER_SIZE];
        let mut received = 0;
        while count.is_none_or(|count| received < count) {
            let (n, from) = socket.recv_from(&mut buf)?;
            print_datagram(from, &buf[..n])?;
            received += 1;
        }
        Ok(())
    }

    fn print_datagram(from: SocketAddr, data: &[u8]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        write!(out, "{from} {} ", data.len())?;
        // The mistake: the bytes themselves, not their UTF-8 reading.
        out.write_all(data)?;
        out.write_all(b"\n")?;
        out.flush()
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
