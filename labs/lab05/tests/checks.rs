//! The checks of lab05, the static-file HTTP/1.1 server (chapter 5).
//!
//! Each check makes its own web site in a temporary directory ([`Site`]), with a sentinel
//! file just outside the root, starts the program with `--listen 127.0.0.1:0 --root SITE`,
//! reads the address from its `listening on ADDR` line, and talks HTTP to it byte by byte
//! over loopback ([`HttpConn`]). The table at the bottom gives each check its points, time
//! limit, the TODO it depends on and the chapter section that explains it. This file is
//! also compiled into the reference solution's proof tests
//! (`solutions/lab05/tests/proof.rs`), which show that every check passes the reference and
//! a correct server written in another style, and that each classic bug is caught by the
//! check named for it.
//!
//! Where the RFCs leave a server a choice, every choice passes: 501 or 405 for a method
//! nobody defined, 400 or a normal answer for `GET  /`, closing the connection or reading
//! and discarding a body, 400, 403 or 404 for a path that tries to leave the root. What is
//! checked is what a client can see go wrong: which file came back, where one response ends
//! and the next begins, whether a connection stays open or closes.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use harness::http::{HttpConn, Response, content_length_in_characters, request, show_up_to};
use harness::process::find_panic;
use harness::{
    Check, Ctx, Diagnosis, Ending, Failure, Lab, Limits, Outcome, Server, Text, millis, pattern,
    secs, show,
};

use crate::site::{INDEX_HTML, Site};

/// How long one response may take. Loopback answers in microseconds; the margin is for a
/// loaded machine running many checks at once.
const ANSWER: Duration = secs(5);
/// How long a server that should close a connection may take to do it.
const CLOSE: Duration = secs(3);
/// The `--timeout` of the checks about slow clients: short, so the grader stays fast.
const SHORT_TIMEOUT: u64 = 2;
/// The largest request head the contract says a server serves: every byte from the request
/// line to the empty line, CRLFs included.
const MAX_HEAD: usize = 8 * 1024;

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

/// The file went through a `String` on its way out: `from_utf8_lossy` replaced every byte
/// that is not UTF-8 with U+FFFD (three bytes), so a binary file comes out longer.
fn file_through_a_string(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "file through a string".into(),
        title: cx.t(
            "files are sent through a String, which changes their bytes",
            "파일을 String으로 바꿔 보내서 바이트가 달라짐",
        ),
        cause: cx.t(
            "The body is the file made into text (String::from_utf8_lossy) and back: every byte that is not UTF-8 became U+FFFD, three bytes, so a PNG or any binary file comes out longer and different. Content-Length counted those bytes.",
            "본문이 파일을 텍스트(String::from_utf8_lossy)로 바꿨다가 되돌린 것입니다. UTF-8이 아닌 바이트는 모두 3바이트짜리 U+FFFD가 되므로, PNG 같은 바이너리 파일은 더 길고 다른 바이트가 됩니다. Content-Length도 그 바이트를 센 값입니다.",
        ),
        to_pass: cx.t(
            "TODO 6: send the file's bytes as they are (fs::read gives a Vec<u8>), never through a String.",
            "TODO 6: 파일의 바이트를 그대로 보내기(fs::read는 Vec<u8>을 줍니다). String을 거치지 않기.",
        ),
        section: Some("content-length"),
    }
}

/// Checks that `response` says Content-Length: `bytes.len()`, and names the mistake when
/// the number it says is the file's length in characters, or in the bytes of the file made
/// into a String.
fn expect_length(cx: &Ctx, sent: &[u8], response: &Response, bytes: &[u8]) -> Outcome {
    if response.content_length() == Some(bytes.len() as u64) {
        return Ok(());
    }
    let declared = response.header("content-length").unwrap_or("");
    let failure = Failure::new(cx.t(
        format!(
            "Content-Length is {declared:?}, but the file is {} bytes",
            bytes.len()
        ),
        format!(
            "Content-Length가 {declared:?}인데, 파일은 {}바이트입니다",
            bytes.len()
        ),
    ))
    .sent(show(cx.lang(), sent))
    .expected(format!("Content-Length: {}", bytes.len()))
    .got(response.show_head(cx.lang()));
    let text = String::from_utf8_lossy(bytes);
    let characters = text.chars().count() as u64;
    Err(if response.content_length() == Some(characters) {
        failure
            .note(cx.t(
                format!("{characters} is the number of characters in the file"),
                format!("파일을 글자로 세면 {characters}자입니다"),
            ))
            .diagnosis(content_length_in_characters(cx.lang()))
    } else if response.content_length() == Some(text.len() as u64) {
        failure.diagnosis(file_through_a_string(cx))
    } else {
        failure.cause(cx.t(
            "Content-Length must be the exact number of bytes of the body you send.",
            "Content-Length는 보내는 본문의 정확한 바이트 수여야 합니다.",
        ))
    })
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
        let failure = fail(cx.t(
            format!("expected status 200, got {}", response.status),
            format!(
                "상태 코드 200을 기대했지만 {} 응답이 왔습니다",
                response.status
            ),
        ));
        // A 403 or 404 for a file that exists is a mistake in the path; any other status
        // is the caller's to explain.
        return Err(if matches!(response.status, 403 | 404) {
            failure.cause(cx.t(
                "The file exists under the root. Check how you map the target to a path: drop the leading '/', keep the rest, and join it to the root.",
                "파일은 루트 아래에 있습니다. 요청 대상을 경로로 바꾸는 부분을 확인하세요. 맨 앞의 '/'를 떼고 나머지를 루트에 이어 붙이면 됩니다.",
            ))
        } else {
            failure
        });
    }
    expect_length(cx, sent, response, bytes)?;
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
    .expected(format!("HTTP/1.1 {list} ..."))
    .got(response.show_head(cx.lang()))
    .cause(cx.t(cause.0, cause.1)))
}

/// After connections that the server closed (or should have), checks that it still serves
/// a normal request on a new connection: a server whose connection thread panicked closes
/// the connection too, and that must not count as closing it on purpose.
fn expect_still_serving(cx: &Ctx, server: &mut Server) -> Outcome {
    let sent = request("GET", "/", &[]);
    let still = exchange(cx, server, &sent, false)
        .and_then(|response| expect_file(cx, &sent, &response, INDEX_HTML.as_bytes(), "text/html"));
    still.map_err(|f| {
        f.situation(cx.t(
            "after the connections above ended, a new client asked for the index page",
            "위의 연결이 모두 끝난 뒤, 새 클라이언트가 첫 페이지를 요청했습니다",
        ))
        .cause(cx.t(
            "The server stopped serving after the connections above ended: closing a connection must end that connection only (return from its loop, drop its stream), never the server or its accept loop.",
            "위의 연결이 모두 끝난 뒤 서버가 더 이상 요청을 처리하지 않습니다. 연결을 닫을 때는 그 연결만 끝내야 합니다(그 연결의 루프에서 빠져나와 스트림을 드롭하기). 서버나 accept 루프를 끝내면 안 됩니다.",
        ))
    })
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

fn serves_over_ipv6(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let root = site.root_arg();
    let mut server = cx.start_server_on_ipv6(&["--listen", "[::1]:0", "--root", &root])?;
    let sent = request("GET", "/", &[]);
    let response = exchange(cx, &mut server, &sent, false)?;
    expect_file(cx, &sent, &response, INDEX_HTML.as_bytes(), "text/html")
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
        ("/empty.txt", "empty.txt", "text/plain"),
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
        ("/%ed%95%9c%ea%b8%80.txt", "한글.txt", "text/plain"),
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
        let mut diagnosis = None;
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
                let body = response.as_bytes();
                if response.status_code == 200
                    && body == expected.as_slice()
                    && media_got.as_deref() == Some(media)
                {
                    None
                } else {
                    // minreq reads Content-Length bytes: a body cut at the file's number of
                    // characters is a Content-Length in characters.
                    let characters = String::from_utf8_lossy(&expected).chars().count();
                    if body.len() == characters && expected.starts_with(body) {
                        diagnosis = Some(content_length_in_characters(cx.lang()));
                    }
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
                            show(cx.lang(), body)
                        ),
                    ))
                }
            }
        };
        if let Some((problem, got)) = problem {
            let failure = Failure::new(problem)
                .sent(format!("minreq::get(\"{url}\")"))
                .expected(format!(
                    "200, Content-Type {media}, {}",
                    show(cx.lang(), &expected)
                ))
                .got(got);
            let failure = match diagnosis {
                Some(diagnosis) => failure.diagnosis(diagnosis),
                None => failure,
            };
            return Err(failure.cause(cx.t(
                "A client you did not write reads your response by the rules alone: the status line, CRLF after every line, an empty line after the headers, and exactly Content-Length bytes of body.",
                "여러분이 작성하지 않은 클라이언트는 규칙대로만 응답을 읽습니다. 상태 줄, 줄마다 붙는 CRLF, 헤더 뒤의 빈 줄, 정확히 Content-Length만큼의 본문이 모두 맞아야 합니다.",
            )));
        }
    }
    Ok(())
}

/// HEAD for every status a well-formed request can get: files (a binary one, a directory's
/// index, an empty one), a missing file, a path that tries to leave the root, a broken
/// percent-escape. Each HEAD is answered like the GET of the same target, and on a kept-alive
/// connection a GET follows it: if the HEAD response had a body, that GET's response does
/// not start where it should. The check does not wait for a body to show up; the bytes on
/// the connection show it or its absence.
fn head_sends_headers_only(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let lang = cx.lang();
    let next = request("GET", "/css/site.css", &[]);
    let css = site.file("css/site.css");
    let mut conn: Option<HttpConn> = None;
    for (target, file) in [
        ("/img/logo.png", Some("img/logo.png")),
        ("/docs/", Some("docs/index.html")),
        ("/empty.txt", Some("empty.txt")),
        ("/nope.html", None),
        ("/%2e%2e/secret.txt", None),
        ("/%zz", None),
    ] {
        let get_sent = request("GET", target, &[]);
        let got = exchange(cx, &mut server, &get_sent, false)?;
        let head_sent = request("HEAD", target, &[]);
        let mut both = head_sent.clone();
        both.extend_from_slice(&next);
        let mut c = match conn.take() {
            Some(c) => c,
            None => connect(cx, &mut server)?,
        };
        c.send(&both)?;
        let situation = |f: Failure| {
            f.situation(cx.t(
                format!("HEAD {target} and then GET /css/site.css, in one write on one connection; GET {target} got status {}", got.status),
                format!("한 연결에서 HEAD {target} 요청과 GET /css/site.css 요청을 한 번에 썼습니다. GET {target} 요청에는 {} 응답이 왔습니다", got.status),
            ))
        };
        let head = c.read_response(true, ANSWER);
        let head = server.explain(head).map_err(situation)?;
        if head.status != got.status {
            return Err(situation(
                Failure::new(cx.t(
                    format!("HEAD {target} got status {}, GET got {}", head.status, got.status),
                    format!("HEAD {target} 요청의 상태 코드는 {}인데, GET은 {}입니다", head.status, got.status),
                ))
                .sent(show(lang, &head_sent))
                .expected(got.show_head(lang))
                .got(head.show_head(lang))
                .cause(cx.t(
                    "Answer HEAD exactly like GET (the same status, and for a file its Content-Length and Content-Type), then leave the body out.",
                    "HEAD에는 GET과 똑같이 답하세요(같은 상태 코드, 파일이면 그 Content-Length와 Content-Type). 본문만 빼면 됩니다.",
                )),
            ));
        }
        if let Some(file) = file {
            expect_length(cx, &head_sent, &head, &site.file(file)).map_err(situation)?;
            if head.header("content-type").map(essence) != got.header("content-type").map(essence) {
                return Err(situation(
                    Failure::new(cx.t(
                        "HEAD did not get the Content-Type GET gets",
                        "HEAD 응답의 Content-Type이 GET 응답과 다릅니다",
                    ))
                    .sent(show(lang, &head_sent))
                    .expected(got.show_head(lang))
                    .got(head.show_head(lang))
                    .cause(cx.t(
                        "The head of a response to HEAD is the head the GET would get: the same Content-Type too.",
                        "HEAD에 대한 응답의 헤드는 GET이 받을 헤드와 같습니다. Content-Type도 같아야 합니다.",
                    )),
                ));
            }
        }
        // The GET after the HEAD: its response comes right after the HEAD's head, unless
        // the server closed the connection (which it may), with nothing in between.
        let after = c.read_response_or_close(false, ANSWER);
        match server.explain(after).map_err(situation)? {
            Some(response) => {
                expect_file(cx, &next, &response, &css, "text/css").map_err(situation)?;
                conn = Some(c);
            }
            None => conn = None,
        }
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

/// The methods an `Allow` header lists (a comma-separated list; methods are case-sensitive).
fn allowed_methods(response: &Response) -> Vec<String> {
    response
        .headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("allow"))
        .flat_map(|(_, value)| value.split(','))
        .map(|m| m.trim().to_string())
        .filter(|m| !m.is_empty())
        .collect()
}

fn other_methods_are_refused(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let put: Vec<u8> = request("PUT", "/new.txt", &["Content-Length: 5"])
        .into_iter()
        .chain(*b"hello")
        .collect();
    for (sent, known) in [
        (request("POST", "/", &["Content-Length: 0"]), true),
        (request("DELETE", "/index.html", &[]), true),
        (put, true),
        (request("BREW", "/pot", &[]), false),
    ] {
        let response = exchange(cx, &mut server, &sent, false)?;
        if known {
            expect_status(
                cx,
                &sent,
                &response,
                &[405],
                (
                    "This server only reads: POST, PUT and DELETE are methods it knows and does not allow, so they get 405 Method Not Allowed.",
                    "이 서버는 읽기만 합니다. POST, PUT, DELETE는 서버가 알지만 허용하지 않는 메서드이므로 405 Method Not Allowed입니다.",
                ),
            )?;
        } else {
            expect_status(
                cx,
                &sent,
                &response,
                &[501, 405],
                (
                    "BREW is a method nobody defined: RFC 9110 §9.1 recommends 501 Not Implemented (a 405 with Allow is also accepted).",
                    "BREW는 어디에도 정의되지 않은 메서드입니다. RFC 9110 §9.1은 501 Not Implemented를 권합니다(Allow를 붙인 405도 인정합니다).",
                ),
            )?;
        }
        if response.status != 405 {
            continue;
        }
        let allow = allowed_methods(&response);
        if !allow.iter().any(|m| m == "GET") || !allow.iter().any(|m| m == "HEAD") {
            return Err(Failure::new(cx.t(
                "the 405 response does not say that GET and HEAD are allowed",
                "405 응답에 GET과 HEAD를 허용한다는 Allow 헤더가 없습니다",
            ))
            .sent(show(cx.lang(), &sent))
            .expected(cx.t(
                "an Allow header that lists at least GET and HEAD, such as Allow: GET, HEAD",
                "적어도 GET과 HEAD를 적은 Allow 헤더(예: Allow: GET, HEAD)",
            ))
            .got(response.show_head(cx.lang()))
            .cause(cx.t(
                "RFC 9110 §15.5.6 requires a 405 to carry an Allow header listing the methods the resource supports: Allow: GET, HEAD.",
                "RFC 9110 §15.5.6에 따르면 405 응답에는 그 자원이 지원하는 메서드를 적은 Allow 헤더가 있어야 합니다. 이 서버라면 Allow: GET, HEAD입니다.",
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
    b"GET / HTTP/1.1\r\nno colon in this header\r\n\r\n",
    b"GET / HTTP/1.1\r\n: no name\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n",
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
                "A request line is exactly METHOD SP TARGET SP HTTP/x.y, and a header is NAME: VALUE with no space before the colon (RFC 9112 §5.1). Anything else is 400 Bad Request.",
                "요청 줄은 정확히 METHOD SP TARGET SP HTTP/x.y이고, 헤더는 콜론 앞에 공백이 없는 NAME: VALUE입니다(RFC 9112 §5.1). 그 밖의 것은 모두 400 Bad Request입니다.",
            ),
        )?;
    }
    // Two spaces between method and target: RFC 9112 §3 lets a server read the line strictly
    // (400) or split it on any run of whitespace (then it is GET /). Both pass.
    let lenient = b"GET  / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    let response = exchange(cx, &mut server, lenient, false)?;
    if response.status != 400 {
        expect_file(cx, lenient, &response, INDEX_HTML.as_bytes(), "text/html").map_err(|f| {
            f.note(cx.t(
                "two spaces after the method: answer 400, or read it as GET / (RFC 9112 §3 allows both)",
                "메서드 뒤에 공백이 두 칸입니다. 400으로 답하거나 GET /로 읽으면 됩니다(RFC 9112 §3은 둘 다 허용합니다)",
            ))
        })?;
    }
    Ok(())
}

fn http_versions_are_handled(cx: &Ctx) -> Outcome {
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
                "The version is well formed but its major version is not 1: only HTTP/1.x is served; any other HTTP/x.y is 505 HTTP Version Not Supported.",
                "버전 형식은 맞지만 주 버전(major)이 1이 아닙니다. HTTP/1.x만 처리하고, 그 밖의 HTTP/x.y는 505 HTTP Version Not Supported입니다.",
            ),
        )?;
    }
    // A later minor version of HTTP/1 is processed as 1.1 (RFC 9110 §2.5).
    let sent = b"GET / HTTP/1.2\r\nHost: 127.0.0.1\r\n\r\n";
    let response = exchange(cx, &mut server, sent, false)?;
    expect_file(cx, sent, &response, INDEX_HTML.as_bytes(), "text/html").map_err(|f| {
        f.cause(cx.t(
            "HTTP/1.2 is a later minor version of HTTP/1: RFC 9110 §2.5 says to process it as the highest 1.x you speak, HTTP/1.1. Only another major version (HTTP/2.0, HTTP/3.0) gets 505.",
            "HTTP/1.2는 HTTP/1의 더 높은 부 버전(minor)입니다. RFC 9110 §2.5에 따라 서버가 아는 가장 높은 1.x, 곧 HTTP/1.1로 처리해야 합니다. 주 버전이 다를 때(HTTP/2.0, HTTP/3.0)만 505입니다.",
        ))
    })
}

/// Requests whose Host is missing (HTTP/1.1), repeated or invalid: RFC 9112 §3.2 requires a
/// 400 for each. With what each one is, in both languages.
const BAD_HOSTS: &[(&[u8], &str, &str)] = &[
    (
        b"GET / HTTP/1.1\r\n\r\n",
        "an HTTP/1.1 request without Host",
        "Host가 없는 HTTP/1.1 요청",
    ),
    (
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: 127.0.0.1\r\n\r\n",
        "two Host lines with the same value",
        "값이 같은 Host 줄 두 개",
    ),
    (
        b"GET / HTTP/1.1\r\nHost: example.com\r\nhost: 127.0.0.1\r\n\r\n",
        "two Host lines with different values",
        "값이 다른 Host 줄 두 개",
    ),
    (
        b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\nHost: example.com\r\n\r\n",
        "two Host lines in an HTTP/1.0 request",
        "HTTP/1.0 요청의 Host 줄 두 개",
    ),
    (
        b"GET / HTTP/1.1\r\nHost: exa mple.com\r\n\r\n",
        "a space inside the host",
        "호스트 이름 가운데의 공백",
    ),
    (
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1/index.html\r\n\r\n",
        "a path in the Host value",
        "Host 값에 들어간 경로",
    ),
    (
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1:http\r\n\r\n",
        "a port that is not a number",
        "숫자가 아닌 포트",
    ),
];

/// Requests with a Host that is fine, or none where none is needed: each must be served.
const GOOD_HOSTS: &[(&[u8], &str, &str)] = &[
    (
        b"GET / HTTP/1.1\r\nHost: localhost:8080\r\n\r\n",
        "a name and a port",
        "이름과 포트",
    ),
    (
        b"GET / HTTP/1.1\r\nhost: [::1]:8080\r\n\r\n",
        "an IPv6 address in brackets, the header name in lower case",
        "대괄호 안의 IPv6 주소, 소문자로 쓴 헤더 이름",
    ),
    (
        b"GET / HTTP/1.1\r\nHOST: Example.COM\r\n\r\n",
        "a name in mixed case",
        "대소문자를 섞은 이름",
    ),
    (
        b"GET / HTTP/1.0\r\n\r\n",
        "an HTTP/1.0 request without Host, which HTTP/1.0 allows",
        "Host가 없는 HTTP/1.0 요청(HTTP/1.0에서는 허용됨)",
    ),
];

fn host_must_be_present_once_and_valid(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    for (sent, en, ko) in BAD_HOSTS {
        let response = exchange(cx, &mut server, sent, false)?;
        expect_status(cx, sent, &response, &[400], (
            "RFC 9112 §3.2: a server MUST answer 400 to an HTTP/1.1 request without a Host header, and to any request with more than one Host line or an invalid Host value (host[:port]: a name or address, then an optional colon and digits). Host says which site a request is for; two programs that read different Hosts from one request disagree about that.",
            "RFC 9112 §3.2에 따르면 서버는 Host 헤더가 없는 HTTP/1.1 요청과, Host 줄이 둘 이상이거나 Host 값이 올바르지 않은 요청에 반드시 400으로 답해야 합니다. 올바른 값은 host[:port] 꼴, 곧 이름이나 주소 뒤에 콜론과 숫자가 붙을 수 있는 꼴입니다. Host는 요청이 어느 사이트로 가는지 알려 줍니다. 한 요청에서 서로 다른 Host를 읽은 두 프로그램은 요청이 어느 사이트로 가는지 서로 다르게 판단합니다.",
        ))
        .map_err(|f| f.note(cx.t(format!("the request: {en}"), format!("요청: {ko}"))))?;
    }
    for (sent, en, ko) in GOOD_HOSTS {
        let response = exchange(cx, &mut server, sent, false)?;
        expect_file(cx, sent, &response, INDEX_HTML.as_bytes(), "text/html").map_err(|f| {
            f.note(cx.t(
                format!("the request: {en}; it must be served"),
                format!("요청: {ko}. 이 요청은 처리해야 합니다"),
            ))
            .cause(cx.t(
                "This Host is valid: host[:port], where the host is a name (compared without regard to case) or an address, an IPv6 one in brackets. HTTP/1.0 may leave Host out.",
                "이 Host는 올바릅니다. host[:port] 꼴이고, host는 이름(대소문자를 가리지 않고 비교)이나 주소이며 IPv6 주소는 대괄호로 감쌉니다. HTTP/1.0 요청에서는 Host를 빼도 됩니다.",
            ))
        })?;
    }
    Ok(())
}

/// Requests in absolute form (`GET http://host/path HTTP/1.1`), which RFC 9112 §3.2.2 says
/// every server MUST accept: the path names the file, and the host in the URL, not the Host
/// header, says which site it is for.
fn absolute_form_targets_are_served(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    for (method, target, file, media, en, ko) in [
        (
            "GET",
            "http://127.0.0.1/docs/guide.txt",
            "docs/guide.txt",
            "text/plain",
            "the whole URL as the target",
            "요청 대상으로 쓴 URL 전체",
        ),
        (
            "GET",
            "HTTP://example.com:8080/index.html?lang=ko",
            "index.html",
            "text/html",
            "the scheme in capitals, a port, a query, and a host other than the Host header's",
            "대문자로 쓴 스킴, 포트, 쿼리, 그리고 Host 헤더와 다른 호스트",
        ),
        (
            "HEAD",
            "http://127.0.0.1/css/site.css",
            "css/site.css",
            "text/css",
            "HEAD in absolute form",
            "절대 형식으로 보낸 HEAD 요청",
        ),
    ] {
        let sent = request(method, target, &[]);
        let head_only = method == "HEAD";
        let response = exchange(cx, &mut server, &sent, head_only)?;
        let cause = (
            "A request target may be a whole URL, http://host/path?query (the absolute form, which clients send to proxies). RFC 9112 §3.2.2 says a server MUST accept it: take the path and query after the host, and serve them as if the target were /path?query. The scheme is compared without regard to case.",
            "요청 대상은 http://host/path?query 같은 URL 전체일 수도 있습니다(클라이언트가 프록시에 보내는 절대 형식). RFC 9112 §3.2.2에 따르면 서버는 이 형식을 반드시 받아들여야 합니다. 호스트 뒤의 경로와 쿼리를 꺼내서, 요청 대상이 /path?query였던 것처럼 처리하세요. 스킴은 대소문자를 가리지 않고 비교합니다.",
        );
        let note = |f: Failure| {
            f.note(cx.t(
                format!("the request target was in absolute form: {en}"),
                format!("절대 형식(absolute form)으로 쓴 요청 대상: {ko}"),
            ))
            .cause(cx.t(cause.0, cause.1))
        };
        if head_only {
            expect_status(cx, &sent, &response, &[200], cause).map_err(note)?;
            expect_length(cx, &sent, &response, &site.file(file)).map_err(note)?;
        } else {
            expect_file(cx, &sent, &response, &site.file(file), media).map_err(note)?;
        }
    }
    Ok(())
}

/// A complete `GET /` whose head (request line to the empty line, CRLFs included) is
/// exactly `len` bytes long.
fn head_of_length(len: usize) -> Vec<u8> {
    let start = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Fill: ".to_vec();
    let end = b"\r\n\r\n";
    let fill = len - start.len() - end.len();
    let mut sent = start;
    sent.extend(std::iter::repeat_n(b'a', fill));
    sent.extend_from_slice(end);
    sent
}

fn head_limit_is_exact(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let at_limit = head_of_length(MAX_HEAD);
    let response = exchange(cx, &mut server, &at_limit, false)?;
    expect_file(cx, &at_limit, &response, INDEX_HTML.as_bytes(), "text/html").map_err(|f| {
        f.note(cx.t(
            format!("the head was exactly {MAX_HEAD} bytes, request line to empty line: the largest the contract says to serve"),
            format!("헤드는 요청 줄부터 빈 줄까지 정확히 {MAX_HEAD}바이트였습니다. 계약상 처리해야 하는 가장 큰 크기입니다"),
        ))
        .cause(cx.t(
            format!("A head of up to {MAX_HEAD} bytes, every CRLF included, is served; only a longer one is refused. Check the comparison at the limit: more than {MAX_HEAD} is `>`, not `>=`."),
            format!("CRLF까지 모두 세어 {MAX_HEAD}바이트 이하인 헤드는 처리하고, 그보다 긴 것만 거절합니다. 경계의 비교를 확인하세요. {MAX_HEAD} 초과는 `>=`가 아니라 `>`입니다."),
        ))
    })?;
    // The limit is on one head, not on what the buffer holds: a request after it in the
    // same write is the next request, and is answered too.
    let mut conn = connect(cx, &mut server)?;
    let next = request("GET", "/css/site.css", &[]);
    let mut both = at_limit.clone();
    both.extend_from_slice(&next);
    conn.send(&both)?;
    let pipelined = |f: Failure| {
        f.situation(cx.t(
            format!("a head of exactly {MAX_HEAD} bytes and GET /css/site.css right after it, in one write"),
            format!("정확히 {MAX_HEAD}바이트인 헤드와 바로 뒤의 GET /css/site.css를 한 번에 썼습니다"),
        ))
        .cause(cx.t(
            format!("The limit is on one head: look for the end of the head in the buffer before you compare the buffer's length with {MAX_HEAD}. The bytes after the head are the next request, not part of this one."),
            format!("제한은 헤드 하나에 걸립니다. 버퍼의 길이를 {MAX_HEAD}와 비교하기 전에 버퍼에서 헤드의 끝을 먼저 찾으세요. 헤드 뒤의 바이트는 이 요청이 아니라 다음 요청입니다."),
        ))
    };
    for (sent, file, media) in [
        (&at_limit, "index.html", "text/html"),
        (&next, "css/site.css", "text/css"),
    ] {
        let response = conn.read_response(false, ANSWER);
        let response = server.explain(response).map_err(pipelined)?;
        expect_file(cx, sent, &response, &site.file(file), media).map_err(pipelined)?;
    }
    for sent in [head_of_length(MAX_HEAD + 1), head_of_length(10 * 1024)] {
        let response = exchange(cx, &mut server, &sent, false)?;
        expect_status(cx, &sent, &response, &[431, 400], (
            "Stop reading a head past 8 KiB: if the empty line has not come within 8,192 bytes, answer 431 Request Header Fields Too Large (or 400) and close. Without a limit, one client can make the server buffer without end.",
            "헤드는 8 KiB까지만 읽으세요. 8,192바이트 안에 빈 줄이 오지 않으면 431 Request Header Fields Too Large(또는 400)로 답하고 연결을 닫으세요. 제한이 없으면 클라이언트 하나가 서버 메모리를 끝없이 쓰게 만들 수 있습니다.",
        ))
        .map_err(|f| f.note(cx.t(
            format!("the head was {} bytes, request line to empty line", sent.len()),
            format!("헤드는 요청 줄부터 빈 줄까지 {}바이트였습니다", sent.len()),
        )))?;
    }
    expect_still_serving(cx, &mut server)
}

/// The targets that try to reach `secret.txt`, the sentinel just outside the root, in every
/// encoding a path can arrive in, with what each one is (English, Korean).
fn traversal_forms(site: &Site) -> Vec<(String, &'static str, &'static str)> {
    let absolute = site.sentinel_path.display().to_string();
    let mut forms: Vec<(String, &str, &str)> = [
        ("/../secret.txt", "`..`", "`..`"),
        (
            "/docs/../../secret.txt",
            "`..` after a directory",
            "디렉터리 뒤의 `..`",
        ),
        ("/./../secret.txt", "`.` then `..`", "`.` 다음 `..`"),
        (
            "/%2e%2e/secret.txt",
            "`..` percent-encoded",
            "퍼센트 인코딩한 `..`",
        ),
        (
            "/%2E%2E/secret.txt",
            "`..` percent-encoded in capitals",
            "대문자로 퍼센트 인코딩한 `..`",
        ),
        (
            "/%2e%2E/secret.txt",
            "`..` encoded in mixed case",
            "대소문자를 섞어 인코딩한 `..`",
        ),
        (
            "/.%2e/secret.txt",
            "`..` half encoded (CVE-2021-41773)",
            "반만 인코딩한 `..`(CVE-2021-41773)",
        ),
        (
            "/%2e./secret.txt",
            "`..` half encoded, the other half",
            "나머지 반을 인코딩한 `..`",
        ),
        ("/..%2fsecret.txt", "an encoded slash", "인코딩한 슬래시"),
        (
            "/..%2Fsecret.txt",
            "an encoded slash in capitals",
            "대문자로 인코딩한 슬래시",
        ),
        (
            "/%2e%2e%2fsecret.txt",
            "`..` and the slash encoded",
            "`..`와 슬래시를 모두 인코딩",
        ),
        (
            "/docs/..%2f..%2fsecret.txt",
            "encoded slashes after a directory",
            "디렉터리 뒤의 인코딩한 슬래시",
        ),
        (
            "/docs/%2e%2e/%2e%2e/secret.txt",
            "encoded `..` twice after a directory",
            "디렉터리 뒤에 인코딩한 `..` 두 번",
        ),
        (
            "/%252e%252e/secret.txt",
            "`..` encoded twice (CVE-2021-42013)",
            "두 번 인코딩한 `..`(CVE-2021-42013)",
        ),
        (
            "/%252E%252E/secret.txt",
            "`..` encoded twice, in capitals",
            "대문자로 두 번 인코딩한 `..`",
        ),
        (
            "/.%252e/secret.txt",
            "`..` half encoded twice",
            "반을 두 번 인코딩한 `..`",
        ),
        (
            "/%252e%252e%252fsecret.txt",
            "`..` and the slash encoded twice",
            "`..`와 슬래시를 모두 두 번 인코딩",
        ),
        (
            "/..%252fsecret.txt",
            "a slash encoded twice",
            "두 번 인코딩한 슬래시",
        ),
        (
            "/docs/%252e%252e/%252e%252e/secret.txt",
            "`..` encoded twice, twice after a directory",
            "디렉터리 뒤에 두 번 인코딩한 `..` 두 번",
        ),
        (
            "/.%%32%65/secret.txt",
            "`%%32%65`, a `.` once a lenient decoder has run twice",
            "느슨한 디코더를 두 번 거치면 `.`이 되는 `%%32%65`",
        ),
        (
            "/%%32%65%%32%65/secret.txt",
            "`..` as `%%32%65` twice",
            "`%%32%65` 두 번으로 만든 `..`",
        ),
        ("/..\\secret.txt", "a backslash", "백슬래시"),
        (
            "/..%5csecret.txt",
            "an encoded backslash",
            "인코딩한 백슬래시",
        ),
        (
            "/..%5Csecret.txt",
            "an encoded backslash in capitals",
            "대문자로 인코딩한 백슬래시",
        ),
        (
            "/docs/..%5c..%5csecret.txt",
            "encoded backslashes after a directory",
            "디렉터리 뒤의 인코딩한 백슬래시",
        ),
        (
            "/%2e%2e%5csecret.txt",
            "`..` and a backslash encoded",
            "`..`와 백슬래시를 모두 인코딩",
        ),
        (
            "/..%255csecret.txt",
            "a backslash encoded twice",
            "두 번 인코딩한 백슬래시",
        ),
        (
            "/%c0%ae%c0%ae/secret.txt",
            "`..` as overlong UTF-8 (%c0%ae)",
            "너무 긴(overlong) UTF-8로 쓴 `..`(%c0%ae)",
        ),
        (
            "/%c0%ae%c0%ae%c0%afsecret.txt",
            "`..` and `/` as overlong UTF-8",
            "너무 긴 UTF-8로 쓴 `..`와 `/`",
        ),
        (
            "/..%c0%afsecret.txt",
            "`/` as overlong UTF-8 (%c0%af)",
            "너무 긴 UTF-8로 쓴 `/`(%c0%af)",
        ),
        (
            "/..%c1%9csecret.txt",
            "`\\` as overlong UTF-8 (%c1%9c)",
            "너무 긴 UTF-8로 쓴 `\\`(%c1%9c)",
        ),
        (
            "/%e0%80%ae%e0%80%ae/secret.txt",
            "`..` as three-byte overlong UTF-8",
            "3바이트짜리 너무 긴 UTF-8로 쓴 `..`",
        ),
        (
            "/%u002e%u002e/secret.txt",
            "`..` in IIS's %u encoding",
            "IIS의 %u 인코딩으로 쓴 `..`",
        ),
        (
            "/%2e%2e/secret.txt%00.html",
            "`..` and a NUL byte",
            "`..`와 NUL 바이트",
        ),
        ("/index.html%00.txt", "a NUL byte", "NUL 바이트"),
        (
            "http://127.0.0.1/../secret.txt",
            "`..` in an absolute-form target",
            "절대 형식 요청 대상 안의 `..`",
        ),
        (
            "http://127.0.0.1/%2e%2e/secret.txt",
            "encoded `..` in an absolute-form target",
            "절대 형식 요청 대상 안의 인코딩한 `..`",
        ),
        (
            "http://127.0.0.1/..%2fsecret.txt",
            "an encoded slash in an absolute-form target",
            "절대 형식 요청 대상 안의 인코딩한 슬래시",
        ),
    ]
    .into_iter()
    .map(|(t, en, ko)| (t.to_string(), en, ko))
    .collect();
    forms.push((
        format!("/{absolute}"),
        "the sentinel's absolute path after the slash",
        "슬래시 뒤에 붙인 센티널의 절대 경로",
    ));
    forms.push((
        format!("/{}", absolute.replace('/', "%2F")),
        "the absolute path with encoded slashes",
        "슬래시를 인코딩한 절대 경로",
    ));
    forms.push((
        format!("/{}", absolute.replace('/', "%252F")),
        "the absolute path with slashes encoded twice",
        "슬래시를 두 번 인코딩한 절대 경로",
    ));
    forms
}

/// Every form of traversal, each on its own connection. What is checked is what comes back:
/// never the sentinel file (or any file: nothing under the root has these names), and a
/// status that refuses (400, 403 or 404, whichever the server prefers).
fn traversal_never_escapes_root(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let lang = cx.lang();
    for (target, what_en, what_ko) in traversal_forms(&site) {
        let form = cx.t(
            format!("traversal form: {what_en}"),
            format!("경로 조작 형태: {what_ko}"),
        );
        let sent = request("GET", &target, &[]);
        let response = exchange(cx, &mut server, &sent, false).map_err(|f| f.note(form.clone()))?;
        let leaked = response
            .body
            .windows(site.sentinel.len())
            .any(|w| w == site.sentinel.as_slice());
        if leaked {
            return Err(Failure::new(cx.t(
                format!("PATH TRAVERSAL: {target} returned the file outside the root ({})", site.sentinel_path.display()),
                format!("경로 조작(path traversal): {target} 요청에 루트 바깥의 파일({})을 돌려주었습니다", site.sentinel_path.display()),
            ))
            .sent(show(lang, &sent))
            .expected(cx.t("400, 403 or 404, and never that file", "400, 403 또는 404, 그 파일은 절대 안 됨"))
            .got(format!("{} + {}", response.show_head(lang), show(lang, &response.body)))
            .note(form)
            .cause(cx.t(
                "Percent-decode exactly once, first, then check every segment of the decoded path: refuse `..`, backslashes and NUL with 403, and build the path from the remaining segments yourself. Never join the raw path to the root, never check before decoding, and never decode a second time after the check.",
                "퍼센트 디코딩은 맨 먼저, 딱 한 번만 하고, 그다음 디코딩한 경로의 조각마다 검사하세요. `..`, 백슬래시, NUL이 있으면 403으로 거절하고, 나머지 조각으로 경로를 직접 만드세요. 디코딩하지 않은 경로를 그대로 루트에 붙이거나, 디코딩하기 전에 검사하거나, 검사한 뒤에 한 번 더 디코딩하면 안 됩니다.",
            )));
        }
        if response.status == 200 {
            return Err(Failure::new(cx.t(
                format!("{target} was answered with a file, although no file under the root has that name"),
                format!("루트 아래에 그런 이름의 파일이 없는데도 {target} 요청에 파일로 답했습니다"),
            ))
            .sent(show(lang, &sent))
            .expected(cx.t("400, 403 or 404", "400, 403 또는 404"))
            .got(format!("{} + {}", response.show_head(lang), show_up_to(lang, &response.body, 200)))
            .note(form)
            .cause(cx.t(
                "This target names no file under the root once decoded; a 200 means the server read it as some other path, perhaps one outside the root. Decode once, check every segment, and build the path from the segments yourself.",
                "이 요청 대상은 디코딩하면 루트 아래의 어떤 파일도 가리키지 않습니다. 200이 왔다면 서버가 다른 경로로, 어쩌면 루트 바깥의 경로로 읽었다는 뜻입니다. 한 번만 디코딩하고, 조각마다 검사하고, 경로는 조각으로 직접 만드세요.",
            )));
        }
        expect_status(cx, &sent, &response, &[400, 403, 404], (
            "A path that would leave the root gets 403 Forbidden (or 400 or 404), never a file and never a crash.",
            "루트를 벗어나려는 경로에는 403 Forbidden(또는 400, 404)으로 답합니다. 파일을 보내서도, 서버가 죽어서도 안 됩니다.",
        ))
        .map_err(|f| f.note(form))?;
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
    let in_pieces = |f: Failure| {
        f.situation(cx.t(
            "the request came in 5 pieces, 150 ms apart",
            "요청이 150ms 간격으로 5조각에 나뉘어 왔습니다",
        ))
    };
    let response = conn.read_response(false, ANSWER);
    let response = server.explain(response).map_err(in_pieces)?;
    let sent = pieces.concat();
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
    let files = [
        ("/", "index.html", "text/html"),
        ("/empty.txt", "empty.txt", "text/plain"),
        ("/docs/guide.txt", "docs/guide.txt", "text/plain"),
        ("/css/site.css", "css/site.css", "text/css"),
    ];
    for (n, (target, file, media)) in files.into_iter().enumerate() {
        let sent = request("GET", target, &[]);
        conn.send(&sent)?;
        let response = conn.read_response(false, ANSWER);
        let which = |f: Failure| {
            f.situation(cx.t(
                format!(
                    "request {} of {} on one HTTP/1.1 connection",
                    n + 1,
                    files.len()
                ),
                format!(
                    "HTTP/1.1 연결 하나에서 차례로 보낸 요청 {}개 가운데 {}번째 요청입니다",
                    files.len(),
                    n + 1
                ),
            ))
        };
        let response = server.explain(response).map_err(|f| {
            which(f).cause(cx.t(
                "HTTP/1.1 connections persist: after a response, go back to reading the next request on the same connection, unless the client sent Connection: close.",
                "HTTP/1.1 연결은 지속됩니다. 응답을 보낸 뒤에는 같은 연결에서 다음 요청을 다시 읽으세요. 클라이언트가 Connection: close를 보냈을 때만 닫습니다.",
            ))
        })?;
        expect_file(cx, &sent, &response, &site.file(file), media).map_err(which)?;
    }
    Ok(())
}

/// Requests written at once, read back in order. The second connection then closes its
/// sending side (a half-close, what `printf ... | nc -N` does): its requests are still
/// answered, since the client can still read.
fn answers_pipelined_requests_in_order(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let lang = cx.lang();
    let guide = (
        "GET",
        "/docs/guide.txt",
        Some(("docs/guide.txt", "text/plain")),
    );
    let css = ("GET", "/css/site.css", Some(("css/site.css", "text/css")));
    let head = ("HEAD", "/index.html", None);
    let missing = ("GET", "/nope.txt", None);
    for (requests, half_close) in [
        (vec![guide, head, missing, css], false),
        (vec![css, guide], true),
    ] {
        let mut conn = connect(cx, &mut server)?;
        let sent: Vec<u8> = requests
            .iter()
            .flat_map(|(method, target, _)| request(method, target, &[]))
            .collect();
        conn.send(&sent)?;
        if half_close {
            conn.shutdown_write();
        }
        for (n, (method, target, file)) in requests.iter().enumerate() {
            let note = |f: Failure| {
                let situation = if half_close {
                    cx.t(
                        format!("{} requests in one write, then the client closed its sending side (it still reads); this was response {} of {}, to {method} {target}", requests.len(), n + 1, requests.len()),
                        format!("요청 {}개를 한 번에 쓴 뒤 클라이언트가 보내는 방향을 닫았습니다(읽기는 계속합니다). 응답 {}개 가운데 {}번째, {method} {target}에 대한 응답이었습니다", requests.len(), requests.len(), n + 1),
                    )
                } else {
                    cx.t(
                        format!("{} requests in one write; this was response {} of {}, to {method} {target}", requests.len(), n + 1, requests.len()),
                        format!("요청 {}개를 한 번에 썼습니다. 응답 {}개 가운데 {}번째, {method} {target}에 대한 응답이었습니다", requests.len(), requests.len(), n + 1),
                    )
                };
                f.situation(situation)
                    .sent(show(lang, &sent))
                    .cause(cx.t(
                        "One read() can bring several requests. Keep the bytes after the first head in your buffer and parse the next request from them, answering in order. A client that has closed its sending side (read returns 0) still reads: answer the requests you already have before closing.",
                        "read() 한 번에 요청 여러 개가 올 수 있습니다. 첫 헤드 뒤의 바이트를 버퍼에 남겨 두었다가 거기서 다음 요청을 파싱하고, 온 순서대로 답하세요. 보내는 방향을 닫은(read가 0을 반환한) 클라이언트도 읽기는 계속합니다. 이미 받은 요청에는 닫기 전에 답하세요.",
                    ))
            };
            let response = conn.read_response(*method == "HEAD", ANSWER);
            let response = server.explain(response).map_err(note)?;
            let one = request(method, target, &[]);
            match file {
                Some((file, media)) => {
                    expect_file(cx, &one, &response, &site.file(file), media).map_err(note)?
                }
                None if *method == "HEAD" => expect_status(
                    cx,
                    &one,
                    &response,
                    &[200],
                    (
                        "The responses must come in the order of the requests, one for each.",
                        "응답은 요청이 온 순서대로, 요청마다 하나씩 와야 합니다.",
                    ),
                )
                .map_err(note)?,
                None => expect_status(
                    cx,
                    &one,
                    &response,
                    &[404],
                    (
                        "The responses must come in the order of the requests, one for each.",
                        "응답은 요청이 온 순서대로, 요청마다 하나씩 와야 합니다.",
                    ),
                )
                .map_err(note)?,
            }
        }
    }
    Ok(())
}

/// Every way a client can write `Connection: close` (RFC 9110 §7.6.1: a comma-separated
/// list of case-insensitive options, with optional whitespace, over one line or several).
const CLOSE_FORMS: &[&str] = &[
    "Connection: close",
    "Connection: Close",
    "connection: CLOSE",
    "Connection:close",
    "Connection: \tclose\t ",
    "Connection: keep-alive, close",
    "Connection: keep-alive,close",
    "Connection: close, keep-alive",
    "Connection: keep-alive , , close",
    "Connection: keep-alive\r\nConnection: close",
];

fn connection_close_closes(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    // One connection per form, all asked at once, so a server that keeps them open costs
    // the grader one wait, not ten.
    let mut conns = Vec::new();
    for form in CLOSE_FORMS {
        let sent = request("GET", "/", &[form]);
        let mut conn = connect(cx, &mut server)?;
        conn.send(&sent)?;
        conns.push((conn, sent));
    }
    for (conn, sent) in &mut conns {
        let response = conn.read_response(false, ANSWER);
        let response = server.explain(response)?;
        expect_file(cx, sent, &response, INDEX_HTML.as_bytes(), "text/html")?;
    }
    // The decision is made for every request, not once per connection: a kept-alive
    // connection whose second request asks to close closes after that one.
    let mut later = connect(cx, &mut server)?;
    let first = request("GET", "/css/site.css", &[]);
    later.send(&first)?;
    let response = later.read_response(false, ANSWER);
    let response = server.explain(response)?;
    expect_file(
        cx,
        &first,
        &response,
        &site.file("css/site.css"),
        "text/css",
    )?;
    let second = request("GET", "/", &["Connection: close"]);
    later.send(&second)?;
    let response = later.read_response(false, ANSWER);
    let response = server.explain(response)?;
    expect_file(cx, &second, &response, INDEX_HTML.as_bytes(), "text/html")?;
    let closed = later.expect_close(CLOSE);
    server.explain(closed).map_err(|f| {
        f.situation(cx.t(
            "the connection's first request kept it open; its second asked to close",
            "연결은 첫 요청 뒤에 유지되었고, 두 번째 요청에 Connection: close가 있었습니다",
        ))
        .sent(show(cx.lang(), &second))
        .cause(cx.t(
            "Decide after every request whether the connection stays open, from that request's own Connection header: a client may ask to close on any request, not only the first.",
            "연결을 유지할지는 요청마다 그 요청의 Connection 헤더를 보고 정하세요. 클라이언트는 첫 요청만이 아니라 어느 요청에서든 닫기를 요청할 수 있습니다.",
        ))
    })?;
    for ((conn, sent), form) in conns.iter_mut().zip(CLOSE_FORMS) {
        let closed = conn.expect_close(CLOSE);
        server.explain(closed).map_err(|f| {
            f.sent(show_up_to(cx.lang(), sent, 200))
                .note(cx.t(
                    format!("the request asked to close with {form:?}"),
                    format!("이 요청은 “{}” 형태로 닫기를 요청했습니다", form.escape_debug()),
                ))
                .cause(cx.t(
                "The client asked to close: after this response, close the connection. Connection is a comma-separated list of options, compared without regard to case, with optional spaces or tabs around each, over one Connection line or several (RFC 9110 §7.6.1): `close` anywhere in it means close.",
                "클라이언트가 닫기를 요청했습니다. 이 응답을 보낸 뒤에는 연결을 닫으세요. Connection 값은 쉼표로 구분한 옵션 목록이고, 옵션은 대소문자를 가리지 않고 비교합니다. 옵션 앞뒤에는 공백이나 탭이 올 수 있고, Connection 줄이 여러 개일 수도 있습니다(RFC 9110 §7.6.1). 그 가운데 어디에든 `close`가 있으면 닫아야 합니다.",
            ))
        })?;
    }
    expect_still_serving(cx, &mut server)
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
    let closed = conn.expect_close(CLOSE);
    server.explain(closed).map_err(|f| {
        f.cause(cx.t(
            "HTTP/1.0 closes the connection after each response: a 1.0 client waits for EOF.",
            "HTTP/1.0은 응답마다 연결을 닫습니다. 1.0 클라이언트는 EOF를 기다립니다.",
        ))
    })?;
    expect_still_serving(cx, &mut server)
}

/// The request hidden in the bodies of `request_body_is_never_a_request`: a server that
/// answers it has read a body as a request.
fn smuggled() -> Vec<u8> {
    request("GET", "/docs/guide.txt", &[])
}

/// Requests with a body, each on its own connection. The body is itself a request. A server
/// may read and discard the body and go on, or answer and close the connection; it must
/// never answer the body. After the first response the client sends a real request: its
/// answer (or the end of the connection) is what must come next.
fn request_body_is_never_a_request(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let lang = cx.lang();
    let body = smuggled();
    let length = format!("{}", body.len());
    let with_body = |method: &str, target: &str, name: &str| {
        let mut sent = request(method, target, &[&format!("{name}: {length}")]);
        sent.extend_from_slice(&body);
        sent
    };
    let follow_up = request("GET", "/css/site.css", &[]);
    let css = site.file("css/site.css");
    // Content-Length 0: no body, so the pipelined request after it is a real one.
    let mut empty_body = request("POST", "/", &["Content-Length: 0"]);
    empty_body.extend_from_slice(&follow_up);
    let cases: [(Vec<u8>, bool, &str, &str); 4] = [
        (
            with_body("POST", "/", "Content-Length"),
            false,
            "a POST whose body is a GET request",
            "본문이 GET 요청인 POST",
        ),
        (
            with_body("GET", "/", "content-length"),
            false,
            "a GET with a body, its Content-Length spelled in lower case",
            "Content-Length를 소문자로 쓴, 본문이 있는 GET",
        ),
        (
            with_body("POST", "/index.html", "CONTENT-LENGTH"),
            false,
            "a POST, its Content-Length spelled in capitals",
            "Content-Length를 대문자로 쓴 POST",
        ),
        (
            empty_body,
            true,
            "a POST with Content-Length: 0, and a GET right after it in the same write",
            "Content-Length: 0인 POST와, 같은 write로 바로 이어 보낸 GET",
        ),
    ];
    for (sent, pipelined, what_en, what_ko) in cases {
        let situation = |f: Failure| {
            f.situation(cx.t(
                format!("{what_en}; after its response, the client sends GET /css/site.css"),
                format!("요청은 {what_ko}입니다. 그 응답을 받은 뒤 클라이언트가 GET /css/site.css를 보냅니다"),
            ))
        };
        let mut conn = connect(cx, &mut server)?;
        conn.send(&sent)?;
        let first = conn.read_response(false, ANSWER);
        server.explain(first).map_err(situation)?;
        if !pipelined {
            // The server may have closed already, and then this write fails: that is
            // fine, what matters is what comes back.
            let _ = conn.send(&follow_up);
        }
        let next = conn.read_response_or_close(false, ANSWER);
        let Some(next) = server.explain(next).map_err(situation)? else {
            continue; // answered, then closed: correct
        };
        if next.status == 200 && next.body == css {
            continue; // the body was read and discarded: correct
        }
        let answered_body = next.status == 200 && next.body == site.file("docs/guide.txt");
        let failure = if answered_body {
            Failure::new(cx.t(
                "REQUEST SMUGGLING: the body of the request was answered as a request of its own",
                "요청 스머글링(request smuggling): 요청의 본문을 별개의 요청으로 보고 답했습니다",
            ))
        } else {
            Failure::new(cx.t(
                "the response after the first one was not the answer to the client's next request",
                "첫 응답 다음에 온 응답이 클라이언트의 다음 요청에 대한 답이 아닙니다",
            ))
        };
        let mut failure = situation(failure)
            .sent(show(lang, &sent))
            .expected(cx.t(
                "the answer to GET /css/site.css, or the connection closed",
                "GET /css/site.css에 대한 응답, 또는 연결 종료",
            ))
            .got(format!(
                "{} + {}",
                next.show_head(lang),
                show(lang, &next.body)
            ));
        if answered_body {
            failure = failure.note(cx.t(
                format!("the body was {}", show(lang, &body)),
                format!("본문으로 보낸 바이트는 {}입니다", show(lang, &body)),
            ));
        }
        return Err(failure.cause(cx.t(
            "Content-Length (its name in any case) says how many bytes of body follow the head. Read them and throw them away before reading the next request, or answer and close the connection; never take a body for the next request. Content-Length: 0 means no body at all.",
            "Content-Length(이름의 대소문자는 상관없음)는 헤드 뒤에 본문이 몇 바이트 오는지 알려 줍니다. 다음 요청을 읽기 전에 그만큼 읽어서 버리거나, 답한 뒤 연결을 닫으세요. 본문을 다음 요청으로 읽으면 안 됩니다. Content-Length: 0은 본문이 없다는 뜻입니다.",
        )));
    }
    expect_still_serving(cx, &mut server)
}

/// Heads whose framing is ambiguous: two Content-Lengths that disagree, one that is not a
/// number. RFC 9112 §6.3 requires 400 and closing the connection. With both
/// Transfer-Encoding and Content-Length a server may answer as it likes, but must close
/// (RFC 9112 §6.1).
fn conflicting_framing_gets_400(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let lang = cx.lang();
    let body = smuggled();
    let length = body.len().to_string();
    let mut cases: Vec<(Vec<u8>, bool)> = Vec::new();
    for fields in [
        vec![
            "Content-Length: 0".to_string(),
            format!("Content-Length: {length}"),
        ],
        vec![
            format!("Content-Length: {length}"),
            "content-length: 0".to_string(),
        ],
        vec![format!("Content-Length: {length}, 0")],
        vec![format!("Content-Length: +{length}")],
        vec!["Content-Length: -1".to_string()],
        vec!["Content-Length: 1e2".to_string()],
    ] {
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        let mut sent = request("POST", "/", &fields);
        sent.extend_from_slice(&body);
        cases.push((sent, true));
    }
    let mut both = request(
        "POST",
        "/",
        &["Transfer-Encoding: chunked", "Content-Length: 5"],
    );
    both.extend_from_slice(b"0\r\n\r\n");
    both.extend_from_slice(&body);
    cases.push((both, false));
    for (sent, must_be_400) in cases {
        let mut conn = connect(cx, &mut server)?;
        conn.send(&sent)?;
        let response = conn.read_response(false, ANSWER);
        let response = server.explain(response)?;
        if must_be_400 {
            expect_status(
                cx,
                &sent,
                &response,
                &[400],
                (
                    "Content-Length is one number of decimal digits (1*DIGIT), and a request with two that disagree has no length anyone can agree on: RFC 9112 §6.3 requires 400 Bad Request, then closing the connection. Believing the first (or the last) is how request smuggling starts; note that Rust's str::parse::<u64>() accepts a leading '+'.",
                    "Content-Length 값은 십진 숫자로만 된 수 하나(1*DIGIT)입니다. 값이 서로 다른 Content-Length가 두 개 있으면 어느 쪽이 길이인지 정할 수 없으므로, RFC 9112 §6.3은 400 Bad Request로 답한 뒤 연결을 닫으라고 요구합니다. 첫 번째(또는 마지막) 값을 믿는 데서 요청 스머글링이 시작됩니다. Rust의 str::parse::<u64>()는 맨 앞의 '+'도 받아들이니 주의하세요.",
                ),
            )?;
        }
        let closed = conn.expect_close(CLOSE);
        server.explain(closed).map_err(|f| {
            f.sent(show(lang, &sent)).cause(cx.t(
                "After a request whose framing is in doubt (conflicting or invalid Content-Length, or Transfer-Encoding together with Content-Length) the server must close the connection (RFC 9112 §6.1, §6.3): nobody knows where the next request would start.",
                "본문 길이를 확실히 알 수 없는 요청(서로 다르거나 잘못된 Content-Length, 또는 Content-Length와 함께 온 Transfer-Encoding) 뒤에는 연결을 닫아야 합니다(RFC 9112 §6.1, §6.3). 다음 요청이 어디서 시작하는지 아무도 모르기 때문입니다.",
            ))
        })?;
    }
    expect_still_serving(cx, &mut server)
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
            f.situation(cx.t(
                format!("client {} of 100, all connected at once, each with one keep-alive request", n + 1),
                format!("동시에 연결한 클라이언트 100개 가운데 {}번째, 각자 keep-alive 요청 하나", n + 1),
            ))
            .cause(cx.t(
                "Serve each connection on its own thread (or task) and go straight back to accept(): a connection stays open after its response, so serving them one by one, or with a fixed pool of threads, leaves the rest waiting.",
                "연결마다 스레드(또는 태스크)를 따로 두고 곧바로 accept()로 돌아가세요. 연결은 응답 뒤에도 열려 있으므로, 하나씩 차례로 처리하거나 개수가 정해진 스레드 풀로 처리하면 나머지는 계속 기다립니다.",
            ))
        })?;
        expect_file(cx, &sent, &response, &expected, "text/plain")?;
    }
    Ok(())
}

/// Twelve clients at once, each asking for a large file and a small one (in either order,
/// in one write), and all reading at the same time: every byte of every response must be
/// the file's own. Every connection stays open until all of them are done, and the server
/// runs with `--timeout 30`: a server that serves one connection at a time is still waiting
/// on the first when the others give up, whatever the machine's speed.
fn large_and_small_transfers_at_once(cx: &Ctx) -> Outcome {
    const CLIENTS: usize = 12;
    let site = Site::new()?;
    let mut server = start_with_timeout(cx, &site, 30)?;
    let large = (
        "/files/archive.bin",
        "files/archive.bin",
        "application/octet-stream",
    );
    let small = [
        ("/", "index.html", "text/html"),
        ("/img/logo.png", "img/logo.png", "image/png"),
        ("/docs/guide.txt", "docs/guide.txt", "text/plain"),
    ];
    let mut clients = Vec::new();
    for n in 0..CLIENTS {
        let small = small[n % small.len()];
        let pair = if n % 2 == 0 {
            [large, small]
        } else {
            [small, large]
        };
        let mut conn = connect(cx, &mut server)?;
        let sent: Vec<u8> = pair
            .iter()
            .flat_map(|(target, _, _)| request("GET", target, &[]))
            .collect();
        conn.send(&sent)?;
        clients.push((conn, pair));
    }
    let site = &site;
    let deadline = Instant::now() + secs(8);
    let results: Vec<Outcome> = thread::scope(|scope| {
        let readers: Vec<_> = clients
            .iter_mut()
            .enumerate()
            .map(|(n, (conn, pair))| {
                scope.spawn(move || -> Outcome {
                    for (target, file, media) in *pair {
                        let sent = request("GET", target, &[]);
                        let left = deadline.saturating_duration_since(Instant::now());
                        let response = conn.read_response(false, left)?;
                        expect_file(cx, &sent, &response, &site.file(file), media).map_err(
                            |f| {
                                f.note(cx.t(
                                    format!("client {} of {CLIENTS}", n + 1),
                                    format!("클라이언트 {CLIENTS}개 가운데 {}번째", n + 1),
                                ))
                            },
                        )?;
                    }
                    Ok(())
                })
            })
            .collect();
        readers
            .into_iter()
            .map(|r| {
                r.join()
                    .unwrap_or_else(|_| Err(Failure::new("a reader thread of the grader panicked")))
            })
            .collect()
    });
    drop(clients);
    for result in results {
        server.explain(result).map_err(|f| {
            f.situation(cx.t(
                format!("{CLIENTS} clients connected at once, each asking for a large file and a small one in one write, all reading at the same time"),
                format!("클라이언트 {CLIENTS}개가 한꺼번에 연결해 각자 큰 파일과 작은 파일을 한 번에 요청하고, 모두 동시에 읽었습니다"),
            ))
            .cause(cx.t(
                "Every connection needs its own thread (or task) and its own buffers: a response is the bytes of its own file, whatever the other connections are doing.",
                "연결마다 스레드(또는 태스크)와 버퍼가 따로 있어야 합니다. 다른 연결이 무엇을 하든, 응답은 그 요청이 가리킨 파일의 바이트여야 합니다.",
            ))
        })?;
    }
    Ok(())
}

/// The open-file limit `serves_200_connections_under_64_open_files` runs the server with.
const FD_LIMIT: u64 = 64;

fn fd_leak(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "file descriptor leak".into(),
        title: cx.t(
            "connections are never closed: every one keeps a file descriptor",
            "연결을 닫지 않아 연결마다 파일 디스크립터가 남음",
        ),
        cause: cx.t(
            format!("With at most {FD_LIMIT} open files, the server stopped serving after a few dozen connections that had all ended. A socket is a file descriptor; it is closed when the last TcpStream (or clone of it) is dropped. A stream kept in a list, or a thread that never ends, keeps it open forever, and at the limit accept() fails with \"Too many open files\"."),
            format!("열 수 있는 파일을 {FD_LIMIT}개로 제한하자, 서버는 연결 수십 개가 끝난 뒤 더 이상 요청을 처리하지 못했습니다. 소켓은 파일 디스크립터이고, 마지막 TcpStream(또는 그 복제본)이 드롭될 때 닫힙니다. 목록에 넣어 둔 스트림이나 끝나지 않는 스레드가 있으면 파일 디스크립터가 영원히 열린 채로 남고, 한도에 이르면 accept()가 \"Too many open files\"로 실패합니다."),
        ),
        to_pass: cx.t(
            "TODO 2 and TODO 7: when a connection is done, drop its stream (and every clone of it): return from its thread.",
            "TODO 2와 TODO 7: 연결이 끝나면 스레드 함수에서 반환해 그 스트림과 모든 복제본을 드롭하기.",
        ),
        section: Some("concurrency"),
    }
}

/// How many files the process `pid` has open, from /proc; `None` where there is no /proc.
fn open_files(pid: u32) -> Option<usize> {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .ok()
        .map(|entries| entries.count())
}

/// Waits up to `limit` until the process `pid` has at most `most` files open; whether it
/// got there.
fn open_files_fall_to(pid: u32, most: usize, limit: Duration) -> bool {
    let until = Instant::now() + limit;
    loop {
        match open_files(pid) {
            Some(open) if open <= most => return true,
            None => return false,
            Some(_) if Instant::now() >= until => return false,
            Some(_) => thread::sleep(millis(10)),
        }
    }
}

/// Two hundred connections one after another, under `ulimit -n 64`: half of them ask to
/// close, half are closed by the client after the response. A server that keeps anything
/// of a finished connection open runs out of file descriptors long before the end.
///
/// A correct server closes a connection only once its thread (or task) has seen the client
/// close, and on a busy machine those threads can fall behind the client, so that for a
/// moment several finished connections still hold their files and one request fails with
/// "Too many open files". So a failed request is tried once more, after the server's open
/// files (counted in /proc) have fallen to half the limit. A server that leaks keeps them
/// open forever: it never gets there, and fails.
fn serves_200_connections_under_64_open_files(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let root = site.root_arg();
    let mut server = cx.start_server_with(
        &["--listen", "127.0.0.1:0", "--root", &root],
        Limits {
            open_files: Some(FD_LIMIT),
        },
    )?;
    let expected = site.file("docs/guide.txt");
    let pid = server.process.pid();
    for n in 1..=200 {
        let sent = if n % 2 == 0 {
            request("GET", "/docs/guide.txt", &["Connection: close"])
        } else {
            request("GET", "/docs/guide.txt", &[])
        };
        let mut attempt = || {
            let mut conn = connect(cx, &mut server)?;
            conn.send(&sent)?;
            let response = conn.read_response(false, ANSWER)?;
            expect_file(cx, &sent, &response, &expected, "text/plain")
        };
        let mut done = attempt();
        if done.is_err() && open_files_fall_to(pid, FD_LIMIT as usize / 2, secs(2)) {
            done = attempt();
        }
        server.explain(done).map_err(|f| {
            let stderr = server.stderr_text();
            let f = f.situation(cx.t(
                format!("the server runs with at most {FD_LIMIT} open files (ulimit -n {FD_LIMIT}); 200 clients connect one after another, each gets its response and closes (every other one sends Connection: close); this was client {n}"),
                format!("서버는 파일을 최대 {FD_LIMIT}개까지만 열 수 있습니다(ulimit -n {FD_LIMIT}). 클라이언트 200개가 차례로 연결해 각자 응답을 받고 연결을 닫습니다(하나 걸러 Connection: close를 보냄). 실패는 {n}번째 클라이언트에서 일어났습니다"),
            ));
            if n > 8 || stderr.contains("Too many open files") || stderr.contains("os error 24") {
                f.diagnosis(fd_leak(cx))
            } else {
                f
            }
        })?;
    }
    Ok(())
}

/// The `--timeout` of `idle_and_trickling_clients_are_closed`: the shortest the command line
/// allows, so that this check, the slowest of the grader, takes about a second.
const IDLE_TIMEOUT: u64 = 1;

/// One connection of `idle_and_trickling_clients_are_closed`, and what it does.
struct Watched {
    conn: HttpConn,
    /// It sends one byte of a header that never ends about every 200 ms.
    trickles: bool,
    /// When the server closed it, counted from the start of the wait.
    closed: Option<Duration>,
    what: (String, String),
}

/// Four clients that each hold a connection without finishing a request: one silent from
/// the start, one trickling a head from the start, and two that first get a response to a
/// request and then go silent or trickle the next head. The `--timeout` bounds every wait
/// for a head, the ones after a response too, so the server closes all four; then it must
/// still serve a new client (a crashed connection thread closes its connection too).
fn idle_and_trickling_clients_are_closed(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start_with_timeout(cx, &site, IDLE_TIMEOUT)?;
    let trickle_head = b"GET / HTTP/1.1\r\nX-Slow: ";
    let mut watched = Vec::new();
    for (after_a_response, trickles, en, ko) in [
        (
            false,
            false,
            "a client that connected and sent nothing",
            "연결한 뒤 아무것도 보내지 않은 클라이언트",
        ),
        (
            false,
            true,
            "a client that trickles a request head, one byte about every 200 ms, never ending it",
            "요청 헤드를 약 200ms마다 한 바이트씩 보내며 끝내지 않는 클라이언트",
        ),
        (
            true,
            false,
            "a client that got the response to one request and then sent nothing",
            "요청 하나에 대한 응답을 받은 뒤 아무것도 보내지 않은 클라이언트",
        ),
        (
            true,
            true,
            "a client that got the response to one request and then trickles the next head",
            "요청 하나에 대한 응답을 받은 뒤 다음 헤드를 찔끔찔끔 보내는 클라이언트",
        ),
    ] {
        let mut conn = connect(cx, &mut server)?;
        if after_a_response {
            let sent = request("GET", "/", &[]);
            conn.send(&sent)?;
            let response = conn.read_response(false, ANSWER);
            let response = server.explain(response)?;
            expect_file(cx, &sent, &response, INDEX_HTML.as_bytes(), "text/html")?;
        }
        if trickles {
            conn.send(trickle_head)?;
        }
        watched.push(Watched {
            conn,
            trickles,
            closed: None,
            what: (en.to_string(), ko.to_string()),
        });
    }
    let started = Instant::now();
    let limit = secs(IDLE_TIMEOUT) + millis(2500);
    while started.elapsed() < limit && watched.iter().any(|w| w.closed.is_none()) {
        for w in watched.iter_mut().filter(|w| w.closed.is_none()) {
            if w.trickles {
                // A write error means the server has closed; the read below sees it too.
                let _ = w.conn.stream().write(b"a");
            }
            // A 408 response before closing is fine; what matters is the close.
            let (_, ending) = w.conn.read_until_close(millis(50));
            if matches!(ending, Ending::Eof | Ending::Error(_)) {
                w.closed = Some(started.elapsed());
            }
        }
    }
    if let Some(open) = watched.iter().find(|w| w.closed.is_none()) {
        let what = cx.t(open.what.0.clone(), open.what.1.clone());
        let cause = if open.trickles {
            cx.t(
                format!("Give each request head a deadline, --timeout seconds ({IDLE_TIMEOUT} here) from when you start waiting for it, and before every read set the read timeout to the time left until that deadline. A fixed timeout per read is not enough: a client that sends a byte now and then resets it forever."),
                format!("요청 헤드마다 마감 시각을 두세요. 마감 시각은 헤드를 기다리기 시작한 때부터 --timeout초 뒤(여기서는 {IDLE_TIMEOUT}초 뒤)입니다. 그리고 read를 할 때마다 읽기 타임아웃을 마감까지 남은 시간으로 설정하세요. read마다 같은 타임아웃을 주는 것으로는 부족합니다. 가끔 한 바이트씩 보내는 클라이언트가 타임아웃을 끝없이 다시 시작하게 만들기 때문입니다."),
            )
        } else {
            cx.t(
                format!("--timeout ({IDLE_TIMEOUT} s here) bounds every wait for a request head: before the first request, and between two requests on a kept-alive connection. Start a new deadline each time you wait for a head, also after a response."),
                format!("--timeout(여기서는 {IDLE_TIMEOUT}초)은 요청 헤드를 기다리는 모든 시간에 적용됩니다. 첫 요청 전에도, 유지 중인 연결에서 두 요청 사이에도 마찬가지입니다. 헤드를 기다리기 시작할 때마다, 응답을 보낸 뒤에도, 마감 시각을 새로 정하세요."),
            )
        };
        return Err(server.died_or(
            Failure::new(cx.t(
                format!("{what} was never cut off"),
                format!("서버가 {what}의 연결을 끊지 않았습니다"),
            ))
            .situation(cx.t(
                format!("the server was started with --timeout {IDLE_TIMEOUT}; the connection is that of {what}"),
                format!("서버를 --timeout {IDLE_TIMEOUT}로 시작했고, 문제의 연결은 {what}의 연결입니다"),
            ))
            .expected(cx.t(
                format!("the server closes the connection about {IDLE_TIMEOUT} s after it starts waiting for a request head (a 408 response first is fine)"),
                format!("서버가 요청 헤드를 기다리기 시작하고 약 {IDLE_TIMEOUT}초 뒤에 연결을 닫음(그 전에 408 응답을 보내도 됨)"),
            ))
            .got(cx.t(
                format!("still open after {:.1} s", limit.as_secs_f64()),
                format!("{:.1}초가 지나도 열려 있음", limit.as_secs_f64()),
            ))
            .cause(cause),
        ));
    }
    expect_still_serving(cx, &mut server)
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
        f.situation(cx.t(
            format!("the server was started with --timeout {SHORT_TIMEOUT}; a first client sent b\"GET / HT\" and then one byte every 100 ms; a second client's request must be answered within 1 s, while the first one is still trickling"),
            format!("서버를 --timeout {SHORT_TIMEOUT}로 시작했습니다. 첫 번째 클라이언트가 b\"GET / HT\"를 보낸 뒤 100ms마다 한 바이트씩 보내는 동안, 두 번째 클라이언트의 요청은 1초 안에 응답을 받아야 합니다"),
        ))
        .cause(cx.t(
            "The server is busy with the slow client. Serve every connection on its own thread (or tokio task), so a slow one holds up nobody but itself.",
            "서버가 느린 클라이언트에 매여 있습니다. 연결마다 스레드(또는 tokio 태스크)를 따로 두어, 느린 클라이언트가 자기 자신 말고는 아무도 붙잡지 못하게 하세요.",
        ))
    })?;
    expect_file(cx, &sent, &response, INDEX_HTML.as_bytes(), "text/html")
}

/// How the slow reader of `a_slow_reader_is_cut_off` reads: at most this much at a time,
/// with a small receive buffer and a small MSS...
const SLOW_CHUNK: usize = 8 * 1024;
/// ...then this long a pause: about 100 KiB a second, on this machine.
const SLOW_PAUSE: Duration = millis(25);
/// How long it reads slowly: past the server's `--timeout 1`, with room to spare.
const SLOW_FOR: Duration = millis(1500);

/// How many requests `small_responses_are_not_delayed` sends, one after another.
const QUICK_REQUESTS: usize = 11;
/// A response slower than this, on loopback, waited for something: 40 ms is the shortest
/// time Linux delays an ACK.
const QUICK: Duration = millis(20);

/// Small responses on one kept-alive connection, one request at a time, each timed from
/// the request to the last byte of its response. On loopback a response takes well under a
/// millisecond. A server that writes a head and then a small body in two writes, with
/// Nagle's algorithm on (no TCP_NODELAY), sends the body only when the head is
/// acknowledged, and the client's kernel delays that ACK by 40 ms or more, hoping to send it
/// with data: every response after the first few arrives 40 ms late. The check looks at
/// the median of the responses after the first (the first is often quick: a new connection
/// starts by acknowledging at once), so one response slowed by a busy machine fails nothing.
fn small_responses_are_not_delayed(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let mut server = start(cx, &site)?;
    let mut conn = connect(cx, &mut server)?;
    let css = site.file("css/site.css");
    let sent = request("GET", "/css/site.css", &[]);
    let mut times = Vec::new();
    for _ in 0..QUICK_REQUESTS {
        let started = Instant::now();
        conn.send(&sent)?;
        let response = conn.read_response(false, ANSWER);
        let response = server.explain(response)?;
        times.push(started.elapsed());
        expect_file(cx, &sent, &response, &css, "text/css")?;
    }
    let mut later = times[1..].to_vec();
    later.sort();
    let median = later[later.len() / 2];
    if median < QUICK {
        return Ok(());
    }
    let shown = times
        .iter()
        .map(|t| format!("{:.1}", t.as_secs_f64() * 1000.0))
        .collect::<Vec<_>>()
        .join(", ");
    Err(Failure::new(cx.t(
        format!("small responses on a kept-alive connection took {:.0} ms each (the median), where loopback needs well under 1 ms", median.as_secs_f64() * 1000.0),
        format!("유지 중인 연결에서 작은 응답 하나에 {:.0}ms(중앙값)가 걸렸습니다. 루프백에서는 1ms도 걸리지 않습니다", median.as_secs_f64() * 1000.0),
    ))
    .situation(cx.t(
        format!("{QUICK_REQUESTS} requests for a {}-byte file, one after another on one HTTP/1.1 connection, each sent when the previous response had arrived", css.len()),
        format!("HTTP/1.1 연결 하나에서 {}바이트짜리 파일을 {QUICK_REQUESTS}번 차례로 요청했습니다. 다음 요청은 앞 응답이 다 도착한 뒤에 보냈습니다", css.len()),
    ))
    .sent(show(cx.lang(), &sent))
    .expected(cx.t(
        format!("each response within {} ms", QUICK.as_millis()),
        format!("응답마다 {}ms 이내", QUICK.as_millis()),
    ))
    .got(cx.t(
        format!("milliseconds per response: {shown}"),
        format!("응답마다 걸린 시간(ms): {shown}"),
    ))
    .cause(cx.t(
        "About 40 ms per response is the signature of Nagle's algorithm meeting delayed ACKs: the head went out in one write, and the small body, written separately, waited until the client acknowledged the head, which the client's kernel delays by 40 ms. Write the head and the body in one write (build one buffer, or use a BufWriter and flush once), or set TCP_NODELAY on the connection (stream.set_nodelay(true)).",
        "응답 하나에 약 40ms가 걸린다면 Nagle 알고리즘과 지연 ACK가 맞물린 것입니다. 헤드는 write 한 번으로 바로 나갔지만, 따로 쓴 작은 본문은 클라이언트가 헤드에 ACK를 보낼 때까지 기다렸고, 클라이언트의 커널은 그 ACK를 40ms 늦춥니다. 헤드와 본문을 write 한 번으로 쓰거나(버퍼 하나로 만들거나, BufWriter에 쓰고 flush는 한 번만), 연결에 TCP_NODELAY를 설정하세요(stream.set_nodelay(true)).",
    )))
}

/// The size of the file `a_slow_reader_is_cut_off` asks for. A server that gives up on the
/// client closes its socket with the unsent rest of the response still in its kernel's send
/// buffer, which the client then receives before EOF; Linux lets that buffer grow to the
/// third number of `net.ipv4.tcp_wmem` (4 MiB by default). So the file is more than twice
/// that, and at least 8 MiB: a client that gets all of it was never cut off.
fn slow_file_size() -> usize {
    let most = std::fs::read_to_string("/proc/sys/net/ipv4/tcp_wmem")
        .ok()
        .and_then(|line| line.split_whitespace().nth(2)?.parse::<usize>().ok())
        .unwrap_or(4 << 20);
    (2 * most + (1 << 20)).clamp(8 << 20, 64 << 20)
}

/// A client that reads a large response slowly but steadily: a few KiB, a pause, again.
/// After a while it reads fast whatever is still coming. A server with a deadline for the
/// whole response (`--timeout 1` here) gave up on it after a second and closed the
/// connection: what its kernel still held arrives, then EOF, long before the end of the
/// large file. A server with only a timeout on each write never gave up (every write found
/// a little room and succeeded), so the rest of the file arrives too: a thread (or a task)
/// was held for the slow client all along. The client's receive buffer and MSS are small,
/// so that the program's kernel cannot take most of the file off its hands at once.
fn a_slow_reader_is_cut_off(cx: &Ctx) -> Outcome {
    let site = Site::new()?;
    let size = slow_file_size();
    site.add("files/large.bin", &vec![b'x'; size])?;
    let mut server = start_with_timeout(cx, &site, IDLE_TIMEOUT)?;
    let sent = request("GET", "/files/large.bin", &[]);
    let conn = HttpConn::connect_slow_reader(cx.lang(), server.addr, 8 * 1024, 536);
    let mut conn = server.explain(conn)?;
    conn.send(&sent)?;
    let whole = size; // and a head: reading this many bytes means the file came
    let (slowly, ending, _) = conn.read_slowly(SLOW_CHUNK, SLOW_PAUSE, whole, SLOW_FOR);
    let (total, ending, took) = match ending {
        Ending::Silence(_) => {
            let (fast, ending, took) =
                conn.read_slowly(64 * 1024, Duration::ZERO, whole - slowly, secs(3));
            (slowly + fast, ending, SLOW_FOR + took)
        }
        ending => (slowly, ending, Duration::ZERO),
    };
    match ending {
        // Cut off before the whole file came: what the contract asks.
        Ending::Eof | Ending::Error(_) if total < whole => expect_still_serving(cx, &mut server),
        _ => Err(server.died_or(
            Failure::new(cx.t(
                format!("a client that read slowly got the whole large file, {:.1} s after asking for it: the server never gave up on it", took.as_secs_f64()),
                format!("천천히 읽는 클라이언트가 요청하고 {:.1}초 뒤에 큰 파일을 끝까지 받았습니다. 서버는 이 클라이언트와의 연결을 끝내 끊지 않았습니다", took.as_secs_f64()),
            ))
            .situation(cx.t(
                format!("the server was started with --timeout {IDLE_TIMEOUT}; the client asked for a large file, then read about 8 KiB every 25 ms for {:.1} s (with a small receive buffer), then read fast what still came", SLOW_FOR.as_secs_f64()),
                format!("서버를 --timeout {IDLE_TIMEOUT}로 시작했습니다. 클라이언트는 큰 파일을 요청한 뒤, 수신 버퍼를 작게 잡고 {:.1}초 동안 25ms마다 약 8 KiB씩 읽다가, 그 뒤로 오는 것은 빠르게 읽었습니다", SLOW_FOR.as_secs_f64()),
            ))
            .sent(show(cx.lang(), &sent))
            .expected(cx.t(
                format!("the connection closed (EOF or a reset) about {IDLE_TIMEOUT} s into the response, before the end of the file"),
                format!("응답을 시작하고 약 {IDLE_TIMEOUT}초 뒤 파일이 끝나기 전에 연결이 닫힘(EOF 또는 리셋)"),
            ))
            .got(cx.t(
                format!("{total} bytes; {}", ending.describe(cx.lang())),
                format!("{total}바이트, {}", ending.describe(cx.lang())),
            ))
            .cause(cx.t(
                format!("A write timeout bounds one write(2), and a write returns as soon as the kernel has taken some bytes: a client that reads a little now and then makes every write succeed, and keeps its thread for as long as the response lasts. Give each response a deadline, --timeout ({IDLE_TIMEOUT} s here) from its start; before every write set the write timeout to the time left, and when none is left, stop and close the connection."),
                format!("쓰기 타임아웃은 write(2) 한 번에만 걸리고, write는 커널이 바이트를 조금이라도 받아 가면 곧바로 돌아옵니다. 그래서 클라이언트가 가끔 조금씩만 읽어도 write는 매번 성공하고, 응답을 다 보낼 때까지 스레드가 이 클라이언트에 묶입니다. 응답마다 마감 시각을 두세요. 마감 시각은 응답을 시작한 때부터 --timeout(여기서는 {IDLE_TIMEOUT}초) 뒤입니다. write 전마다 쓰기 타임아웃을 남은 시간으로 설정하고, 남은 시간이 없으면 멈추고 연결을 닫으세요."),
            )),
        )),
    }
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
        request("GET", "/%c0%ae%c0%ae/secret.txt", &[]),
        request("GET", "/%252e%252e/secret.txt", &[]),
        b"GET / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!".to_vec(),
        b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n".to_vec(),
        b"BREW /pot HTTP/1.1\r\n\r\n".to_vec(),
        b"GET / HTTP/9.9\r\n\r\n".to_vec(),
        head_of_length(10 * 1024),
        pattern(64 * 1024, 11),
        format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(9000)).into_bytes(),
    ]);
    let mut first_panic: Option<String> = None;
    for raw in &answered {
        sent_all.push(show(lang, raw));
        let mut conn = connect(cx, &mut server)?;
        conn.send(raw)?;
        let _ = conn.read_response(false, secs(3));
        if first_panic.is_none() && find_panic(&server.stderr_text()).is_some() {
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
    // Resets and closes get no answer, so nothing says when the server is done with them.
    // This pause only gives a panic they cause the time to reach stderr; a correct server
    // needs none of it.
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
        f.situation(cx.t(
            format!(
                "{} bad inputs, each on its own connection: {shown}",
                sent_all.len()
            ),
            format!(
                "잘못된 입력 {}개를 각각 다른 연결로 보냈습니다: {shown}",
                sent_all.len()
            ),
        ))
    };
    server.expect_running().map_err(context)?;
    let sent = request("GET", "/", &[]);
    let response = exchange(cx, &mut server, &sent, false).map_err(context)?;
    expect_file(cx, &sent, &response, INDEX_HTML.as_bytes(), "text/html").map_err(context)?;
    if let Some(panic) = find_panic(&server.stderr_text()) {
        return Err(context(Failure::new(cx.t(
            "the server panicked on bad input (a thread died)",
            "서버가 잘못된 입력에 패닉했습니다(스레드 하나가 죽었습니다)",
        )))
        .expected(cx.t(
            "every bad input answered with a status (or the connection dropped), and no panic",
            "잘못된 입력마다 상태 코드로 답하거나(또는 연결만 정리하고) 패닉은 없음",
        ))
        .got(panic.summary())
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
            section: "lab-contract",
            run: announces_address,
            serial: false,
        },
        Check {
            id: "serves_over_ipv6",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "listens and serves on an IPv6 address ([::1])",
                "IPv6 주소([::1])에서도 수신 대기하고 처리한다",
            ),
            todo: Text::new(
                "TODO 1: bind the address you were given, IPv4 or IPv6 (TcpListener::bind takes the family from the address).",
                "TODO 1: IPv4든 IPv6든 받은 주소 그대로 바인드하기(TcpListener::bind가 주소를 보고 주소 체계를 정함).",
            ),
            section: "lab-contract",
            run: serves_over_ipv6,
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
                "serves nested, binary, large and empty files, and a directory's index.html",
                "하위 디렉터리의 파일, 바이너리 파일, 큰 파일, 빈 파일, 디렉터리의 index.html을 보낸다",
            ),
            todo: Text::new(
                "TODO 5 (target to path, directory to index.html) and TODO 6 (the body as bytes; Content-Length: 0 for an empty file).",
                "TODO 5(요청 대상을 경로로, 디렉터리는 index.html로)와 TODO 6(본문은 바이트로, 빈 파일은 Content-Length: 0).",
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
                "HEAD gets the status and headers of the GET and no body, for every status",
                "HEAD에는 GET과 같은 상태 코드와 헤더를 보내고, 상태 코드가 무엇이든 본문은 보내지 않는다",
            ),
            todo: Text::new(
                "TODO 6: with head_only, write the head and no body, whatever the status.",
                "TODO 6: head_only이면 상태 코드와 상관없이 헤드만 쓰고 본문은 쓰지 않기.",
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
            id: "other_methods_are_refused",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "POST, PUT and DELETE get 405 with an Allow listing GET and HEAD; an unknown method gets 501 (or 405)",
                "POST, PUT, DELETE에는 GET과 HEAD를 적은 Allow와 함께 405로, 모르는 메서드에는 501(또는 405)로 답한다",
            ),
            todo: Text::new(
                "TODO 7: a known method other than GET and HEAD is 405 with Allow: GET, HEAD; an unknown one is 501.",
                "TODO 7: GET, HEAD가 아닌 알려진 메서드는 Allow: GET, HEAD를 붙여 405로, 모르는 메서드는 501로 답하기.",
            ),
            section: "status-codes",
            run: other_methods_are_refused,
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
            id: "host_must_be_present_once_and_valid",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "a missing (HTTP/1.1), repeated or invalid Host gets 400; a valid one is served",
                "Host가 없거나(HTTP/1.1) 여러 개거나 올바르지 않으면 400으로 답하고, 올바르면 처리한다",
            ),
            todo: Text::new(
                "TODO 4: HTTP/1.1 needs exactly one Host (any request: at most one), and its value must be host[:port]; else Err(400).",
                "TODO 4: HTTP/1.1에는 Host가 정확히 하나 있어야 하고(모든 요청에서 많아야 하나), 그 값은 host[:port] 꼴이어야 함. 아니면 Err(400).",
            ),
            section: "request-line",
            run: host_must_be_present_once_and_valid,
            serial: false,
        },
        Check {
            id: "absolute_form_targets_are_served",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "a target in absolute form (GET http://host/path) is served like /path",
                "절대 형식의 요청 대상(GET http://host/path)을 /path처럼 처리한다",
            ),
            todo: Text::new(
                "TODO 4: a target is /path, or http://host/path (the absolute form): keep the path and query after the host.",
                "TODO 4: 요청 대상은 /path이거나 http://host/path(절대 형식). 절대 형식이면 호스트 뒤의 경로와 쿼리만 남기기.",
            ),
            section: "request-line",
            run: absolute_form_targets_are_served,
            serial: false,
        },
        Check {
            id: "http_versions_are_handled",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "HTTP/2.0 and HTTP/3.0 get 505; HTTP/1.2 is served as HTTP/1.1",
                "HTTP/2.0과 HTTP/3.0에는 505로 답하고, HTTP/1.2는 HTTP/1.1로 처리한다",
            ),
            todo: Text::new(
                "TODO 4: any HTTP/1.x from 1.1 up is HTTP/1.1; a well-formed HTTP/x.y with another major version is Err(505).",
                "TODO 4: 1.1 이상의 HTTP/1.x는 모두 HTTP/1.1로, 주 버전이 1이 아닌 HTTP/x.y는 Err(505).",
            ),
            section: "status-codes",
            run: http_versions_are_handled,
            serial: false,
        },
        Check {
            id: "head_limit_is_exact",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "a head of 8 KiB is served, one byte more gets 431, and others are still served",
                "8 KiB 헤드는 처리하고, 한 바이트라도 넘으면 431로 답하며, 그 뒤에도 요청을 계속 처리한다",
            ),
            todo: Text::new(
                "TODO 3: HeadError::TooLarge only for a head over MAX_HEAD bytes (empty line included); TODO 7 answers 431.",
                "TODO 3: 빈 줄까지 포함해 MAX_HEAD바이트를 넘는 헤드에만 HeadError::TooLarge 돌려주기. TODO 7: 431로 답하기.",
            ),
            section: "header-limits",
            run: head_limit_is_exact,
            serial: false,
        },
        Check {
            id: "traversal_never_escapes_root",
            points: 4,
            limit: secs(20),
            title: Text::new(
                "no form of `..` (encoded once or twice, any case, backslash, overlong UTF-8, NUL, absolute) returns a file outside the root",
                "어떤 형태의 `..`(한 번 또는 두 번 인코딩, 대소문자 변형, 백슬래시, 너무 긴 UTF-8, NUL, 절대 경로)로도 루트 바깥 파일을 내주지 않는다",
            ),
            todo: Text::new(
                "TODO 5: decode once, first; then refuse `..`, backslash and NUL in any segment (403); never decode again.",
                "TODO 5: 먼저 딱 한 번 디코딩하고, 그다음 어느 조각에든 `..`, 백슬래시, NUL이 있으면 거절하기(403). 다시 디코딩하지 않기.",
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
                "answers four requests in turn on one HTTP/1.1 connection, an empty file among them",
                "HTTP/1.1 연결 하나에서 빈 파일을 포함한 요청 네 개에 차례로 답한다",
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
                "answers pipelined requests (one write) in order, also when the client then closes its sending side",
                "한 번에 쓴(파이프라이닝한) 요청에 순서대로 답하고, 클라이언트가 그 뒤 보내는 방향을 닫아도 마찬가지다",
            ),
            todo: Text::new(
                "TODO 3: keep the bytes after a head in the buffer for the next request, and look there before reading again.",
                "TODO 3: 헤드 뒤의 바이트는 다음 요청을 위해 버퍼에 남겨 두고, 다시 읽기 전에 먼저 거기서 찾기.",
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
                "closes after the response when Connection lists close, in any case, list or spacing",
                "Connection에 close가 있으면 대소문자, 목록, 공백과 상관없이 응답 뒤에 연결을 닫는다",
            ),
            todo: Text::new(
                "TODO 7: Connection is a comma-separated list of case-insensitive options; `close` anywhere in it means no keep-alive.",
                "TODO 7: Connection 값을 쉼표로 나누고 옵션마다 대소문자를 가리지 않고 비교해, 어디에든 `close`가 있으면 연결을 유지하지 않기.",
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
                "TODO 7: HTTP/1.0 is not kept alive.",
                "TODO 7: HTTP/1.0은 연결을 유지하지 않기.",
            ),
            section: "keep-alive",
            run: http10_closes,
            serial: false,
        },
        Check {
            id: "request_body_is_never_a_request",
            points: 3,
            limit: secs(15),
            title: Text::new(
                "a request body is never answered as a request (no request smuggling)",
                "요청 본문을 별개의 요청으로 보고 답하지 않는다(요청 스머글링 방지)",
            ),
            todo: Text::new(
                "TODO 4 (a Content-Length in any case, or Transfer-Encoding, means a body) and TODO 7 (close after a request with a body, or read and discard the body).",
                "TODO 4(이름의 대소문자와 상관없이 Content-Length나 Transfer-Encoding이 있으면 본문이 있는 요청)와 TODO 7(본문이 있는 요청 뒤에는 연결을 닫거나, 본문을 읽어서 버리기).",
            ),
            section: "smuggling",
            run: request_body_is_never_a_request,
            serial: false,
        },
        Check {
            id: "conflicting_framing_gets_400",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "two Content-Lengths that disagree, or one that is not a number, get 400 and a close",
                "서로 다른 Content-Length 두 개나 숫자가 아닌 Content-Length에는 400으로 답하고 연결을 닫는다",
            ),
            todo: Text::new(
                "TODO 4: Content-Length is digits only, and every Content-Length of a request must agree, else Err(400); TODO 7 closes after it.",
                "TODO 4: 숫자로만 되어 있지 않거나 값이 서로 다른 Content-Length는 Err(400)로 처리하기. TODO 7: 그 뒤에 연결을 닫기.",
            ),
            section: "smuggling",
            run: conflicting_framing_gets_400,
            serial: false,
        },
        Check {
            id: "small_responses_are_not_delayed",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "small responses on a kept-alive connection arrive at once, not 40 ms late",
                "유지 중인 연결에서 작은 응답이 40ms 늦지 않고 곧바로 도착한다",
            ),
            todo: Text::new(
                "TODO 6 (head and body in one write) or TODO 7 (TCP_NODELAY on the connection).",
                "TODO 6(헤드와 본문을 write 한 번으로) 또는 TODO 7(연결에 TCP_NODELAY 설정).",
            ),
            section: "nagle",
            run: small_responses_are_not_delayed,
            serial: true,
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
                "TODO 2: a thread (or task) per connection, however many there are.",
                "TODO 2: 연결이 몇 개든 연결마다 스레드(또는 태스크) 하나.",
            ),
            section: "concurrency",
            run: serves_100_concurrent_clients,
            serial: false,
        },
        Check {
            id: "large_and_small_transfers_at_once",
            points: 2,
            limit: secs(20),
            title: Text::new(
                "twelve clients download large and small files at the same time, each its own bytes",
                "클라이언트 12개가 큰 파일과 작은 파일을 동시에 내려받아도, 저마다 자기가 요청한 파일의 바이트를 받는다",
            ),
            todo: Text::new(
                "TODO 2 (a thread per connection) and TODO 6 (each response from its own file).",
                "TODO 2(연결마다 스레드 하나)와 TODO 6(응답마다 그 요청이 가리킨 파일의 바이트).",
            ),
            section: "concurrency",
            run: large_and_small_transfers_at_once,
            serial: false,
        },
        Check {
            id: "serves_200_connections_under_64_open_files",
            points: 2,
            limit: secs(20),
            title: Text::new(
                "serves 200 connections one after another with at most 64 open files",
                "파일을 최대 64개만 열 수 있어도 연결 200개를 차례로 처리한다",
            ),
            todo: Text::new(
                "TODO 2 and TODO 7: when a connection is done, its stream is dropped and its thread ends.",
                "TODO 2와 TODO 7: 연결이 끝나면 그 스트림을 드롭하고 스레드도 끝내기.",
            ),
            section: "concurrency",
            run: serves_200_connections_under_64_open_files,
            serial: false,
        },
        Check {
            id: "idle_and_trickling_clients_are_closed",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "closes silent and trickling connections after --timeout, before a first request and after a response",
                "아무것도 보내지 않거나 찔끔찔끔 보내는 연결을, 첫 요청 전이든 응답 뒤든 --timeout 뒤에 닫는다",
            ),
            todo: Text::new(
                "TODO 3 (one deadline per head; before each read, the read timeout is the time left) and TODO 7 (a new deadline for every head, after a response too).",
                "TODO 3(헤드마다 마감 시각 하나, read마다 읽기 타임아웃은 남은 시간)과 TODO 7(응답 뒤를 포함해 헤드마다 새 마감 시각).",
            ),
            section: "slowloris",
            run: idle_and_trickling_clients_are_closed,
            serial: false,
        },
        Check {
            id: "a_slow_reader_is_cut_off",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "a client that reads the response slowly is cut off after --timeout",
                "응답을 천천히 읽는 클라이언트는 --timeout 뒤에 끊는다",
            ),
            todo: Text::new(
                "TODO 7: one deadline for the whole response; before every write, the write timeout is the time left.",
                "TODO 7: 응답 전체에 마감 시각 하나, write마다 쓰기 타임아웃은 남은 시간.",
            ),
            section: "slowloris",
            run: a_slow_reader_is_cut_off,
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
    stages: STAGES,
};

/// The checks in the order a learner meets them: one idea per stage, each taught by the
/// section it names. The grader shows the first stage that does not pass in full.
const STAGES: &[harness::Stage] = &[
    harness::Stage {
        title: Text::new("one file, exact bytes", "파일 하나를 바이트 그대로 보내기"),
        section: "content-length",
        checks: &["announces_address", "serves_index_exactly"],
    },
    harness::Stage {
        title: Text::new("from a URL to a file", "URL을 파일 경로로 바꾸기"),
        section: "url-to-path",
        checks: &[
            "serves_nested_and_binary_files",
            "content_type_follows_extension",
            "decodes_the_path_and_ignores_the_query",
            "a_real_http_client_fetches_the_same",
        ],
    },
    harness::Stage {
        title: Text::new("status codes and HEAD", "상태 코드와 HEAD"),
        section: "status-codes",
        checks: &[
            "missing_file_is_404",
            "other_methods_are_refused",
            "head_sends_headers_only",
            "http_versions_are_handled",
        ],
    },
    harness::Stage {
        title: Text::new("reading a request properly", "요청을 제대로 읽기"),
        section: "request-line",
        checks: &[
            "serves_a_request_sent_in_pieces",
            "bad_requests_get_400",
            "host_must_be_present_once_and_valid",
            "absolute_form_targets_are_served",
        ],
    },
    harness::Stage {
        title: Text::new("keep-alive and pipelining", "keep-alive와 파이프라이닝"),
        section: "keep-alive",
        checks: &[
            "keeps_the_connection_open",
            "answers_pipelined_requests_in_order",
            "connection_close_closes",
            "http10_closes",
        ],
    },
    harness::Stage {
        title: Text::new("where a request ends", "요청의 끝"),
        section: "smuggling",
        checks: &[
            "request_body_is_never_a_request",
            "conflicting_framing_gets_400",
        ],
    },
    harness::Stage {
        title: Text::new(
            "one write per small response",
            "작은 응답은 write 한 번으로",
        ),
        section: "nagle",
        checks: &["small_responses_are_not_delayed"],
    },
    harness::Stage {
        title: Text::new("limits and timeouts", "한도와 타임아웃"),
        section: "slowloris",
        checks: &[
            "head_limit_is_exact",
            "idle_and_trickling_clients_are_closed",
            "a_slow_reader_is_cut_off",
            "survives_bad_input",
        ],
    },
    harness::Stage {
        title: Text::new(
            "never outside the root",
            "웹 루트 밖으로 절대 벗어나지 않기",
        ),
        section: "path-traversal",
        checks: &["traversal_never_escapes_root"],
    },
    harness::Stage {
        title: Text::new("many clients at once", "여러 클라이언트를 동시에"),
        section: "concurrency",
        checks: &[
            "serves_100_concurrent_clients",
            "large_and_small_transfers_at_once",
            "serves_200_connections_under_64_open_files",
            "a_slow_client_does_not_delay_others",
        ],
    },
    harness::Stage {
        title: Text::new("IPv6", "IPv6"),
        section: "lab-contract",
        checks: &["serves_over_ipv6"],
    },
];
