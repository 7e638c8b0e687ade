//! Reading `http://HOST[:PORT]/PATH`.
//!
//! A URL says three things a GET needs: where to connect (host and port), what to put in the
//! `Host` header, and what to ask for (the path). This reader knows only `http://`; it
//! refuses everything it does not understand rather than guess, because a guessed URL sends
//! a request somewhere the user did not mean.

use lab_support::lab01::Url;

/// The port HTTP uses when the URL names none.
pub const DEFAULT_PORT: u16 = 80;

/// Reads `text` as an `http://` URL.
pub fn parse(text: &str) -> Result<Url, String> {
    // Whitespace or a control character can never be part of a URL, and letting a CR or LF
    // through would let the URL write extra header lines into the request.
    if let Some(bad) = text.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "'{}' is not a URL: it contains {bad:?}",
            text.escape_debug()
        ));
    }
    let rest = match text.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => rest,
        Some((scheme, _)) => {
            return Err(format!(
                "'{text}' is not an http:// URL ({scheme}:// is not supported)"
            ));
        }
        None => {
            return Err(format!(
                "'{text}' is not a URL: expected http://HOST[:PORT]/PATH"
            ));
        }
    };
    // The fragment (#...) only means something to the browser; it is never sent.
    let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
    // The host part ends where the path (or a query with no path) begins.
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let path = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };

    let (host, port) = split_port(authority)
        .ok_or_else(|| format!("'{text}' is not a URL: '{authority}' is not HOST or HOST:PORT"))?;
    if host.is_empty() || host.contains('@') {
        return Err(format!("'{text}' is not a URL: no host"));
    }
    let (port, port_given) = match port {
        None => (DEFAULT_PORT, false),
        Some(digits) => match digits.parse::<u16>() {
            Ok(port) if port != 0 && digits.bytes().all(|b| b.is_ascii_digit()) => (port, true),
            _ => {
                return Err(format!(
                    "'{text}' is not a URL: '{digits}' is not a port (1-65535)"
                ));
            }
        },
    };
    Ok(Url {
        host: host.to_string(),
        port,
        port_given,
        path,
    })
}

/// Splits `host[:port]`; an IPv6 address is written in brackets, since it has colons of its
/// own: `[::1]:8080`.
fn split_port(authority: &str) -> Option<(&str, Option<&str>)> {
    if authority.starts_with('[') {
        let close = authority.find(']')?;
        let (host, after) = authority.split_at(close + 1);
        return match after.strip_prefix(':') {
            Some(port) => Some((host, Some(port))),
            None if after.is_empty() => Some((host, None)),
            None => None,
        };
    }
    match authority.split_once(':') {
        Some((host, port)) => Some((host, Some(port))),
        None => Some((authority, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(host: &str, port: u16, port_given: bool, path: &str) -> Url {
        Url {
            host: host.into(),
            port,
            port_given,
            path: path.into(),
        }
    }

    #[test]
    fn reads_the_parts() {
        assert_eq!(
            parse("http://127.0.0.1:8080/a/b?x=1#top"),
            Ok(url("127.0.0.1", 8080, true, "/a/b?x=1"))
        );
        assert_eq!(
            parse("http://example.com"),
            Ok(url("example.com", 80, false, "/"))
        );
        assert_eq!(
            parse("HTTP://example.com?q"),
            Ok(url("example.com", 80, false, "/?q"))
        );
        assert_eq!(
            parse("http://[::1]:8080/"),
            Ok(url("[::1]", 8080, true, "/"))
        );
        assert_eq!(parse("http://[::1]/"), Ok(url("[::1]", 80, false, "/")));
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        for bad in [
            "127.0.0.1:8080/",
            "https://127.0.0.1/",
            "http://",
            "http:///path",
            "http://:8080/",
            "http://127.0.0.1:port/",
            "http://127.0.0.1:99999/",
            "http://127.0.0.1:0/",
            "http://127.0.0.1:+80/",
            "http://127.0.0.1:/",
            "http://exa mple.com/",
            "http://a/\r\nX-Injected: 1",
            "http://user@host/",
            "http://[::1/",
            "http://[::1]x/",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
