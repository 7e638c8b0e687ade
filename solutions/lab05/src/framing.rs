//! Message framing: does a body follow the head, and where does the next request start?
//!
//! A request says how long its body is in one of two ways (RFC 9112 §6): `Content-Length`,
//! a number of bytes, or `Transfer-Encoding: chunked`, pieces each with its own length.
//! Neither means no body. Every byte of a body must be read (or the connection closed),
//! because whatever is left unread is taken for the next request: a body that is itself
//! `GET /admin HTTP/1.1 ...` would then be answered as a request the client never sent
//! through the front door. That is *request smuggling*, and it also happens when two
//! programs that read the same bytes disagree about the framing: a proxy that believes the
//! first of two Content-Length headers and a server that believes the second. So anything
//! ambiguous is refused with 400 (RFC 9112 §6.3), never guessed.
//!
//! Content-Length and Transfer-Encoding together are the classic disagreement: RFC 9112
//! §6.3 says Transfer-Encoding wins, but a program in front of us that believes the
//! Content-Length ends the body elsewhere. §6.1 lets a server refuse such a request or read
//! it by Transfer-Encoding, and then close the connection either way; we refuse it.

/// Whether a body follows the head. A Content-Length that is not a number, two that
/// disagree, or one together with a Transfer-Encoding, is a 400. Header names are compared
/// without regard to case: `content-length: 5` is the same header.
pub fn body_follows(headers: &[(String, String)]) -> Result<bool, u16> {
    let mut length: Option<u64> = None;
    let mut encoded = false;
    for (name, value) in headers {
        if name.eq_ignore_ascii_case("content-length") {
            // 1*DIGIT, nothing else: no sign, no spaces inside, no list (`5, 5` may be
            // accepted by RFC 9110 §8.6, and may be refused; we refuse it).
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(400);
            }
            let n: u64 = value.parse().map_err(|_| 400u16)?;
            // Two Content-Length fields that agree are one length; two that disagree are
            // the classic smuggling attempt.
            if length.is_some_and(|old| old != n) {
                return Err(400);
            }
            length = Some(n);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            // We read no chunked bodies, so the connection closes after the response.
            encoded = true;
        }
    }
    if encoded && length.is_some() {
        return Err(400); // two framings for one body: refuse (RFC 9112 §6.1, §6.3)
    }
    Ok(encoded || length.unwrap_or(0) > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(fields: &[(&str, &str)]) -> Vec<(String, String)> {
        fields
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn finds_a_body() {
        assert_eq!(body_follows(&headers(&[])), Ok(false));
        assert_eq!(
            body_follows(&headers(&[("Content-Length", "0")])),
            Ok(false)
        );
        assert_eq!(body_follows(&headers(&[("content-length", "5")])), Ok(true));
        assert_eq!(body_follows(&headers(&[("CONTENT-LENGTH", "5")])), Ok(true));
        assert_eq!(
            body_follows(&headers(&[("Transfer-Encoding", "chunked")])),
            Ok(true)
        );
        assert_eq!(
            body_follows(&headers(&[
                ("Content-Length", "5"),
                ("Content-Length", "5")
            ])),
            Ok(true)
        );
    }

    #[test]
    fn refuses_what_is_ambiguous() {
        for fields in [
            &[("Content-Length", "0"), ("Content-Length", "5")][..],
            &[("Content-Length", "5"), ("content-length", "6")],
            &[("Content-Length", "5, 6")],
            &[("Content-Length", "-1")],
            &[("Content-Length", "+5")],
            &[("Content-Length", "")],
            &[("Content-Length", "99999999999999999999999")],
            &[("Content-Length", "5"), ("Transfer-Encoding", "chunked")],
            &[("transfer-encoding", "chunked"), ("Content-Length", "0")],
        ] {
            assert_eq!(body_follows(&headers(fields)), Err(400), "{fields:?}");
        }
    }
}
