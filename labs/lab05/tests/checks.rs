//! The checks of lab05, the static-file HTTP/1.1 server (chapter 5).
//!
//! Each check makes its own web site in a temporary directory ([`Site`]), with a sentinel
//! file just outside the root, starts the program with `--listen 127.0.0.1:0 --root SITE`,
//! reads the address from its `listening on ADDR` line, and talks HTTP to it byte by byte
//! over loopback ([`HttpConn`]). The table at the bottom gives each check its points, time
//! limit, the TODO it depends on and the chapter section that explains it. This file is
//! also compiled into the reference solution's proof tests
//! (`solutions/lab05/tests/proof.rs`), which show that every check passes the reference and
//! that each classic bug is caught by the check named for it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use harness::http::{HttpConn, Response, request, show_up_to};
use harness::{
    Check, Ctx, Ending, Failure, Lab, Outcome, Server, Step, Text, millis, pattern, secs, show,
};

use crate::site::{INDEX_HTML, Site};

/// How long one response may take. Loopback answers in microseconds; the margin is for a
/// loaded machine running many checks at once.
const ANSWER: Duration = secs(5);
/// The `--timeout` of the checks about slow clients: short, so the grader stays fast.
const SHORT_TIMEOUT: u64 = 2;

fn start(cx: &Ctx, site: &Site) -> Result<Server, Failure> {
    cx.start_server(&["--listen", "127.0.0.1:0", "--root", &site.root_arg()])
}

fn start_with_timeout(cx: &Ctx, site: &Site, secs: u64) -> Result<Server, Failure> {
    let timeout = secs.to_string();
    cx.start_server(&[
        "--listen",
        "127.0.0.1:0",
        "--root",
        &site.root_arg(),
        "--timeout",
        &timeout,
    ])
}

fn connect(cx: &Ctx, server: &mut Server) -> Result<HttpConn, Failure> {
    let conn = HttpConn::connect(cx.lang(), server.addr);
    server.explain(conn)
}

/// Sends `raw` on a new connection and reads one response.
fn exchange(cx: &Ctx, server: &mut Server, raw: &[u8], to_head: bool) -> Result<Response, Failure> {
    let mut conn = connect(cx, server)?;
    conn.send(raw)?;
    let response = conn.read_response(to_head, ANSWER);
    server.explain(response)
}

/// The media type without its parameters: `text/html; charset=utf-8` is `text/html`.
fn essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Checks that `response` is a 200 carrying exactly `bytes`, with a Content-Length that
/// counts them and the Content-Type `media`.
fn expect_file(cx: &Ctx, sent: &[u8], response: &Response, bytes: &[u8], media: &str) -> Outcome {
    let lang = cx.lang();
    let fail = |problem: String| {
        Failure::new(problem)
            .sent(show(lang, sent))
            .got(response.show_head(lang))
    };
    if response.status != 200 {
        return Err(fail(cx.t(
            format!("expected status 200, got {}", response.status),
            format!("상태 코드 200을 기대했지만 {}이(가) 왔습니다", response.status),
        ))
        .cause(cx.t(
            "The file exists under the root. Check how you map the target to a path: drop the leading '/', keep the rest, and join it to the root.",
            "파일은 루트 아래에 있습니다. 요청 대상을 경로로 바꾸는 부분을 확인하세요. 맨 앞의 '/'를 떼고 나머지를 루트에 이어 붙이면 됩니다.",
        )));
    }
    if response.content_length() != Some(bytes.len() as u64) {
        let characters = String::from_utf8_lossy(bytes).chars().count();
        let mut failure = fail(cx.t(
            format!(
                "Content-Length is {:?}, but the file is {} bytes",
                response.header("content-length").unwrap_or(""),
                bytes.len()
            ),
            format!(
                "Content-Length가 {:?}인데, 파일은 {}바이트입니다",
                response.header("content-length").unwrap_or(""),
                bytes.len()
            ),
        ))
        .expected(format!("Content-Length: {}", bytes.len()));
        if response.content_length() == Some(characters as u64) {
            failure = failure.cause(cx.t(
                format!("{characters} is the number of characters. Content-Length counts bytes: use the length of the byte slice (or the file's metadata().len()), not chars().count()."),
                format!("{characters}은(는) 글자 수입니다. Content-Length는 바이트 수입니다. chars().count()가 아니라 바이트 슬라이스의 길이(또는 파일의 metadata().len())를 쓰세요."),
            ));
        }
        return Err(failure.cause(cx.t(
            "Content-Length must be the exact number of bytes of the body you send.",
            "Content-Length는 보내는 본문의 정확한 바이트 수여야 합니다.",
        )));
    }
    if response.body != bytes {
        let mut failure = fail(cx.t(
            "the body is not the file's bytes",
            "본문이 파일의 바이트와 다릅니다",
        ))
        .expected(show(lang, bytes))
        .got(show(lang, &response.body));
        if let Some(diff) = harness::text::describe_difference(lang, bytes, &response.body) {
            failure = failure.note(diff);
        }
        return Err(failure.cause(cx.t(
            "Send the file as bytes (fs::read, or io::copy from the File), never through a String: a PNG is not UTF-8.",
            "파일은 바이트로 보내세요(fs::read, 또는 File에서 io::copy). String을 거치면 안 됩니다. PNG는 UTF-8이 아닙니다.",
        )));
    }
    let got = response.header("content-type").map(essence);
    if got.as_deref() != Some(media) {
        return Err(fail(cx.t(
            format!("expected Content-Type {media}, got {:?}", response.header("content-type")),
            format!("Content-Type으로 {media}를 기대했지만 {:?}이(가) 왔습니다", response.header("content-type")),
        ))
        .expected(format!("Content-Type: {media}"))
        .cause(cx.t(
            "Take the Content-Type from the file's extension with tables::content_type (html, css, js, json, txt, svg, png, jpg; anything else is application/octet-stream).",
            "Content-Type은 파일 확장자로 정합니다. tables::content_type을 쓰세요(html, css, js, json, txt, svg, png, jpg, 그 밖에는 application/octet-stream).",
        )));
    }
    Ok(())
}

fn expect_status(
    cx: &Ctx,
    sent: &[u8],
    response: &Response,
    allowed: &[u16],
    cause: (&str, &str),
) -> Outcome {
    if allowed.contains(&response.status) {
        return Ok(());
    }
    let list = allowed
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(cx.t(" or ", " 또는 ").as_str());
    Err(Failure::new(cx.t(
        format!("expected status {list}, got {}", response.status),
        format!(
            "상태 코드 {list}을(를) 기대했지만 {}이(가) 왔습니다",
            response.status
        ),
    ))
    .sent(show(cx.lang(), sent))
    .expected(cx.t(
        format!("HTTP/1.1 {list} ..."),
        format!("HTTP/1.1 {list} ..."),
    ))
    .got(response.show_head(cx.lang()))
    .cause(cx.t(cause.0, cause.1)))
}

fn announces_address(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    if !server.addr.ip().is_loopback() {
        return Err(Failure::new(cx.t(
            "the program announced an address other than the one it was asked to listen on",
            "프로그램이 요청받은 주소와 다른 주소를 알렸습니다",
        ))
        .sent("--listen 127.0.0.1:0")
        .expected("listening on 127.0.0.1:PORT")
        .got(format!("listening on {}", server.addr)));
    }
    connect(cx, &mut server).map(drop)
}

fn serves_index_exactly(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    for target in ["/", "/index.html"] {
        let sent = request("GET", target, &[]);
        let response = exchange(cx, &mut server, &sent, false)?;
        expect_file(cx, &sent, &response, INDEX_HTML.as_bytes(), "text/html")?;
    }
    Ok(())
}

fn serves_nested_and_binary_files(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    for (target, file, media) in [
        ("/docs/guide.txt", "docs/guide.txt", "text/plain"),
        ("/img/logo.png", "img/logo.png", "image/png"),
        (
            "/files/archive.bin",
            "files/archive.bin",
            "application/octet-stream",
        ),
        ("/docs/", "docs/index.html", "text/html"),
        ("/docs", "docs/index.html", "text/html"),
    ] {
        let sent = request("GET", target, &[]);
        let response = exchange(cx, &mut server, &sent, false)?;
        expect_file(cx, &sent, &response, &site.file(file), media).map_err(|f| {
            f.note(cx.t(
                format!("{target} is the file root/{file}"),
                format!("{target}은(는) 파일 root/{file}입니다"),
            ))
        })?;
    }
    Ok(())
}

fn content_type_follows_extension(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    for (file, media) in [
        ("css/site.css", "text/css"),
        ("js/app.js", "text/javascript"),
        ("data.json", "application/json"),
        ("img/icon.svg", "image/svg+xml"),
        ("img/photo.jpg", "image/jpeg"),
        ("files/README", "application/octet-stream"),
    ] {
        let sent = request("GET", &format!("/{file}"), &[]);
        let response = exchange(cx, &mut server, &sent, false)?;
        expect_file(cx, &sent, &response, &site.file(file), media)?;
    }
    Ok(())
}

fn decodes_the_path_and_ignores_the_query(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    for (target, file, media) in [
        ("/hello%20world.txt", "hello world.txt", "text/plain"),
        ("/%ED%95%9C%EA%B8%80.txt", "한글.txt", "text/plain"),
        ("/index.html?lang=ko&x=%2e%2e", "index.html", "text/html"),
        ("/docs/guide.txt?", "docs/guide.txt", "text/plain"),
        ("/docs/?page=2", "docs/index.html", "text/html"),
    ] {
        let sent = request("GET", target, &[]);
        let response = exchange(cx, &mut server, &sent, false)?;
        expect_file(cx, &sent, &response, &site.file(file), media).map_err(|f| {
            f.note(cx.t(
                format!("{target} names the file root/{file}: the query (after '?') names no file, and %XX is the byte 0xXX"),
                format!("{target}은(는) 파일 root/{file}을(를) 가리킵니다. '?' 뒤의 쿼리는 파일과 상관이 없고, %XX는 바이트 0xXX입니다"),
            ))
        })?;
    }
    Ok(())
}

fn a_real_http_client_fetches_the_same(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let server = start(cx, &site)?;
    for (target, file, media) in [
        ("/", "index.html", "text/html"),
        ("/img/logo.png", "img/logo.png", "image/png"),
        ("/hello%20world.txt", "hello world.txt", "text/plain"),
    ] {
        let url = format!("http://{}{target}", server.addr);
        let expected = site.file(file);
        let fetched = minreq::get(&url).with_timeout(5).send();
        let problem = match fetched {
            Err(e) => Some((
                cx.t(
                    format!("the HTTP client library minreq could not fetch {url}: {e}"),
                    format!(
                        "HTTP 클라이언트 라이브러리 minreq가 {url}을(를) 가져오지 못했습니다: {e}"
                    ),
                ),
                cx.t("an error".to_string(), "오류".to_string()),
            )),
            Ok(response) => {
                let media_got = response.header("content-type").map(essence);
                if response.status_code == 200
                    && response.as_bytes() == expected.as_slice()
                    && media_got.as_deref() == Some(media)
                {
                    None
                } else {
                    Some((
                        cx.t(
                            format!(
                                "the HTTP client library minreq fetched something else from {url}"
                            ),
                            format!(
                                "HTTP 클라이언트 라이브러리 minreq가 {url}에서 다른 것을 받았습니다"
                            ),
                        ),
                        format!(
                            "{} {}, Content-Type {:?}, {}",
                            response.status_code,
                            response.reason_phrase,
                            response.header("content-type"),
                            show(cx.lang(), response.as_bytes())
                        ),
                    ))
                }
            }
        };
        if let Some((problem, got)) = problem {
            return Err(Failure::new(problem)
                .sent(format!("minreq::get(\"{url}\")"))
                .expected(format!("200, Content-Type {media}, {}", show(cx.lang(), &expected)))
                .got(got)
                .cause(cx.t(
                    "A client you did not write reads your response by the rules alone: the status line, CRLF after every line, an empty line after the headers, and exactly Content-Length bytes of body.",
                    "직접 작성하지 않은 클라이언트는 규칙대로만 응답을 읽습니다. 상태 줄, 줄마다 CRLF, 헤더 뒤의 빈 줄, 그리고 정확히 Content-Length만큼의 본문이 있어야 합니다.",
                )));
        }
    }
    Ok(())
}

fn head_sends_headers_only(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let get_sent = request("GET", "/img/logo.png", &[]);
    let got = exchange(cx, &mut server, &get_sent, false)?;
    let head_sent = request("HEAD", "/img/logo.png", &[]);
    let mut conn = connect(cx, &mut server)?;
    conn.send(&head_sent)?;
    let head = conn.read_response(true, ANSWER);
    let head = server.explain(head)?;
    let same = |name: &str| got.header(name) == head.header(name);
    if head.status != got.status || !same("content-length") || !same("content-type") {
        return Err(Failure::new(cx.t(
            "HEAD did not get the headers GET gets",
            "HEAD가 GET과 같은 헤더를 받지 못했습니다",
        ))
        .sent(show(cx.lang(), &head_sent))
        .expected(got.show_head(cx.lang()))
        .got(head.show_head(cx.lang()))
        .cause(cx.t(
            "Answer HEAD exactly like GET (status, Content-Length of the file, Content-Type), then leave the body out.",
            "HEAD에는 GET과 똑같이 답하세요(상태 코드, 파일의 Content-Length, Content-Type). 본문만 빼면 됩니다.",
        )));
    }
    // A body would follow the head straight away. Half a second of nothing (or the
    // connection closing) means there is none.
    let (extra, ending) = conn.read_until_close(millis(500));
    if !extra.is_empty() {
        return Err(Failure::new(cx.t(
            "the response to HEAD had a body",
            "HEAD에 대한 응답에 본문이 있었습니다",
        ))
        .sent(show(cx.lang(), &head_sent))
        .expected(cx.t(
            format!("{} and nothing after it", head.show_head(cx.lang())),
            format!("{} 뒤에 아무것도 없음", head.show_head(cx.lang())),
        ))
        .got(cx.t(
            format!("{} after the head; {}", show(cx.lang(), &extra), ending.describe(cx.lang())),
            format!("헤드 뒤에 {}; {}", show(cx.lang(), &extra), ending.describe(cx.lang())),
        ))
        .cause(cx.t(
            "A client that sent HEAD reads no body, so a body's bytes are taken for the start of the next response. Write the head only.",
            "HEAD를 보낸 클라이언트는 본문을 읽지 않으므로, 본문 바이트를 다음 응답의 시작으로 받아들입니다. 헤드만 쓰세요.",
        )));
    }
    Ok(())
}

fn missing_file_is_404(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    for (target, note_en, note_ko) in [
        ("/nope.html", "no such file", "그런 파일이 없음"),
        (
            "/docs/nope.txt",
            "no such file in a directory that exists",
            "있는 디렉터리 안의 없는 파일",
        ),
        (
            "/empty/",
            "a directory without index.html",
            "index.html이 없는 디렉터리",
        ),
        (
            "/index.html/more",
            "a path that continues after a file",
            "파일 뒤로 이어지는 경로",
        ),
    ] {
        let sent = request("GET", target, &[]);
        let response = exchange(cx, &mut server, &sent, false)?;
        expect_status(cx, &sent, &response, &[404], (
            "A path that names no file under the root is 404 Not Found, with a Content-Length like every response (a short text body is fine).",
            "루트 아래의 어떤 파일도 가리키지 않는 경로는 404 Not Found입니다. 다른 응답처럼 Content-Length도 붙여야 합니다(짧은 텍스트 본문이면 충분합니다).",
        ))
        .map_err(|f| f.note(cx.t(format!("{target}: {note_en}"), format!("{target}: {note_ko}"))))?;
    }
    Ok(())
}

fn other_methods_get_405_with_allow(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    for sent in [
        request("POST", "/", &["Content-Length: 0"]),
        request("DELETE", "/index.html", &[]),
        request("PUT", "/new.txt", &["Content-Length: 5"])
            .into_iter()
            .chain(*b"hello")
            .collect(),
        request("BREW", "/pot", &[]),
    ] {
        let response = exchange(cx, &mut server, &sent, false)?;
        expect_status(
            cx,
            &sent,
            &response,
            &[405],
            (
                "This server only reads: any method but GET and HEAD is 405 Method Not Allowed.",
                "이 서버는 읽기만 합니다. GET과 HEAD가 아닌 메서드는 모두 405 Method Not Allowed입니다.",
            ),
        )?;
        let allow: Vec<String> = response
            .header("allow")
            .unwrap_or("")
            .split(',')
            .map(|m| m.trim().to_string())
            .filter(|m| !m.is_empty())
            .collect();
        if allow.len() != 2
            || !allow.iter().any(|m| m == "GET")
            || !allow.iter().any(|m| m == "HEAD")
        {
            return Err(Failure::new(cx.t(
                "the 405 response does not say which methods are allowed",
                "405 응답이 허용되는 메서드를 알려 주지 않습니다",
            ))
            .sent(show(cx.lang(), &sent))
            .expected("Allow: GET, HEAD")
            .got(response.show_head(cx.lang()))
            .cause(cx.t(
                "RFC 9110 requires a 405 to carry an Allow header listing the methods the resource supports: Allow: GET, HEAD.",
                "RFC 9110은 405 응답에 그 자원이 지원하는 메서드를 적은 Allow 헤더를 요구합니다: Allow: GET, HEAD.",
            )));
        }
    }
    Ok(())
}

/// Requests that are not HTTP: each must get a 400.
const MALFORMED: &[&[u8]] = &[
    b"hello\r\n\r\n",
    b"GET /\r\n\r\n",
    b"GET / HTTP/1.1 extra\r\n\r\n",
    b"GET  / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET / HTTP/1.1\r\nno colon in this header\r\n\r\n",
    b"GET / HTTP/1.1\r\n: no name\r\n\r\n",
    b"GET / HTTX/1.1\r\nHost: 127.0.0.1\r\n\r\n",
];

fn bad_requests_get_400(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    for sent in MALFORMED {
        let response = exchange(cx, &mut server, sent, false).map_err(|f| {
            f.cause(cx.t(
                "A malformed request deserves an answer, 400 Bad Request, not a dropped connection: parse without unwrap(), and turn every way parsing can fail into a status.",
                "형식이 잘못된 요청에도 연결을 끊지 말고 400 Bad Request로 답해야 합니다. unwrap() 없이 파싱하고, 파싱이 실패하는 모든 경우를 상태 코드로 바꾸세요.",
            ))
        })?;
        expect_status(
            cx,
            sent,
            &response,
            &[400],
            (
                "A request line is exactly METHOD SP TARGET SP HTTP/x.y, and a header is NAME: VALUE. Anything else is 400 Bad Request.",
                "요청 줄은 정확히 METHOD SP TARGET SP HTTP/x.y이고, 헤더는 NAME: VALUE입니다. 그 밖의 것은 모두 400 Bad Request입니다.",
            ),
        )?;
    }
    Ok(())
}

fn unsupported_version_gets_505(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    for sent in [
        &b"GET / HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n"[..],
        b"GET / HTTP/3.0\r\n\r\n",
    ] {
        let response = exchange(cx, &mut server, sent, false)?;
        expect_status(
            cx,
            sent,
            &response,
            &[505],
            (
                "The version is well formed but not one this server speaks: only HTTP/1.0 and HTTP/1.1 are served; any other HTTP/x.y is 505 HTTP Version Not Supported.",
                "버전 형식은 맞지만 이 서버가 쓰는 버전이 아닙니다. HTTP/1.0과 HTTP/1.1만 처리하고, 그 밖의 HTTP/x.y는 505 HTTP Version Not Supported입니다.",
            ),
        )?;
    }
    Ok(())
}

/// A complete request whose header block is over 8 KiB.
fn oversized_request() -> Vec<u8> {
    let mut sent = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".to_vec();
    for i in 0..20 {
        sent.extend(format!("X-Filler-{i:02}: {}\r\n", "a".repeat(500)).as_bytes());
    }
    sent.extend(b"\r\n");
    sent
}

fn oversized_header_block_is_refused(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let sent = oversized_request();
    let response = exchange(cx, &mut server, &sent, false)?;
    expect_status(cx, &sent, &response, &[431, 400], (
        "Stop reading a head at 8 KiB: if the empty line has not come by then, answer 431 Request Header Fields Too Large (or 400) and close. Without a limit, one client can make the server buffer without end.",
        "헤드는 8 KiB까지만 읽으세요. 그때까지 빈 줄이 오지 않으면 431 Request Header Fields Too Large(또는 400)로 답하고 연결을 닫습니다. 제한이 없으면 클라이언트 하나가 서버 메모리를 끝없이 쓰게 만들 수 있습니다.",
    ))
    .map_err(|f| f.note(cx.t(
        format!("the header block was {} bytes", sent.len()),
        format!("헤더 블록은 {}바이트였습니다", sent.len()),
    )))?;
    let next = request("GET", "/", &[]);
    let response = exchange(cx, &mut server, &next, false).map_err(|f| {
        f.context(Step::Sent(cx.t(
            "a request with a 10 KiB header block, refused",
            "헤더 블록이 10 KiB인 요청(거절됨)",
        )))
    })?;
    expect_file(cx, &next, &response, INDEX_HTML.as_bytes(), "text/html")
}

fn traversal_never_escapes_root(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let absolute = site.sentinel_path.display().to_string();
    let encoded_absolute = absolute.replace('/', "%2F");
    let forms: Vec<(String, &str, &str)> = vec![
        ("/../secret.txt".into(), "`..`", "`..`"),
        (
            "/docs/../../secret.txt".into(),
            "`..` after a directory",
            "디렉터리 뒤의 `..`",
        ),
        (
            "/%2e%2e/secret.txt".into(),
            "`..` percent-encoded",
            "퍼센트 인코딩한 `..`",
        ),
        (
            "/%2E%2E/secret.txt".into(),
            "`..` percent-encoded in capitals",
            "대문자로 퍼센트 인코딩한 `..`",
        ),
        (
            "/.%2e/secret.txt".into(),
            "`..` half encoded (CVE-2021-41773)",
            "반만 인코딩한 `..`(CVE-2021-41773)",
        ),
        (
            "/..%2fsecret.txt".into(),
            "an encoded slash",
            "인코딩한 슬래시",
        ),
        (
            "/%2e%2e%2fsecret.txt".into(),
            "`..` and the slash encoded",
            "`..`와 슬래시를 모두 인코딩",
        ),
        (
            "/docs/..%2f..%2fsecret.txt".into(),
            "encoded slashes after a directory",
            "디렉터리 뒤의 인코딩한 슬래시",
        ),
        ("/..\\secret.txt".into(), "a backslash", "백슬래시"),
        (
            "/..%5csecret.txt".into(),
            "an encoded backslash",
            "인코딩한 백슬래시",
        ),
        (
            "/docs/..%5c..%5csecret.txt".into(),
            "encoded backslashes after a directory",
            "디렉터리 뒤의 인코딩한 백슬래시",
        ),
        (
            "/%2e%2e/secret.txt%00.html".into(),
            "`..` and a NUL byte",
            "`..`와 NUL 바이트",
        ),
        ("/index.html%00.txt".into(), "a NUL byte", "NUL 바이트"),
        (
            format!("/{absolute}"),
            "the sentinel's absolute path after the slash",
            "슬래시 뒤에 센티널의 절대 경로",
        ),
        (
            format!("/{encoded_absolute}"),
            "the absolute path with encoded slashes",
            "슬래시를 인코딩한 절대 경로",
        ),
    ];
    for (target, what_en, what_ko) in &forms {
        let sent = request("GET", target, &[]);
        let response = exchange(cx, &mut server, &sent, false).map_err(|f| {
            f.note(cx.t(
                format!("traversal form: {what_en}"),
                format!("경로 조작 형태: {what_ko}"),
            ))
        })?;
        let leaked = response
            .body
            .windows(site.sentinel.len())
            .any(|w| w == site.sentinel.as_slice());
        if leaked {
            return Err(Failure::new(cx.t(
                format!("PATH TRAVERSAL: {target} returned the file outside the root ({})", site.sentinel_path.display()),
                format!("경로 조작(path traversal): {target} 요청에 루트 바깥의 파일({})을 돌려주었습니다", site.sentinel_path.display()),
            ))
            .sent(show(cx.lang(), &sent))
            .expected(cx.t("403 or 404, and never that file", "403 또는 404, 그 파일은 절대 안 됨"))
            .got(format!("{} + {}", response.show_head(cx.lang()), show(cx.lang(), &response.body)))
            .note(cx.t(format!("traversal form: {what_en}"), format!("경로 조작 형태: {what_ko}")))
            .cause(cx.t(
                "Percent-decode first, then check every segment of the decoded path: refuse `..`, backslashes and NUL with 403, and build the path from the remaining segments yourself. Never join the raw path to the root, and never check before decoding.",
                "먼저 퍼센트 디코딩하고, 그다음 디코딩된 경로의 조각(segment)마다 검사하세요. `..`, 백슬래시, NUL이 있으면 403으로 거절하고, 나머지 조각으로 경로를 직접 만드세요. 원래 경로를 그대로 루트에 붙이거나, 디코딩하기 전에 검사하면 안 됩니다.",
            )));
        }
        expect_status(cx, &sent, &response, &[403, 404], (
            "A path that would leave the root gets 403 Forbidden (or 404), never a file and never a crash.",
            "루트를 벗어나려는 경로에는 403 Forbidden(또는 404)으로 답합니다. 파일을 보내거나 죽으면 안 됩니다.",
        ))
        .map_err(|f| f.note(cx.t(format!("traversal form: {what_en}"), format!("경로 조작 형태: {what_ko}"))))?;
    }
    Ok(())
}

fn serves_a_request_sent_in_pieces(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let mut conn = connect(cx, &mut server)?;
    let pieces: [&[u8]; 5] = [
        b"GE",
        b"T /docs/gui",
        b"de.txt HTTP/1.1\r\nHo",
        b"st: 127.0.0.1\r",
        b"\n\r\n",
    ];
    conn.send_in_pieces(&pieces, millis(150))?;
    let response = conn.read_response(false, ANSWER);
    let response = server.explain(response).map_err(|f| {
        f.note(cx.t(
            "the request came in 5 pieces, 150 ms apart",
            "요청이 150ms 간격으로 5조각에 나뉘어 왔습니다",
        ))
    })?;
    let sent = pieces.concat();
    let in_pieces = |f: Failure| {
        f.note(cx.t(
            "the request came in 5 pieces, 150 ms apart",
            "요청이 150ms 간격으로 5조각에 나뉘어 왔습니다",
        ))
    };
    expect_status(cx, &sent, &response, &[200], (
        "One read() returns what has arrived so far, which can be a piece of a request. Keep reading into a buffer until it holds the empty line that ends the head.",
        "read() 한 번은 지금까지 도착한 만큼만 돌려주고, 그것은 요청의 한 조각일 수 있습니다. 헤드의 끝을 알리는 빈 줄이 버퍼에 들어올 때까지 계속 읽으세요.",
    ))
    .map_err(in_pieces)?;
    expect_file(
        cx,
        &sent,
        &response,
        &site.file("docs/guide.txt"),
        "text/plain",
    )
    .map_err(in_pieces)
}

fn keeps_the_connection_open(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let mut conn = connect(cx, &mut server)?;
    for (n, (target, file, media)) in [
        ("/", "index.html", "text/html"),
        ("/docs/guide.txt", "docs/guide.txt", "text/plain"),
        ("/css/site.css", "css/site.css", "text/css"),
    ]
    .into_iter()
    .enumerate()
    {
        let sent = request("GET", target, &[]);
        conn.send(&sent)?;
        let response = conn.read_response(false, ANSWER);
        let response = server.explain(response).map_err(|f| {
            f.note(cx.t(
                format!("this was request {} of 3 on one HTTP/1.1 connection", n + 1),
                format!("HTTP/1.1 연결 하나에서 보낸 요청 3개 가운데 {}번째였습니다", n + 1),
            ))
            .cause(cx.t(
                "HTTP/1.1 connections persist: after a response, go back to reading the next request on the same connection, unless the client sent Connection: close.",
                "HTTP/1.1 연결은 지속됩니다. 응답을 보낸 뒤에는 같은 연결에서 다음 요청을 다시 읽으세요. 클라이언트가 Connection: close를 보냈을 때만 닫습니다.",
            ))
        })?;
        expect_file(cx, &sent, &response, &site.file(file), media)?;
    }
    Ok(())
}

fn answers_pipelined_requests_in_order(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let mut conn = connect(cx, &mut server)?;
    let requests = [
        ("/docs/guide.txt", "docs/guide.txt", "text/plain"),
        ("/nope.txt", "", ""),
        ("/css/site.css", "css/site.css", "text/css"),
    ];
    let sent: Vec<u8> = requests
        .iter()
        .flat_map(|(t, _, _)| request("GET", t, &[]))
        .collect();
    conn.send(&sent)?;
    for (n, (target, file, media)) in requests.iter().enumerate() {
        let note = |f: Failure| {
            f.context(Step::Sent(cx.t(
                format!("three GET requests in one write: {}", show(cx.lang(), &sent)),
                format!("GET 요청 3개를 한 번에 썼습니다: {}", show(cx.lang(), &sent)),
            )))
            .note(cx.t(
                format!("this was response {} of 3, to GET {target}", n + 1),
                format!("응답 3개 가운데 {}번째, GET {target}에 대한 응답이었습니다", n + 1),
            ))
            .cause(cx.t(
                "One read() can bring several requests. Keep the bytes after the first head in your buffer and parse the next request from them, answering in order.",
                "read() 한 번에 요청 여러 개가 올 수 있습니다. 첫 헤드 뒤의 바이트를 버퍼에 남겨 두었다가 거기서 다음 요청을 파싱하고, 온 순서대로 답하세요.",
            ))
        };
        let response = conn.read_response(false, ANSWER);
        let response = server.explain(response).map_err(note)?;
        let one = request("GET", target, &[]);
        let expected_status = if file.is_empty() { 404 } else { 200 };
        expect_status(
            cx,
            &one,
            &response,
            &[expected_status],
            (
                "The responses must come in the order of the requests, one for each.",
                "응답은 요청이 온 순서대로, 요청마다 하나씩 와야 합니다.",
            ),
        )
        .map_err(note)?;
        if !file.is_empty() {
            expect_file(cx, &one, &response, &site.file(file), media).map_err(note)?;
        }
    }
    Ok(())
}

fn connection_close_closes(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let mut conn = connect(cx, &mut server)?;
    let sent = request("GET", "/", &["Connection: close"]);
    conn.send(&sent)?;
    let response = conn.read_response(false, ANSWER);
    let response = server.explain(response)?;
    expect_file(cx, &sent, &response, INDEX_HTML.as_bytes(), "text/html")?;
    let closed = conn.expect_close(secs(3));
    server.explain(closed).map_err(|f| {
        f.cause(cx.t(
            "The client sent Connection: close: after this response, close the connection (return from the connection's loop).",
            "클라이언트가 Connection: close를 보냈습니다. 이 응답을 보낸 뒤에는 연결을 닫으세요(연결을 처리하는 반복문에서 빠져나오기).",
        ))
    })
}

fn http10_closes(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let mut conn = connect(cx, &mut server)?;
    let sent = b"GET /docs/guide.txt HTTP/1.0\r\n\r\n";
    conn.send(sent)?;
    let response = conn.read_response(false, ANSWER);
    let response = server.explain(response)?;
    expect_file(
        cx,
        sent,
        &response,
        &site.file("docs/guide.txt"),
        "text/plain",
    )?;
    let closed = conn.expect_close(secs(3));
    server.explain(closed).map_err(|f| {
        f.cause(cx.t(
            "HTTP/1.0 closes the connection after each response: a 1.0 client waits for EOF.",
            "HTTP/1.0은 응답마다 연결을 닫습니다. 1.0 클라이언트는 EOF를 기다립니다.",
        ))
    })
}

fn serves_100_concurrent_clients(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let mut conns = Vec::new();
    for _ in 0..100 {
        conns.push(connect(cx, &mut server)?);
    }
    let sent = request("GET", "/docs/guide.txt", &[]);
    for conn in &mut conns {
        conn.send(&sent)?;
    }
    let deadline = Instant::now() + secs(8);
    let expected = site.file("docs/guide.txt");
    for (n, conn) in conns.iter_mut().enumerate() {
        let left = deadline
            .saturating_duration_since(Instant::now())
            .max(millis(100));
        let response = conn.read_response(false, left);
        let response = server.explain(response).map_err(|f| {
            f.note(cx.t(
                format!("client {} of 100, all connected at once, each with one keep-alive request", n + 1),
                format!("동시에 연결한 클라이언트 100개 가운데 {}번째, 각자 keep-alive 요청 하나", n + 1),
            ))
            .cause(cx.t(
                "Serve each connection on its own thread (or task) and go straight back to accept(): a connection stays open after its response, so serving them one by one leaves the rest waiting.",
                "연결마다 스레드(또는 태스크)를 따로 두고 곧바로 accept()로 돌아가세요. 연결은 응답 뒤에도 열려 있으므로, 하나씩 차례로 처리하면 나머지는 계속 기다립니다.",
            ))
        })?;
        expect_file(cx, &sent, &response, &expected, "text/plain")?;
    }
    Ok(())
}

fn idle_and_trickling_clients_are_closed(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start_with_timeout(cx, &site, SHORT_TIMEOUT)?;
    let limit = secs(SHORT_TIMEOUT) + millis(2500);
    let mut idle = connect(cx, &mut server)?;
    let mut trickler = connect(cx, &mut server)?;
    trickler.send(b"GET / HTTP/1.1\r\nX-Slow: ")?;
    let started = Instant::now();
    let mut idle_closed = None;
    let mut trickler_closed = None;
    while started.elapsed() < limit && (idle_closed.is_none() || trickler_closed.is_none()) {
        if trickler_closed.is_none() {
            // One more byte of a header that never ends, about every 200 ms. A write error
            // means the server has closed; the read below sees it too.
            use std::io::Write;
            let _ = trickler.stream().write(b"a");
        }
        for (conn, closed) in [
            (&mut idle, &mut idle_closed),
            (&mut trickler, &mut trickler_closed),
        ] {
            if closed.is_none() {
                let (_, ending) = conn.read_until_close(millis(100));
                if matches!(ending, Ending::Eof | Ending::Error(_)) {
                    *closed = Some(started.elapsed());
                }
            }
        }
    }
    let cause = cx.t(
        format!("Give each request a deadline, --timeout seconds ({SHORT_TIMEOUT} here) from when you start waiting for it, and before every read set the read timeout to the time left until that deadline. A fixed timeout per read is not enough: a client that sends a byte now and then resets it forever."),
        format!("요청마다 마감 시각을 두세요. 요청을 기다리기 시작한 때부터 --timeout초(여기서는 {SHORT_TIMEOUT}초)입니다. 그리고 read를 할 때마다 읽기 타임아웃을 마감까지 남은 시간으로 설정하세요. read마다 같은 타임아웃을 주는 것으로는 부족합니다. 가끔 한 바이트씩 보내는 클라이언트가 타임아웃을 끝없이 늘리기 때문입니다."),
    );
    if idle_closed.is_none() {
        return Err(server.died_or(Failure::new(cx.t(
            "a connection that sent nothing was not closed",
            "아무것도 보내지 않은 연결이 닫히지 않았습니다",
        ))
        .sent(cx.t(
            format!("the server was started with --timeout {SHORT_TIMEOUT}; a client connected and sent nothing"),
            format!("서버를 --timeout {SHORT_TIMEOUT}으로 시작했고, 클라이언트가 연결한 뒤 아무것도 보내지 않았습니다"),
        ))
        .expected(cx.t(
            format!("the server closes the connection about {SHORT_TIMEOUT} s later (a 408 response first is fine)"),
            format!("약 {SHORT_TIMEOUT}초 뒤에 서버가 연결을 닫음(그 전에 408 응답을 보내도 됨)"),
        ))
        .got(cx.t(
            format!("still open after {:.1} s", limit.as_secs_f64()),
            format!("{:.1}초가 지나도 열려 있음", limit.as_secs_f64()),
        ))
        .cause(cause)));
    }
    if trickler_closed.is_none() {
        return Err(server.died_or(Failure::new(cx.t(
            "a client that trickles a request one byte at a time was never cut off",
            "요청을 한 바이트씩 찔끔찔끔 보내는 클라이언트를 끊지 않았습니다",
        ))
        .sent(cx.t(
            format!("the server was started with --timeout {SHORT_TIMEOUT}; a client sent b\"GET / HTTP/1.1\\r\\nX-Slow: \" and then one byte about every 200 ms, never ending the header"),
            format!("서버를 --timeout {SHORT_TIMEOUT}으로 시작했고, 클라이언트가 b\"GET / HTTP/1.1\\r\\nX-Slow: \"를 보낸 뒤 약 200ms마다 한 바이트씩 보내며 헤더를 끝내지 않았습니다"),
        ))
        .expected(cx.t(
            format!("the server closes the connection about {SHORT_TIMEOUT} s after the request began (a 408 response first is fine)"),
            format!("요청이 시작되고 약 {SHORT_TIMEOUT}초 뒤에 서버가 연결을 닫음(그 전에 408 응답을 보내도 됨)"),
        ))
        .got(cx.t(
            format!("still open after {:.1} s", limit.as_secs_f64()),
            format!("{:.1}초가 지나도 열려 있음", limit.as_secs_f64()),
        ))
        .cause(cause)));
    }
    Ok(())
}

fn a_slow_client_does_not_delay_others(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start_with_timeout(cx, &site, SHORT_TIMEOUT)?;
    let mut slow = connect(cx, &mut server)?;
    slow.send(b"GET / HT")?;
    // The slow client goes on trickling on its own thread while the next one is served.
    let stop = Arc::new(AtomicBool::new(false));
    let trickling = {
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            let until = Instant::now() + secs(4);
            while !stop.load(Ordering::Relaxed) && Instant::now() < until {
                use std::io::Write;
                if slow.stream().write(b"T").is_err() {
                    break;
                }
                thread::sleep(millis(100));
            }
        })
    };
    // Give the server time to accept the slow client first, as it would on a real network.
    thread::sleep(millis(200));
    let sent = request("GET", "/", &[]);
    let quick = (|| {
        let mut conn = connect(cx, &mut server)?;
        conn.send(&sent)?;
        conn.read_response(false, secs(1))
    })();
    stop.store(true, Ordering::Relaxed);
    let _ = trickling.join();
    let response = server.explain(quick).map_err(|f| {
        f.context(Step::Sent(cx.t(
            format!("the server was started with --timeout {SHORT_TIMEOUT}; a first client sends b\"GET / HT\" and then one byte every 100 ms"),
            format!("서버를 --timeout {SHORT_TIMEOUT}으로 시작했고, 첫 번째 클라이언트가 b\"GET / HT\"를 보낸 뒤 100ms마다 한 바이트씩 보냅니다"),
        )))
        .note(cx.t(
            "a second client's request must be answered within 1 s, while the first one is still trickling",
            "첫 번째 클라이언트가 아직 찔끔찔끔 보내는 동안, 두 번째 클라이언트의 요청은 1초 안에 응답을 받아야 합니다",
        ))
        .cause(cx.t(
            "The server is busy with the slow client. Serve every connection on its own thread (or tokio task), so a slow one holds up nobody but itself.",
            "서버가 느린 클라이언트에 매여 있습니다. 연결마다 스레드(또는 tokio 태스크)를 따로 두어, 느린 클라이언트가 자기 자신 말고는 아무도 붙잡지 못하게 하세요.",
        ))
    })?;
    expect_file(cx, &sent, &response, INDEX_HTML.as_bytes(), "text/html")
}

/// A TLS ClientHello's first bytes: what a browser sends when told https:// by mistake.
const TLS_HELLO: &[u8] =
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\x8a\x1f\x00\x00\xff\xfe\r\n";

fn survives_bad_input(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start_with_timeout(cx, &site, SHORT_TIMEOUT)?;
    let lang = cx.lang();
    let mut sent_all: Vec<String> = Vec::new();
    // Inputs that get an answer; what the answer is, other checks look at.
    let mut answered: Vec<Vec<u8>> = MALFORMED.iter().map(|m| m.to_vec()).collect();
    answered.extend([
        b"\xff\xfe\xfd / HTTP/1.1\r\n\r\n".to_vec(),
        b"GET /\xff\xfe HTTP/1.1\r\n\r\n".to_vec(),
        b"GET /\x00 HTTP/1.1\r\n\r\n".to_vec(),
        b"GET / HTTP/1.1\r\nX: \x00\x01\x02\r\n\r\n".to_vec(),
        b"GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n".to_vec(),
        b"GET / HTTP/1.1\r\nContent-Length: 99999999999999999999999999\r\n\r\n".to_vec(),
        b"GET /%zz HTTP/1.1\r\n\r\n".to_vec(),
        b"GET /%%32%65%%32%65/secret.txt HTTP/1.1\r\n\r\n".to_vec(),
        b"GET /../../../../../../../../etc/passwd HTTP/1.1\r\n\r\n".to_vec(),
        request("GET", "/%2e%2e/secret.txt", &[]),
        b"GET / HTTP/9.9\r\n\r\n".to_vec(),
        oversized_request(),
        pattern(64 * 1024, 11),
        format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(9000)).into_bytes(),
    ]);
    let mut first_panic: Option<String> = None;
    for raw in &answered {
        sent_all.push(show(lang, raw));
        let mut conn = connect(cx, &mut server)?;
        conn.send(raw)?;
        let _ = conn.read_response(false, secs(3));
        if first_panic.is_none() && server.stderr_text().contains("panicked at") {
            first_panic = Some(show(lang, raw));
        }
    }
    // Inputs that get no answer: the client goes away first.
    for raw in [
        &b"GET / HTTP/1.1\r\nHost:"[..],
        TLS_HELLO,
        b"GET / HTTP/1.1\r\n\r\n",
        b"",
    ] {
        sent_all.push(cx.t(
            format!("{} then a reset (RST)", show(lang, raw)),
            format!("{} 그다음 리셋(RST)", show(lang, raw)),
        ));
        let mut conn = connect(cx, &mut server)?;
        conn.send(raw)?;
        conn.reset();
    }
    for raw in [TLS_HELLO, b"GET / HTTP/1.1\r\n\r\n"] {
        sent_all.push(cx.t(
            format!("{} then close", show(lang, raw)),
            format!("{} 그다음 연결 닫기", show(lang, raw)),
        ));
        let mut conn = connect(cx, &mut server)?;
        conn.send(raw)?;
        drop(conn);
    }
    thread::sleep(millis(300));
    let shown = if sent_all.len() > 10 {
        cx.t(
            format!(
                "{}, and {} more",
                sent_all[..10].join(", "),
                sent_all.len() - 10
            ),
            format!("{} 외 {}개", sent_all[..10].join(", "), sent_all.len() - 10),
        )
    } else {
        sent_all.join(", ")
    };
    let context = |f: Failure| {
        f.context(Step::Sent(cx.t(
            format!(
                "{} bad inputs, each on its own connection: {shown}",
                sent_all.len()
            ),
            format!(
                "잘못된 입력 {}개를 각각 다른 연결로 보냈습니다: {shown}",
                sent_all.len()
            ),
        )))
    };
    server.expect_running().map_err(context)?;
    let sent = request("GET", "/", &[]);
    let response = exchange(cx, &mut server, &sent, false).map_err(context)?;
    expect_file(cx, &sent, &response, INDEX_HTML.as_bytes(), "text/html").map_err(context)?;
    let stderr = server.stderr_text();
    if let Some(at) = stderr.find("panicked at") {
        let line: String = stderr[at..].lines().take(2).collect::<Vec<_>>().join(" ");
        return Err(context(Failure::new(cx.t(
            "the server panicked on bad input (a thread died)",
            "서버가 잘못된 입력에 패닉했습니다(스레드 하나가 죽었습니다)",
        )))
        .expected(cx.t(
            "every bad input answered with a status (or the connection dropped), and no panic",
            "잘못된 입력마다 상태 코드로 답하거나(또는 연결만 정리하고) 패닉은 없음",
        ))
        .got(show_up_to(lang, line.as_bytes(), 300))
        .note(match &first_panic {
            Some(input) => cx.t(
                format!("the panic first showed up right after this input: {input}"),
                format!("패닉은 이 입력 직후에 처음 나타났습니다: {input}"),
            ),
            None => cx.t(
                "the panic showed up after the inputs that get no answer (resets and closes)",
                "패닉은 응답을 받지 않는 입력(리셋, 연결 닫기) 뒤에 나타났습니다",
            ),
        })
        .cause(cx.t(
            "Bad input is normal input for a server on a network. Never unwrap() what a client sent (UTF-8, the parts of the request line, a header's colon, a number) or the result of a read or write: turn each failure into a status, or drop that one connection.",
            "네트워크에 열린 서버에게 잘못된 입력은 일상입니다. 클라이언트가 보낸 것(UTF-8, 요청 줄의 각 부분, 헤더의 콜론, 숫자)이나 read와 write의 결과를 unwrap()하지 마세요. 실패마다 상태 코드로 바꾸거나, 그 연결 하나만 정리하세요.",
        )));
    }
    Ok(())
}

/// Check table: points, limits, the TODO each needs and the section that explains it.
pub const LAB: Lab = Lab {
    name: "lab05",
    chapter: 5,
    chapter_file: "ch05-toy-http-server.md",
    bin_env: "LAB05_BIN",
    checks: &[
        Check {
            id: "announces_address",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "announces the address it really listens on",
                "실제로 수신 대기하는 주소를 알린다",
            ),
            todo: Text::new(
                "TODO 1: bind, then print `listening on ADDR` from local_addr() and flush stdout.",
                "TODO 1: 바인드한 뒤 local_addr()로 얻은 `listening on ADDR`를 출력하고 stdout을 flush하기.",
            ),
            section: "lab",
            run: announces_address,
            serial: false,
        },
        Check {
            id: "serves_index_exactly",
            points: 3,
            limit: secs(15),
            title: Text::new(
                "GET / serves index.html: exact bytes, Content-Length in bytes, Content-Type",
                "GET /에 index.html을 보낸다: 정확한 바이트, 바이트 단위 Content-Length, Content-Type",
            ),
            todo: Text::new(
                "TODO 2 to TODO 7, the whole path of one request; Content-Length is in TODO 6.",
                "TODO 2부터 TODO 7까지, 요청 하나가 지나가는 길 전체. Content-Length는 TODO 6.",
            ),
            section: "content-length",
            run: serves_index_exactly,
            serial: false,
        },
        Check {
            id: "serves_nested_and_binary_files",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "serves nested, binary and large files, and a directory's index.html",
                "하위 디렉터리의 파일, 바이너리 파일, 큰 파일, 디렉터리의 index.html을 보낸다",
            ),
            todo: Text::new(
                "TODO 5 (target to path, directory to index.html) and TODO 6 (the body as bytes).",
                "TODO 5(요청 대상을 경로로, 디렉터리는 index.html로)와 TODO 6(본문은 바이트로).",
            ),
            section: "url-to-path",
            run: serves_nested_and_binary_files,
            serial: false,
        },
        Check {
            id: "content_type_follows_extension",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "Content-Type follows the file's extension",
                "Content-Type이 파일 확장자를 따른다",
            ),
            todo: Text::new(
                "TODO 6: Content-Type from tables::content_type.",
                "TODO 6: tables::content_type으로 Content-Type 정하기.",
            ),
            section: "url-to-path",
            run: content_type_follows_extension,
            serial: false,
        },
        Check {
            id: "decodes_the_path_and_ignores_the_query",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "percent-decodes the path and ignores the query string",
                "경로를 퍼센트 디코딩하고 쿼리 문자열은 무시한다",
            ),
            todo: Text::new(
                "TODO 5: cut the target at '?', then percent-decode it.",
                "TODO 5: 요청 대상을 '?'에서 자르고 퍼센트 디코딩하기.",
            ),
            section: "url-to-path",
            run: decodes_the_path_and_ignores_the_query,
            serial: false,
        },
        Check {
            id: "a_real_http_client_fetches_the_same",
            points: 2,
            limit: secs(20),
            title: Text::new(
                "a real HTTP client library (minreq) fetches the same bytes",
                "실제 HTTP 클라이언트 라이브러리(minreq)도 같은 바이트를 받는다",
            ),
            todo: Text::new(
                "TODO 6: a response exactly by the rules (status line, CRLF, Content-Length).",
                "TODO 6: 규칙을 정확히 지킨 응답(상태 줄, CRLF, Content-Length).",
            ),
            section: "message-shape",
            run: a_real_http_client_fetches_the_same,
            serial: false,
        },
        Check {
            id: "head_sends_headers_only",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "HEAD gets the headers of the GET and no body",
                "HEAD는 GET의 헤더를 받고 본문은 받지 않는다",
            ),
            todo: Text::new(
                "TODO 6: with head_only, write the head and no body.",
                "TODO 6: head_only이면 헤드만 쓰고 본문은 쓰지 않기.",
            ),
            section: "head",
            run: head_sends_headers_only,
            serial: false,
        },
        Check {
            id: "missing_file_is_404",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "a missing file is 404 Not Found",
                "없는 파일은 404 Not Found",
            ),
            todo: Text::new(
                "TODO 5 (Err(404)) and TODO 7 (answer the error status).",
                "TODO 5(Err(404))와 TODO 7(오류 상태 코드로 응답하기).",
            ),
            section: "status-codes",
            run: missing_file_is_404,
            serial: false,
        },
        Check {
            id: "other_methods_get_405_with_allow",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "other methods get 405 with Allow: GET, HEAD",
                "다른 메서드에는 Allow: GET, HEAD와 함께 405로 답한다",
            ),
            todo: Text::new(
                "TODO 7: a method other than GET or HEAD is 405 with Allow: GET, HEAD.",
                "TODO 7: GET, HEAD가 아닌 메서드는 Allow: GET, HEAD를 붙여 405로 답하기.",
            ),
            section: "status-codes",
            run: other_methods_get_405_with_allow,
            serial: false,
        },
        Check {
            id: "bad_requests_get_400",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "a malformed request line or header gets 400",
                "형식이 잘못된 요청 줄이나 헤더에는 400으로 답한다",
            ),
            todo: Text::new(
                "TODO 4: parse without unwrap(); every malformed part is Err(400).",
                "TODO 4: unwrap() 없이 파싱하기. 형식이 잘못된 부분은 모두 Err(400).",
            ),
            section: "malformed",
            run: bad_requests_get_400,
            serial: false,
        },
        Check {
            id: "unsupported_version_gets_505",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "an HTTP version other than 1.0 and 1.1 gets 505",
                "1.0과 1.1이 아닌 HTTP 버전에는 505로 답한다",
            ),
            todo: Text::new(
                "TODO 4: a well-formed HTTP/x.y that is not 1.0 or 1.1 is Err(505).",
                "TODO 4: 형식은 맞지만 1.0이나 1.1이 아닌 HTTP/x.y는 Err(505).",
            ),
            section: "status-codes",
            run: unsupported_version_gets_505,
            serial: false,
        },
        Check {
            id: "oversized_header_block_is_refused",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "a header block over 8 KiB is refused (431), and others are still served",
                "8 KiB가 넘는 헤더 블록은 거절하고(431), 다른 클라이언트는 계속 받는다",
            ),
            todo: Text::new(
                "TODO 3: stop at MAX_HEAD with HeadError::TooLarge; TODO 7 answers 431.",
                "TODO 3: MAX_HEAD에서 HeadError::TooLarge로 멈추기. TODO 7에서 431로 답하기.",
            ),
            section: "header-limits",
            run: oversized_header_block_is_refused,
            serial: false,
        },
        Check {
            id: "traversal_never_escapes_root",
            points: 4,
            limit: secs(20),
            title: Text::new(
                "no form of `..` (encoded, backslash, NUL, absolute) ever returns a file outside the root",
                "어떤 형태의 `..`(인코딩, 백슬래시, NUL, 절대 경로)로도 루트 바깥 파일을 내주지 않는다",
            ),
            todo: Text::new(
                "TODO 5: decode first, then refuse `..`, backslash and NUL in any segment (403).",
                "TODO 5: 먼저 디코딩하고, 그다음 어느 조각에든 `..`, 백슬래시, NUL이 있으면 거절하기(403).",
            ),
            section: "path-traversal",
            run: traversal_never_escapes_root,
            serial: false,
        },
        Check {
            id: "serves_a_request_sent_in_pieces",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "serves a request that arrives in pieces with pauses",
                "조각조각 시간을 두고 도착한 요청도 처리한다",
            ),
            todo: Text::new(
                "TODO 3: read into the buffer until it holds the empty line that ends the head.",
                "TODO 3: 헤드를 끝내는 빈 줄이 버퍼에 들어올 때까지 읽기.",
            ),
            section: "partial-reads",
            run: serves_a_request_sent_in_pieces,
            serial: false,
        },
        Check {
            id: "keeps_the_connection_open",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "answers three requests in turn on one HTTP/1.1 connection",
                "HTTP/1.1 연결 하나에서 요청 세 개에 차례로 답한다",
            ),
            todo: Text::new(
                "TODO 7: loop over requests while the connection is kept alive.",
                "TODO 7: 연결이 유지되는 동안 요청을 반복해서 처리하기.",
            ),
            section: "keep-alive",
            run: keeps_the_connection_open,
            serial: false,
        },
        Check {
            id: "answers_pipelined_requests_in_order",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "answers three pipelined requests (one write) in order",
                "한 번에 쓴(파이프라이닝) 요청 세 개에 순서대로 답한다",
            ),
            todo: Text::new(
                "TODO 3: keep the bytes after a head in the buffer for the next request.",
                "TODO 3: 헤드 뒤의 바이트는 다음 요청을 위해 버퍼에 남겨 두기.",
            ),
            section: "pipelining",
            run: answers_pipelined_requests_in_order,
            serial: false,
        },
        Check {
            id: "connection_close_closes",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "closes after the response when the client sends Connection: close",
                "클라이언트가 Connection: close를 보내면 응답 뒤에 연결을 닫는다",
            ),
            todo: Text::new(
                "TODO 7: no keep-alive after Connection: close.",
                "TODO 7: Connection: close를 받으면 연결을 유지하지 않기.",
            ),
            section: "keep-alive",
            run: connection_close_closes,
            serial: false,
        },
        Check {
            id: "http10_closes",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "closes after the response to an HTTP/1.0 request",
                "HTTP/1.0 요청에는 응답 뒤에 연결을 닫는다",
            ),
            todo: Text::new(
                "TODO 7: HTTP/1.0 is never kept alive.",
                "TODO 7: HTTP/1.0은 연결을 유지하지 않기.",
            ),
            section: "keep-alive",
            run: http10_closes,
            serial: false,
        },
        Check {
            id: "serves_100_concurrent_clients",
            points: 2,
            limit: secs(20),
            title: Text::new(
                "serves 100 clients connected at once",
                "동시에 연결한 클라이언트 100개에 모두 답한다",
            ),
            todo: Text::new(
                "TODO 2: a thread (or task) per connection.",
                "TODO 2: 연결마다 스레드(또는 태스크) 하나.",
            ),
            section: "concurrency",
            run: serves_100_concurrent_clients,
            serial: false,
        },
        Check {
            id: "idle_and_trickling_clients_are_closed",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "closes a silent connection and one that trickles a request, after --timeout",
                "아무것도 보내지 않는 연결과 요청을 찔끔찔끔 보내는 연결을 --timeout 뒤에 닫는다",
            ),
            todo: Text::new(
                "TODO 3: one deadline for the whole head; before each read, set the read timeout to the time left.",
                "TODO 3: 헤드 전체에 마감 시각 하나. read마다 읽기 타임아웃을 남은 시간으로 설정하기.",
            ),
            section: "slowloris",
            run: idle_and_trickling_clients_are_closed,
            serial: false,
        },
        Check {
            id: "a_slow_client_does_not_delay_others",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "a slow, trickling client does not delay another",
                "찔끔찔끔 보내는 느린 클라이언트가 다른 클라이언트를 늦추지 않는다",
            ),
            todo: Text::new(
                "TODO 2: a thread (or task) per connection.",
                "TODO 2: 연결마다 스레드(또는 태스크) 하나.",
            ),
            section: "slowloris",
            run: a_slow_client_does_not_delay_others,
            serial: true,
        },
        Check {
            id: "survives_bad_input",
            points: 3,
            limit: secs(25),
            title: Text::new(
                "survives every bad input, without a panic, and serves a normal request afterwards",
                "어떤 잘못된 입력에도 패닉 없이 살아남고, 그 뒤 정상 요청에 답한다",
            ),
            todo: Text::new(
                "TODO 3, TODO 4 and TODO 7: no unwrap() on anything a client sends or on a read or write.",
                "TODO 3, TODO 4, TODO 7: 클라이언트가 보낸 것이나 read, write 결과에 unwrap() 쓰지 않기.",
            ),
            section: "malformed",
            run: survives_bad_input,
            serial: false,
        },
    ],
};
