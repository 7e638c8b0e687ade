//! Classic bug: looks for `close` in `Connection` case-sensitively.
//!
//! The value is split into its list of options, but each one is compared with `==`:
//! `Connection: Close` (and `CLOSE`) does not close. RFC 9112 §9.6 and RFC 9110 §7.6.1 make
//! connection options case-insensitive tokens. Caught by `connection_close_closes`.
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
        let close = request
            .headers
            .iter()
            .filter(|(name, _)| name.eq_ignore_ascii_case("connection"))
            .flat_map(|(_, value)| value.split(','))
            // The mistake: `==` instead of a comparison without regard to case.
            .any(|option| option.trim() == "close");
        request.version == Version::Http11 && !request.has_body && !close
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
