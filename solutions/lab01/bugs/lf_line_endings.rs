//! Classic bug: ends the request's lines with `\n` instead of `\r\n`.
//!
//! Many servers forgive it, so it "works" against them; the standard requires CR LF, and a
//! strict server waits for a `\r\n\r\n` that never comes. Caught by
//! `get_frames_the_request_with_crlf`.

use lab01_solution::cli::Url;
use lab01_solution::{Parts, REFERENCE};

fn request_with_lf(url: &Url) -> String {
    let host = if url.port_given {
        format!("{}:{}", url.host, url.port)
    } else {
        url.host.clone()
    };
    format!(
        "GET {} HTTP/1.1\nHost: {host}\nConnection: close\n\n",
        url.path
    )
}

fn main() -> std::process::ExitCode {
    lab01_solution::main(Parts {
        request: request_with_lf,
        ..REFERENCE
    })
}
