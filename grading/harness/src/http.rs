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
//! When the bytes after a response do not start a new one, the connection remembers how
//! the previous response was framed and says why: a body after the head of a response to
//! HEAD, or a Content-Length that counted the body's characters instead of its bytes. Those
//! two mistakes break every later exchange on the connection, so each report that meets
//! them names them as its root cause ([`Diagnosis`]), not only the first.
//!
//! It knows only what the labs need: `Content-Length` bodies (no chunked encoding), no TLS.

use std::io::{ErrorKind, Read};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use crate::Lang;
use crate::client::{Client, Ending, is_timeout, write_all_or_explain};
use crate::failure::{Diagnosis, Failure};
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
    /// How the last response read on this connection was framed, to explain bytes after
    /// it that do not start a response.
    previous: Option<Previous>,
}

/// The framing of the last response read on a connection.
struct Previous {
    /// It answered HEAD, so it had no body whatever its Content-Length said.
    to_head: bool,
    /// Its Content-Length.
    declared: u64,
    /// Its body, as framed by that Content-Length.
    body: Vec<u8>,
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
            previous: None,
        })
    }

    /// Connects to `addr` the way a client on a slow real network does: a small receive
    /// buffer (the response waits in the program, not in the grader), and a maximum segment
    /// size of `mss` bytes announced in the handshake. Loopback's MSS is 65,483 bytes, and
    /// Linux sizes a new connection's send buffer from the peer's MSS (several MiB for
    /// loopback), which would take most of a response off the program's hands at once.
    pub fn connect_slow_reader(
        lang: Lang,
        addr: SocketAddr,
        receive_buffer: usize,
        mss: u32,
    ) -> Result<HttpConn, Failure> {
        use socket2::{Domain, Socket, Type};
        let connected =
            Socket::new(Domain::for_address(addr), Type::STREAM, None).and_then(|socket| {
                socket.set_recv_buffer_size(receive_buffer)?;
                socket.set_tcp_mss(mss)?;
                socket.connect_timeout(&addr.into(), Duration::from_secs(5))?;
                Ok(TcpStream::from(socket))
            });
        let stream = connected.map_err(|e| {
            Failure::new(lang.pick(
                format!("could not connect to {addr}: {e}"),
                format!("{addr}에 연결하지 못했습니다: {e}"),
            ))
        })?;
        stream.set_nodelay(true).ok();
        stream.set_write_timeout(Some(Duration::from_secs(5))).ok();
        Ok(HttpConn {
            lang,
            stream,
            buf: Vec::new(),
            unanswered: Vec::new(),
            previous: None,
        })
    }

    /// Reads like a slow client: at most `chunk` bytes, then a pause of `pause`, again and
    /// again, until the program closes the connection, `want` bytes have come, or `limit`
    /// passes. Returns how many bytes came, how it ended (`Complete` when `want` came), and
    /// when.
    pub fn read_slowly(
        &mut self,
        chunk: usize,
        pause: Duration,
        want: usize,
        limit: Duration,
    ) -> (usize, Ending, Duration) {
        let started = Instant::now();
        let mut got = std::mem::take(&mut self.buf).len();
        let mut bytes = vec![0u8; chunk];
        while got < want {
            let left = limit.saturating_sub(started.elapsed());
            if left.is_zero() {
                return (got, Ending::Silence(limit), started.elapsed());
            }
            self.stream.set_read_timeout(Some(left)).ok();
            match self.stream.read(&mut bytes) {
                Ok(0) => return (got, Ending::Eof, started.elapsed()),
                Ok(n) => got += n,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) if is_timeout(&e) => {
                    return (got, Ending::Silence(limit), started.elapsed());
                }
                Err(e) => return (got, Ending::Error(e.to_string()), started.elapsed()),
            }
            thread::sleep(pause);
        }
        (got, Ending::Complete, started.elapsed())
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
        let result = self.read_one(to_head, limit);
        result.map_err(|failure| self.explain_stray_bytes(failure))
    }

    /// Reads the next response, or `None` when the program closes the connection (EOF or a
    /// reset) before sending a byte of one: for exchanges where closing instead of answering
    /// is also correct.
    pub fn read_response_or_close(
        &mut self,
        to_head: bool,
        limit: Duration,
    ) -> Result<Option<Response>, Failure> {
        let deadline = Instant::now() + limit;
        while self.buf.is_empty() {
            match self.fill(deadline) {
                Ending::Complete => {}
                Ending::Eof | Ending::Error(_) => return Ok(None),
                Ending::Silence(_) => break,
            }
        }
        let left = deadline.saturating_duration_since(Instant::now());
        self.read_response(to_head, left).map(Some)
    }

    fn read_one(&mut self, to_head: bool, limit: Duration) -> Result<Response, Failure> {
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
                        "Content-Length promises more bytes than the body that came. Write the whole body (write_all, not write; flush a BufWriter before the connection ends), and take Content-Length from exactly the bytes you send.",
                        "Content-Length가 실제로 온 본문보다 큽니다. 본문 전체를 보내고(write가 아니라 write_all을 쓰고, 연결이 끝나기 전에 BufWriter를 flush), Content-Length는 실제로 보내는 바이트 수로 정하세요.",
                    )));
                }
            }
            response.body = self.buf.drain(..want).collect();
        }
        self.unanswered.clear();
        self.previous = Some(Previous {
            to_head,
            declared: length,
            body: response.body.clone(),
        });
        Ok(response)
    }

    /// When the bytes waiting on the connection do not start a response, they are the end
    /// of the previous one that its framing left out: a body after the head of a response
    /// to HEAD, or the part of a body that a Content-Length in characters did not count.
    /// Names that mistake on `failure`, when it is one of those.
    fn explain_stray_bytes(&self, failure: Failure) -> Failure {
        match &self.previous {
            Some(previous) => explain_after(self.lang, previous, &self.buf, failure),
            None => failure,
        }
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
        let failure = Failure::new(lang.pick(
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
            if got.is_empty() {
                lang.pick("nothing".to_string(), "아무것도 없음".to_string())
            } else {
                show_up_to(lang, &got, 200)
            },
            ending.describe(lang)
        ));
        Err(match &self.previous {
            Some(previous) if !got.is_empty() => explain_after(lang, previous, &got, failure),
            _ => failure,
        })
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
            format!("상태 줄이 `HTTP/1.x CODE REASON` 형식이 아닙니다: {status_line:?}"),
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

/// Names the mistake behind the bytes at the start of `after`, which came after the
/// `previous` response where the next response (or the end of the connection) should have
/// been. Only the bytes before anything that looks like a status line count: a whole
/// response is a response, not a piece of the previous one.
fn explain_after(lang: Lang, previous: &Previous, after: &[u8], failure: Failure) -> Failure {
    let stray = match find(after, b"HTTP/1.") {
        Some(at) => &after[..at],
        None => after,
    };
    if stray.is_empty() {
        return failure;
    }
    if previous.to_head {
        return failure
            .note(lang.pick(
                format!(
                    "the previous response, to HEAD, was followed by {}: a body",
                    show(lang, stray)
                ),
                format!(
                    "HEAD에 대한 앞 응답 뒤에 본문이 따라왔습니다: {}",
                    show(lang, stray)
                ),
            ))
            .diagnosis(head_with_body(lang));
    }
    let mut whole = previous.body.clone();
    whole.extend_from_slice(stray);
    let characters = String::from_utf8_lossy(&whole).chars().count() as u64;
    if characters == previous.declared {
        return failure
            .note(lang.pick(
                format!(
                    "the previous response said Content-Length: {}, and {} more bytes followed its body: {} bytes in all, which are {} characters",
                    previous.declared,
                    stray.len(),
                    whole.len(),
                    characters
                ),
                format!(
                    "앞 응답의 Content-Length는 {}인데, 본문 뒤에 {}바이트가 더 왔습니다. 모두 {}바이트이고, 글자로는 {}자입니다",
                    previous.declared,
                    stray.len(),
                    whole.len(),
                    characters
                ),
            ))
            .diagnosis(content_length_in_characters(lang));
    }
    failure
        .note(lang.pick(
            format!(
                "{} arrived after the previous response's {} bytes of body: that response's Content-Length was smaller than what was sent",
                show(lang, stray),
                previous.declared
            ),
            format!(
                "앞 응답의 본문 {}바이트 뒤에 바이트가 더 왔습니다({}). 앞 응답의 Content-Length가 실제로 보낸 것보다 작았습니다",
                previous.declared,
                show(lang, stray)
            ),
        ))
        .cause(lang.pick(
            "A response sent more bytes than its Content-Length said, and the client took the rest for the start of the next response. Content-Length must be exactly the number of bytes of the body.",
            "응답이 Content-Length보다 많은 바이트를 보냈고, 클라이언트는 나머지를 다음 응답의 시작으로 받아들였습니다. Content-Length는 본문의 바이트 수와 정확히 같아야 합니다.",
        ))
}

/// Content-Length counted the body's characters instead of its bytes. Every check that
/// reads a body with bytes outside ASCII meets it, so it is one root cause for all of them.
pub fn content_length_in_characters(lang: Lang) -> Diagnosis {
    Diagnosis {
        key: "content-length in characters".into(),
        title: lang
            .pick(
                "Content-Length counts characters instead of bytes",
                "Content-Length가 바이트 수가 아니라 글자 수임",
            )
            .into(),
        cause: lang
            .pick(
                "The Content-Length of a response is the number of characters in its body, not the number of bytes: \"안녕\" is 2 characters and 6 bytes in UTF-8, and a PNG's bytes are not characters at all. The client reads exactly Content-Length bytes, stops in the middle of the body, and takes the rest for the start of the next response.",
                "응답의 Content-Length가 본문의 바이트 수가 아니라 글자 수입니다. “안녕”은 2글자이지만 UTF-8로는 6바이트이고, PNG의 바이트는 애초에 글자가 아닙니다. 클라이언트는 정확히 Content-Length 바이트만 읽으므로 본문 중간에서 멈추고, 나머지를 다음 응답의 시작으로 받아들입니다.",
            )
            .into(),
        to_pass: lang
            .pick(
                "TODO 6: take Content-Length from the bytes you send (the length of the &[u8], or the file's metadata().len()), never from chars().count() of a String.",
                "TODO 6: Content-Length를 실제로 보내는 바이트 수로 정하기(&[u8]의 길이, 또는 파일의 metadata().len()). String의 chars().count()는 쓰지 않기.",
            )
            .into(),
        section: Some("content-length"),
    }
}

/// A response to HEAD carried a body. The client reads none, so the body becomes the start
/// of the next response on the connection.
pub fn head_with_body(lang: Lang) -> Diagnosis {
    Diagnosis {
        key: "head with body".into(),
        title: lang
            .pick(
                "a response to HEAD carries a body",
                "HEAD에 대한 응답에 본문이 있음",
            )
            .into(),
        cause: lang
            .pick(
                "A response to HEAD has the headers a GET would get (its Content-Length too) and never a body (RFC 9110 §9.3.2, RFC 9112 §6.3), whatever its status. The client reads no body after it, so the body's bytes are taken for the start of the next response.",
                "HEAD에 대한 응답에는 GET이 받을 헤더(Content-Length 포함)가 있고, 상태 코드가 무엇이든 본문은 절대 없습니다(RFC 9110 §9.3.2, RFC 9112 §6.3). 클라이언트는 그 뒤에 본문을 읽지 않으므로, 본문 바이트를 다음 응답의 시작으로 받아들입니다.",
            )
            .into(),
        to_pass: lang
            .pick(
                "TODO 6: for HEAD, write the head (with the Content-Length of the GET) and no body, for every status, errors included.",
                "TODO 6: 오류 응답을 포함해 모든 상태 코드에서, HEAD 요청이면 헤드(GET의 Content-Length 포함)만 쓰고 본문은 쓰지 않기.",
            )
            .into(),
        section: Some("head"),
    }
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
    fn names_what_follows_a_response() {
        let lang = Lang::En;
        let text = "안녕".as_bytes();
        // Content-Length: 2 for "안녕": 2 characters, 6 bytes.
        let previous = Previous {
            to_head: false,
            declared: 2,
            body: text[..2].to_vec(),
        };
        let mut after = text[2..].to_vec();
        after.extend_from_slice(b"HTTP/1.1 200 OK\r\n\r\n");
        let named = explain_after(lang, &previous, &after, Failure::new("x"));
        assert_eq!(named.diagnosis.unwrap().key, "content-length in characters");
        // A body after the head of a response to HEAD.
        let head = Previous {
            to_head: true,
            declared: 14,
            body: Vec::new(),
        };
        let named = explain_after(lang, &head, b"404 Not Found\nHTTP/1.1", Failure::new("x"));
        assert_eq!(named.diagnosis.unwrap().key, "head with body");
        // A whole response after a response is only that: nothing to name.
        let named = explain_after(lang, &previous, b"HTTP/1.1 400 Bad", Failure::new("x"));
        assert!(named.diagnosis.is_none() && named.cause.is_none());
        // Too many bytes, but not a count of characters: a cause, no diagnosis.
        let named = explain_after(lang, &previous, b"abcdef", Failure::new("x"));
        assert!(named.diagnosis.is_none() && named.cause.is_some());
    }

    #[test]
    fn builds_requests() {
        assert_eq!(
            request("GET", "/", &["Connection: close"]),
            b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        );
    }
}
