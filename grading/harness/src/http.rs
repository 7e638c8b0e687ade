//! Talking HTTP/1.1 to the program under test, one byte at a time if need be.
//!
//! A check of an HTTP server has to see exactly what came back: the status line, every
//! header, and a body framed by its Content-Length. It also has to send what no client
//! library would: garbage, a header block that never ends, a request cut into pieces with
//! pauses between them. [`HttpConn`] is a raw TCP connection that does both. Every read has a
//! deadline, and bytes that arrive after one response are kept for the next, so pipelined
//! responses are read in order and a body longer than its Content-Length shows up as the
//! start of a broken next response instead of disappearing.
//!
//! It knows only what the labs need: `Content-Length` bodies (no chunked encoding), no TLS.

use std::io::{ErrorKind, Read};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use crate::Lang;
use crate::client::{Client, Ending, is_timeout, write_all_or_explain};
use crate::failure::Failure;
use crate::text::show;

/// A response head longer than this is not one a lab server sends: the grader stops there.
const MAX_HEAD: usize = 64 * 1024;

/// Builds a request: the request line, `Host`, the `extra` header lines (each without its
/// CRLF), and the blank line that ends the head.
pub fn request(method: &str, target: &str, extra: &[&str]) -> Vec<u8> {
    let mut out = format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for line in extra {
        out.push_str(line);
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    out.into_bytes()
}

/// One response, as it came over the wire.
#[derive(Clone, Debug)]
pub struct Response {
    /// The status line without its CRLF, such as `HTTP/1.1 200 OK`.
    pub status_line: String,
    /// `HTTP/1.1` or `HTTP/1.0`.
    pub version: String,
    pub status: u16,
    /// Every header in the order sent, names as sent.
    pub headers: Vec<(String, String)>,
    /// The bytes of the head, status line to blank line included.
    pub head: Vec<u8>,
    /// The body: exactly Content-Length bytes (none for a response to HEAD).
    pub body: Vec<u8>,
}

impl Response {
    /// The value of the first header called `name` (compared without regard to case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The Content-Length the response declared.
    pub fn content_length(&self) -> Option<u64> {
        self.header("content-length")?.trim().parse().ok()
    }

    /// The head, shown as bytes (for reports).
    pub fn show_head(&self, lang: Lang) -> String {
        show_up_to(lang, &self.head, 400)
    }
}

/// A raw HTTP connection to the program under test.
pub struct HttpConn {
    lang: Lang,
    stream: TcpStream,
    /// Bytes received but not used yet: the start of the next response.
    buf: Vec<u8>,
    /// What was sent since the last complete response, for failure reports.
    unanswered: Vec<u8>,
}

impl HttpConn {
    /// Connects to `addr`, failing with an explanation if the program does not accept.
    pub fn connect(lang: Lang, addr: SocketAddr) -> Result<HttpConn, Failure> {
        let stream = Client::connect(lang, addr)?.into_stream();
        Ok(HttpConn {
            lang,
            stream,
            buf: Vec::new(),
            unanswered: Vec::new(),
        })
    }

    /// The socket itself.
    pub fn stream(&self) -> &TcpStream {
        &self.stream
    }

    /// What was sent since the last complete response.
    pub fn unanswered(&self) -> &[u8] {
        &self.unanswered
    }

    /// Writes all of `data`.
    pub fn send(&mut self, data: &[u8]) -> Result<(), Failure> {
        self.unanswered.extend_from_slice(data);
        write_all_or_explain(self.lang, &mut self.stream, data)
    }

    /// Sends `pieces` one after another with `pause` between them, the way a slow network
    /// (or a slow client) delivers a request.
    pub fn send_in_pieces(&mut self, pieces: &[&[u8]], pause: Duration) -> Result<(), Failure> {
        for (i, piece) in pieces.iter().enumerate() {
            if i > 0 {
                thread::sleep(pause);
            }
            self.send(piece)?;
        }
        Ok(())
    }

    /// Reads more bytes into the buffer, waiting until `deadline` at most.
    fn fill(&mut self, deadline: Instant) -> Ending {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ending::Silence(Duration::ZERO);
        }
        self.stream.set_read_timeout(Some(left)).ok();
        let mut chunk = [0u8; 64 * 1024];
        loop {
            match self.stream.read(&mut chunk) {
                Ok(0) => return Ending::Eof,
                Ok(n) => {
                    self.buf.extend_from_slice(&chunk[..n]);
                    return Ending::Complete;
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) if is_timeout(&e) => return Ending::Silence(Duration::ZERO),
                Err(e) => return Ending::Error(e.to_string()),
            }
        }
    }

    /// Reads one response. `to_head` says the request was HEAD, whose response has headers
    /// (Content-Length included) but no body. The whole response must arrive within `limit`.
    pub fn read_response(&mut self, to_head: bool, limit: Duration) -> Result<Response, Failure> {
        let lang = self.lang;
        let deadline = Instant::now() + limit;
        let silence = |ending: Ending| match ending {
            Ending::Silence(_) => Ending::Silence(limit),
            other => other,
        };
        // The head: everything up to the first empty line.
        let head_len = loop {
            if let Some(end) = find(&self.buf, b"\r\n\r\n") {
                break end + 4;
            }
            if self.buf.len() > MAX_HEAD {
                return Err(self.bad_response(
                    lang.pick(
                        format!("the response head grew past {MAX_HEAD} bytes without the blank line (CRLF CRLF) that ends it"),
                        format!("응답 헤드가 끝을 알리는 빈 줄(CRLF CRLF) 없이 {MAX_HEAD}바이트를 넘었습니다"),
                    ),
                    None,
                ));
            }
            let ending = silence(self.fill(deadline));
            if ending != Ending::Complete {
                let problem = if self.buf.is_empty() {
                    lang.pick("no response came", "응답이 오지 않았습니다")
                } else {
                    lang.pick(
                        "the response head (status line, headers, blank line) did not arrive complete",
                        "응답 헤드(상태 줄, 헤더, 빈 줄)가 끝까지 오지 않았습니다",
                    )
                };
                return Err(self.bad_response(problem, Some(ending)));
            }
        };
        let head = self.buf[..head_len].to_vec();
        let parsed = parse_head(&head)
            .map_err(|(en, ko)| self.bad_response(lang.pick(en.clone(), ko.clone()), None));
        let (status_line, version, status, headers) = parsed?;
        let mut response = Response {
            status_line,
            version,
            status,
            headers,
            head,
            body: Vec::new(),
        };
        let declared = response.header("content-length").map(str::to_string);
        let length = match declared.as_deref().map(|v| v.trim().parse::<u64>()) {
            Some(Ok(n)) => n,
            Some(Err(_)) => {
                let declared = declared.unwrap_or_default();
                return Err(self.bad_response(
                    lang.pick(
                        format!("the Content-Length header is not a number: {declared:?}"),
                        format!("Content-Length 헤더 값이 숫자가 아닙니다: {declared:?}"),
                    ),
                    None,
                ));
            }
            None => {
                return Err(self
                    .bad_response(
                        lang.pick(
                            "the response has no Content-Length header",
                            "응답에 Content-Length 헤더가 없습니다",
                        ),
                        None,
                    )
                    .cause(lang.pick(
                        "Every response of this lab says how long its body is, in bytes, with Content-Length (0 when there is no body): that is how the client finds where the response ends and the next one starts.",
                        "이 실습의 모든 응답은 본문 길이를 바이트 단위로 Content-Length에 적어야 합니다(본문이 없으면 0). 클라이언트는 이 값으로 응답이 어디서 끝나고 다음 응답이 어디서 시작하는지 압니다.",
                    )));
            }
        };
        self.buf.drain(..head_len);
        if !to_head {
            let want = usize::try_from(length).unwrap_or(usize::MAX);
            while self.buf.len() < want {
                let ending = silence(self.fill(deadline));
                if ending != Ending::Complete {
                    let got = self.buf.len();
                    let head = response.show_head(lang);
                    return Err(Failure::new(lang.pick(
                        format!("the body was shorter than its Content-Length: {length} bytes declared, {got} arrived"),
                        format!("본문이 Content-Length보다 짧습니다: {length}바이트라고 했지만 {got}바이트만 왔습니다"),
                    ))
                    .sent_bytes(lang, &self.unanswered)
                    .got(format!(
                        "{head} + {}; {}",
                        show(lang, &self.buf),
                        ending.describe(lang)
                    ))
                    .cause(lang.pick(
                        "Content-Length counts bytes, not characters: \"안녕\" is 6 bytes in UTF-8. Send exactly that many bytes after the blank line.",
                        "Content-Length는 글자 수가 아니라 바이트 수입니다. \"안녕\"은 UTF-8로 6바이트입니다. 빈 줄 뒤에 정확히 그만큼의 바이트를 보내세요.",
                    )));
                }
            }
            response.body = self.buf.drain(..want).collect();
        }
        self.unanswered.clear();
        Ok(response)
    }

    /// A failure about a response that could not be read, showing what did arrive.
    fn bad_response(&self, problem: impl Into<String>, ending: Option<Ending>) -> Failure {
        let lang = self.lang;
        let mut got = show_up_to(lang, &self.buf, 400);
        if self.buf.is_empty() {
            got = lang.pick("nothing".to_string(), "아무것도 없음".to_string());
        }
        if let Some(ending) = ending {
            got = format!("{got}; {}", ending.describe(lang));
        }
        Failure::new(problem)
            .sent_bytes(lang, &self.unanswered)
            .expected(lang.pick(
                "a response: `HTTP/1.1 CODE REASON` CRLF, headers with Content-Length, CRLF, then Content-Length bytes of body",
                "응답: `HTTP/1.1 CODE REASON` CRLF, Content-Length가 들어간 헤더, CRLF, 그다음 Content-Length만큼의 본문",
            ))
            .got(got)
    }

    /// Reads whatever comes until the program closes the connection or `limit` passes.
    /// Bytes already received are included.
    pub fn read_until_close(&mut self, limit: Duration) -> (Vec<u8>, Ending) {
        let deadline = Instant::now() + limit;
        loop {
            match self.fill(deadline) {
                Ending::Complete => {}
                Ending::Silence(_) => {
                    return (std::mem::take(&mut self.buf), Ending::Silence(limit));
                }
                other => return (std::mem::take(&mut self.buf), other),
            }
        }
    }

    /// Checks that the program closes the connection (EOF, or a reset) within `limit`,
    /// sending nothing more first.
    pub fn expect_close(&mut self, limit: Duration) -> Result<(), Failure> {
        let lang = self.lang;
        let (got, ending) = self.read_until_close(limit);
        let closed = matches!(ending, Ending::Eof | Ending::Error(_));
        if got.is_empty() && closed {
            return Ok(());
        }
        Err(Failure::new(lang.pick(
            "the program did not close the connection after the response",
            "프로그램이 응답 뒤에 연결을 닫지 않았습니다",
        ))
        .sent_bytes(lang, &self.unanswered)
        .expected(lang.pick(
            format!(
                "nothing more, then EOF (read returns 0) within {:.1} s",
                limit.as_secs_f64()
            ),
            format!(
                "더 오는 것 없이 {:.1}초 안에 EOF(read가 0을 반환)",
                limit.as_secs_f64()
            ),
        ))
        .got(format!(
            "{}; {}",
            show_up_to(lang, &got, 200),
            ending.describe(lang)
        )))
    }

    /// Closes the sending side only: the program's next read returns 0 (EOF).
    pub fn shutdown_write(&mut self) {
        self.stream.shutdown(Shutdown::Write).ok();
    }

    /// Aborts the connection with a reset (RST) instead of the orderly FIN.
    pub fn reset(self) {
        let sock = socket2::SockRef::from(&self.stream);
        sock.set_linger(Some(Duration::ZERO)).ok();
        drop(self);
    }
}

type Head = (String, String, u16, Vec<(String, String)>);

/// Splits a response head into its status line and headers. Errors come in both languages.
fn parse_head(head: &[u8]) -> Result<Head, (String, String)> {
    let text = String::from_utf8_lossy(head);
    let mut lines = text.split("\r\n");
    let status_line = lines.next().unwrap_or("").to_string();
    let bad_status = || {
        (
            format!("the status line {status_line:?} is not `HTTP/1.x CODE REASON`"),
            format!("상태 줄 {status_line:?}이(가) `HTTP/1.x CODE REASON` 형식이 아닙니다"),
        )
    };
    let mut parts = status_line.splitn(3, ' ');
    let version = parts.next().unwrap_or("").to_string();
    let code = parts.next().unwrap_or("");
    if !matches!(version.as_str(), "HTTP/1.1" | "HTTP/1.0")
        || code.len() != 3
        || !code.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(bad_status());
    }
    let status: u16 = code.parse().map_err(|_| bad_status())?;
    let mut headers = Vec::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let Some((name, value)) = line.split_once(':') else {
            return Err((
                format!("the header line {line:?} has no colon"),
                format!("헤더 줄 {line:?}에 콜론(:)이 없습니다"),
            ));
        };
        headers.push((name.to_string(), value.trim().to_string()));
    }
    Ok((status_line, version, status, headers))
}

/// Shows bytes like [`show`], but in full up to `max` bytes: a response head is worth
/// seeing whole, and the usual 64-byte cut would hide the header that is wrong.
pub fn show_up_to(lang: Lang, bytes: &[u8], max: usize) -> String {
    if bytes.len() <= max {
        return format!("b\"{}\"", crate::text::escape(bytes));
    }
    let head = &bytes[..max - 16];
    let tail = &bytes[bytes.len() - 16..];
    lang.pick(
        format!(
            "{} bytes: b\"{}\" … b\"{}\"",
            bytes.len(),
            crate::text::escape(head),
            crate::text::escape(tail)
        ),
        format!(
            "{}바이트: b\"{}\" … b\"{}\"",
            bytes.len(),
            crate::text::escape(head),
            crate::text::escape(tail)
        ),
    )
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_response_head() {
        let (line, version, status, headers) =
            parse_head(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nX: a: b\r\n\r\n").unwrap();
        assert_eq!(line, "HTTP/1.1 404 Not Found");
        assert_eq!(version, "HTTP/1.1");
        assert_eq!(status, 404);
        assert_eq!(headers[1], ("X".to_string(), "a: b".to_string()));
        assert!(parse_head(b"HTTP/1.1 20 OK\r\n\r\n").is_err());
        assert!(parse_head(b"hello\r\n\r\n").is_err());
        assert!(parse_head(b"HTTP/1.1 200 OK\r\nbroken\r\n\r\n").is_err());
    }

    #[test]
    fn builds_requests() {
        assert_eq!(
            request("GET", "/", &["Connection: close"]),
            b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        );
    }
}
