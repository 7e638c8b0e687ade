//! Classic bug: leaves the body out of a HEAD response for a file, but not for an error.
//!
//! The file path of the server remembers HEAD; the error path (404, 403, 400) writes its
//! short text page whatever the method was. `HEAD /missing` then gets `404 Not Found\n`
//! after its head, which the client takes for the start of the next response. Caught by
//! `head_sends_headers_only`, which sends HEAD for every status it can reach.
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

    /// The mistake: only a 200 leaves its body out for HEAD.
    pub fn write<W: Write>(out: &mut W, response: Response, head_only: bool) -> io::Result<()> {
        let head_only = head_only && response.status == 200;
        lab05_solution::response::write(out, response, head_only)
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
