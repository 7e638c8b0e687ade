//! Property tests of the request parser: it never panics, whatever bytes arrive, and a
//! well-formed request comes back out of it exactly as it went in.

use lab05_solution::reader::head_end;
use lab05_solution::request::{Request, Version, parse};
use proptest::prelude::*;

/// The head as bytes again, the way a client would write it.
fn to_bytes(request: &Request) -> Vec<u8> {
    let mut out = format!(
        "{} {} {}\r\n",
        request.method,
        request.target,
        request.version.as_str()
    );
    for (name, value) in &request.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    out.into_bytes()
}

/// A method: a token of letters, like GET or PURGE.
fn method() -> impl Strategy<Value = String> {
    "[A-Z]{1,10}"
}

/// An origin-form target: '/' then visible ASCII.
fn target() -> impl Strategy<Value = String> {
    "/[!-~]{0,40}"
}

/// A header field: a token name and a value of visible ASCII with inner spaces.
fn header() -> impl Strategy<Value = (String, String)> {
    ("[A-Za-z0-9-]{1,20}", "[!-~]([ !-~]{0,30}[!-~])?")
}

fn request() -> impl Strategy<Value = Request> {
    (
        method(),
        target(),
        prop_oneof![Just(Version::Http10), Just(Version::Http11)],
        prop::collection::vec(header(), 0..8),
    )
        .prop_map(|(method, target, version, headers)| {
            // has_body follows from the headers; keep the generated ones bodiless. One
            // valid Host comes first, as HTTP/1.1 requires.
            let headers = std::iter::once(("Host".to_string(), "example.com:8080".to_string()))
                .chain(headers.into_iter().filter(|(n, _)| {
                    !n.eq_ignore_ascii_case("content-length")
                        && !n.eq_ignore_ascii_case("transfer-encoding")
                        && !n.eq_ignore_ascii_case("host")
                }))
                .collect();
            Request {
                method,
                target,
                version,
                headers,
                has_body: false,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = parse(&bytes);
        let _ = head_end(&bytes);
    }

    #[test]
    fn any_bytes_after_a_request_line_never_panic(
        rest in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        let mut bytes = b"GET / HTTP/1.1\r\n".to_vec();
        bytes.extend(rest);
        if let Ok(request) = parse(&bytes) {
            prop_assert_eq!(request.method, "GET");
        }
    }

    #[test]
    fn a_valid_request_round_trips(request in request()) {
        let bytes = to_bytes(&request);
        prop_assert_eq!(head_end(&bytes), Some(bytes.len()));
        prop_assert_eq!(parse(&bytes), Ok(request));
    }

    #[test]
    fn the_status_is_always_one_we_send(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Err(status) = parse(&bytes) {
            prop_assert!([400, 431, 505].contains(&status), "{}", status);
        }
    }
}
