//! Showing bytes to a human.
//!
//! A grader talks to the program in bytes, and a learner has to see those bytes to understand
//! a failure: a missing `\n`, a stray NUL, a `\r` where none belongs. Bytes are shown the way
//! a Rust byte string is written (`b"hi\n\x00"`), and long data is summarised by its length
//! and the place where it first differs from what was expected, so an 8 MiB mismatch fits on
//! a screen.

use crate::Lang;

/// Shown in full up to this many bytes; longer data is shortened.
const SHOW_IN_FULL: usize = 64;
/// How much context to show on each side of a first difference.
const CONTEXT: usize = 12;

/// Escapes bytes as the inside of a Rust byte string literal.
pub fn escape(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    for &b in bytes {
        match b {
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b'\\' => out.push_str("\\\\"),
            b'"' => out.push_str("\\\""),
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out
}

/// Shows bytes as `b"..."`, shortened to their start and end when they are long.
pub fn show(lang: Lang, bytes: &[u8]) -> String {
    if bytes.len() <= SHOW_IN_FULL {
        return format!("b\"{}\"", escape(bytes));
    }
    let head = &bytes[..SHOW_IN_FULL / 2];
    let tail = &bytes[bytes.len() - 8..];
    lang.pick(
        format!(
            "{} bytes: b\"{}\" … b\"{}\"",
            bytes.len(),
            escape(head),
            escape(tail)
        ),
        format!(
            "{}바이트: b\"{}\" … b\"{}\"",
            bytes.len(),
            escape(head),
            escape(tail)
        ),
    )
}

/// The index of the first byte where the two differ, or the length of the shorter one when
/// one is a prefix of the other. `None` when they are equal.
pub fn first_difference(expected: &[u8], got: &[u8]) -> Option<usize> {
    if expected == got {
        return None;
    }
    Some(
        expected
            .iter()
            .zip(got)
            .position(|(a, b)| a != b)
            .unwrap_or(expected.len().min(got.len())),
    )
}

/// Says how `got` differs from `expected`, in a sentence or two; `None` when they are equal.
pub fn describe_difference(lang: Lang, expected: &[u8], got: &[u8]) -> Option<String> {
    let at = first_difference(expected, got)?;
    let window = |data: &[u8]| {
        let start = at.saturating_sub(CONTEXT);
        let end = (at + CONTEXT).min(data.len());
        if start >= end {
            return "b\"\"".to_string();
        }
        let prefix = if start > 0 { "…" } else { "" };
        let suffix = if end < data.len() { "…" } else { "" };
        format!("{prefix}b\"{}\"{suffix}", escape(&data[start..end]))
    };
    Some(if got.len() < expected.len() && expected.starts_with(got) {
        lang.pick(
            format!(
                "got only the first {} of the {} bytes expected; the rest never came",
                got.len(),
                expected.len()
            ),
            format!(
                "기대한 {}바이트 가운데 앞의 {}바이트만 받았고, 나머지는 오지 않았습니다",
                expected.len(),
                got.len()
            ),
        )
    } else if got.len() > expected.len() && got.starts_with(expected) {
        lang.pick(
            format!(
                "got the {} bytes expected, then {} extra bytes: {}",
                expected.len(),
                got.len() - expected.len(),
                show(lang, &got[expected.len()..])
            ),
            format!(
                "기대한 {}바이트 뒤에 {}바이트가 더 왔습니다: {}",
                expected.len(),
                got.len() - expected.len(),
                show(lang, &got[expected.len()..])
            ),
        )
    } else {
        lang.pick(
            format!(
                "first difference at byte {at} (of {} expected, {} received): expected {}, got {}",
                expected.len(),
                got.len(),
                window(expected),
                window(got)
            ),
            format!(
                "{at}번째 바이트부터 다릅니다 (기대 {}바이트, 받은 것 {}바이트): 기대한 것 {}, 받은 것 {}",
                expected.len(),
                got.len(),
                window(expected),
                window(got)
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_a_rust_byte_string() {
        assert_eq!(escape(b"hi\n\0\xff\"\\"), r#"hi\n\x00\xff\"\\"#);
    }

    #[test]
    fn long_data_is_shortened_with_its_length() {
        let data = vec![b'a'; 1000];
        let shown = show(Lang::En, &data);
        assert!(shown.starts_with("1000 bytes: b\"aaaa"), "{shown}");
        assert!(shown.len() < 120, "{shown}");
    }

    #[test]
    fn differences_name_the_first_wrong_byte() {
        assert_eq!(first_difference(b"abc", b"abc"), None);
        assert_eq!(first_difference(b"abc", b"abx"), Some(2));
        assert_eq!(first_difference(b"abc", b"ab"), Some(2));
        let said = describe_difference(Lang::En, b"hello", b"help!").unwrap();
        assert!(said.contains("byte 3"), "{said}");
        let said = describe_difference(Lang::En, b"hello", b"he").unwrap();
        assert!(said.contains("first 2 of the 5"), "{said}");
        let said = describe_difference(Lang::Ko, b"hi", b"hi\0\0").unwrap();
        assert!(said.contains("2바이트가 더"), "{said}");
    }
}
