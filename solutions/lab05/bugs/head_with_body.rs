//! Classic bug: answers HEAD with a body.
//!
//! HEAD asks for the headers a GET would get, without the body. A client that sent HEAD
//! reads no body, so the bytes of one it did not expect are taken for the start of the
//! next response. Caught by `head_sends_headers_only`.
//!
//! This program is the reference solution with its `response` module replaced by the one below;
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
#[path = "../src/route.rs"]
mod route;
#[path = "../src/sending.rs"]
mod sending;
#[path = "../src/server.rs"]
mod server;
#[path = "../src/target.rs"]
mod target;

mod response {
    use std::io::{self, Write};

    pub use lab05_solution::response::{Response, file_response};

    /// The mistake: `head_only` is ignored.
    pub fn write<W: Write>(out: &mut W, response: Response, _head_only: bool) -> io::Result<()> {
        lab05_solution::response::write(out, response, false)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
