//! The request target and the Host header (RFC 9112 §3.2): which resource a request names,
//! and for which host.
//!
//! A target comes in one of four forms. Browsers and curl send the *origin form* to a
//! server: `/docs/notes.txt?lang=ko`, a path and a query, with the host in the `Host`
//! header. A client that talks to a proxy sends the *absolute form*, the whole URL:
//! `http://example.com/docs/notes.txt?lang=ko`. RFC 9112 §3.2.2 says a server MUST accept it
//! too (so that clients may one day send it everywhere), and take the host from the URL,
//! ignoring Host. This server serves one site whatever the host, so all it keeps of an
//! absolute-form target is its path and query. The other two forms belong to CONNECT
//! (`example.com:443`) and to `OPTIONS *`, which this server does not serve: 400.
//!
//! HTTP/1.1 made `Host` mandatory so that one IP address can serve many sites (virtual
//! hosts): it is how the server knows which site a request is for. A request without it
//! (HTTP/1.1), with two Host lines, or with a value that is not `host[:port]` gets 400
//! (RFC 9112 §3.2). Two programs that would pick different Host lines from one request (a
//! proxy the first, the server behind it the last) disagree about which site it is for,
//! which is how cache poisoning and routing around access checks start.

/// The target in origin form (`/path?query`), or the status that refuses it. `target` is
/// the second word of the request line.
pub fn origin_form(target: &[u8]) -> Result<String, u16> {
    // Visible ASCII only: anything else in a URL must be percent-encoded (RFC 3986).
    if target.is_empty() || !target.iter().all(|b| (0x21..=0x7e).contains(b)) {
        return Err(400);
    }
    let path = if target.starts_with(b"/") {
        target
    } else {
        absolute_form_path(target)?
    };
    // Both forms are ASCII, checked above.
    let mut origin = String::from_utf8_lossy(path).into_owned();
    if !origin.starts_with('/') {
        // `http://host` and `http://host?x`: an empty path is `/` (RFC 9110 §4.2.3).
        origin.insert(0, '/');
    }
    Ok(origin)
}

/// The path and query of an absolute-form target (`http://host[:port]/path?query`).
fn absolute_form_path(target: &[u8]) -> Result<&[u8], u16> {
    let (scheme, rest) = split_at_str(target, b"://").ok_or(400u16)?;
    if !scheme.eq_ignore_ascii_case(b"http") && !scheme.eq_ignore_ascii_case(b"https") {
        return Err(400);
    }
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    // An http URL needs a host (RFC 9110 §4.2.1), and no `user@` before it (§4.2.4).
    if authority.is_empty() || !valid_host(authority) {
        return Err(400);
    }
    Ok(path)
}

/// Checks the Host header of a request: exactly one, with a valid value, in HTTP/1.1;
/// at most one, valid, in HTTP/1.0, where it may be missing.
pub fn check_host(headers: &[(String, String)], http11: bool) -> Result<(), u16> {
    let mut hosts = headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("host"));
    match (hosts.next(), hosts.next()) {
        (None, _) if http11 => Err(400),
        (None, _) => Ok(()),
        // Two Host lines are refused even when they agree: RFC 9112 §3.2 says "more than
        // one Host header field line".
        (Some(_), Some(_)) => Err(400),
        (Some((_, value)), None) if valid_host(value.as_bytes()) => Ok(()),
        (Some(_), None) => Err(400),
    }
}

/// Whether `value` is `host[:port]` (RFC 9110 §7.2, RFC 3986 §3.2.2): a name or IPv4
/// address (letters, digits, `-._~`, `%XX` and the sub-delimiters), or an IPv6 address in
/// brackets, then an optional `:` and digits. Empty is valid too: a client sends an empty
/// Host when the URL it asks for has no host.
pub fn valid_host(value: &[u8]) -> bool {
    let (host, port) = match value {
        [b'[', rest @ ..] => {
            let Some(close) = rest.iter().position(|&b| b == b']') else {
                return false;
            };
            let address = &rest[..close];
            let valid = !address.is_empty()
                && address
                    .iter()
                    .all(|&b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
            if !valid {
                return false;
            }
            (&[][..], &rest[close + 1..])
        }
        _ => {
            let end = value.iter().position(|&b| b == b':').unwrap_or(value.len());
            value.split_at(end)
        }
    };
    let name_ok = percent_escapes_are_whole(host)
        && host
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b"-._~%!$&'()*+,;=".contains(&b));
    let port_ok = match port {
        [] => true,
        [b':', digits @ ..] => digits.iter().all(u8::is_ascii_digit),
        _ => false,
    };
    name_ok && port_ok
}

/// Every `%` in `name` starts a `%XX` escape.
fn percent_escapes_are_whole(name: &[u8]) -> bool {
    let mut i = 0;
    while i < name.len() {
        if name[i] == b'%' {
            match name.get(i + 1..i + 3) {
                Some([a, b]) if a.is_ascii_hexdigit() && b.is_ascii_hexdigit() => i += 3,
                _ => return false,
            }
        } else {
            i += 1;
        }
    }
    true
}

/// `bytes` split around the first `separator`.
fn split_at_str<'a>(bytes: &'a [u8], separator: &[u8]) -> Option<(&'a [u8], &'a [u8])> {
    let at = bytes
        .windows(separator.len())
        .position(|w| w == separator)?;
    Some((&bytes[..at], &bytes[at + separator.len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_forms() {
        for (target, origin) in [
            ("/docs/a%20b.txt?x=1", "/docs/a%20b.txt?x=1"),
            ("http://example.com/docs/notes.txt", "/docs/notes.txt"),
            (
                "HTTP://127.0.0.1:8080/index.html?lang=ko",
                "/index.html?lang=ko",
            ),
            ("https://[::1]:8080/", "/"),
            ("http://example.com", "/"),
            ("http://example.com?x=1", "/?x=1"),
        ] {
            assert_eq!(
                origin_form(target.as_bytes()).as_deref(),
                Ok(origin),
                "{target}"
            );
        }
    }

    #[test]
    fn refuses_other_forms() {
        for target in [
            "*",
            "example.com:443",
            "index.html",
            "ftp://example.com/x",
            "http:///x",
            "http://user@example.com/x",
            "http://exa mple.com/",
            "/a b",
            "",
        ] {
            assert_eq!(origin_form(target.as_bytes()), Err(400), "{target}");
        }
    }

    fn headers(lines: &[(&str, &str)]) -> Vec<(String, String)> {
        lines
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn http11_needs_exactly_one_valid_host() {
        for ok in [
            "example.com",
            "127.0.0.1:8080",
            "[::1]:8080",
            "localhost:",
            "xn--9n2bp8q.kr",
            "",
        ] {
            assert_eq!(
                check_host(&headers(&[("Host", ok)]), true),
                Ok(()),
                "{ok:?}"
            );
        }
        assert_eq!(check_host(&headers(&[("hOST", "a")]), true), Ok(()));
        assert_eq!(check_host(&headers(&[]), true), Err(400));
        assert_eq!(check_host(&headers(&[]), false), Ok(()));
        assert_eq!(
            check_host(&headers(&[("Host", "a"), ("host", "a")]), false),
            Err(400)
        );
        for bad in [
            "exa mple.com",
            "example.com/path",
            "example.com:http",
            "user@example.com",
            "[::1",
            "[]",
            "[::1]x",
            "a%zz",
        ] {
            assert_eq!(
                check_host(&headers(&[("Host", bad)]), true),
                Err(400),
                "{bad:?}"
            );
        }
    }
}
