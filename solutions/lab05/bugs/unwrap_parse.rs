//! Classic bug: unwraps on malformed input.
//!
//! The parser assumes every request is well formed: UTF-8, three parts on the request line,
//! a colon in every header. Garbage makes it panic; the connection's thread dies without an
//! answer, and the panic is all over stderr. Caught by `bad_requests_get_400` and
//! `survives_bad_input`.

use lab05_solution::request::{Request, Version};
use lab05_solution::{Parts, REFERENCE};

fn parse_with_unwraps(head: &[u8]) -> Result<Request, u16> {
    let text = std::str::from_utf8(head).unwrap();
    let mut lines = text.lines();
    let mut parts = lines.next().unwrap().split(' ');
    let method = parts.next().unwrap().to_string();
    let target = parts.next().unwrap().to_string();
    let version = match parts.next().unwrap() {
        "HTTP/1.1" => Version::Http11,
        "HTTP/1.0" => Version::Http10,
        _ => return Err(505),
    };
    let mut headers = Vec::new();
    for line in lines.take_while(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':').unwrap();
        headers.push((name.to_string(), value.trim().to_string()));
    }
    let length: u64 = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .map(|(_, v)| v.parse().unwrap())
        .unwrap_or(0);
    Ok(Request {
        method,
        target,
        version,
        headers,
        has_body: length > 0,
    })
}

fn main() -> std::process::ExitCode {
    lab05_solution::main(Parts {
        parse: parse_with_unwraps,
        ..REFERENCE
    })
}
