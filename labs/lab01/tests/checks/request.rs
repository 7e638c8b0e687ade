//! The checks of `get`'s request: what goes out, and where it goes.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use harness::process::explain_stderr;
use harness::tcp_peer::{RefusingPort, loopback_listener_on_port};
use harness::{Ctx, Ending, Failure, Outcome, show};

use super::common::{
    ERROR_RUN_LIMIT, Place, RUN_LIMIT, expect_exit_2, get, get_at, head_lines, header_values,
    localhost, ok_answer, received, server, with_program,
};
use super::diagnoses;

pub fn get_sends_the_request_line(cx: &Ctx) -> Outcome {
    for (path, expected) in [
        (
            "/lab01/request-line?x=1",
            "GET /lab01/request-line?x=1 HTTP/1.1",
        ),
        // No path: the target is `/` (RFC 9112 §3.2.1), also when a query follows.
        ("", "GET / HTTP/1.1"),
        ("?q=1", "GET /?q=1 HTTP/1.1"),
        // The path goes out as written: percent-encoding is not decoded.
        ("/a%20b/%C3%A9?x=%2F", "GET /a%20b/%C3%A9?x=%2F HTTP/1.1"),
        // The fragment is for the browser, and never sent.
        ("/page#top", "GET /page HTTP/1.1"),
    ] {
        let ex = get(cx, path, ok_answer(), RUN_LIMIT)?;
        let lines = head_lines(&ex.seen.head);
        let first = lines.first().cloned().unwrap_or_default();
        if first != expected {
            return Err(with_program(
                cx,
                &ex.run,
                Failure::new(cx.t(
                    "the request line is not `GET PATH HTTP/1.1`",
                    "요청 줄이 `GET PATH HTTP/1.1`이 아닙니다",
                ))
                .sent(ex.run.command_line())
                .expected(format!("\"{expected}\\r\\n\""))
                .note(received(cx, &ex.seen)),
            )
            .cause(cx.t(
                "The first line is the method, the target and the version, separated by single spaces. The target is the path with its query (`/` when the URL has no path, also before a `?`), never the `#fragment`.",
                "첫 줄은 메서드, 대상, 버전을 공백 하나씩으로 구분해 씁니다. 대상은 경로와 쿼리입니다(URL에 경로가 없으면 `?` 앞이어도 `/`). `#프래그먼트`는 보내지 않습니다.",
            )));
        }
    }
    Ok(())
}

/// Checks that the request has exactly one `Host: expected` (compared without regard to
/// case: host names are case-insensitive).
fn expect_host(cx: &Ctx, ex: &super::common::Exchange, expected: &str, cause: String) -> Outcome {
    let lines = head_lines(&ex.seen.head);
    let hosts = header_values(&lines, "host");
    if hosts.len() == 1 && hosts[0].eq_ignore_ascii_case(expected) {
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
    let failure = Failure::new(cx.t(
        "the request does not carry exactly one right Host header",
        "요청에 Host 헤더가 없거나, 여러 개이거나, 값이 틀렸습니다",
    ))
    .sent(ex.run.command_line())
    .expected(format!("\"Host: {expected}\\r\\n\""))
    .got(got)
    .note(received(cx, &ex.seen))
    .note(ex.run.describe());
    Err(match explain_stderr(cx.lang(), &ex.run.stderr_text()) {
        Some(crash) => failure.cause(crash),
        None => failure.cause(cause),
    })
}

pub fn get_sends_the_host_header(cx: &Ctx) -> Outcome {
    let ex = get(cx, "/host", ok_answer(), RUN_LIMIT)?;
    // The URL was http://127.0.0.1:PORT/host: the port was given, so Host repeats it.
    expect_host(
        cx,
        &ex,
        &ex.addr.to_string(),
        cx.t(
            "HTTP/1.1 requires a Host header: one address can serve many sites, and the server picks one by this name. Write the host as the URL has it, with `:PORT` when the URL gives a port.",
            "HTTP/1.1에서는 Host 헤더가 필수입니다. 주소 하나에 사이트가 여럿 있을 수 있어서, 서버는 이 이름으로 사이트를 고릅니다. URL에 적힌 호스트를 쓰고, URL에 포트가 있으면 `:PORT`도 붙이세요.",
        ),
    )
}

pub fn get_sends_the_host_as_written(cx: &Ctx) -> Outcome {
    let ip = localhost(cx)?;
    let ex = get_at(
        cx,
        Place::Ip(ip),
        |addr| format!("http://localhost:{}/by-name", addr.port()),
        ok_answer(),
        RUN_LIMIT,
        |failure| {
            failure.cause(cx.t(
                "The URL's host is a name: look it up and connect (TcpStream::connect does both, with \"localhost:PORT\").",
                "URL의 호스트가 이름입니다. 이름을 주소로 풀어서 연결하세요(TcpStream::connect에 \"localhost:PORT\"를 넘기면 둘 다 처리합니다).",
            ))
        },
    )?;
    expect_host(
        cx,
        &ex,
        &format!("localhost:{}", ex.addr.port()),
        cx.t(
            "Host is the URL's host as written (RFC 9112 §3.2), not the address it resolved to: a server with many sites on one address picks the site by that name. Copy the host from the URL.",
            "Host는 이름을 풀어서 얻은 주소가 아니라 URL에 적힌 호스트 그대로입니다(RFC 9112 §3.2). 주소 하나에 사이트가 여럿인 서버는 그 이름으로 사이트를 고릅니다. URL의 호스트를 그대로 옮기세요.",
        ),
    )
}

pub fn get_uses_port_80_by_default(cx: &Ctx) -> Outcome {
    // A URL without a port goes to port 80; the grader listens there on an address of its
    // own (127.x.y.z), or says it could not measure.
    let listener = loopback_listener_on_port(cx.lang(), 80)?;
    let ip = listener
        .local_addr()
        .map_err(|e| Failure::new(e.to_string()))?
        .ip();
    let ex = get_at(
        cx,
        Place::Listener(listener),
        |_| format!("http://{ip}/default-port"),
        ok_answer(),
        RUN_LIMIT,
        |failure| {
            failure.cause(cx.t(
                "The URL names no port, so the port is 80, HTTP's own (RFC 9110 §4.2.1). Connect to HOST:80.",
                "URL에 포트가 없으면 HTTP의 기본 포트인 80입니다(RFC 9110 §4.2.1). HOST:80으로 연결하세요.",
            ))
        },
    )?;
    let lines = head_lines(&ex.seen.head);
    let expected_line = "GET /default-port HTTP/1.1";
    if lines.first().map(String::as_str) != Some(expected_line) {
        return Err(with_program(
            cx,
            &ex.run,
            Failure::new(cx.t(
                "the request line is not `GET /default-port HTTP/1.1`",
                "요청 줄이 `GET /default-port HTTP/1.1`이 아닙니다",
            ))
            .sent(ex.run.command_line())
            .note(received(cx, &ex.seen)),
        ));
    }
    expect_host(
        cx,
        &ex,
        &ip.to_string(),
        cx.t(
            "Host is the URL's authority as written (RFC 9112 §3.2): the URL named no port, so Host has none. Add `:PORT` only when the URL gives one.",
            "Host는 URL에 적힌 호스트와 포트 그대로입니다(RFC 9112 §3.2). URL에 포트가 없었으니 Host에도 없어야 합니다. `:PORT`는 URL에 포트가 있을 때만 붙이세요.",
        ),
    )?;
    if ex.run.status.code() == Some(0) && ex.run.stdout == b"ok\n" {
        return Ok(());
    }
    Err(with_program(
        cx,
        &ex.run,
        Failure::new(cx.t(
            "the response from port 80 was not printed with exit code 0",
            "80번 포트에서 온 응답을 출력하고 종료 코드 0으로 끝나지 않았습니다",
        ))
        .sent(ex.run.command_line())
        .expected("stdout b\"ok\\n\", exit code 0")
        .note(format!("stdout: {}", show(cx.lang(), &ex.run.stdout))),
    ))
}

pub fn get_connects_over_ipv6(cx: &Ctx) -> Outcome {
    cx.ipv6_loopback()?;
    let ex = get_at(
        cx,
        Place::Ip(IpAddr::V6(Ipv6Addr::LOCALHOST)),
        |addr| format!("http://{addr}/over-ipv6"),
        ok_answer(),
        RUN_LIMIT,
        |failure| failure.diagnosis(diagnoses::ipv6_url(cx.lang())),
    )?;
    let lines = head_lines(&ex.seen.head);
    let expected_line = "GET /over-ipv6 HTTP/1.1";
    if lines.first().map(String::as_str) != Some(expected_line) {
        return Err(with_program(
            cx,
            &ex.run,
            Failure::new(cx.t(
                "over IPv6, the request line is not `GET /over-ipv6 HTTP/1.1`",
                "IPv6로 보낸 요청 줄이 `GET /over-ipv6 HTTP/1.1`이 아닙니다",
            ))
            .sent(ex.run.command_line())
            .note(received(cx, &ex.seen)),
        ));
    }
    // The Host of an IPv6 address keeps its brackets: [::1]:PORT.
    expect_host(
        cx,
        &ex,
        &ex.addr.to_string(),
        cx.t(
            "Host is the URL's authority as written: an IPv6 address keeps its brackets, `Host: [::1]:PORT` (RFC 9112 §3.2, RFC 3986 §3.2.2).",
            "Host는 URL에 적힌 호스트와 포트 그대로입니다. IPv6 주소는 대괄호를 그대로 두어 `Host: [::1]:PORT`가 됩니다(RFC 9112 §3.2, RFC 3986 §3.2.2).",
        ),
    )?;
    if ex.run.status.code() == Some(0) && ex.run.stdout == b"ok\n" {
        return Ok(());
    }
    Err(with_program(
        cx,
        &ex.run,
        Failure::new(cx.t(
            "over IPv6, the response was not printed with exit code 0",
            "IPv6로 받은 응답을 출력하고 종료 코드 0으로 끝나지 않았습니다",
        ))
        .sent(ex.run.command_line())
        .expected("stdout b\"ok\\n\", exit code 0")
        .note(format!("stdout: {}", show(cx.lang(), &ex.run.stdout))),
    ))
}

pub fn get_sends_connection_close(cx: &Ctx) -> Outcome {
    let ex = get(cx, "/connection", ok_answer(), RUN_LIMIT)?;
    let lines = head_lines(&ex.seen.head);
    let values = header_values(&lines, "connection");
    // A token list, case-insensitive: `close`, `Close`, `keep-alive, close` all ask to close.
    let closes = values
        .iter()
        .flat_map(|v| v.split(','))
        .any(|token| token.trim().eq_ignore_ascii_case("close"));
    if closes {
        return Ok(());
    }
    Err(with_program(
        cx,
        &ex.run,
        Failure::new(cx.t(
            "the request does not ask the server to close the connection",
            "요청에 연결을 닫아 달라는 헤더가 없습니다",
        ))
        .sent(ex.run.command_line())
        .expected("\"Connection: close\\r\\n\""),
    )
    .got(if values.is_empty() {
        cx.t("no Connection header", "Connection 헤더 없음")
    } else {
        format!("Connection: {}", values.join(", "))
    })
    .note(received(cx, &ex.seen))
    .cause(cx.t(
        "An HTTP/1.1 connection stays open after the response unless the client says `Connection: close`; this client sends one request, so it says so.",
        "HTTP/1.1 연결은 클라이언트가 `Connection: close`를 보내지 않으면 응답 뒤에도 열려 있습니다. 이 클라이언트는 요청을 하나만 보내므로 이 헤더를 보내야 합니다.",
    )))
}

pub fn get_frames_the_request_with_crlf(cx: &Ctx) -> Outcome {
    let ex = get(cx, "/framing", ok_answer(), RUN_LIMIT)?;
    let seen = &ex.seen;
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
        &ex.run,
        Failure::new(cx.t(
            "the request is not framed as HTTP requires",
            "요청의 형식(프레이밍)이 HTTP 규칙에 맞지 않습니다",
        ))
        .sent(ex.run.command_line())
        .expected(cx.t(
            "every line ended by \\r\\n, then an empty line (\\r\\n), then nothing",
            "모든 줄이 \\r\\n으로 끝나고, 그다음 빈 줄(\\r\\n), 그 뒤에는 아무것도 없음",
        ))
        .note(received(cx, seen))
        .note(problem),
    )
    .cause(cx.t(
        "HTTP ends every line of the head with CR LF (\"\\r\\n\"), not a bare \"\\n\", and ends the head with one empty line. Many servers forgive a bare \\n; a strict one waits for \\r\\n\\r\\n forever.",
        "HTTP는 헤드의 모든 줄을 \"\\n\" 하나가 아니라 CR LF(\"\\r\\n\")로 끝내고, 헤드 끝에 빈 줄 하나를 둡니다. \\n만 써도 받아 주는 서버가 많지만, 엄격한 서버는 \\r\\n\\r\\n을 끝없이 기다립니다.",
    )))
}

pub fn get_refuses_a_bad_url(cx: &Ctx) -> Outcome {
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
        let (peer, _seen) = server(cx, Place::Ipv4, ok_answer())?;
        let url = make(peer.addr());
        let run = cx.run(&["get", &url], ERROR_RUN_LIMIT)?;
        let what = cx.t(format!("bad URL {url:?}"), format!("잘못된 URL {url:?}"));
        expect_exit_2(
            cx,
            &run,
            &what,
            cx.t(
                "Accept only http://HOST[:PORT]/PATH: another scheme, no host, a port that is not 1-65535 or a space is an error. Return Err from parse_url; get turns it into a message and exit code 2.",
                "http://HOST[:PORT]/PATH 형식만 받으세요. 다른 스킴(scheme), 빈 호스트, 1~65535가 아닌 포트, 공백은 오류입니다. parse_url에서 Err를 돌려주면 get이 메시지와 종료 코드 2로 바꿉니다.",
            ),
        )?;
    }
    Ok(())
}

pub fn get_reports_a_refused_connection(cx: &Ctx) -> Outcome {
    let refusing = RefusingPort::new(cx.lang())?;
    let url = format!("http://{}/", refusing.addr);
    let run = cx.run(&["get", &url], RUN_LIMIT)?;
    expect_exit_2(
        cx,
        &run,
        &cx.t("nothing listens there", "그 주소에서 수신 대기하는 소켓이 없음"),
        cx.t(
            "connect fails with \"Connection refused\" when nothing listens on the port. Return that error with ? (get turns it into a message and exit code 2); never unwrap it.",
            "그 포트에서 수신 대기하는 소켓이 없으면 connect가 \"Connection refused\"로 실패합니다. 그 오류를 ?로 돌려주세요(get이 메시지와 종료 코드 2로 바꿉니다). unwrap하면 안 됩니다.",
        ),
    )
}
