//! Whether a connection stays open after a response (RFC 9112 §9.3).
//!
//! HTTP/1.1 keeps it open unless the request says `Connection: close`. The value of
//! `Connection` is a list of options, so `close` may come with others
//! (`Connection: keep-alive, close`), in any case (`Close`), with or without spaces around
//! the commas, and split over several `Connection` lines: all the same to us. HTTP/1.0
//! closes after each response; its opt-in `Connection: keep-alive` is one a server may
//! honour (RFC 9112 §9.3), and this one does not. A request with a body closes the
//! connection too, because this server does not read bodies, and an unread body would be
//! taken for the next request (see [`crate::framing`]).

use crate::request::{Request, Version};

/// Whether the connection stays open after the response to `request`.
pub fn keep_alive(request: &Request) -> bool {
    request.version == Version::Http11 && !request.has_body && !asks_for(request, "close")
}

/// Whether any `Connection` line of `request` lists `option` (compared without regard to
/// case; empty elements of the list, as in `a, , b`, are allowed and ignored).
fn asks_for(request: &Request, option: &str) -> bool {
    request
        .headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("connection"))
        .flat_map(|(_, value)| value.split(','))
        .any(|element| {
            element
                .trim_matches([' ', '\t'])
                .eq_ignore_ascii_case(option)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::parse;

    /// Whether the connection stays open after `head`, given a Host line.
    fn kept(head: &str) -> bool {
        let head = head.replacen("\r\n", "\r\nHost: x\r\n", 1);
        keep_alive(&parse(head.as_bytes()).unwrap())
    }

    #[test]
    fn http11_stays_open_unless_asked_to_close() {
        assert!(kept("GET / HTTP/1.1\r\n\r\n"));
        assert!(kept("GET / HTTP/1.1\r\nConnection: keep-alive\r\n\r\n"));
        for connection in [
            "Connection: close",
            "Connection: Close",
            "connection: CLOSE",
            "Connection:close",
            "Connection: \tclose\t ",
            "Connection: keep-alive, close",
            "Connection: keep-alive,close",
            "Connection: keep-alive , , close",
            "Connection: keep-alive\r\nConnection: close",
        ] {
            assert!(
                !kept(&format!("GET / HTTP/1.1\r\n{connection}\r\n\r\n")),
                "{connection}"
            );
        }
        assert!(kept("GET / HTTP/1.1\r\nConnection: closed, xclose\r\n\r\n"));
    }

    #[test]
    fn http10_and_bodies_close() {
        assert!(!kept("GET / HTTP/1.0\r\n\r\n"));
        assert!(!kept("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
        assert!(!kept("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\n"));
        assert!(kept("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n"));
    }
}
