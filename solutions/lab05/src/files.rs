//! From a request target to a file under the root, without ever leaving the root.
//!
//! A target such as `/docs/a%20b.txt?lang=ko` names a file in three steps: drop the query
//! (`?lang=ko` names no file), percent-decode (`%20` is a space), then follow the segments
//! from the root. The order is the whole lesson. Checking for `..` *before* decoding lets
//! `/%2e%2e/secret` through, because the check sees `%2e%2e` and the file system sees `..`:
//! every check must look at the bytes the file system will see. That is the path traversal
//! bug behind CVE-2021-41773 in Apache httpd 2.4.49, which let anyone read files outside
//! the web root (and, with CGI on, run programs) with `/.%2e/`.
//!
//! Decode exactly once. A path that is decoded again later (`%252e` is `%2e` after one
//! decoding and `.` after two) meets a check that ran between the two decodings, and that
//! is CVE-2021-42013, the second hole in the same Apache release. After our one decoding a
//! `%` is an ordinary character of a file name.
//!
//! We build the path ourselves, segment by segment, instead of `root.join(decoded)`:
//! `Path::join` does not resolve `..`, and joining an absolute path replaces the root
//! altogether (`Path::new("/srv").join("/etc/passwd")` is `/etc/passwd`).

use std::path::{Path, PathBuf};

/// The file that `target` names under `root` (which is canonical), or the status to
/// refuse it with: 400 for a broken percent-escape, 403 for a path that tries to leave the
/// root, 404 for one that names no file.
pub fn resolve(root: &Path, target: &str) -> Result<PathBuf, u16> {
    // 1. The path is the part before the query string (and a fragment, which clients
    //    should not send at all).
    let path = target.split(['?', '#']).next().unwrap_or("");

    // 2. Decode first, so that every check below sees what the file system will see.
    let decoded = percent_decode(path).ok_or(400u16)?;
    // Our file names are UTF-8; bytes that are not cannot name one of them. That includes
    // `%c0%ae`, an "overlong" two-byte '.', which decoders that were not strict about UTF-8
    // once turned into a real '.' (the IIS traversal holes of 2000 and 2001).
    let decoded = String::from_utf8(decoded).map_err(|_| 404u16)?;

    // 3. Walk the segments. A decoded %2F is a '/' like any other, so `..%2F` is caught
    //    here as `..`. Backslashes (a separator on Windows) and NUL (which ends a string
    //    in C, so in the system call) have no business in a file name we serve.
    let mut file = root.to_path_buf();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => continue,
            ".." => return Err(403),
            s if s.contains(['\\', '\0']) => return Err(403),
            s => file.push(s),
        }
    }

    // 4. A directory stands for its index.html.
    if file.is_dir() {
        file.push("index.html");
    }

    // 5. Defence in depth: a symbolic link inside the root may point outside it. The
    //    canonical path has every link resolved; it must still be under the root.
    let real = file.canonicalize().map_err(|_| 404u16)?;
    if !real.starts_with(root) {
        return Err(403);
    }
    if !real.is_file() {
        return Err(404);
    }
    Ok(real)
}

/// Decodes `%XX` escapes into bytes. `None` for a broken escape (`%zz`, or `%4` at the end).
/// `+` stays `+`: it means a space only in HTML form data, not in a path.
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
        assert_eq!(percent_decode("%"), None);
    }

    #[test]
    fn never_leaves_the_root() {
        let root = std::env::temp_dir().canonicalize().unwrap();
        for target in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/.%2E/etc/passwd",
            "/..%2fetc/passwd",
            "/docs/../../etc/passwd",
            "/..\\etc\\passwd",
            "/..%5cetc%5cpasswd",
            "/index.html%00.png",
            "/docs/%2e%2e/%2e%2e/etc/passwd",
        ] {
            assert_eq!(resolve(&root, target), Err(403), "{target}");
        }
        // An absolute path is only segments under the root: no such file there.
        assert_eq!(resolve(&root, "//etc/passwd"), Err(404));
        // Decoded once, these are names with a '%' in them, or bytes that are not UTF-8
        // (an overlong encoding of '.'): no such file, never a step up.
        for target in ["/%252e%252e/etc/passwd", "/%c0%ae%c0%ae/etc/passwd"] {
            assert_eq!(resolve(&root, target), Err(404), "{target}");
        }
        assert_eq!(resolve(&root, "/%zz"), Err(400));
    }
}
