//! Classic bug: closes the connection after every response.
//!
//! Correct for HTTP/1.0, wrong for HTTP/1.1, whose connections persist unless the client
//! says `Connection: close`: the client's second request on the connection gets nothing.
//! Caught by `keeps_the_connection_open`.
//!
//! This program is the reference solution with its `keep_alive` module replaced by the one below;
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
#[path = "../src/sending.rs"]
mod sending;
#[path = "../src/server.rs"]
mod server;
#[path = "../src/target.rs"]
mod target;

mod keep_alive {
    use crate::request::Request;

    /// The mistake: never.
    pub fn keep_alive(_request: &Request) -> bool {
        false
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
