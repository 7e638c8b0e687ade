//! Parsing a request head: the request line and the header fields.
//!
//! ```text
//! GET /docs/index.html?lang=ko HTTP/1.1\r\n     request line: method SP target SP version
//! Host: 127.0.0.1:8080\r\n                      header fields: name ":" OWS value OWS
//! Accept: */*\r\n
//! \r\n                                          an empty line ends the head
//! ```
//!
//! The parser is strict where being lenient would be dangerous, and says no with a status
//! code rather than guessing. Two servers that read the same bytes differently (one takes a
//! header with a space before its colon, a proxy in front of it ignores it) are how request
//! smuggling happens, so RFC 9112 asks for a 400 in those cases, and so do we. It works on
//! bytes, never assumes UTF-8, and never panics: the property tests feed it arbitrary bytes.
//! The target's forms and the Host header have a module of their own, [`crate::target`].

use crate::framing::body_follows;
use crate::reader::MAX_HEAD;
use crate::target::{check_host, origin_form};

/// The HTTP versions this server speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    Http10,
    /// HTTP/1.1, and any later HTTP/1.x: RFC 9110 §2.5 says to process a higher minor
    /// version as the highest one we speak.
    Http11,
}

impl Version {
    pub fn as_str(self) -> &'static str {
        match self {
            Version::Http10 => "HTTP/1.0",
            Version::Http11 => "HTTP/1.1",
        }
    }
}

/// A parsed request head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `HEAD`, ... : a token, case-sensitive (`get` is not `GET`).
    pub method: String,
    /// The request target in origin form, still percent-encoded: `/docs/a%20b.txt?x=1`. An
    /// absolute-form target (`http://host/docs/a%20b.txt?x=1`) is reduced to this.
    pub target: String,
    pub version: Version,
    /// The header fields in order; names as sent (compare them without regard to case),
    /// values without the whitespace around them.
    pub headers: Vec<(String, String)>,
    /// Whether a body follows the head (a Content-Length above 0, or a Transfer-Encoding).
    /// This server reads no bodies, so it answers such a request and then closes.
    pub has_body: bool,
}

/// Parses a request head (as [`crate::reader::read_head`] returns it). The error is the
/// status to answer with: 400 for anything malformed (a missing, repeated or invalid Host
/// included), 505 for an HTTP major version we do not speak, 431 for a head over the size
/// limit.
pub fn parse(head: &[u8]) -> Result<Request, u16> {
    if head.len() > MAX_HEAD {
        return Err(431);
    }
    let mut lines = head
        .split(|&b| b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line));
    let (method, target, version) = request_line(lines.next().unwrap_or(b""))?;
    let mut headers = Vec::new();
    for line in lines {
        if line.is_empty() {
            break; // the empty line that ends the head
        }
        headers.push(header_field(line)?);
    }
    check_host(&headers, version == Version::Http11)?;
    let has_body = body_follows(&headers)?;
    Ok(Request {
        method,
        target,
        version,
        headers,
        has_body,
    })
}

/// `method SP target SP version`: exactly one space between the three parts. RFC 9112 §3
/// also lets a server split on any run of whitespace instead; we take the strict reading,
/// and a server that takes the lenient one is just as correct.
fn request_line(line: &[u8]) -> Result<(String, String, Version), u16> {
    let parts: Vec<&[u8]> = line.split(|&b| b == b' ').collect();
    let [method, target, version] = parts[..] else {
        return Err(400);
    };
    if method.is_empty() || !method.iter().all(|&b| is_token_byte(b)) {
        return Err(400);
    }
    let target = origin_form(target)?;
    let version = match version {
        b"HTTP/1.0" => Version::Http10,
        // HTTP/1.1, and HTTP/1.2 to HTTP/1.9 read as 1.1: a minor version only adds what an
        // older reader may ignore (RFC 9110 §2.5).
        [b'H', b'T', b'T', b'P', b'/', b'1', b'.', minor] if minor.is_ascii_digit() => {
            Version::Http11
        }
        // Well-formed, but a major version we do not speak: HTTP/2.0, HTTP/0.9, HTTP/3.0.
        [b'H', b'T', b'T', b'P', b'/', major, b'.', minor]
            if major.is_ascii_digit() && minor.is_ascii_digit() =>
        {
            return Err(505);
        }
        _ => return Err(400),
    };
    // The method was checked to be ASCII above, so this conversion cannot fail.
    let method = String::from_utf8_lossy(method).into_owned();
    Ok((method, target, version))
}

/// `name ":" OWS value OWS`.
fn header_field(line: &[u8]) -> Result<(String, String), u16> {
    // A line that starts with whitespace continues the previous one ("obsolete line
    // folding"); RFC 9112 lets a server refuse it, and we do.
    let colon = line.iter().position(|&b| b == b':').ok_or(400u16)?;
    let (name, value) = (&line[..colon], &line[colon + 1..]);
    // No whitespace inside the name or between the name and the colon: `Host : x` is how
    // smuggling attempts look, so it is a 400, not a header called "Host ".
    if name.is_empty() || !name.iter().all(|&b| is_token_byte(b)) {
        return Err(400);
    }
    let value = trim_whitespace(value);
    // Visible characters, spaces and tabs; bytes above 0x7f are allowed (obs-text). Any other
    // control byte (CR, NUL, ...) is a 400.
    if value.iter().any(|&b| (b < 0x20 && b != b'\t') || b == 0x7f) {
        return Err(400);
    }
    Ok((
        String::from_utf8_lossy(name).into_owned(),
        String::from_utf8_lossy(value).into_owned(),
    ))
}

/// The characters allowed in a method or a header name (RFC 9110's `tchar`).
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// A value without the spaces and tabs around it (RFC 9110's OWS).
fn trim_whitespace(mut bytes: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = bytes {
        bytes = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = bytes {
        bytes = rest;
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_request() {
        let request = parse(
            b"GET /a%20b?x=1 HTTP/1.1\r\nHost: example\r\nConnection:  keep-alive, Close \r\n\r\n",
        )
        .unwrap();
        assert_eq!(request.method, "GET");
        assert_eq!(request.target, "/a%20b?x=1");
        assert_eq!(request.version, Version::Http11);
        assert_eq!(
            request.headers,
            [
                ("Host".to_string(), "example".to_string()),
                ("Connection".to_string(), "keep-alive, Close".to_string()),
            ]
        );
        assert!(!request.has_body);
    }

    #[test]
    fn accepts_bare_line_feeds() {
        let request = parse(b"HEAD / HTTP/1.0\nHost: x\n\n").unwrap();
        assert_eq!(
            (request.method.as_str(), request.version),
            ("HEAD", Version::Http10)
        );
    }

    #[test]
    fn refuses_what_is_malformed() {
        for bad in [
            &b"hello\r\nHost: x\r\n\r\n"[..],
            b"GET /\r\nHost: x\r\n\r\n",
            b"GET  / HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n",
            b"GET index.html HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /\xff HTTP/1.1\r\nHost: x\r\n\r\n",
            b"G(T / HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET / HTTX/1.1\r\nHost: x\r\n\r\n",
            b"GET / HTTP/1.10\r\nHost: x\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: x\r\nno colon\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost : x\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: x\r\nX: a\0b\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
            b"GET / HTTP/1.1\r\n\r\n",
            b"",
        ] {
            assert_eq!(parse(bad), Err(400), "{:?}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn later_minor_versions_are_read_as_1_1() {
        for version in ["HTTP/1.1", "HTTP/1.2", "HTTP/1.9"] {
            let head = format!("GET / {version}\r\nHost: x\r\n\r\n");
            assert_eq!(parse(head.as_bytes()).unwrap().version, Version::Http11);
        }
    }

    #[test]
    fn refuses_other_major_versions_with_505() {
        for version in ["HTTP/2.0", "HTTP/0.9", "HTTP/3.0"] {
            let head = format!("GET / {version}\r\n\r\n");
            assert_eq!(parse(head.as_bytes()), Err(505), "{version}");
        }
    }

    #[test]
    fn notices_a_body() {
        let request = parse(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n").unwrap();
        assert!(request.has_body);
        let request =
            parse(b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n").unwrap();
        assert!(request.has_body);
    }

    #[test]
    fn reads_an_absolute_form_target_and_needs_a_host() {
        let request =
            parse(b"GET http://example.com/docs/?x=1 HTTP/1.1\r\nHost: other\r\n\r\n").unwrap();
        assert_eq!(request.target, "/docs/?x=1");
        assert_eq!(parse(b"GET / HTTP/1.1\r\n\r\n"), Err(400));
        assert_eq!(
            parse(b"GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n"),
            Err(400)
        );
        assert_eq!(parse(b"GET / HTTP/1.1\r\nHost: a/b\r\n\r\n"), Err(400));
        assert!(parse(b"GET / HTTP/1.0\r\n\r\n").is_ok());
    }
}
