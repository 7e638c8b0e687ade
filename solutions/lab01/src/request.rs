//! The GET request, as the text it is.
//!
//! An HTTP/1.1 request is lines of text: the request line, header lines, and an empty line
//! that says the head is over. Every line ends with CR LF (`\r\n`), not a bare `\n`: that is
//! what the standard requires (RFC 9112), and a strict server waits for the `\r\n\r\n` that
//! ends the head, or refuses the request.

use lab_support::lab01::Url;

/// The bytes of a GET for `url`.
pub fn request(url: &Url) -> String {
    // The Host header is required in HTTP/1.1: one IP address serves many sites, and the
    // server picks the site by this name. It repeats the port only if the URL gave one.
    let host = if url.port_given {
        format!("{}:{}", url.host, url.port)
    } else {
        url.host.clone()
    };
    // `Connection: close` asks the server to close the connection after the response. An
    // HTTP/1.1 server keeps it open by default, waiting for the next request; then only the
    // Content-Length can tell us where the body ends.
    format!(
        "GET {} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
        url.path
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_header_has_the_port_only_when_the_url_has_it() {
        let mut url = Url {
            host: "127.0.0.1".into(),
            port: 8080,
            port_given: true,
            path: "/a?b".into(),
        };
        assert_eq!(
            request(&url),
            "GET /a?b HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n"
        );
        url.port = 80;
        url.port_given = false;
        assert!(request(&url).contains("\r\nHost: 127.0.0.1\r\n"));
    }
}
