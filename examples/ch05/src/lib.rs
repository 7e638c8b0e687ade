//! What the chapter 5 examples share: percent-decoding, and reading their command lines.
//!
//! Bad input becomes a one-line message and exit code 2, never a panic: the programs read
//! `std::env::args_os`, because `std::env::args` panics on an argument that is not UTF-8.

use std::ffi::OsString;
use std::net::SocketAddr;

// ANCHOR: percent_decode
/// Decodes `%XX` escapes into bytes: `a%20b` is `a b`, `%ED%95%9C` is the UTF-8 of `한`.
/// `None` for a broken escape (`%zz`, or `%4` at the end). `+` stays `+`: it means a
/// space only in HTML form data, not in a path.
pub fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let high = (hex[0] as char).to_digit(16)?;
            let low = (hex[1] as char).to_digit(16)?;
            out.push((high * 16 + low) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}
// ANCHOR_END: percent_decode

/// The arguments as UTF-8 strings, or the message that says which one is not.
pub fn utf8_args(args: impl IntoIterator<Item = OsString>) -> Result<Vec<String>, String> {
    args.into_iter()
        .map(|a| {
            a.into_string()
                .map_err(|bad| format!("argument {bad:?} is not valid UTF-8"))
        })
        .collect()
}

/// Turns `IP:PORT` (or `localhost:PORT`) into an address.
pub fn resolve(text: &str) -> Result<SocketAddr, String> {
    lab_support::resolve(text, 8080)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes() {
        assert_eq!(percent_decode("a%20b").unwrap(), b"a b");
        assert_eq!(percent_decode("%ED%95%9C").unwrap(), "한".as_bytes());
        assert_eq!(percent_decode("%2e%2E").unwrap(), b"..");
        assert_eq!(percent_decode("a+b").unwrap(), b"a+b");
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%4"), None);
    }
}
