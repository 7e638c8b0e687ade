//! Classic bug: compares the whole `Connection` value with `close`.
//!
//! `Connection: close` and `Connection: CLOSE` close, but `Connection: keep-alive, close`,
//! a list with two options, does not, and neither does a second `Connection` line. The value
//! of `Connection` is a comma-separated list (RFC 9110 §7.6.1, §5.6.1). Caught by
//! `connection_close_closes`.
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
    use crate::request::{Request, Version};

    pub fn keep_alive(request: &Request) -> bool {
        // The mistake: the first Connection header, as one value.
        let close = request
            .headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("connection"))
            .is_some_and(|(_, value)| value.eq_ignore_ascii_case("close"));
        request.version == Version::Http11 && !request.has_body && !close
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
