//! Two lookup tables every HTTP server has: the media type of a file, from its extension,
//! and the reason phrase of a status code.
//!
//! This part is done for you (and shared with the reference solution). It is a table, not
//! a lesson; the lesson is where its answers go in a response.

use std::path::Path;

/// The `Content-Type` of a file, from its extension (compared without regard to case).
/// What the server does not know is `application/octet-stream`: "bytes; save them, do not
/// guess", which is safer than letting a browser sniff.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    }
}

/// The reason phrase that follows a status code on the status line. Clients ignore it; a
/// human reading `curl -v` does not.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_follow_the_extension() {
        assert_eq!(
            content_type(Path::new("a/index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("logo.PNG")), "image/png");
        assert_eq!(content_type(Path::new("photo.jpg")), "image/jpeg");
        assert_eq!(
            content_type(Path::new("README")),
            "application/octet-stream"
        );
        assert_eq!(
            content_type(Path::new("x.tar.gz")),
            "application/octet-stream"
        );
    }

    #[test]
    fn reasons() {
        assert_eq!(reason(404), "Not Found");
        assert_eq!(reason(431), "Request Header Fields Too Large");
        assert_eq!(reason(501), "Not Implemented");
    }
}
