//! Classic bug: sends no `Host` header.
//!
//! HTTP/1.0 did without it, and a server with one site may not care. HTTP/1.1 requires it:
//! one address serves many sites, and the server picks the site by this header (a strict
//! server answers 400 Bad Request). Caught by `get_sends_the_host_header`.

use lab01_solution::cli::Url;
use lab01_solution::{Parts, REFERENCE};

fn request_without_host(url: &Url) -> String {
    format!("GET {} HTTP/1.1\r\nConnection: close\r\n\r\n", url.path)
}

fn main() -> std::process::ExitCode {
    lab01_solution::main(Parts {
        request: request_without_host,
        ..REFERENCE
    })
}
