//! The checks of lab01 (chapter 1): `lab01 get URL` and `lab01 talk ADDR`.
//!
//! lab01 is a client, so the roles of the server labs' checks turn round. Each check starts a
//! scripted server of its own (a [`harness::tcp_peer::Peer`], plain std networking) on
//! 127.0.0.1, `[::1]`, wherever `localhost` leads, or port 80 of a loopback address of its
//! own; gives its address to the program; and then looks at both ends: what the program sent
//! to the server, and what it printed and how it exited. The scripts provoke what a real
//! network and real servers do: a response in small pieces, a server that keeps the
//! connection open after the body, one that closes or resets it before the body is whole, a
//! server that speaks first, header names in any case, a line split between two reads.
//!
//! A check that catches a mistake does it by construction, never by timing luck: a server
//! that keeps the connection open makes a client that waits for the close wait until it is
//! stopped, and a piece is sent only once the program has read the one before.
//!
//! - [`request`]: what `get` sends, and where;
//! - [`response`]: where the body ends, what comes out, the exit code;
//! - [`talk`]: the two-way client;
//! - [`common`] and [`diagnoses`]: what they share, and the root causes they recognise.
//!
//! The table at the bottom gives each check its points, its time limit, the TODO it depends
//! on and the chapter section that explains it. This file is also compiled into the reference
//! solution's proof tests (`solutions/lab01/tests/proof.rs`), which show that every check
//! passes the reference and a correct variant written in another style, and that each classic
//! bug is caught by the check named for it.

#[path = "checks/common.rs"]
mod common;
#[path = "checks/diagnoses.rs"]
mod diagnoses;
#[path = "checks/request.rs"]
mod request;
#[path = "checks/response.rs"]
mod response;
#[path = "checks/talk.rs"]
mod talk;

use harness::{Check, Lab, Text, secs};

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
                "get: sends the request line `GET /PATH HTTP/1.1` (`/` without a path, no fragment)",
                "get: 요청 줄 `GET /PATH HTTP/1.1`을 보낸다(경로가 없으면 `/`, 프래그먼트 없이)",
            ),
            todo: Text::new(
                "TODO 1 (parse_url), TODO 2 (request) and TODO 3 (send_request).",
                "TODO 1(parse_url), TODO 2(request), TODO 3(send_request).",
            ),
            section: "request",
            run: request::get_sends_the_request_line,
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
                "TODO 2: Host 헤더(URL에 포트가 있으면 포트까지).",
            ),
            section: "request",
            run: request::get_sends_the_host_header,
            serial: false,
        },
        Check {
            id: "get_sends_the_host_as_written",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "get: `http://localhost:PORT/` sends `Host: localhost:PORT`, the name as written",
                "get: `http://localhost:PORT/`이면 적힌 이름 그대로 `Host: localhost:PORT`를 보낸다",
            ),
            todo: Text::new(
                "TODO 2: Host is the URL's host as written, not the address it resolves to.",
                "TODO 2: Host는 풀어서 얻은 주소가 아니라 URL에 적힌 호스트 그대로.",
            ),
            section: "request",
            run: request::get_sends_the_host_as_written,
            serial: false,
        },
        Check {
            id: "get_uses_port_80_by_default",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "get: a URL without a port goes to port 80, with `Host` without a port",
                "get: 포트 없는 URL이면 80번 포트로 연결하고, `Host`에도 포트를 붙이지 않는다",
            ),
            todo: Text::new(
                "TODO 1 (port 80 when none is written) and TODO 2 (no `:PORT` in Host then).",
                "TODO 1(포트가 없으면 80)과 TODO 2(그때 Host에 `:PORT` 없음).",
            ),
            section: "request",
            run: request::get_uses_port_80_by_default,
            serial: false,
        },
        Check {
            id: "get_connects_over_ipv6",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "get: `http://[::1]:PORT/` connects over IPv6 and sends `Host: [::1]:PORT`",
                "get: `http://[::1]:PORT/`이면 IPv6로 연결하고 `Host: [::1]:PORT`를 보낸다",
            ),
            todo: Text::new(
                "TODO 1: an IPv6 host is written in brackets; the port comes after the `]`.",
                "TODO 1: 대괄호로 감싼 IPv6 호스트와 `]` 뒤의 포트 읽기.",
            ),
            section: "request",
            run: request::get_connects_over_ipv6,
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
            run: request::get_sends_connection_close,
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
            run: request::get_frames_the_request_with_crlf,
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
                "TODO 4 (read the head in a loop) and TODO 7 (copy the body as bytes until the server closes).",
                "TODO 4(헤드를 반복해서 읽기)와 TODO 7(서버가 닫을 때까지 본문을 바이트 그대로 복사하기).",
            ),
            section: "reading-the-response",
            run: response::get_prints_the_body_byte_for_byte,
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
                "TODO 5 (read Content-Length) and TODO 7 (copy exactly that many bytes, then stop).",
                "TODO 5(Content-Length 읽기)와 TODO 7(정확히 그만큼만 복사하고 멈추기).",
            ),
            section: "reading-the-response",
            run: response::get_stops_at_content_length,
            serial: false,
        },
        Check {
            id: "get_stops_at_content_length_0",
            points: 1,
            limit: secs(30),
            title: Text::new(
                "get: `Content-Length: 0` is an empty body, not \"read until the close\"",
                "get: `Content-Length: 0`은 \"닫힐 때까지 읽기\"가 아니라 빈 본문이다",
            ),
            todo: Text::new(
                "TODO 5 and TODO 7: Some(0) is a length; only None means \"until the close\".",
                "TODO 5와 TODO 7: Some(0)은 길이로, None만 \"닫힐 때까지\"로 다루기.",
            ),
            section: "reading-the-response",
            run: response::get_stops_at_content_length_0,
            serial: false,
        },
        Check {
            id: "get_reads_content_length_in_any_spelling",
            points: 2,
            limit: secs(45),
            title: Text::new(
                "get: reads `content-length`, `CONTENT-LENGTH`, and values with or without spaces and tabs",
                "get: `content-length`, `CONTENT-LENGTH`, 공백이나 탭이 있거나 없는 값을 모두 읽는다",
            ),
            todo: Text::new(
                "TODO 5: compare header names ignoring case; trim spaces and tabs around the value.",
                "TODO 5: 헤더 이름은 대소문자 구분 없이 비교하고, 값 앞뒤의 공백과 탭은 잘라 내기.",
            ),
            section: "reading-the-response",
            run: response::get_reads_content_length_in_any_spelling,
            serial: false,
        },
        Check {
            id: "get_fails_on_a_body_cut_short",
            points: 1,
            limit: secs(30),
            title: Text::new(
                "get: a body cut short by a close or a reset exits 2 with a message",
                "get: 닫기나 리셋으로 중간에 끊긴 본문이면 메시지와 함께 종료 코드 2",
            ),
            todo: Text::new(
                "TODO 7: fewer bytes than the Content-Length, or a failed read, is an error.",
                "TODO 7: Content-Length보다 적은 바이트나 실패한 read를 오류로 처리하기.",
            ),
            section: "reading-the-response",
            run: response::get_fails_on_a_body_cut_short,
            serial: false,
        },
        Check {
            id: "get_reads_a_64_kib_head",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "get: reads a response whose head is 64 KiB",
                "get: 헤드가 64 KiB인 응답을 읽는다",
            ),
            todo: Text::new(
                "TODO 4: collect the head in a growing Vec, up to 64 KiB.",
                "TODO 4: 헤드를 늘어나는 Vec에 64 KiB까지 모으기.",
            ),
            section: "reading-the-response",
            run: response::get_reads_a_64_kib_head,
            serial: false,
        },
        Check {
            id: "get_handles_a_chunked_response",
            points: 1,
            limit: secs(30),
            title: Text::new(
                "get: a chunked response is refused with exit 2 (or decoded), never printed raw",
                "get: chunked 응답을 종료 코드 2로 거절하거나 디코딩하고, 가공하지 않은 채 출력하지 않는다",
            ),
            todo: Text::new(
                "TODO 5: a head with Transfer-Encoding is an error (exit 2).",
                "TODO 5: Transfer-Encoding이 있는 헤드를 오류로 처리하기(종료 코드 2).",
            ),
            section: "reading-the-response",
            run: response::get_handles_a_chunked_response,
            serial: false,
        },
        Check {
            id: "get_skips_interim_responses",
            points: 2,
            limit: secs(30),
            title: Text::new(
                "get: reads past a `100 Continue` or `103 Early Hints` to the final response, and prints its body",
                "get: `100 Continue`나 `103 Early Hints`를 지나 최종 응답까지 읽고, 그 본문을 출력한다",
            ),
            todo: Text::new(
                "TODO 6 (read heads until one whose status is not 1xx) and TODO 4 (start from the bytes already read).",
                "TODO 6(상태가 1xx가 아닌 헤드가 나올 때까지 헤드 읽기)과 TODO 4(이미 읽은 바이트부터 시작하기).",
            ),
            section: "no-body",
            run: response::get_skips_interim_responses,
            serial: false,
        },
        Check {
            id: "get_reads_no_body_after_204_or_304",
            points: 1,
            limit: secs(30),
            title: Text::new(
                "get: a 204, and a 304 with a Content-Length or a Transfer-Encoding, end with their head",
                "get: 204, 그리고 Content-Length나 Transfer-Encoding이 든 304는 헤드에서 끝난다",
            ),
            todo: Text::new(
                "TODO 5: a 1xx, 204 or 304 status means no body, whatever the headers say: look at the status first.",
                "TODO 5: 상태가 1xx, 204, 304면 헤더와 상관없이 본문 없음(상태 코드를 먼저 보기).",
            ),
            section: "no-body",
            run: response::get_reads_no_body_after_204_or_304,
            serial: false,
        },
        Check {
            id: "get_reports_the_status_line",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "get: prints the status line on stderr; any 2xx (203, 299) exits 0",
                "get: 상태 줄을 stderr에 출력하고, 2xx(203, 299)면 종료 코드 0",
            ),
            todo: Text::new(
                "TODO 5: the status line and its code as a number.",
                "TODO 5: 상태 줄을 읽고 상태 코드를 숫자로 읽기.",
            ),
            section: "reading-the-response",
            run: response::get_reports_the_status_line,
            serial: false,
        },
        Check {
            id: "get_accepts_any_reason_phrase",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "get: accepts `HTTP/1.1 200 ` (empty reason), `HTTP/1.1 200 OK Fine` and `HTTP/1.0 200 OK`",
                "get: `HTTP/1.1 200 `(빈 사유 문구), `HTTP/1.1 200 OK Fine`, `HTTP/1.0 200 OK`를 받아들인다",
            ),
            todo: Text::new(
                "TODO 5: read the version and the code; ignore the reason phrase.",
                "TODO 5: 버전과 코드만 읽고 사유 문구는 무시하기.",
            ),
            section: "reading-the-response",
            run: response::get_accepts_any_reason_phrase,
            serial: false,
        },
        Check {
            id: "get_exits_1_on_any_other_status",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "get: a 300, 404 or 503 prints its body and exits 1",
                "get: 300, 404, 503이면 본문을 출력하고 종료 코드 1",
            ),
            todo: Text::new(
                "TODO 5 and TODO 7: any other status is read like any response.",
                "TODO 5와 TODO 7: 2xx가 아닌 응답도 다른 응답과 똑같이 읽기.",
            ),
            section: "reading-the-response",
            run: response::get_exits_1_on_any_other_status,
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
            run: request::get_refuses_a_bad_url,
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
            run: request::get_reports_a_refused_connection,
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
                "TODO 4(빈 줄 전에 EOF가 오면 오류)와 TODO 5(상태 줄과 Content-Length 확인).",
            ),
            section: "reading-the-response",
            run: response::get_reports_a_malformed_response,
            serial: false,
        },
        Check {
            id: "talk_prints_a_line_pushed_first",
            points: 2,
            limit: secs(20),
            title: Text::new(
                "talk: prints a line the server sends before the client has said anything",
                "talk: 클라이언트가 아무것도 보내기 전에 서버가 보낸 줄을 출력한다",
            ),
            todo: Text::new(
                "TODO 8: read from the server independently of stdin (a thread of its own).",
                "TODO 8: stdin과 상관없이(별도 스레드에서) 서버에서 읽기.",
            ),
            section: "two-way-client",
            run: talk::talk_prints_a_line_pushed_first,
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
                "TODO 8: flush stdout after every line.",
                "TODO 8: 줄마다 stdout을 flush하기.",
            ),
            section: "two-way-client",
            run: talk::talk_prints_each_pushed_line_as_it_arrives,
            serial: false,
        },
        Check {
            id: "talk_prints_lines_that_arrive_in_pieces",
            points: 2,
            limit: secs(30),
            title: Text::new(
                "talk: prints lines split across reads whole, characters unbroken, and the last line without a newline",
                "talk: 여러 read에 나뉘어 온 줄을 글자가 깨지지 않게 온전히 출력하고, 줄바꿈 없는 마지막 줄까지 출력한다",
            ),
            todo: Text::new(
                "TODO 8: read the server's side line by line (BufReader::read_until), as bytes.",
                "TODO 8: 서버 쪽을 줄 단위로(BufReader::read_until), 바이트 그대로 읽기.",
            ),
            section: "two-way-client",
            run: talk::talk_prints_lines_that_arrive_in_pieces,
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
                "TODO 8: write each line read from stdin to the socket at once.",
                "TODO 8: stdin에서 읽은 줄을 곧바로 소켓에 쓰기.",
            ),
            section: "two-way-client",
            run: talk::talk_sends_stdin_lines_in_order,
            serial: false,
        },
        Check {
            id: "talk_half_closes_at_stdin_eof",
            points: 2,
            limit: secs(25),
            title: Text::new(
                "talk: at stdin's EOF, half-closes and still prints the server's answer",
                "talk: stdin이 EOF에 이르면 반쪽 닫기를 하고, 그 뒤에 온 서버의 답도 출력한다",
            ),
            todo: Text::new(
                "TODO 8: shutdown(Shutdown::Write) at stdin's EOF, then print until the server closes, then exit 0.",
                "TODO 8: stdin이 EOF에 이르면 shutdown(Shutdown::Write), 서버가 닫을 때까지 출력한 뒤 종료 코드 0으로 끝내기.",
            ),
            section: "half-close",
            run: talk::talk_half_closes_at_stdin_eof,
            serial: false,
        },
        Check {
            id: "talk_exits_when_the_server_closes",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "talk: exits 0 when the server closes, while stdin is still open",
                "talk: stdin이 열려 있어도 서버가 닫으면 종료 코드 0으로 끝난다",
            ),
            todo: Text::new(
                "TODO 8: end when the read from the server returns 0; do not wait for stdin.",
                "TODO 8: 서버 쪽 read가 0을 돌려주면 stdin을 기다리지 말고 끝내기.",
            ),
            section: "two-way-client",
            run: talk::talk_exits_when_the_server_closes,
            serial: false,
        },
        Check {
            id: "talk_connects_by_host_name",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "talk: `talk localhost:PORT` connects by name",
                "talk: `talk localhost:PORT`로 이름을 써서 연결한다",
            ),
            todo: Text::new(
                "TODO 8: give ADDR to TcpStream::connect as it is.",
                "TODO 8: ADDR를 그대로 TcpStream::connect에 넘기기.",
            ),
            section: "two-way-client",
            run: talk::talk_connects_by_host_name,
            serial: false,
        },
        Check {
            id: "talk_connects_over_ipv6",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "talk: `talk [::1]:PORT` connects over IPv6",
                "talk: `talk [::1]:PORT`로 IPv6를 써서 연결한다",
            ),
            todo: Text::new(
                "TODO 8: give ADDR to TcpStream::connect as it is.",
                "TODO 8: ADDR를 그대로 TcpStream::connect에 넘기기.",
            ),
            section: "two-way-client",
            run: talk::talk_connects_over_ipv6,
            serial: false,
        },
        Check {
            id: "talk_reports_a_reset",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "talk: a connection reset by the server exits 2 with a message, after printing what came before",
                "talk: 서버가 연결을 리셋하면 그전에 온 것을 출력한 뒤 메시지와 함께 종료 코드 2",
            ),
            todo: Text::new(
                "TODO 8: pass a failed read on with ?; only a read of 0 is the server closing.",
                "TODO 8: 실패한 read는 ?로 넘기기(서버가 닫은 것은 read가 0을 돌려줄 때뿐).",
            ),
            section: "two-way-client",
            run: talk::talk_reports_a_reset,
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
                "TODO 8: return connect's error with ?.",
                "TODO 8: connect의 오류를 ?로 돌려주기.",
            ),
            section: "two-way-client",
            run: talk::talk_reports_a_refused_connection,
            serial: false,
        },
    ],
    stages: STAGES,
};

/// The checks in the order a learner meets them: one idea per stage, each taught by the
/// section it names. The grader shows the first stage that does not pass in full.
const STAGES: &[harness::Stage] = &[
    harness::Stage {
        title: Text::new(
            "get: the request, byte for byte",
            "get: 바이트 단위로 정확한 요청",
        ),
        section: "request",
        checks: &[
            "get_sends_the_request_line",
            "get_sends_the_host_header",
            "get_frames_the_request_with_crlf",
            "get_sends_connection_close",
        ],
    },
    harness::Stage {
        title: Text::new("get: the status line and the body", "get: 상태 줄과 본문"),
        section: "reading-the-response",
        checks: &[
            "get_prints_the_body_byte_for_byte",
            "get_reports_the_status_line",
            "get_accepts_any_reason_phrase",
            "get_exits_1_on_any_other_status",
        ],
    },
    harness::Stage {
        title: Text::new("get: where the body ends", "get: 본문의 끝"),
        section: "reading-the-response",
        checks: &[
            "get_stops_at_content_length",
            "get_stops_at_content_length_0",
            "get_reads_content_length_in_any_spelling",
            "get_fails_on_a_body_cut_short",
        ],
    },
    harness::Stage {
        title: Text::new(
            "get: responses past the simple case",
            "get: 단순하지 않은 응답",
        ),
        section: "no-body",
        checks: &[
            "get_skips_interim_responses",
            "get_reads_no_body_after_204_or_304",
            "get_handles_a_chunked_response",
            "get_reads_a_64_kib_head",
        ],
    },
    harness::Stage {
        title: Text::new("get: what the URL says", "get: URL이 뜻하는 것"),
        section: "request",
        checks: &[
            "get_sends_the_host_as_written",
            "get_uses_port_80_by_default",
            "get_connects_over_ipv6",
            "get_refuses_a_bad_url",
        ],
    },
    harness::Stage {
        title: Text::new(
            "get: when the server fails you",
            "get: 서버에 문제가 있을 때",
        ),
        section: "reading-the-response",
        checks: &[
            "get_reports_a_refused_connection",
            "get_reports_a_malformed_response",
        ],
    },
    harness::Stage {
        title: Text::new("talk: both directions at once", "talk: 두 방향을 동시에"),
        section: "two-way-client",
        checks: &[
            "talk_prints_a_line_pushed_first",
            "talk_prints_each_pushed_line_as_it_arrives",
            "talk_prints_lines_that_arrive_in_pieces",
            "talk_sends_stdin_lines_in_order",
        ],
    },
    harness::Stage {
        title: Text::new("talk: closing each direction", "talk: 한 방향씩 닫기"),
        section: "half-close",
        checks: &[
            "talk_half_closes_at_stdin_eof",
            "talk_exits_when_the_server_closes",
            "talk_reports_a_reset",
            "talk_reports_a_refused_connection",
        ],
    },
    harness::Stage {
        title: Text::new("talk: names and IPv6", "talk: 호스트 이름과 IPv6"),
        section: "two-way-client",
        checks: &["talk_connects_by_host_name", "talk_connects_over_ipv6"],
    },
];
