//! Building and writing responses.
//!
//! ```text
//! HTTP/1.1 200 OK\r\n                           status line: version SP code SP reason
//! Content-Length: 1234\r\n                      the body's length in bytes
//! Content-Type: text/html; charset=utf-8\r\n
//! \r\n                                          an empty line ends the head
//! <!doctype html>...                            exactly Content-Length bytes of body
//! ```
//!
//! Content-Length is what lets a connection carry more than one response: the client reads
//! exactly that many bytes after the head, and the next byte starts the next response. So
//! it counts bytes, and a response to HEAD carries the Content-Length of the GET with no
//! body after it.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use lab_support::lab05::tables::{content_type, reason};

/// What follows the head.
pub enum Body {
    Bytes(Vec<u8>),
    /// An open file, streamed to the socket instead of read into memory.
    File(File),
}

/// A response waiting to be written.
pub struct Response {
    pub status: u16,
    /// Header fields besides the ones every response gets (Date, Server, Content-Length).
    pub headers: Vec<(&'static str, String)>,
    /// The number of bytes of the body: what Content-Length says.
    pub content_length: u64,
    pub body: Body,
}

impl Response {
    /// A short plain-text page for an error status: `404 Not Found`.
    pub fn error(status: u16) -> Response {
        let text = format!("{status} {}\n", reason(status)).into_bytes();
        Response {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".to_string())],
            content_length: text.len() as u64,
            body: Body::Bytes(text),
        }
    }

    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }
}

/// The response for a file: its length from the file system, in bytes, and its type from
/// its extension. The file is opened here, so that a file that cannot be read becomes an
/// error status before anything is written.
pub fn file_response(path: &Path) -> io::Result<Response> {
    let file = File::open(path)?;
    let length = file.metadata()?.len();
    Ok(Response {
        status: 200,
        headers: vec![("Content-Type", content_type(path).to_string())],
        content_length: length,
        body: Body::File(file),
    })
}

/// Files up to this size are read into memory and sent together with the head, in one
/// write; larger ones are streamed.
const SMALL_FILE: u64 = 64 * 1024;

/// Writes `response` to `out`; with `head_only` (the request was HEAD), the head alone.
pub fn write<W: Write>(out: &mut W, response: Response, head_only: bool) -> io::Result<()> {
    let mut bytes = head(&response);
    let head_size = bytes.len() as u64;
    if !head_only {
        match response.body {
            Body::Bytes(body) => bytes.extend_from_slice(&body),
            // A small file goes out with its head in one write(2): one system call, and one
            // TCP segment for a small page.
            Body::File(file) if response.content_length <= SMALL_FILE => {
                bytes.reserve(response.content_length as usize);
                file.take(response.content_length).read_to_end(&mut bytes)?;
                check_length(bytes.len() as u64 - head_size, response.content_length)?;
            }
            // A large one is streamed: io::copy moves it in pieces, never all in memory.
            Body::File(file) => {
                out.write_all(&bytes)?;
                let sent = io::copy(&mut file.take(response.content_length), out)?;
                check_length(sent, response.content_length)?;
                return out.flush();
            }
        }
    }
    out.write_all(&bytes)?;
    out.flush()
}

/// The file shrank since we measured it: the client would wait for bytes that never come.
/// An error ends (and so closes) the connection.
fn check_length(sent: u64, promised: u64) -> io::Result<()> {
    if sent == promised {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the file changed size while it was being sent",
        ))
    }
}

/// The status line and header fields, with the empty line that ends them.
pub fn head(response: &Response) -> Vec<u8> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nDate: {}\r\nServer: lab05\r\nContent-Length: {}\r\n",
        response.status,
        reason(response.status),
        http_date(SystemTime::now()),
        response.content_length
    );
    for (name, value) in &response.headers {
        let _ = write!(head, "{name}: {value}\r\n");
    }
    head.push_str("\r\n");
    head.into_bytes()
}

/// A time in HTTP's date format, `Sun, 06 Nov 1994 08:49:37 GMT`. RFC 9110 asks every
/// origin server with a clock to send one in `Date`.
pub fn http_date(time: SystemTime) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]; // 1970-01-01 was a Thursday
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Days since 1970 to year, month and day: Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    format!(
        "{}, {day:02} {} {year} {:02}:{:02}:{:02} GMT",
        DAYS[(days % 7) as usize],
        MONTHS[(month - 1) as usize],
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn formats_http_dates() {
        assert_eq!(http_date(UNIX_EPOCH), "Thu, 01 Jan 1970 00:00:00 GMT");
        let rfc_example = UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(http_date(rfc_example), "Sun, 06 Nov 1994 08:49:37 GMT");
        let leap_day = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(http_date(leap_day), "Tue, 29 Feb 2000 00:00:00 GMT");
    }

    #[test]
    fn head_only_writes_no_body() {
        let mut out = Vec::new();
        write(&mut out, Response::error(404), true).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 404 Not Found\r\n"), "{text}");
        assert!(text.contains("Content-Length: 14\r\n"), "{text}");
        assert!(text.ends_with("\r\n\r\n"), "{text}");
        let mut out = Vec::new();
        write(&mut out, Response::error(404), false).unwrap();
        assert!(out.ends_with(b"\r\n\r\n404 Not Found\n"));
    }
}
