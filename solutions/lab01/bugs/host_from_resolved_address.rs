//! Bug: builds the `Host` header from the address the name resolved to.
//!
//! `http://localhost:8080/` becomes `Host: 127.0.0.1:8080`. It looks the same against a test
//! server on 127.0.0.1, but `Host` is the URL's authority (RFC 9112 §3.2): a server with many
//! sites on one address picks the site by the name, and `127.0.0.1` names none of them. Caught
//! by `get_sends_the_host_as_written`.
//!
//! This program is the reference solution with its `request` module replaced by the one
//! below; the other modules are compiled from the reference's own files.

#[path = "../src/app.rs"]
mod app;
#[path = "../src/body.rs"]
mod body;
#[path = "../src/get.rs"]
mod get;
#[path = "../src/head.rs"]
mod head;
#[path = "../src/talk.rs"]
mod talk;
#[path = "../src/url.rs"]
mod url;

mod request {
    use std::net::ToSocketAddrs;

    use lab_support::lab01::Url;

    /// The mistake: resolve the name, then write the address into Host.
    pub fn request(url: &Url) -> String {
        let resolved = (url.host.trim_matches(['[', ']']), url.port)
            .to_socket_addrs()
            .ok()
            .and_then(|mut addrs| addrs.next());
        let host = match resolved {
            Some(addr) => addr.to_string(),
            None => format!("{}:{}", url.host, url.port),
        };
        format!(
            "GET {} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
            url.path
        )
    }
}

fn main() -> std::process::ExitCode {
    app::main()
}
