//! What the checks of `get` share: the grader's scripted server, running `lab01 get URL`
//! against it, and reading what each side saw.

use std::net::{IpAddr, SocketAddr, TcpListener, ToSocketAddrs};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use harness::ctx::Finished;
use harness::process::{explain_stderr, find_panic};
use harness::tcp_peer::{Conn, Delivery, Peer};
use harness::text::describe_difference;
use harness::{Ctx, Diagnosis, Ending, Failure, Outcome, millis, secs, show};

use super::diagnoses;

/// How long one `lab01 get` may run. Loopback answers in microseconds; the margin is for a
/// loaded machine running many checks at once.
pub const RUN_LIMIT: Duration = secs(10);
/// How long a run may take against a server that keeps the connection open after a
/// complete response: a correct client is done in milliseconds, one that waits for the
/// close never is, and this is how long the grader gives it to show that.
pub const HELD_RUN_LIMIT: Duration = secs(5);
/// How long the grader waits for one thing the program should do (send a request, print a
/// line, close).
pub const WAIT: Duration = secs(3);
/// How long a run that should end in an error may take: checks that try several bad inputs
/// stay within their own time limit even if every run hangs.
pub const ERROR_RUN_LIMIT: Duration = secs(5);

// ---------------------------------------------------------------------------------------
// The grader's side of `get`: a server that reads one request and plays a scripted answer.
// ---------------------------------------------------------------------------------------

/// One step of a scripted answer.
pub enum Step {
    Send(Vec<u8>),
    Pause(Duration),
    /// Wait until the program has read everything sent so far, so that what comes next
    /// arrives in a later read of the program's, by construction.
    Delivered,
    /// The bytes in pieces of these sizes (cycled), with a pause after each.
    Pieces(Vec<u8>, &'static [usize], Duration),
    /// Keep the connection open (reading, never closing) until the check ends.
    Hold,
    /// End the connection with a reset (RST) instead of a close (FIN).
    Reset,
}

/// Where the grader's server listens.
pub enum Place {
    /// 127.0.0.1, on a port the system picks.
    Ipv4,
    /// This address, on a port the system picks (`::1`, or where `localhost` leads).
    Ip(IpAddr),
    /// A socket the check opened itself (port 80).
    Listener(TcpListener),
}

/// What the grader's server saw of the request.
pub struct Seen {
    /// Everything up to the empty line that ends the head (or all that came, if none did).
    pub head: Vec<u8>,
    /// How reading the head ended: `Complete` when the empty line came.
    pub ending: Ending,
    /// Bytes that came after the empty line, in the same reads.
    pub after: Vec<u8>,
}

/// Starts a server that reads one request head, reports it, and then plays `answer`; when
/// the answer is played it closes the connection (unless it ends with `Hold`).
pub fn server(
    cx: &Ctx,
    place: Place,
    answer: Vec<Step>,
) -> Result<(Peer<()>, Receiver<Seen>), Failure> {
    let (tx, seen) = mpsc::channel();
    let script = move |conn: &mut Conn| {
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
                Step::Delivered => match conn.wait_until_read(WAIT) {
                    Delivery::Read => true,
                    // The program is not reading: what it does next shows in its output.
                    Delivery::NotRead => !conn.stopped(),
                    // Not Linux, so no way to ask: a pause is the best the grader can do.
                    // It gives a wrong program the chance to show itself; it never makes a
                    // right one fail.
                    Delivery::Unknown => conn.pause(millis(50)),
                },
                Step::Pieces(bytes, sizes, pause) => {
                    conn.send_in_pieces(&bytes, sizes, pause).is_ok()
                }
                Step::Hold => {
                    conn.hold(secs(30));
                    true
                }
                Step::Reset => conn.reset_at_end().is_ok(),
            };
            if !played {
                break;
            }
        }
    };
    let peer = match place {
        Place::Ipv4 => cx.start_tcp_peer(script)?,
        Place::Ip(ip) => cx.start_tcp_peer_on(ip, script)?,
        Place::Listener(listener) => cx.start_tcp_peer_with(listener, script)?,
    };
    Ok((peer, seen))
}

/// A small, correct answer, for checks that only look at the request.
pub fn ok_answer() -> Vec<Step> {
    vec![Step::Send(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n"
            .to_vec(),
    )]
}

/// One `lab01 get` against the grader's server: what the server saw, how the program
/// ended, and where the server was.
pub struct Exchange {
    pub seen: Seen,
    pub run: Finished,
    pub addr: SocketAddr,
}

/// Runs `lab01 get http://127.0.0.1:PORT{path}` against a server that plays `answer`.
pub fn get(cx: &Ctx, path: &str, answer: Vec<Step>, limit: Duration) -> Result<Exchange, Failure> {
    get_at(
        cx,
        Place::Ipv4,
        |addr| format!("http://{addr}{path}"),
        answer,
        limit,
        |failure| failure,
    )
}

/// Runs `lab01 get URL` against a server at `place` that plays `answer`; `url` makes the
/// URL from the server's address. When the program never connects, `no_connection` may add
/// what the check knows about why (before the generic advice).
pub fn get_at(
    cx: &Ctx,
    place: Place,
    url: impl FnOnce(SocketAddr) -> String,
    answer: Vec<Step>,
    limit: Duration,
    no_connection: impl FnOnce(Failure) -> Failure,
) -> Result<Exchange, Failure> {
    let (peer, seen) = server(cx, place, answer)?;
    let url = url(peer.addr());
    let run = cx.run(&["get", &url], limit)?;
    if !peer.connection_made(WAIT) {
        let failure = with_program(cx, &run, peer.no_connection().sent(run.command_line()));
        // A crash explains a missing connection better than anything the check can add.
        let failure = if find_panic(&run.stderr_text()).is_some() {
            failure
        } else {
            no_connection(failure)
        };
        return Err(failure.cause(cx.t(
            "Connect to the host and port of the URL (TcpStream::connect), then write the request.",
            "URL의 호스트와 포트로 연결하고(TcpStream::connect) 요청을 쓰세요.",
        )));
    }
    let seen = seen.recv_timeout(WAIT).map_err(|_| {
        Failure::new(cx.t(
            "the grader's server accepted the connection but saw no request",
            "채점기의 서버가 연결은 수락했지만 요청을 받지 못했습니다",
        ))
    })?;
    Ok(Exchange {
        seen,
        run,
        addr: peer.addr(),
    })
}

/// The first address `localhost` resolves to here, where a program that looks the name up
/// connects first. NOT MEASURED when the name does not resolve to a loopback address.
pub fn localhost(cx: &Ctx) -> Result<IpAddr, Failure> {
    match ("localhost", 0).to_socket_addrs().map(|mut a| a.next()) {
        Ok(Some(addr)) if addr.ip().is_loopback() => Ok(addr.ip()),
        other => Err(Failure::not_measured(cx.t(
            format!("the name `localhost` does not resolve to a loopback address on this machine ({other:?}), so connecting by name cannot be checked here"),
            format!("이 컴퓨터에서는 `localhost`라는 이름이 루프백 주소로 풀리지 않아({other:?}) 이름으로 연결하는지 검사할 수 없습니다"),
        ))),
    }
}

// ---------------------------------------------------------------------------------------
// Reading what each side saw
// ---------------------------------------------------------------------------------------

/// Adds how the program ended to a failure, and the reason when its stderr shows one (the
/// starter's todo!(), a panic): that cause comes first, because it is the real one.
pub fn with_program(cx: &Ctx, run: &Finished, failure: Failure) -> Failure {
    let failure = failure.got(run.describe());
    match explain_stderr(cx.lang(), &run.stderr_text()) {
        Some(cause) => failure.cause(cause),
        None => failure,
    }
}

/// The lines of a request head, without their line endings, up to the empty line.
pub fn head_lines(head: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(head)
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line).to_string())
        .take_while(|line| !line.is_empty())
        .collect()
}

/// The values of every header line named `name` (names compare without regard to case).
pub fn header_values(lines: &[String], name: &str) -> Vec<String> {
    lines
        .iter()
        .skip(1)
        .filter_map(|line| line.split_once(':'))
        .filter(|(n, _)| n.trim().eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim().to_string())
        .collect()
}

/// Says what the server received, for failure reports.
pub fn received(cx: &Ctx, seen: &Seen) -> String {
    let mut text = show(cx.lang(), &seen.head);
    if seen.ending != Ending::Complete {
        text = format!("{text}; {}", seen.ending.describe(cx.lang()));
    }
    cx.t(
        format!("the grader's server received {text}"),
        format!("채점기의 서버가 받은 것: {text}"),
    )
}

/// "exit code 0; stdout: b"..."", for reports.
pub fn ending_and_stdout(cx: &Ctx, run: &Finished) -> String {
    format!(
        "{}; stdout: {}",
        run.describe(),
        show(cx.lang(), &run.stdout)
    )
}

/// A failure about what the program printed as the body: how it differs from `body`, and
/// the root cause when what came out shows one.
pub fn body_failure(cx: &Ctx, run: &Finished, body: &[u8], failure: Failure) -> Failure {
    let mut failure = failure.got(ending_and_stdout(cx, run));
    if let Some(diff) = describe_difference(cx.lang(), body, &run.stdout) {
        failure = failure.note(diff);
    }
    if let Some(cause) = explain_stderr(cx.lang(), &run.stderr_text()) {
        failure = failure.cause(cause);
    }
    match body_diagnosis(cx, run, body) {
        Some(diagnosis) => failure.diagnosis(diagnosis),
        None => failure,
    }
}

/// A root cause that what the program printed shows, whatever the check was about.
pub fn body_diagnosis(cx: &Ctx, run: &Finished, body: &[u8]) -> Option<Diagnosis> {
    let out = &run.stdout;
    if out.starts_with(b"HTTP/") && !body.starts_with(b"HTTP/") {
        return Some(diagnoses::head_on_stdout(cx.lang()));
    }
    let replacement = "\u{FFFD}".as_bytes();
    let has = |data: &[u8]| data.windows(3).any(|w| w == replacement);
    if has(out) && !has(body) {
        return Some(diagnoses::body_as_text(cx.lang()));
    }
    None
}

/// The program refused its input the way the contract says: exit code 2, a message, no
/// panic, no hang. `cause` is the check's advice; it comes after a crash the program's
/// stderr shows, and before the harness's generic "turn the error into a message", which is
/// wrong advice for a program that took bad input for good.
pub fn expect_exit_2(cx: &Ctx, run: &Finished, what: &str, cause: String) -> Outcome {
    let failure = match run.expect_error_message(what) {
        Err(failure) => failure,
        Ok(()) if run.status.code() == Some(2) => return Ok(()),
        Ok(()) => Failure::new(cx.t(
            "the program did not exit with code 2",
            "프로그램이 종료 코드 2로 끝나지 않았습니다",
        ))
        .sent(format!("{} ({what})", run.command_line()))
        .expected(cx.t(
            "exit code 2 (a bad URL, no connection, or a response that is not HTTP or not whole)",
            "종료 코드 2(잘못된 URL, 연결 실패, HTTP가 아니거나 온전하지 않은 응답)",
        ))
        .got(run.describe()),
    };
    let stdout = format!("stdout: {}", show(cx.lang(), &run.stdout));
    Err(Failure {
        cause: explain_stderr(cx.lang(), &run.stderr_text()).or(Some(cause)),
        ..failure
    }
    .note(stdout))
}

/// Like [`expect_exit_2`] for a response that began well: the status line is on stderr,
/// so stderr must have another line, the error message.
pub fn expect_exit_2_after(
    cx: &Ctx,
    run: &Finished,
    status_line: &str,
    what: &str,
    cause: String,
) -> Outcome {
    expect_exit_2(cx, run, what, cause)?;
    let stderr = run.stderr_text();
    if stderr
        .lines()
        .any(|l| !l.trim().is_empty() && l.trim_end() != status_line)
    {
        return Ok(());
    }
    Err(Failure::new(cx.t(
        "the program exited with code 2 but said nothing about why",
        "프로그램이 종료 코드 2로 끝났지만 이유를 출력하지 않았습니다",
    ))
    .sent(format!("{} ({what})", run.command_line()))
    .expected(cx.t(
        "a one-line error message on stderr, after the status line",
        "stderr에서 상태 줄 뒤에 오는 한 줄짜리 오류 메시지",
    ))
    .got(format!("stderr: {}", show(cx.lang(), &run.stderr))))
}

/// Checks that stderr has a line that is exactly `status_line` (trailing spaces aside).
pub fn expect_status_line(cx: &Ctx, run: &Finished, status_line: &str) -> Outcome {
    let stderr = run.stderr_text();
    let wanted = status_line.trim_end();
    if stderr.lines().any(|l| l.trim_end() == wanted) {
        return Ok(());
    }
    let mut failure = with_program(
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
    ));
    if run.stdout.starts_with(wanted.as_bytes()) {
        failure = failure.diagnosis(diagnoses::head_on_stdout(cx.lang()));
    }
    Err(failure)
}
