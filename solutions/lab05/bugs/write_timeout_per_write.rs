//! Classic bug: a write timeout for each write, not a deadline for the response.
//!
//! The server sets the socket's write timeout to `--timeout` and believes a client that
//! stops reading is cut off after that long. It is, if it stops completely. But a write
//! returns as soon as the kernel has taken some of the bytes, so a client that reads a
//! little every now and then makes every write succeed, and holds the connection (and its
//! thread) for as long as the response lasts, however long that is: slowloris, on the way
//! out. Caught by `a_slow_reader_is_cut_off`.
//!
//! This program is the reference solution with its `sending` module replaced by the one below;
//! the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/closing.rs"]
mod closing;
#[path = "../src/connection.rs"]
mod connection;
#[path = "../src/files.rs"]
mod files;
#[path = "../src/framing.rs"]
mod framing;
#[path = "../src/keep_alive.rs"]
mod keep_alive;
#[path = "../src/listener.rs"]
mod listener;
#[path = "../src/reader.rs"]
mod reader;
#[path = "../src/request.rs"]
mod request;
#[path = "../src/response.rs"]
mod response;
#[path = "../src/route.rs"]
mod route;
#[path = "../src/server.rs"]
mod server;
#[path = "../src/target.rs"]
mod target;

mod sending {
    use std::io::{self, Write};
    use std::net::TcpStream;
    use std::time::Duration;

    pub struct Sender {
        stream: TcpStream,
    }

    impl Sender {
        pub fn new(stream: TcpStream) -> Sender {
            Sender { stream }
        }

        /// The mistake: `limit` bounds each write(2), not the response.
        pub fn respond_within(&mut self, limit: Duration) {
            let _ = self.stream.set_write_timeout(Some(limit));
        }
    }

    impl Write for Sender {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.stream.write(bytes)
        }

        fn flush(&mut self) -> io::Result<()> {
            self.stream.flush()
        }
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
