//! The checks of lab01 (chapter 1): `lab01 get URL` and `lab01 talk ADDR`.
//!
//! lab01 is a client, so the roles of lab02's checks turn round. Each check starts a scripted
//! server of its own on 127.0.0.1:0 (a [`harness::tcp_peer::Peer`], plain std networking),
//! gives its address to the program, and then looks at both ends: what the program sent to
//! the server, and what it printed and how it exited. The scripts provoke what a real network
//! does now and then: a response in small pieces with pauses between them, a server that
//! keeps the connection open after the body, a server that speaks first.
//!
//! The table at the bottom gives each check its points, its time limit, the TODO it depends
//! on and the chapter section that explains it. This file is also compiled into the reference
//! solution's proof tests (`solutions/lab01/tests/proof.rs`), which show that every check
//! passes the reference and that each classic bug is caught by the check named for it.

use std::net::SocketAddr;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use harness::ctx::Finished;
use harness::process::{Spawned, explain_stderr};
use harness::tcp_peer::{Conn, Peer, RefusingPort};
use harness::text::describe_difference;
use harness::{Check, Ctx, Ending, Failure, Lab, Outcome, Text, millis, pattern, secs, show};

/// How long one `lab01 get` may run. Loopback answers in microseconds; the margin is for a
/// loaded machine running many checks at once.
const RUN_LIMIT: Duration = secs(10);
/// How long the grader waits for one thing the program should do (send a request, print a
/// line, close).
const WAIT: Duration = secs(3);
/// How long a run that should end in an error may take: checks that try several bad inputs
/// stay within their own time limit even if every run hangs.
const ERROR_RUN_LIMIT: Duration = secs(5);

// ---------------------------------------------------------------------------------------
// The grader's side of `get`: a server that reads one request and plays a scripted answer.
// ---------------------------------------------------------------------------------------

/// One step of a scripted answer.
enum Step {
    Send(Vec<u8>),
    Pause(Duration),
    /// The bytes in pieces of these sizes (cycled), with a pause after each.
    Pieces(Vec<u8>, &'static [usize], Duration),
    /// Keep the connection open (reading, never closing) until the check ends.
    Hold,
}

/// What the grader's server saw of the request.
struct Seen {
    /// Everything up to the empty line that ends the head (or all that came, if none did).
    head: Vec<u8>,
    /// How reading the head ended: `Complete` when the empty line came.
    ending: Ending,
    /// Bytes that came after the empty line, in the same reads.
    after: Vec<u8>,
}

/// Starts a server that reads one request head, reports it, and then plays `answer`; when
/// the answer is played it closes the connection (unless it ends with `Hold`).
fn server(cx: &Ctx, answer: Vec<Step>) -> Result<(Peer<()>, Receiver<Seen>), Failure> {
    let (tx, seen) = mpsc::channel();
    let peer = cx.start_tcp_peer(move |conn: &mut Conn| {
        // A bare `\n\n` ends the head too, so that a request with LF line endings is seen
        // (and reported) at once rather than after a timeout.
        let (head, ending) = conn.read_through_any(&[b"\r\n\r\n", b"\n\n"], WAIT);
        let after = conn.take_pending();
        let _ = tx.send(Seen {
            head,
            ending,
            after,
        });
        for step in answer {
            let played = match step {
                Step::Send(bytes) => conn.send(&bytes).is_ok(),
                Step::Pause(d) => conn.pause(d),
                Step::Pieces(bytes, sizes, pause) => {
                    conn.send_in_pieces(&bytes, sizes, pause).is_ok()
                }
                Step::Hold => {
                    conn.hold(secs(30));
                    true
                }
            };
            if !played {
                break;
            }
        }
    })?;
    Ok((peer, seen))
}

/// A small, correct answer, for checks that only look at the request.
fn ok_answer() -> Vec<Step> {
    vec![Step::Send(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n"
            .to_vec(),
    )]
}

/// Runs `lab01 get http://ADDR{path}` against a server that plays `answer`. Returns what
/// the server saw and how the program ended.
fn get(cx: &Ctx, path: &str, answer: Vec<Step>) -> Result<(Seen, Finished), Failure> {
    get_from(cx, path, answer, RUN_LIMIT).map(|(seen, run, _)| (seen, run))
}

/// Like [`get`], and also says where the grader's server listened.
fn get_from(
    cx: &Ctx,
    path: &str,
    answer: Vec<Step>,
    limit: Duration,
) -> Result<(Seen, Finished, SocketAddr), Failure> {
    let (peer, seen) = server(cx, answer)?;
    let url = format!("http://{}{path}", peer.addr());
    let run = cx.run(&["get", &url], limit)?;
    if !peer.connection_made(WAIT) {
        return Err(with_program(
            cx,
            &run,
            peer.no_connection().sent(run.command_line()),
        )
        .cause(cx.t(
            "Connect to the host and port of the URL (TcpStream::connect), then write the request.",
            "URL의 호스트와 포트로 연결하고(TcpStream::connect) 요청을 쓰세요.",
        )));
    }
    let seen = seen.recv_timeout(WAIT).map_err(|_| {
        Failure::new(cx.t(
            "the grader's server accepted the connection but saw no request",
            "채점기의 서버가 연결은 받았지만 요청을 보지 못했습니다",
        ))
    })?;
    Ok((seen, run, peer.addr()))
}

/// Adds how the program ended to a failure, and the reason when its stderr shows one (the
/// starter's todo!(), a panic): that cause comes first, because it is the real one.
fn with_program(cx: &Ctx, run: &Finished, failure: Failure) -> Failure {
    let failure = failure.got(run.describe());
    match explain_stderr(cx.lang(), &run.stderr_text()) {
        Some(cause) => failure.cause(cause),
        None => failure,
    }
}

/// The lines of a request head, without their line endings, up to the empty line.
fn head_lines(head: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(head)
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line).to_string())
        .take_while(|line| !line.is_empty())
        .collect()
}

/// The values of every header line named `name` (names compare without regard to case).
fn header_values(lines: &[String], name: &str) -> Vec<String> {
    lines
        .iter()
        .skip(1)
        .filter_map(|line| line.split_once(':'))
        .filter(|(n, _)| n.trim().eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim().to_string())
        .collect()
}

/// Says what the server received, for failure reports.
fn received(cx: &Ctx, seen: &Seen) -> String {
    let mut text = show(cx.lang(), &seen.head);
    if seen.ending != Ending::Complete {
        text = format!("{text}; {}", seen.ending.describe(cx.lang()));
    }
    cx.t(
        format!("the grader's server received {text}"),
        format!("채점기의 서버가 받은 것: {text}"),
    )
}

// ---------------------------------------------------------------------------------------
// get: the request
// ---------------------------------------------------------------------------------------

fn get_sends_the_request_line(cx: &Ctx) -> Outcome {
    for (path, expected) in [
        (
            "/lab01/request-line?x=1",
            "GET /lab01/request-line?x=1 HTTP/1.1",
        ),
        ("", "GET / HTTP/1.1"),
    ] {
        let (seen, run) = get(cx, path, ok_answer())?;
        let lines = head_lines(&seen.head);
        let first = lines.first().cloned().unwrap_or_default();
        if first != expected {
            return Err(with_program(
                cx,
                &run,
                Failure::new(cx.t(
                    "the request line is not `GET PATH HTTP/1.1`",
                    "요청 줄(request line)이 `GET PATH HTTP/1.1`가 아닙니다",
                ))
                .sent(run.command_line())
                .expected(format!("\"{expected}\\r\\n\""))
                .note(received(cx, &seen)),
            )
            .cause(cx.t(
                "The first line is the method, the path (with its query; `/` when the URL has no path), and the version, separated by single spaces.",
                "첫 줄은 메서드, 경로(쿼리 포함, URL에 경로가 없으면 `/`), 버전을 공백 하나씩으로 구분해 씁니다.",
            )));
        }
    }
    Ok(())
}

fn get_sends_the_host_header(cx: &Ctx) -> Outcome {
    let (seen, run, addr) = get_from(cx, "/host", ok_answer(), RUN_LIMIT)?;
    let lines = head_lines(&seen.head);
    let hosts = header_values(&lines, "host");
    // The URL was http://127.0.0.1:PORT/host: the port was given, so Host repeats it.
    let expected = addr.to_string();
    if hosts == [expected.clone()] {
        return Ok(());
    }
    let got = if hosts.is_empty() {
        cx.t("no Host header", "Host 헤더 없음")
    } else {
        hosts
            .iter()
            .map(|h| format!("Host: {h}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Err(Failure::new(cx.t(
        "the request does not carry exactly one right Host header",
        "요청에 올바른 Host 헤더가 정확히 하나 있지 않습니다",
    ))
    .sent(run.command_line())
    .expected(format!("\"Host: {expected}\\r\\n\""))
    .got(got)
    .note(received(cx, &seen))
    .cause(cx.t(
        "HTTP/1.1 requires a Host header: one address can serve many sites, and the server picks one by this name. Write the host as the URL has it, with `:PORT` when the URL gives a port.",
        "HTTP/1.1에서는 Host 헤더가 필수입니다. 주소 하나가 여러 사이트를 서비스할 수 있어서, 서버는 이 이름으로 사이트를 고릅니다. URL에 적힌 호스트를 쓰고, URL에 포트가 있으면 `:PORT`도 붙이세요.",
    )))
}

fn get_sends_connection_close(cx: &Ctx) -> Outcome {
    let (seen, run) = get(cx, "/connection", ok_answer())?;
    let lines = head_lines(&seen.head);
    let values = header_values(&lines, "connection");
    if values.len() == 1 && values[0].eq_ignore_ascii_case("close") {
        return Ok(());
    }
    Err(Failure::new(cx.t(
        "the request does not ask the server to close the connection",
        "요청이 서버에게 연결을 닫아 달라고 하지 않습니다",
    ))
    .sent(run.command_line())
    .expected("\"Connection: close\\r\\n\"")
    .got(if values.is_empty() {
        cx.t("no Connection header", "Connection 헤더 없음")
    } else {
        format!("Connection: {}", values.join(", "))
    })
    .note(received(cx, &seen))
    .cause(cx.t(
        "An HTTP/1.1 connection stays open after the response unless the client says `Connection: close`; this client sends one request, so it says so.",
        "HTTP/1.1 연결은 클라이언트가 `Connection: close`라고 말하지 않으면 응답 뒤에도 열려 있습니다. 이 클라이언트는 요청을 하나만 보내므로 그렇게 말해야 합니다.",
    )))
}

fn get_frames_the_request_with_crlf(cx: &Ctx) -> Outcome {
    let (seen, run) = get(cx, "/framing", ok_answer())?;
    let head = &seen.head;
    let bare_lf = head
        .iter()
        .enumerate()
        .position(|(i, &b)| b == b'\n' && (i == 0 || head[i - 1] != b'\r'));
    let problem = if let Some(at) = bare_lf {
        Some(cx.t(
            format!("byte {at} of the request is a \\n without the \\r before it"),
            format!("요청의 {at}번째 바이트가 앞에 \\r 없는 \\n입니다"),
        ))
    } else if seen.ending != Ending::Complete || !head.ends_with(b"\r\n\r\n") {
        Some(cx.t(
            "the request never ended with an empty line (\\r\\n\\r\\n)",
            "요청이 빈 줄(\\r\\n\\r\\n)로 끝나지 않았습니다",
        ))
    } else if !seen.after.is_empty() {
        Some(cx.t(
            format!(
                "bytes came after the empty line: {}",
                show(cx.lang(), &seen.after)
            ),
            format!(
                "빈 줄 뒤에 바이트가 더 왔습니다: {}",
                show(cx.lang(), &seen.after)
            ),
        ))
    } else {
        None
    };
    let Some(problem) = problem else {
        return Ok(());
    };
    Err(with_program(
        cx,
        &run,
        Failure::new(cx.t(
            "the request is not framed as HTTP requires",
            "요청의 형식(프레이밍)이 HTTP 규칙에 맞지 않습니다",
        ))
        .sent(run.command_line())
        .expected(cx.t(
            "every line ended by \\r\\n, then an empty line (\\r\\n), then nothing",
            "모든 줄이 \\r\\n으로 끝나고, 그다음 빈 줄(\\r\\n), 그 뒤에는 아무것도 없음",
        ))
        .note(received(cx, &seen))
        .note(problem),
    )
    .cause(cx.t(
        "HTTP ends every line of the head with CR LF (\"\\r\\n\"), not a bare \"\\n\", and ends the head with one empty line. Many servers forgive a bare \\n; a strict one waits for \\r\\n\\r\\n forever.",
        "HTTP는 헤드의 모든 줄을 \"\\n\"만이 아니라 CR LF(\"\\r\\n\")로 끝내고, 헤드 끝에 빈 줄 하나를 둡니다. \\n만 써도 받아 주는 서버가 많지만, 엄격한 서버는 \\r\\n\\r\\n을 끝없이 기다립니다.",
    )))
}

fn get_refuses_a_bad_url(cx: &Ctx) -> Outcome {
    // Each bad URL that names a place names a live server of the grader's, so a program that
    // goes ahead anyway gets a 200 and exits 0, instead of failing by luck.
    for make in [
        |a: SocketAddr| a.to_string() + "/",
        |a: SocketAddr| format!("https://{a}/"),
        |a: SocketAddr| format!("ftp://{a}/"),
        |a: SocketAddr| format!("http://{a}/a b"),
        |a: SocketAddr| format!("http://:{}/", a.port()),
        |a: SocketAddr| format!("http://{}:port/", a.ip()),
        |a: SocketAddr| format!("http://{}:99999/", a.ip()),
        |_: SocketAddr| "http://".to_string(),
    ] {
        let (peer, _seen) = server(cx, ok_answer())?;
        let url = make(peer.addr());
        let run = cx.run(&["get", &url], ERROR_RUN_LIMIT)?;
        let what = cx.t(format!("bad URL {url:?}"), format!("잘못된 URL {url:?}"));
        let refused = expect_exit_2(cx, &run, &what);
        refused.map_err(|f| {
            f.cause(cx.t(
                "Accept only http://HOST[:PORT]/PATH: another scheme, no host, a port that is not 1-65535 or a space is an error. Return Err from parse_url; get turns it into a message and exit code 2.",
                "http://HOST[:PORT]/PATH 형식만 받으세요. 다른 스킴(scheme), 빈 호스트, 1~65535가 아닌 포트, 공백은 오류입니다. parse_url에서 Err를 돌려주면 get이 메시지와 종료 코드 2로 바꿉니다.",
            ))
        })?;
    }
    Ok(())
}

/// The program refused its input the way the contract says: exit code 2, a message, no
/// panic, no hang.
fn expect_exit_2(cx: &Ctx, run: &Finished, what: &str) -> Outcome {
    run.expect_error_message(what)?;
    if run.status.code() == Some(2) {
        return Ok(());
    }
    Err(Failure::new(cx.t(
        "the program did not exit with code 2",
        "프로그램이 종료 코드 2로 끝나지 않았습니다",
    ))
    .sent(format!("{} ({what})", run.command_line()))
    .expected(cx.t(
        "exit code 2 (a bad URL, no connection, or a response that is not HTTP)",
        "종료 코드 2(잘못된 URL, 연결 실패, HTTP가 아닌 응답)",
    ))
    .got(run.describe()))
}

fn get_reports_a_refused_connection(cx: &Ctx) -> Outcome {
    let refusing = RefusingPort::new(cx.lang())?;
    let url = format!("http://{}/", refusing.addr);
    let run = cx.run(&["get", &url], RUN_LIMIT)?;
    expect_exit_2(
        cx,
        &run,
        &cx.t("nothing listens there", "그 주소에서 수신 대기하는 것이 없음"),
    )
    .map_err(|f| {
        f.cause(cx.t(
            "connect fails with \"Connection refused\" when nothing listens on the port. Return that error with ? (get turns it into a message and exit code 2); never unwrap it.",
            "그 포트에서 수신 대기하는 것이 없으면 connect가 \"Connection refused\"로 실패합니다. 그 오류를 ?로 돌려주세요(get이 메시지와 종료 코드 2로 바꿉니다). unwrap하면 안 됩니다.",
        ))
    })
}

// ---------------------------------------------------------------------------------------
// get: the response
// ---------------------------------------------------------------------------------------

fn get_prints_the_body_byte_for_byte(cx: &Ctx) -> Outcome {
    let body = pattern(200 * 1024, 11);
    let head =
        b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
    // The head in two pieces, then the body in small pieces with pauses between them, and
    // no Content-Length: the body ends when the server closes.
    let answer = vec![
        Step::Send(head[..21].to_vec()),
        Step::Pause(millis(50)),
        Step::Send(head[21..].to_vec()),
        Step::Pause(millis(50)),
        Step::Pieces(
            body.clone(),
            &[1, 100, 1000, 4096, 7, 8192, 1500],
            millis(2),
        ),
    ];
    let (_seen, run) = get(cx, "/binary", answer)?;
    if run.status.success() && run.stdout == body {
        return Ok(());
    }
    let mut failure = Failure::new(cx.t(
        "stdout is not the body the server sent, byte for byte",
        "stdout이 서버가 보낸 본문과 바이트 단위로 같지 않습니다",
    ))
    .sent(run.command_line())
    .note(cx.t(
        "the grader's server sent the head in 2 pieces, then 204800 bytes of binary body in pieces of 1 to 8192 bytes with pauses between them, then closed the connection",
        "채점기의 서버가 헤드를 두 조각으로, 이어서 바이너리 본문 204800바이트를 1~8192바이트 조각으로 나눠 사이사이 쉬면서 보낸 뒤 연결을 닫았습니다",
    ))
    .expected(cx.t(
        "exit code 0, and exactly those 204800 bytes on stdout",
        "종료 코드 0, stdout에 그 204800바이트 그대로",
    ))
    .got(format!(
        "{}; stdout: {}",
        run.describe(),
        show(cx.lang(), &run.stdout)
    ));
    if let Some(diff) = describe_difference(cx.lang(), &body, &run.stdout) {
        failure = failure.note(diff);
    }
    if let Some(cause) = explain_stderr(cx.lang(), &run.stderr_text()) {
        failure = failure.cause(cause);
    }
    let replaced = run.stdout.windows(3).any(|w| w == "\u{FFFD}".as_bytes());
    let cause = if replaced {
        cx.t(
            "The body contains EF BF BD, the UTF-8 replacement character: the bytes were turned into text (from_utf8_lossy, a String, println!). A body is bytes; copy it with write_all.",
            "본문에 UTF-8 대체 문자(EF BF BD)가 들어 있습니다. 바이트를 텍스트로 바꾼 것입니다(from_utf8_lossy, String, println!). 본문은 바이트이므로 write_all로 그대로 복사하세요.",
        )
    } else if run.stdout.len() < body.len() && body.starts_with(&run.stdout) {
        cx.t(
            "Only the start of the body came out: one read() returns what has arrived so far, not the whole response. Keep reading until read returns 0 (the server closed).",
            "본문의 앞부분만 나왔습니다. read() 한 번은 지금까지 도착한 만큼만 돌려줄 뿐, 응답 전체가 아닙니다. read가 0을 반환할(서버가 연결을 닫을) 때까지 계속 읽으세요.",
        )
    } else {
        cx.t(
            "Write the bytes that came after the head first, then every byte read until the server closes, each exactly once, as bytes.",
            "헤드 뒤에 함께 온 바이트를 먼저 쓰고, 그다음 서버가 연결을 닫을 때까지 읽은 바이트를 빠짐없이 한 번씩, 바이트 그대로 쓰세요.",
        )
    };
    Err(failure.cause(cause))
}

fn get_stops_at_content_length(cx: &Ctx) -> Outcome {
    let body = pattern(1000, 12);
    let mut first = b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".to_vec();
    first.extend_from_slice(&body[..300]);
    let mut second = body[300..].to_vec();
    second.extend_from_slice(b"THESE BYTES ARE NOT PART OF THE BODY\r\n");
    // The body's end comes with extra bytes in the same write, and then the server keeps
    // the connection open: only the Content-Length says where the body ends.
    let answer = vec![
        Step::Send(first),
        Step::Pause(millis(30)),
        Step::Send(second),
        Step::Hold,
    ];
    // A correct client is done in milliseconds; one that waits for the close never is.
    let (_seen, run, _) = get_from(cx, "/sized", answer, secs(5))?;
    if run.status.success() && !run.timed_out && run.stdout == body {
        return Ok(());
    }
    let mut failure = Failure::new(cx.t(
        "the body was not cut at its Content-Length",
        "본문이 Content-Length에서 끊기지 않았습니다",
    ))
    .sent(run.command_line())
    .note(cx.t(
        "the grader's server answered `Content-Length: 1000`, sent the 1000 bytes and 38 more after them, and kept the connection open",
        "채점기의 서버가 `Content-Length: 1000`으로 답하고, 1000바이트와 그 뒤에 38바이트를 더 보낸 다음 연결을 열어 두었습니다",
    ))
    .expected(cx.t(
        "exactly the 1000 body bytes on stdout, and exit code 0 without waiting for the server to close",
        "stdout에 본문 1000바이트만, 그리고 서버가 닫기를 기다리지 않고 종료 코드 0",
    ))
    .got(format!(
        "{}; stdout: {}",
        run.describe(),
        show(cx.lang(), &run.stdout)
    ));
    if let Some(diff) = describe_difference(cx.lang(), &body, &run.stdout) {
        failure = failure.note(diff);
    }
    if let Some(cause) = explain_stderr(cx.lang(), &run.stderr_text()) {
        failure = failure.cause(cause);
    }
    Err(failure.cause(cx.t(
        "With a Content-Length, the body is exactly that many bytes: write that many (counting those that came with the head), then stop reading. The server need not close the connection, and what follows is not the body.",
        "Content-Length가 있으면 본문은 정확히 그 바이트 수입니다. 헤드와 함께 온 바이트까지 세어 그만큼만 쓰고 읽기를 멈추세요. 서버는 연결을 닫지 않아도 되며, 그 뒤에 오는 것은 본문이 아닙니다.",
    )))
}

/// Checks that stderr has a line that is exactly `status_line`.
fn expect_status_line(cx: &Ctx, run: &Finished, status_line: &str) -> Outcome {
    let stderr = run.stderr_text();
    if stderr.lines().any(|l| l.trim_end() == status_line) {
        return Ok(());
    }
    Err(with_program(
        cx,
        run,
        Failure::new(cx.t(
            "the status line is not on stderr",
            "상태 줄(status line)이 stderr에 없습니다",
        ))
        .sent(run.command_line())
        .expected(cx.t(
            format!("a line `{status_line}` on stderr"),
            format!("stderr에 `{status_line}` 한 줄"),
        ))
        .note(format!("stderr: {}", show(cx.lang(), &run.stderr))),
    )
    .cause(cx.t(
        "Print the response's first line, without its \\r\\n, with eprintln!: stdout is for the body alone.",
        "응답의 첫 줄을 \\r\\n 없이 eprintln!으로 출력하세요. stdout에는 본문만 씁니다.",
    )))
}

fn get_reports_the_status_line(cx: &Ctx) -> Outcome {
    let status_line = "HTTP/1.1 203 Non-Authoritative Information";
    let answer = format!(
        "{status_line}\r\nContent-Type: text/plain\r\nContent-Length: 9\r\nConnection: close\r\n\r\nfrom 203\n"
    );
    let (_seen, run) = get(cx, "/status", vec![Step::Send(answer.into_bytes())])?;
    expect_status_line(cx, &run, status_line)?;
    if run.status.code() == Some(0) && run.stdout == b"from 203\n" {
        return Ok(());
    }
    Err(with_program(
        cx,
        &run,
        Failure::new(cx.t(
            "a 2xx status other than 200 did not end in exit code 0 with the body printed",
            "200이 아닌 2xx 상태에서 본문을 출력하고 종료 코드 0으로 끝나지 않았습니다",
        ))
        .sent(run.command_line())
        .expected(cx.t(
            "stdout b\"from 203\\n\", exit code 0",
            "stdout에 b\"from 203\\n\", 종료 코드 0",
        ))
        .note(format!("stdout: {}", show(cx.lang(), &run.stdout))),
    )
    .cause(cx.t(
        "Every status from 200 to 299 means success: read the code from the status line as a number and compare the range, not the text `200 OK`.",
        "200부터 299까지는 모두 성공입니다. 상태 줄의 코드를 숫자로 읽어 범위로 비교하세요. `200 OK`라는 글자와 비교하면 안 됩니다.",
    )))
}

fn get_exits_1_on_404_with_the_body(cx: &Ctx) -> Outcome {
    let body = b"no page at /missing.txt\n";
    let mut answer = format!(
        "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    answer.extend_from_slice(body);
    let (_seen, run) = get(cx, "/missing.txt", vec![Step::Send(answer)])?;
    if run.status.code() == Some(1) && run.stdout == body {
        return expect_status_line(cx, &run, "HTTP/1.1 404 Not Found");
    }
    Err(with_program(
        cx,
        &run,
        Failure::new(cx.t(
            "a 404 response did not end in exit code 1 with its body printed",
            "404 응답에서 본문을 출력하고 종료 코드 1로 끝나지 않았습니다",
        ))
        .sent(run.command_line())
        .expected(cx.t(
            format!("stdout {}, exit code 1", show(cx.lang(), body)),
            format!("stdout에 {}, 종료 코드 1", show(cx.lang(), body)),
        ))
        .note(format!("stdout: {}", show(cx.lang(), &run.stdout))),
    )
    .cause(cx.t(
        "A 404 is still a whole, valid response: print its body like any other, and only then exit with 1 because the status is not 2xx.",
        "404도 온전하고 올바른 응답입니다. 다른 응답처럼 본문을 출력하고, 상태가 2xx가 아니므로 그다음 종료 코드 1로 끝내세요.",
    )))
}

fn get_reports_a_malformed_response(cx: &Ctx) -> Outcome {
    for (answer, what_en, what_ko) in [
        (
            &b"SSH-2.0-OpenSSH_9.6\r\n"[..],
            "the server answered with an SSH banner, not HTTP, and closed",
            "서버가 HTTP가 아닌 SSH 배너로 답하고 연결을 닫음",
        ),
        (
            b"",
            "the server closed the connection without answering",
            "서버가 아무 답 없이 연결을 닫음",
        ),
        (
            b"HTTP/1.1 200 OK\r\nContent-Le",
            "the server closed the connection in the middle of the head",
            "서버가 헤드 도중에 연결을 닫음",
        ),
        (
            b"HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\nbody",
            "the Content-Length is not a number",
            "Content-Length가 숫자가 아님",
        ),
    ] {
        let (_seen, run, _) = get_from(
            cx,
            "/malformed",
            vec![Step::Send(answer.to_vec())],
            ERROR_RUN_LIMIT,
        )?;
        expect_exit_2(cx, &run, &cx.t(what_en, what_ko)).map_err(|f| {
            f.cause(cx.t(
                "A response that is not HTTP (no status line `HTTP/1.x CODE`, a head cut off by EOF, a Content-Length that is not a number) is an error: return an InvalidData error, which get turns into a message and exit code 2.",
                "HTTP가 아닌 응답(`HTTP/1.x CODE` 상태 줄이 없음, EOF로 끊긴 헤드, 숫자가 아닌 Content-Length)은 오류입니다. InvalidData 오류를 돌려주면 get이 메시지와 종료 코드 2로 바꿉니다.",
            ))
        })?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// talk
// ---------------------------------------------------------------------------------------

/// Starts `lab01 talk ADDR` with a stdin the check writes to.
fn talk(cx: &Ctx, peer: &Peer<()>) -> Result<Spawned, Failure> {
    cx.spawn_interactive(&["talk", &peer.addr().to_string()])
}

/// Waits for the next line on the program's stdout and checks that it is `expected`.
/// `sent` says what led up to it; `cause` is the likely mistake when the line does not come.
fn expect_printed(
    cx: &Ctx,
    program: &mut Spawned,
    peer: &Peer<()>,
    expected: &str,
    sent: String,
    cause: String,
) -> Outcome {
    let failure = match program.next_line(WAIT) {
        Ok(Some(line)) if line == expected => return Ok(()),
        Ok(Some(line)) => Failure::new(cx.t(
            "the program printed something other than the server's line",
            "프로그램이 서버가 보낸 줄과 다른 것을 출력했습니다",
        ))
        .got(show(cx.lang(), line.as_bytes())),
        Ok(None) => program.exit_failure(cx.t(
            "the program ended before it printed the server's line",
            "프로그램이 서버가 보낸 줄을 출력하기 전에 끝났습니다",
        )),
        Err(_) if !peer.connected() => peer.no_connection().got(cx.t(
            "nothing on stdout; the program is still running",
            "stdout에 아무것도 없음. 프로그램은 아직 실행 중",
        )),
        Err(_) => Failure::new(cx.t(
            "the server's line did not appear on stdout in time",
            "서버가 보낸 줄이 제때 stdout에 나타나지 않았습니다",
        ))
        .got(cx.t(
            format!(
                "nothing on stdout for {} s; the program is still running",
                WAIT.as_secs()
            ),
            format!(
                "{}초 동안 stdout에 아무것도 없음. 프로그램은 아직 실행 중",
                WAIT.as_secs()
            ),
        )),
    };
    Err(failure
        .sent(sent)
        .expected(cx.t(
            format!(
                "a line \"{expected}\" on stdout within {} s",
                WAIT.as_secs()
            ),
            format!("{}초 안에 stdout에 \"{expected}\" 한 줄", WAIT.as_secs()),
        ))
        .cause(cause))
}

/// Writes to the program's stdin; if that fails because the program is gone, says why it
/// went.
fn feed(cx: &Ctx, program: &mut Spawned, data: &[u8]) -> Outcome {
    program.write_stdin(data).map_err(|failure| {
        if program.exit_status(millis(200)).is_some() {
            program.exit_failure(cx.t(
                "the program ended while the grader was writing to its stdin",
                "채점기가 stdin에 쓰는 동안 프로그램이 끝났습니다",
            ))
        } else {
            failure
        }
    })
}

const WELCOME: &str = "welcome: the server speaks first";

fn talk_prints_a_line_pushed_first(cx: &Ctx) -> Outcome {
    let peer = cx.start_tcp_peer(|conn: &mut Conn| {
        if conn.send(format!("{WELCOME}\n").as_bytes()).is_ok() {
            conn.hold(secs(30));
        }
    })?;
    let mut program = talk(cx, &peer)?;
    expect_printed(
        cx,
        &mut program,
        &peer,
        WELCOME,
        cx.t(
            format!("the grader's server sent \"{WELCOME}\\n\" as soon as the program connected; stdin stayed open, and empty"),
            format!("프로그램이 연결하자마자 채점기의 서버가 \"{WELCOME}\\n\"을 보냈습니다. stdin은 열어 둔 채 아무것도 쓰지 않았습니다"),
        ),
        cx.t(
            "The server may speak first. Read from the server independently of stdin, on a thread of its own; a loop that waits for a line of stdin before it reads from the server never hears this.",
            "서버가 먼저 말할 수 있습니다. 서버에서 읽는 일은 stdin과 상관없이 별도의 스레드에서 하세요. stdin에서 한 줄을 기다린 다음에야 서버를 읽는 반복문은 이 줄을 듣지 못합니다.",
        ),
    )
}

fn talk_prints_each_pushed_line_as_it_arrives(cx: &Ctx) -> Outcome {
    let (go, go_rx) = mpsc::channel::<u32>();
    let peer = cx.start_tcp_peer(move |conn: &mut Conn| {
        for _ in 1..=3 {
            let Some(n) = conn.wait_for(&go_rx, secs(20)) else {
                return;
            };
            if conn.send(format!("tick {n}\n").as_bytes()).is_err() {
                return;
            }
        }
        conn.hold(secs(30));
    })?;
    let mut program = talk(cx, &peer)?;
    for n in 1..=3u32 {
        let _ = go.send(n);
        expect_printed(
            cx,
            &mut program,
            &peer,
            &format!("tick {n}"),
            if n == 1 {
                cx.t(
                    "the grader's server pushed \"tick 1\\n\" (and will push \"tick 2\\n\" only once it appears on stdout); stdin stayed open, and empty".to_string(),
                    "채점기의 서버가 \"tick 1\\n\"을 보냈습니다(이 줄이 stdout에 나타나야 \"tick 2\\n\"을 보냅니다). stdin은 열어 둔 채 아무것도 쓰지 않았습니다".to_string(),
                )
            } else {
                cx.t(
                    format!("the grader's server pushed \"tick 1\\n\" to \"tick {n}\\n\", each only after the line before it appeared on stdout; stdin stayed open, and empty"),
                    format!("채점기의 서버가 \"tick 1\\n\"부터 \"tick {n}\\n\"까지, 앞 줄이 stdout에 나타난 뒤에야 다음 줄을 보냈습니다. stdin은 열어 둔 채 아무것도 쓰지 않았습니다"),
                )
            },
            cx.t(
                "Print each line as it arrives, and flush stdout after it. A BufWriter (or print! without a newline) keeps the lines in memory until it is full or the program exits, which in a conversation is too late.",
                "줄이 도착할 때마다 출력하고 바로 stdout을 flush하세요. BufWriter(또는 줄바꿈 없는 print!)는 버퍼가 차거나 프로그램이 끝날 때까지 줄을 메모리에 붙잡아 둡니다. 대화에서는 그때면 너무 늦습니다.",
            ),
        )?;
    }
    Ok(())
}

fn talk_sends_stdin_lines_in_order(cx: &Ctx) -> Outcome {
    let (tx, received) = mpsc::channel::<Vec<u8>>();
    let peer = cx.start_tcp_peer(move |conn: &mut Conn| {
        while let (Some(line), _) = conn.read_line(secs(30)) {
            if tx.send(line).is_err() {
                return;
            }
        }
    })?;
    let mut program = talk(cx, &peer)?;
    let cause = cx.t(
        "Send each line to the server as soon as it is read from stdin (write_all on the socket); do not wait for EOF, or for an answer, first.",
        "stdin에서 한 줄을 읽으면 바로 서버로 보내세요(소켓에 write_all). EOF나 서버의 답을 먼저 기다리면 안 됩니다.",
    );
    // One line at a time, each awaited at the server before the next is written; then
    // three lines in one write.
    let rounds: [&[&str]; 4] = [
        &["first line\n"],
        &["두 번째 줄\n"],
        &["third line\n"],
        &["4\n", "5\n", "6\n"],
    ];
    let mut written = String::new();
    for lines in rounds {
        let chunk = lines.concat();
        feed(cx, &mut program, chunk.as_bytes())?;
        written.push_str(&chunk);
        for expected in lines {
            let failure = match received.recv_timeout(WAIT) {
                Ok(line) if line == expected.as_bytes() => continue,
                Ok(line) => Failure::new(cx.t(
                    "the server received another line than the one expected next",
                    "서버가 다음으로 기대한 줄과 다른 줄을 받았습니다",
                ))
                .got(show(cx.lang(), &line)),
                Err(_) if program.exit_status(millis(100)).is_some() => program.exit_failure(cx.t(
                    "the program ended before the line reached the server",
                    "줄이 서버에 닿기 전에 프로그램이 끝났습니다",
                )),
                Err(_) if !peer.connected() => peer.no_connection(),
                Err(_) => Failure::new(cx.t(
                    "a line written to stdin did not reach the server in time",
                    "stdin에 쓴 줄이 제때 서버에 닿지 않았습니다",
                ))
                .got(cx.t(
                    format!(
                        "nothing for {} s; the program is still running",
                        WAIT.as_secs()
                    ),
                    format!(
                        "{}초 동안 아무것도 오지 않음. 프로그램은 아직 실행 중",
                        WAIT.as_secs()
                    ),
                )),
            };
            return Err(failure
                .sent(cx.t(
                    format!(
                        "stdin so far: {}; stdin stays open",
                        show(cx.lang(), written.as_bytes())
                    ),
                    format!(
                        "지금까지 stdin에 쓴 것: {}. stdin은 열려 있음",
                        show(cx.lang(), written.as_bytes())
                    ),
                ))
                .expected(cx.t(
                    format!(
                        "the server receives {} next, within {} s",
                        show(cx.lang(), expected.as_bytes()),
                        WAIT.as_secs()
                    ),
                    format!(
                        "{}초 안에 서버가 다음으로 {}를 받음",
                        WAIT.as_secs(),
                        show(cx.lang(), expected.as_bytes())
                    ),
                ))
                .cause(cause));
        }
    }
    Ok(())
}

const AFTER_EOF: &str = "bye: this line comes after your EOF";

fn talk_half_closes_at_stdin_eof(cx: &Ctx) -> Outcome {
    let (tx, report) = mpsc::channel::<(Vec<u8>, Ending)>();
    let peer = cx.start_tcp_peer(move |conn: &mut Conn| {
        let (got, ending) = conn.read_to_eof(secs(20));
        let eof = ending == Ending::Eof;
        let _ = tx.send((got, ending));
        if eof && conn.pause(millis(100)) {
            let _ = conn.send(format!("{AFTER_EOF}\n").as_bytes());
        }
        // Returning closes the connection.
    })?;
    let mut program = talk(cx, &peer)?;
    feed(cx, &mut program, b"last line\n")?;
    program.close_stdin();
    let sent = cx.t(
        "stdin: b\"last line\\n\", then stdin closed (EOF)",
        "stdin에 b\"last line\\n\"을 쓰고 stdin을 닫음(EOF)",
    );
    let half_close = cx.t(
        "At EOF on stdin, shut down only the sending side: stream.shutdown(Shutdown::Write). The server reads EOF, and the connection stays open for its answer; keep printing until read returns 0.",
        "stdin이 EOF에 이르면 보내는 쪽만 닫으세요: stream.shutdown(Shutdown::Write). 서버는 EOF를 읽고, 연결은 서버의 답을 위해 열려 있습니다. read가 0을 반환할 때까지 계속 출력하세요.",
    );
    let failure = match report.recv_timeout(WAIT) {
        Ok((got, Ending::Eof)) if got == b"last line\n" => None,
        Ok((got, ending)) => Some(
            Failure::new(cx.t(
                "the server did not receive the line and then EOF",
                "서버가 그 줄과 그 뒤의 EOF를 받지 못했습니다",
            ))
            .got(format!(
                "{}; {}",
                show(cx.lang(), &got),
                ending.describe(cx.lang())
            )),
        ),
        Err(_) if !peer.connected() => Some(peer.no_connection()),
        Err(_) => Some(
            Failure::new(cx.t(
                "the server saw no EOF after stdin ended",
                "stdin이 끝난 뒤에도 서버가 EOF를 보지 못했습니다",
            ))
            .got(cx.t(
                format!("no EOF within {} s", WAIT.as_secs()),
                format!("{}초 안에 EOF 없음", WAIT.as_secs()),
            )),
        ),
    };
    if let Some(failure) = failure {
        let failure = if program.exit_status(millis(100)).is_some() {
            let mut died = program.exit_failure(failure.problem.clone());
            died.steps.extend(failure.steps);
            died
        } else {
            failure
        };
        return Err(failure
            .sent(sent)
            .expected(cx.t(
                format!(
                    "the server receives b\"last line\\n\" and then EOF, within {} s",
                    WAIT.as_secs()
                ),
                format!(
                    "{}초 안에 서버가 b\"last line\\n\"을 받고 그다음 EOF를 받음",
                    WAIT.as_secs()
                ),
            ))
            .cause(half_close));
    }
    expect_printed(
        cx,
        &mut program,
        &peer,
        AFTER_EOF,
        cx.t(
            format!("{sent}; the server read the line and EOF, then sent \"{AFTER_EOF}\\n\" and closed"),
            format!("{sent}. 서버가 그 줄과 EOF를 읽은 뒤 \"{AFTER_EOF}\\n\"을 보내고 연결을 닫음"),
        ),
        cx.t(
            "The server's answer after your EOF was lost. Shut down only the sending side (Shutdown::Write), not both, and do not exit when stdin ends: keep printing until the server closes.",
            "EOF 뒤에 온 서버의 답을 잃었습니다. 보내는 쪽만 닫으세요(Shutdown::Write, Both가 아님). stdin이 끝났다고 프로그램을 끝내지 말고, 서버가 연결을 닫을 때까지 계속 출력하세요.",
        ),
    )?;
    match program.exit_status(WAIT) {
        Some(status) if status.success() => Ok(()),
        Some(_) => Err(program
            .exit_failure(cx.t(
                "the program did not exit with code 0 after the server closed",
                "서버가 연결을 닫은 뒤 프로그램이 종료 코드 0으로 끝나지 않았습니다",
            ))
            .sent(sent)),
        None => Err(Failure::new(cx.t(
            "the program kept running after the server closed the connection",
            "서버가 연결을 닫은 뒤에도 프로그램이 끝나지 않았습니다",
        ))
        .sent(sent)
        .expected(cx.t(
            format!("exit code 0 within {} s of the server closing", WAIT.as_secs()),
            format!("서버가 닫은 뒤 {}초 안에 종료 코드 0", WAIT.as_secs()),
        ))
        .cause(cx.t(
            "When read from the server returns 0, the server has closed: the conversation is over, so return (exit code 0).",
            "서버에서 읽은 read가 0을 반환하면 서버가 연결을 닫은 것입니다. 대화가 끝났으니 돌아가세요(종료 코드 0).",
        ))),
    }
}

fn talk_reports_a_refused_connection(cx: &Ctx) -> Outcome {
    let refusing = RefusingPort::new(cx.lang())?;
    let run = cx.run(&["talk", &refusing.addr.to_string()], RUN_LIMIT)?;
    expect_exit_2(
        cx,
        &run,
        &cx.t("nothing listens there", "그 주소에서 수신 대기하는 것이 없음"),
    )
    .map_err(|f| {
        f.cause(cx.t(
            "connect fails with \"Connection refused\" when nothing listens on the port. Return that error with ? (main turns it into a message and exit code 2); never unwrap it.",
            "그 포트에서 수신 대기하는 것이 없으면 connect가 \"Connection refused\"로 실패합니다. 그 오류를 ?로 돌려주세요(main이 메시지와 종료 코드 2로 바꿉니다). unwrap하면 안 됩니다.",
        ))
    })
}

// ---------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------

/// Check table: points, limits, the TODO each needs and the section that explains it.
pub const LAB: Lab = Lab {
    name: "lab01",
    chapter: 1,
    chapter_file: "ch01-sockets-vs-http.md",
    bin_env: "LAB01_BIN",
    checks: &[
        Check {
            id: "get_sends_the_request_line",
            points: 2,
            limit: secs(30),
            title: Text::new(
                "get: sends the request line `GET /PATH HTTP/1.1`",
                "get: 요청 줄 `GET /PATH HTTP/1.1`을 보낸다",
            ),
            todo: Text::new(
                "TODO 1 (parse_url), TODO 2 (request) and TODO 3 (send_request).",
                "TODO 1(parse_url), TODO 2(request), TODO 3(send_request).",
            ),
            section: "request",
            run: get_sends_the_request_line,
            serial: false,
        },
        Check {
            id: "get_sends_the_host_header",
            points: 2,
            limit: secs(20),
            title: Text::new(
                "get: sends `Host: HOST:PORT`",
                "get: `Host: HOST:PORT` 헤더를 보낸다",
            ),
            todo: Text::new(
                "TODO 2: a Host header, with the port when the URL has one.",
                "TODO 2: Host 헤더, URL에 포트가 있으면 포트까지.",
            ),
            section: "request",
            run: get_sends_the_host_header,
            serial: false,
        },
        Check {
            id: "get_sends_connection_close",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "get: sends `Connection: close`",
                "get: `Connection: close` 헤더를 보낸다",
            ),
            todo: Text::new(
                "TODO 2: a `Connection: close` header.",
                "TODO 2: `Connection: close` 헤더.",
            ),
            section: "request",
            run: get_sends_connection_close,
            serial: false,
        },
        Check {
            id: "get_frames_the_request_with_crlf",
            points: 2,
            limit: secs(20),
            title: Text::new(
                "get: ends every line with \\r\\n and the request with an empty line",
                "get: 모든 줄을 \\r\\n으로 끝내고, 요청을 빈 줄로 끝낸다",
            ),
            todo: Text::new(
                "TODO 2: \\r\\n after every line, and \\r\\n once more at the end.",
                "TODO 2: 모든 줄 끝에 \\r\\n, 맨 끝에 \\r\\n 한 번 더.",
            ),
            section: "request",
            run: get_frames_the_request_with_crlf,
            serial: false,
        },
        Check {
            id: "get_prints_the_body_byte_for_byte",
            points: 3,
            limit: secs(30),
            title: Text::new(
                "get: prints a 200 KiB binary body that arrives in pieces, byte for byte",
                "get: 조각조각 도착하는 200 KiB 바이너리 본문을 바이트 그대로 출력한다",
            ),
            todo: Text::new(
                "TODO 4 (read the head in a loop) and TODO 6 (copy the body as bytes until the server closes).",
                "TODO 4(헤드를 반복해서 읽기)와 TODO 6(서버가 닫을 때까지 본문을 바이트로 복사).",
            ),
            section: "reading-the-response",
            run: get_prints_the_body_byte_for_byte,
            serial: false,
        },
        Check {
            id: "get_stops_at_content_length",
            points: 2,
            limit: secs(30),
            title: Text::new(
                "get: stops at the Content-Length, even if the server keeps the connection open",
                "get: 서버가 연결을 열어 두어도 Content-Length에서 멈춘다",
            ),
            todo: Text::new(
                "TODO 5 (read Content-Length) and TODO 6 (copy exactly that many bytes, then stop).",
                "TODO 5(Content-Length 읽기)와 TODO 6(정확히 그만큼만 복사하고 멈추기).",
            ),
            section: "reading-the-response",
            run: get_stops_at_content_length,
            serial: false,
        },
        Check {
            id: "get_reports_the_status_line",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "get: prints the status line on stderr; any 2xx exits 0",
                "get: 상태 줄을 stderr에 출력하고, 2xx면 종료 코드 0",
            ),
            todo: Text::new(
                "TODO 5: the status line and its code as a number.",
                "TODO 5: 상태 줄과, 숫자로 읽은 상태 코드.",
            ),
            section: "reading-the-response",
            run: get_reports_the_status_line,
            serial: false,
        },
        Check {
            id: "get_exits_1_on_404_with_the_body",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "get: a 404 prints its body and exits 1",
                "get: 404면 본문을 출력하고 종료 코드 1",
            ),
            todo: Text::new(
                "TODO 5 and TODO 6: a 404 is read like any other response.",
                "TODO 5와 TODO 6: 404도 다른 응답과 똑같이 읽기.",
            ),
            section: "reading-the-response",
            run: get_exits_1_on_404_with_the_body,
            serial: false,
        },
        Check {
            id: "get_refuses_a_bad_url",
            points: 1,
            limit: secs(60),
            title: Text::new(
                "get: a bad URL exits 2 with a message, no panic",
                "get: 잘못된 URL이면 메시지와 함께 종료 코드 2, 패닉 없음",
            ),
            todo: Text::new(
                "TODO 1: return Err for anything but http://HOST[:PORT]/PATH.",
                "TODO 1: http://HOST[:PORT]/PATH가 아니면 Err 돌려주기.",
            ),
            section: "request",
            run: get_refuses_a_bad_url,
            serial: false,
        },
        Check {
            id: "get_reports_a_refused_connection",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "get: a refused connection exits 2 with a message, no panic",
                "get: 연결이 거부되면 메시지와 함께 종료 코드 2, 패닉 없음",
            ),
            todo: Text::new(
                "TODO 1 and TODO 3: return connect's error with ?.",
                "TODO 1과 TODO 3: connect의 오류를 ?로 돌려주기.",
            ),
            section: "http-is-bytes",
            run: get_reports_a_refused_connection,
            serial: false,
        },
        Check {
            id: "get_reports_a_malformed_response",
            points: 1,
            limit: secs(40),
            title: Text::new(
                "get: a response that is not HTTP exits 2 with a message, no panic",
                "get: HTTP가 아닌 응답이면 메시지와 함께 종료 코드 2, 패닉 없음",
            ),
            todo: Text::new(
                "TODO 4 (EOF before the empty line is an error) and TODO 5 (check the status line and Content-Length).",
                "TODO 4(빈 줄 전에 EOF면 오류)와 TODO 5(상태 줄과 Content-Length 확인).",
            ),
            section: "reading-the-response",
            run: get_reports_a_malformed_response,
            serial: false,
        },
        Check {
            id: "talk_prints_a_line_pushed_first",
            points: 2,
            limit: secs(20),
            title: Text::new(
                "talk: prints a line the server sends before the client has said anything",
                "talk: 클라이언트가 아무 말도 하기 전에 서버가 보낸 줄을 출력한다",
            ),
            todo: Text::new(
                "TODO 7: read from the server on its own thread, independently of stdin.",
                "TODO 7: stdin과 상관없이 별도 스레드에서 서버를 읽기.",
            ),
            section: "two-way-client",
            run: talk_prints_a_line_pushed_first,
            serial: false,
        },
        Check {
            id: "talk_prints_each_pushed_line_as_it_arrives",
            points: 2,
            limit: secs(25),
            title: Text::new(
                "talk: prints each pushed line before the server sends the next",
                "talk: 서버가 다음 줄을 보내기 전에, 받은 줄을 바로 출력한다",
            ),
            todo: Text::new(
                "TODO 7: flush stdout after every line.",
                "TODO 7: 줄마다 stdout flush.",
            ),
            section: "two-way-client",
            run: talk_prints_each_pushed_line_as_it_arrives,
            serial: false,
        },
        Check {
            id: "talk_sends_stdin_lines_in_order",
            points: 2,
            limit: secs(25),
            title: Text::new(
                "talk: sends each stdin line to the server as it is typed, in order",
                "talk: stdin의 줄을 입력되는 대로, 순서대로 서버에 보낸다",
            ),
            todo: Text::new(
                "TODO 7: write each line read from stdin to the socket at once.",
                "TODO 7: stdin에서 읽은 줄을 곧바로 소켓에 쓰기.",
            ),
            section: "two-way-client",
            run: talk_sends_stdin_lines_in_order,
            serial: false,
        },
        Check {
            id: "talk_half_closes_at_stdin_eof",
            points: 2,
            limit: secs(25),
            title: Text::new(
                "talk: at stdin's EOF, half-closes and still prints the server's answer",
                "talk: stdin이 EOF면 반쪽 닫기를 하고, 서버의 답을 끝까지 출력한다",
            ),
            todo: Text::new(
                "TODO 7: shutdown(Shutdown::Write) at stdin's EOF, then print until the server closes, then exit 0.",
                "TODO 7: stdin EOF에서 shutdown(Shutdown::Write), 서버가 닫을 때까지 출력, 그다음 종료 코드 0.",
            ),
            section: "half-close",
            run: talk_half_closes_at_stdin_eof,
            serial: false,
        },
        Check {
            id: "talk_reports_a_refused_connection",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "talk: a refused connection exits 2 with a message, no panic",
                "talk: 연결이 거부되면 메시지와 함께 종료 코드 2, 패닉 없음",
            ),
            todo: Text::new(
                "TODO 7: return connect's error with ?.",
                "TODO 7: connect의 오류를 ?로 돌려주기.",
            ),
            section: "two-way-client",
            run: talk_reports_a_refused_connection,
            serial: false,
        },
    ],
};
