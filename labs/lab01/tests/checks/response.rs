//! The checks of `get`'s response: where the body ends, what comes out, the exit code.
//!
//! The grader's server keeps the connection open after a complete response wherever that
//! tells a right program from a wrong one: a client that knows where the body ends is done
//! at once, and one that waits for the close is still waiting when the grader stops it.

use harness::ctx::Finished;
use harness::process::explain_stderr;
use harness::{Ctx, Failure, Outcome, millis, pattern, show};

use super::common::{
    ERROR_RUN_LIMIT, HELD_RUN_LIMIT, RUN_LIMIT, Step, body_diagnosis, body_failure,
    ending_and_stdout, expect_exit_2, expect_exit_2_after, expect_status_line, get, with_program,
};
use super::diagnoses;

/// A head with these header lines, and the body after it.
fn response(status_line: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut out = format!("{status_line}\r\n").into_bytes();
    for header in headers {
        out.extend_from_slice(header.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

/// Whether the run is what a correct client does with a complete response: `body` on
/// stdout, exit 0, by itself.
fn printed(run: &Finished, body: &[u8]) -> bool {
    run.status.code() == Some(0) && !run.timed_out && run.stdout == body
}

pub fn get_prints_the_body_byte_for_byte(cx: &Ctx) -> Outcome {
    let body = pattern(200 * 1024, 11);
    let head =
        b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
    // The head in two pieces, each read by the program before the next is sent, then the
    // body in small pieces with pauses between them, and no Content-Length: the body ends
    // when the server closes. 200 KiB cannot come in one read, whatever the timing.
    let answer = vec![
        Step::Send(head[..21].to_vec()),
        Step::Delivered,
        Step::Send(head[21..].to_vec()),
        Step::Delivered,
        Step::Pieces(
            body.clone(),
            &[1, 100, 1000, 4096, 7, 8192, 1500],
            millis(2),
        ),
    ];
    let run = get(cx, "/binary", answer, RUN_LIMIT)?.run;
    if printed(&run, &body) {
        return Ok(());
    }
    let failure = body_failure(
        cx,
        &run,
        &body,
        Failure::new(cx.t(
            "stdout is not the body the server sent, byte for byte",
            "stdout이 서버가 보낸 본문과 바이트 단위로 같지 않습니다",
        ))
        .sent(run.command_line())
        .situation(cx.t(
            "the grader's server sent the head in 2 pieces (the second once the program had read the first), then 204800 bytes of binary body in pieces of 1 to 8192 bytes with pauses between them, then closed the connection",
            "채점기의 서버가 헤드를 두 조각으로 나눠 보내고(둘째 조각은 프로그램이 첫 조각을 읽은 뒤에), 이어서 바이너리 본문 204800바이트를 1~8192바이트 조각으로 나눠 사이사이 쉬면서 보낸 뒤 연결을 닫았습니다",
        ))
        .expected(cx.t(
            "exit code 0, and exactly those 204800 bytes on stdout",
            "종료 코드 0, stdout에 그 204800바이트 그대로",
        )),
    );
    let cause = if run.stdout.is_empty() && !run.status.success() {
        cx.t(
            "The program gave up before printing any of the body. The head came in two pieces: one read() returns what has arrived so far. Read until the empty line (\\r\\n\\r\\n) has arrived, however many reads that takes.",
            "프로그램이 본문을 하나도 출력하지 않고 끝났습니다. 헤드는 두 조각으로 왔고, read() 한 번은 그때까지 도착한 만큼만 돌려줍니다. read를 몇 번 호출하든 빈 줄(\\r\\n\\r\\n)이 도착할 때까지 읽으세요.",
        )
    } else if run.stdout.len() < body.len() && body.starts_with(&run.stdout) {
        cx.t(
            "Only the start of the body came out: one read() returns what has arrived so far, not the whole response. Keep reading until read returns 0 (the server closed).",
            "본문의 앞부분만 나왔습니다. read() 한 번은 응답 전체가 아니라 그때까지 도착한 만큼만 돌려줍니다. read가 0을 반환할(서버가 연결을 닫을) 때까지 계속 읽으세요.",
        )
    } else {
        cx.t(
            "Write the bytes that came after the head first, then every byte read until the server closes, each exactly once, as bytes.",
            "헤드 뒤에 함께 온 바이트를 먼저 쓰고, 그다음 서버가 연결을 닫을 때까지 읽은 바이트를 빠짐없이 한 번씩, 바이트 그대로 쓰세요.",
        )
    };
    Err(failure.cause(cause))
}

/// The advice when a body was not cut at its Content-Length.
fn cut_at_length(cx: &Ctx) -> String {
    cx.t(
        "With a Content-Length, the body is exactly that many bytes: write that many (counting those that came with the head), then stop reading. The server need not close the connection, and what follows is not the body.",
        "Content-Length가 있으면 본문은 정확히 그 바이트 수입니다. 헤드와 함께 온 바이트까지 세어 그만큼만 쓰고 읽기를 멈추세요. 서버는 연결을 닫지 않아도 되며, 그 뒤에 오는 것은 본문이 아닙니다.",
    )
}

/// The diagnosis for a run that printed `body` (or more) and then waited for the close.
fn waited_for_close(cx: &Ctx, run: &Finished, body: &[u8]) -> Option<harness::Diagnosis> {
    (run.timed_out && run.stdout.starts_with(body)).then(|| diagnoses::waits_for_close(cx.lang()))
}

pub fn get_stops_at_content_length(cx: &Ctx) -> Outcome {
    const EXTRA: &[u8] = b"THESE BYTES ARE NOT PART OF THE BODY\r\n";
    let body = pattern(1000, 12);
    // Round 1: the end of the body comes with extra bytes in a later write. Round 2: the
    // head, the whole body and the extra bytes in one write, so that they arrive in the
    // same read as the head. Either way the server then keeps the connection open: only
    // the Content-Length says where the body ends.
    let head = response("HTTP/1.1 200 OK", &["Content-Length: 1000"], b"");
    let mut first = head.clone();
    first.extend_from_slice(&body[..300]);
    let mut second = body[300..].to_vec();
    second.extend_from_slice(EXTRA);
    let mut whole = head.clone();
    whole.extend_from_slice(&body);
    whole.extend_from_slice(EXTRA);
    let rounds = [
        (
            vec![
                Step::Send(first),
                Step::Delivered,
                Step::Send(second),
                Step::Hold,
            ],
            cx.t(
                "the grader's server answered `Content-Length: 1000` with 300 body bytes, then, once the program had read them, the other 700 and 38 more bytes after them, and kept the connection open",
                "채점기의 서버가 `Content-Length: 1000`과 본문 300바이트로 답하고, 프로그램이 그 300바이트를 읽은 뒤 나머지 700바이트와 그 뒤에 붙은 38바이트를 보낸 다음 연결을 열어 두었습니다",
            ),
        ),
        (
            vec![Step::Send(whole), Step::Hold],
            cx.t(
                "the grader's server sent the head (`Content-Length: 1000`), the 1000 body bytes and 38 more bytes in one write, and kept the connection open",
                "채점기의 서버가 헤드(`Content-Length: 1000`), 본문 1000바이트, 그 뒤의 38바이트를 한 번에 쓰고 연결을 열어 두었습니다",
            ),
        ),
    ];
    for (answer, situation) in rounds {
        let run = get(cx, "/sized", answer, HELD_RUN_LIMIT)?.run;
        if printed(&run, &body) {
            continue;
        }
        let mut failure = body_failure(
            cx,
            &run,
            &body,
            Failure::new(cx.t(
                "the body was not cut at its Content-Length",
                "본문이 Content-Length에서 끊기지 않았습니다",
            ))
            .sent(run.command_line())
            .situation(situation)
            .expected(cx.t(
                "exactly the 1000 body bytes on stdout, and exit code 0 without waiting for the server to close",
                "stdout에 본문 1000바이트만, 그리고 서버가 닫기를 기다리지 않고 종료 코드 0",
            )),
        );
        if let Some(d) = waited_for_close(cx, &run, &body) {
            failure = failure.diagnosis(d);
        }
        return Err(failure.cause(cut_at_length(cx)));
    }
    Ok(())
}

pub fn get_stops_at_content_length_0(cx: &Ctx) -> Outcome {
    let empty = response("HTTP/1.1 200 OK", &["Content-Length: 0"], b"");
    let run = get(
        cx,
        "/empty",
        vec![Step::Send(empty), Step::Hold],
        HELD_RUN_LIMIT,
    )?
    .run;
    if printed(&run, b"") {
        return Ok(());
    }
    let mut failure = body_failure(
        cx,
        &run,
        b"",
        Failure::new(cx.t(
            "an empty body with `Content-Length: 0` did not end the response",
            "`Content-Length: 0`인 빈 본문을 받고도 응답을 끝내지 않았습니다",
        ))
        .sent(run.command_line())
        .situation(cx.t(
            "the grader's server answered `HTTP/1.1 200 OK` with `Content-Length: 0` and no body, and kept the connection open",
            "채점기의 서버가 `Content-Length: 0`이 든 `HTTP/1.1 200 OK` 응답을 본문 없이 보내고 연결을 열어 두었습니다",
        ))
        .expected(cx.t(
            "nothing on stdout, and exit code 0 right after the head",
            "stdout에 아무것도 없고, 헤드 직후 종료 코드 0",
        )),
    );
    if run.timed_out {
        // Is it zero in particular, or any length? The same answer with 3 bytes tells.
        let three = response("HTTP/1.1 200 OK", &["Content-Length: 3"], b"abc");
        let control = get(
            cx,
            "/three",
            vec![Step::Send(three), Step::Hold],
            HELD_RUN_LIMIT,
        )?
        .run;
        failure = failure.diagnosis(if printed(&control, b"abc") {
            diagnoses::zero_as_no_length(cx.lang())
        } else {
            diagnoses::waits_for_close(cx.lang())
        });
    }
    Err(failure.cause(cx.t(
        "`Content-Length: 0` is a length: the body is empty and the response ends with the head. Keep the length as an Option: None (read until the close) is not Some(0).",
        "`Content-Length: 0`도 길이입니다. 본문이 비어 있고 응답은 헤드에서 끝납니다. 길이를 Option으로 다루세요. None(닫힐 때까지 읽기)은 Some(0)이 아닙니다.",
    )))
}

pub fn get_reads_content_length_in_any_spelling(cx: &Ctx) -> Outcome {
    /// What a spelling varies, for the diagnosis.
    #[derive(Clone, Copy)]
    enum Varies {
        Case,
        Whitespace,
    }
    const JUNK: &[u8] = b"NOT BODY";
    for (header, body, varies) in [
        ("content-length: 5", &b"lower"[..], Varies::Case),
        ("CONTENT-LENGTH: 5", b"UPPER", Varies::Case),
        ("Content-Length:7", b"nospace", Varies::Whitespace),
        ("Content-Length: \t4\t ", b"tabs", Varies::Whitespace),
    ] {
        let mut answer = response("HTTP/1.1 200 OK", &[header], body);
        answer.extend_from_slice(JUNK);
        let run = get(
            cx,
            "/spelling",
            vec![Step::Send(answer), Step::Hold],
            HELD_RUN_LIMIT,
        )?
        .run;
        if printed(&run, body) {
            continue;
        }
        let mut failure = body_failure(
            cx,
            &run,
            body,
            Failure::new(cx.t(
                format!("the header `{}` was not read as the Content-Length", header.escape_debug()),
                format!("`{}` 헤더를 Content-Length로 읽지 않았습니다", header.escape_debug()),
            ))
            .sent(run.command_line())
            .situation(cx.t(
                format!(
                    "the grader's server answered with the header line {:?}, the {} body bytes and {} more, and kept the connection open",
                    header, body.len(), JUNK.len()
                ),
                format!(
                    "채점기의 서버가 헤더 줄 {:?}, 본문 {}바이트, 그리고 {}바이트를 더 보낸 뒤 연결을 열어 두었습니다",
                    header, body.len(), JUNK.len()
                ),
            ))
            .expected(cx.t(
                format!("stdout {}, exit code 0", show(cx.lang(), body)),
                format!("stdout에 {}, 종료 코드 0", show(cx.lang(), body)),
            )),
        );
        // Does the usual spelling work? Then the spelling is the cause.
        let usual = response("HTTP/1.1 200 OK", &["Content-Length: 3"], b"abc");
        let control = get(
            cx,
            "/usual",
            vec![Step::Send(usual), Step::Hold],
            HELD_RUN_LIMIT,
        )?
        .run;
        if printed(&control, b"abc") {
            failure = failure.diagnosis(match varies {
                Varies::Case => diagnoses::header_name_case(cx.lang()),
                Varies::Whitespace => diagnoses::header_value_whitespace(cx.lang()),
            });
        } else if let Some(d) = waited_for_close(cx, &control, b"abc") {
            failure = failure.diagnosis(d);
        }
        return Err(failure.cause(cx.t(
            "Header names are case-insensitive (RFC 9110 §5.1), and the spaces and tabs around a value are not part of it (RFC 9110 §5.5): `content-length:7` is a Content-Length of 7.",
            "헤더 이름은 대소문자를 구분하지 않고(RFC 9110 §5.1), 값 앞뒤의 공백과 탭은 값에 속하지 않습니다(RFC 9110 §5.5). `content-length:7`도 Content-Length 7입니다.",
        )));
    }
    Ok(())
}

pub fn get_fails_on_a_body_cut_short(cx: &Ctx) -> Outcome {
    let body = pattern(400, 13);
    let status_line = "HTTP/1.1 200 OK";
    let announced = response(status_line, &["Content-Length: 1000"], &body);
    let unannounced = response(status_line, &["Connection: close"], &body);
    for (answer, how, reset, what_en, what_ko) in [
        (
            announced.clone(),
            vec![],
            false,
            "`Content-Length: 1000`, then 400 body bytes, then the server closed the connection",
            "`Content-Length: 1000`, 본문 400바이트, 그다음 서버가 연결을 닫음",
        ),
        (
            announced,
            vec![Step::Reset],
            true,
            "`Content-Length: 1000`, then 400 body bytes, then the server reset the connection",
            "`Content-Length: 1000`, 본문 400바이트, 그다음 서버가 연결을 리셋함",
        ),
        (
            unannounced,
            vec![Step::Reset],
            true,
            "no Content-Length (the body ends at the close), 400 body bytes, then the server reset the connection instead of closing it",
            "Content-Length 없음(본문은 닫힐 때 끝남), 본문 400바이트, 그다음 서버가 연결을 닫지 않고 리셋함",
        ),
    ] {
        let mut steps = vec![Step::Send(answer), Step::Pause(millis(20))];
        steps.extend(how);
        let run = get(cx, "/cut-short", steps, ERROR_RUN_LIMIT)?.run;
        let what = cx.t(what_en, what_ko);
        let cause = cx.t(
            "A response whose connection ends before its body does is incomplete (RFC 9112 §8), and a reset is a failed connection, not the end of a body: either way the output is not the whole body. Say so on stderr and exit 2.",
            "본문이 끝나기 전에 연결이 끝난 응답은 온전하지 않고(RFC 9112 §8), 리셋은 본문의 끝이 아니라 연결 실패입니다. 어느 쪽이든 출력은 본문 전체가 아닙니다. stderr에 그렇다고 쓰고 종료 코드 2로 끝내세요.",
        );
        if let Err(failure) = expect_exit_2_after(cx, &run, status_line, &what, cause) {
            return Err(if run.status.success() {
                failure.diagnosis(if reset {
                    diagnoses::reset_as_eof(cx.lang())
                } else {
                    diagnoses::incomplete_body_accepted(cx.lang())
                })
            } else {
                failure
            });
        }
    }
    Ok(())
}

pub fn get_reads_a_64_kib_head(cx: &Ctx) -> Outcome {
    // 64 header lines of filler, sized so that the head, from the status line to the empty
    // line included, is exactly 65,536 bytes: the contract's limit, which must be read.
    const HEAD: usize = 64 * 1024;
    let mut head = b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n".to_vec();
    let mut n = 0;
    while head.len() + 2 < HEAD {
        let room = HEAD - 2 - head.len();
        let name = format!("X-Filler-{n:02}: ");
        let len = if room > 1100 {
            1000
        } else {
            room - name.len() - 2
        };
        head.extend_from_slice(name.as_bytes());
        head.extend(std::iter::repeat_n(b'a' + (n % 26) as u8, len));
        head.extend_from_slice(b"\r\n");
        n += 1;
    }
    head.extend_from_slice(b"\r\n");
    assert_eq!(
        head.len(),
        HEAD,
        "the grader built a head of the wrong size"
    );
    let mut answer = head;
    answer.extend_from_slice(b"ok\n");
    let run = get(cx, "/big-head", vec![Step::Send(answer)], RUN_LIMIT)?.run;
    if printed(&run, b"ok\n") {
        return Ok(());
    }
    Err(body_failure(
        cx,
        &run,
        b"ok\n",
        Failure::new(cx.t(
            "a response with a 64 KiB head was not read",
            "헤드가 64 KiB인 응답을 읽지 못했습니다",
        ))
        .sent(run.command_line())
        .situation(cx.t(
            format!("the grader's server answered with a head of exactly 65536 bytes ({n} header lines of about 1000 bytes), then `Content-Length: 3` worth of body, and closed"),
            format!("채점기의 서버가 정확히 65536바이트인 헤드(약 1000바이트짜리 헤더 줄 {n}개)와 `Content-Length: 3`만큼의 본문을 보내고 연결을 닫았습니다"),
        ))
        .expected(cx.t("stdout b\"ok\\n\", exit code 0", "stdout에 b\"ok\\n\", 종료 코드 0")),
    )
    .cause(cx.t(
        "Heads up to 64 KiB must be read (the contract). Collect the head in a Vec that grows as reads come, not in one fixed array, and refuse only a head longer than 64 KiB.",
        "계약에 따라 64 KiB까지의 헤드는 읽어야 합니다. 헤드를 고정 크기 배열 하나가 아니라 읽을 때마다 늘어나는 Vec에 모으고, 64 KiB보다 긴 헤드만 거절하세요.",
    )))
}

pub fn get_handles_a_chunked_response(cx: &Ctx) -> Outcome {
    const CHUNKED: &[u8] = b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
    const DECODED: &[u8] = b"hello world";
    let status_line = "HTTP/1.1 200 OK";
    for (headers, hold, what_en, what_ko) in [
        (
            // Transfer-Encoding wins over Content-Length (RFC 9112 §6.3), and 10 bytes of the
            // chunked framing are not the body.
            &["Transfer-Encoding: chunked", "Content-Length: 10"][..],
            false,
            "a chunked body (`Transfer-Encoding: chunked`) with a `Content-Length: 10` as well, then the server closed",
            "`Content-Length: 10`도 함께 붙은 chunked 본문(`Transfer-Encoding: chunked`), 그다음 서버가 연결을 닫음",
        ),
        (
            &["Transfer-Encoding: chunked"][..],
            true,
            "a chunked body (`Transfer-Encoding: chunked`), then the server kept the connection open",
            "chunked 본문(`Transfer-Encoding: chunked`), 그다음 서버가 연결을 열어 둠",
        ),
    ] {
        let mut steps = vec![Step::Send(response(status_line, headers, CHUNKED))];
        if hold {
            steps.push(Step::Hold);
        }
        let run = get(cx, "/chunked", steps, HELD_RUN_LIMIT)?.run;
        // Either choice the contract allows: decode it, or refuse it before printing any of it.
        let decoded = printed(&run, DECODED);
        let refused = run.stdout.is_empty()
            && expect_exit_2_after(cx, &run, status_line, "chunked", String::new()).is_ok();
        if decoded || refused {
            continue;
        }
        let what = cx.t(what_en, what_ko);
        let mut failure = with_program(
            cx,
            &run,
            Failure::new(cx.t(
                "a chunked response was neither decoded nor refused",
                "chunked 응답을 디코딩하지도, 거절하지도 않았습니다",
            ))
            .sent(run.command_line())
            .situation(what)
            .expected(cx.t(
                "stdout b\"hello world\" and exit code 0 (decoded), or nothing on stdout, a message on stderr and exit code 2 (refused)",
                "stdout에 b\"hello world\"와 종료 코드 0(디코딩), 또는 stdout에 아무것도 없이 stderr에 메시지와 종료 코드 2(거절)",
            ))
            .note(format!("stdout: {}", show(cx.lang(), &run.stdout))),
        );
        if let Some(d) = body_diagnosis(cx, &run, DECODED) {
            failure = failure.diagnosis(d);
        }
        return Err(failure.cause(cx.t(
            "With `Transfer-Encoding: chunked` the body is framed by chunk sizes, and Transfer-Encoding wins over any Content-Length (RFC 9112 §6.3). This client need not decode it: return an error from parse_head when the head has Transfer-Encoding (exit 2), before printing anything.",
            "`Transfer-Encoding: chunked` 헤더가 있으면 본문은 청크(chunk)마다 크기를 달고 오며, Content-Length가 함께 있어도 Transfer-Encoding이 우선합니다(RFC 9112 §6.3). 이 클라이언트는 디코딩하지 않아도 됩니다. 헤드에 Transfer-Encoding이 있으면 아무것도 출력하기 전에 parse_head에서 오류를 돌려주세요(종료 코드 2).",
        )));
    }
    Ok(())
}

pub fn get_skips_interim_responses(cx: &Ctx) -> Outcome {
    const BODY: &[u8] = b"the final response's body\n";
    let status_line = "HTTP/1.1 200 OK";
    let length = format!("Content-Length: {}", BODY.len());
    let final_response = response(status_line, &["Content-Type: text/plain", &length], BODY);
    let hints = response(
        "HTTP/1.1 103 Early Hints",
        &["Link: </style.css>; rel=preload; as=style"],
        b"",
    );
    // Round 1: a 100 and the final response in one write, so that they arrive in the same
    // read: the bytes after the interim head are the final head. The server then keeps the
    // connection open: only the final response's Content-Length ends the body.
    let mut together = response("HTTP/1.1 100 Continue", &[], b"");
    together.extend_from_slice(&final_response);
    // Round 2: two 103s, each read by the program before the next piece is sent, then the
    // final response, and the server closes.
    let rounds = [
        (
            vec![Step::Send(together), Step::Hold],
            "HTTP/1.1 100 Continue",
            cx.t(
                "the grader's server sent `HTTP/1.1 100 Continue` and its empty line, then the final `HTTP/1.1 200 OK` with `Content-Length: 26` and its body, all in one write, and kept the connection open",
                "채점기의 서버가 `HTTP/1.1 100 Continue`와 빈 줄, 이어서 `Content-Length: 26`이 든 최종 응답 `HTTP/1.1 200 OK`와 본문을 한 번에 쓰고 연결을 열어 두었습니다",
            ),
        ),
        (
            vec![
                Step::Send(hints.clone()),
                Step::Delivered,
                Step::Send(hints),
                Step::Delivered,
                Step::Send(final_response),
            ],
            "HTTP/1.1 103 Early Hints",
            cx.t(
                "the grader's server sent `HTTP/1.1 103 Early Hints` with a Link header, once more when the program had read it, and, when that was read too, the final `HTTP/1.1 200 OK` with `Content-Length: 26` and its body; then it closed",
                "채점기의 서버가 Link 헤더가 든 `HTTP/1.1 103 Early Hints`를 보내고, 프로그램이 그것을 읽은 뒤 한 번 더 보냈으며, 그것까지 읽은 뒤에 `Content-Length: 26`이 든 최종 응답 `HTTP/1.1 200 OK`와 본문을 보내고 연결을 닫았습니다",
            ),
        ),
    ];
    for (answer, interim, situation) in rounds {
        let run = get(cx, "/interim", answer, HELD_RUN_LIMIT)?.run;
        if printed(&run, BODY) {
            expect_status_line(cx, &run, status_line)?;
            continue;
        }
        let stderr = run.stderr_text();
        let reported = |line: &str| stderr.lines().any(|l| l.trim_end() == line);
        let mut failure = Failure::new(cx.t(
            "the final response after an interim (1xx) one was not read",
            "중간 응답(1xx) 뒤에 온 최종 응답을 읽지 않았습니다",
        ))
        .sent(run.command_line())
        .situation(situation)
        .expected(cx.t(
            format!(
                "stdout {} (the body of the final response), exit code 0",
                show(cx.lang(), BODY)
            ),
            format!(
                "stdout에 {}(최종 응답의 본문), 종료 코드 0",
                show(cx.lang(), BODY)
            ),
        ))
        .got(ending_and_stdout(cx, &run))
        .note(format!("stderr: {}", show(cx.lang(), &run.stderr)));
        if let Some(cause) = explain_stderr(cx.lang(), &stderr) {
            failure = failure.cause(cause);
        }
        let rule = cx.t(
            "A 1xx response is interim (RFC 9110 §15.2): it has no body and is not the answer, and the final response follows on the same connection. Read heads until one whose status is not 1xx, and carry the bytes that came after each interim head into the next read of a head: they are its start.",
            "1xx 응답은 중간 응답입니다(RFC 9110 §15.2). 본문이 없고 요청에 대한 답도 아니며, 최종 응답이 같은 연결로 뒤따라옵니다. 상태가 1xx가 아닌 헤드가 나올 때까지 헤드를 읽고, 중간 응답의 헤드 뒤에 함께 온 바이트는 다음 헤드의 시작이므로 다음 헤드를 읽을 때 앞에 붙이세요.",
        );
        let cause = if run.stdout.is_empty() && reported(interim) && !reported(status_line) {
            cx.t(
                format!("The program took `{interim}` for the final response: it reported that status line and ended, and the 200 that followed was never read. {rule}"),
                format!("프로그램이 `{interim}` 응답을 최종 응답으로 여겼습니다. 그 상태 줄을 출력하고 끝났고, 뒤따라온 200은 읽지 않았습니다. {rule}"),
            )
        } else if run.stdout.starts_with(b"HTTP/1.1 ")
            && !run.stdout.starts_with(status_line.as_bytes())
            || run.stdout.windows(4).any(|w| w == b"\r\n\r\n")
        {
            cx.t(
                format!("What followed the interim response's head came out as its body: the next response's head is on stdout. An interim response never has a body. {rule}"),
                format!("중간 응답의 헤드 뒤에 온 것을 그 응답의 본문으로 출력했습니다. 다음 응답의 헤드가 stdout에 나왔습니다. 중간 응답에는 본문이 없습니다. {rule}"),
            )
        } else if run.timed_out && run.stdout.is_empty() {
            cx.t(
                format!("The program waited for a final response that had already come: it arrived in the same read as the interim head, right after it. {rule}"),
                format!("프로그램이 이미 도착한 최종 응답을 기다렸습니다. 최종 응답은 중간 응답의 헤드와 같은 read에, 그 바로 뒤에 왔습니다. {rule}"),
            )
        } else {
            rule
        };
        return Err(failure.cause(cause));
    }
    Ok(())
}

pub fn get_reads_no_body_after_204_or_304(cx: &Ctx) -> Outcome {
    for (status_line, headers, code, what_en, what_ko) in [
        (
            "HTTP/1.1 204 No Content",
            &["Server: grader"][..],
            0,
            "`HTTP/1.1 204 No Content` without a Content-Length",
            "Content-Length 없는 `HTTP/1.1 204 No Content`",
        ),
        (
            "HTTP/1.1 304 Not Modified",
            &["ETag: \"v1\"", "Content-Length: 12"][..],
            1,
            "`HTTP/1.1 304 Not Modified` with `Content-Length: 12`, the length a 200 would have had",
            "200이었다면 가졌을 길이를 적은 `Content-Length: 12`가 든 `HTTP/1.1 304 Not Modified`",
        ),
        (
            "HTTP/1.1 304 Not Modified",
            &["ETag: \"v1\"", "Transfer-Encoding: chunked"][..],
            1,
            "`HTTP/1.1 304 Not Modified` with `Transfer-Encoding: chunked`, the coding a 200 would have had",
            "200이었다면 썼을 코딩을 적은 `Transfer-Encoding: chunked`가 든 `HTTP/1.1 304 Not Modified`",
        ),
    ] {
        let answer = response(status_line, headers, b"");
        let run = get(
            cx,
            "/no-body",
            vec![Step::Send(answer), Step::Hold],
            HELD_RUN_LIMIT,
        )?
        .run;
        if run.status.code() == Some(code) && !run.timed_out && run.stdout.is_empty() {
            expect_status_line(cx, &run, status_line)?;
            continue;
        }
        let what = cx.t(what_en, what_ko);
        let mut failure = with_program(
            cx,
            &run,
            Failure::new(cx.t(
                format!("a response with no body did not end with its head: {what}"),
                format!("본문이 없는 응답을 헤드에서 끝내지 않았습니다: {what}"),
            ))
            .sent(run.command_line())
            .situation(cx.t(
                format!("the grader's server answered {what}: a head and its empty line, no body, and kept the connection open"),
                format!("채점기의 서버가 {what} 응답을 빈 줄까지만 보내고, 본문 없이 연결을 열어 두었습니다"),
            ))
            .expected(cx.t(
                format!("nothing on stdout, and exit code {code} right after the head"),
                format!("stdout에 아무것도 없고, 헤드 직후 종료 코드 {code}"),
            ))
            .note(format!("stdout: {}", show(cx.lang(), &run.stdout))),
        );
        if run.stdout.starts_with(b"HTTP/") {
            failure = failure.diagnosis(diagnoses::head_on_stdout(cx.lang()));
        }
        let rule = cx.t(
            "A 1xx, 204 or 304 response never has a body, whatever its headers say (RFC 9112 §6.3): it ends with its empty line. A 304 may carry the Content-Length or Transfer-Encoding that a 200 would have had. Look at the status first, and read a body only after other statuses.",
            "1xx, 204, 304 응답에는 헤더에 무엇이 적혀 있든 본문이 없고(RFC 9112 §6.3), 응답은 빈 줄에서 끝납니다. 304에는 200이었다면 가졌을 Content-Length나 Transfer-Encoding이 들어 있을 수 있습니다. 상태 코드를 먼저 보고, 다른 상태일 때만 본문을 읽으세요.",
        );
        let cause = if run.timed_out {
            cx.t(
                format!("The program waited for a body after the head. {rule}"),
                format!("프로그램이 헤드 뒤에 본문을 기다렸습니다. {rule}"),
            )
        } else if run.status.code() == Some(2) {
            cx.t(
                format!("The program refused the response for a header that says nothing about it. {rule}"),
                format!("프로그램이 이 응답과 상관없는 헤더를 이유로 응답을 거절했습니다. {rule}"),
            )
        } else {
            rule
        };
        return Err(failure.cause(cause));
    }
    Ok(())
}

pub fn get_reports_the_status_line(cx: &Ctx) -> Outcome {
    // 299 is an unregistered code, and still a success: a client treats a code it does not
    // know as the x00 of its class (RFC 9110 §15).
    for (status_line, body) in [
        ("HTTP/1.1 203 Non-Authoritative Information", "from 203\n"),
        ("HTTP/1.1 299 Whatever It Means", "from 299\n"),
    ] {
        let answer = response(
            status_line,
            &[
                "Content-Type: text/plain",
                &format!("Content-Length: {}", body.len()),
                "Connection: close",
            ],
            body.as_bytes(),
        );
        let run = get(cx, "/status", vec![Step::Send(answer)], RUN_LIMIT)?.run;
        expect_status_line(cx, &run, status_line)?;
        if printed(&run, body.as_bytes()) {
            continue;
        }
        return Err(body_failure(
            cx,
            &run,
            body.as_bytes(),
            Failure::new(cx.t(
                format!("`{status_line}` did not end in exit code 0 with the body printed"),
                format!("`{status_line}`에서 본문을 출력하고 종료 코드 0으로 끝나지 않았습니다"),
            ))
            .sent(run.command_line())
            .expected(cx.t(
                format!("stdout {}, exit code 0", show(cx.lang(), body.as_bytes())),
                format!("stdout에 {}, 종료 코드 0", show(cx.lang(), body.as_bytes())),
            )),
        )
        .cause(cx.t(
            "Every status from 200 to 299 means success: read the code from the status line as a number and compare the range, not the text `200 OK`.",
            "200부터 299까지는 모두 성공입니다. 상태 줄의 코드를 숫자로 읽어 범위로 비교하세요. `200 OK`라는 문자열과 비교하면 안 됩니다.",
        )));
    }
    Ok(())
}

pub fn get_accepts_any_reason_phrase(cx: &Ctx) -> Outcome {
    for (status_line, framing, body) in [
        // An empty reason phrase: the space after the code is there, the reason is not.
        ("HTTP/1.1 200 ", "Content-Length: 6", &b"empty\n"[..]),
        ("HTTP/1.1 200 OK Fine", "Content-Length: 7", b"spaces\n"),
        // An HTTP/1.0 server: no length, the body ends at the close.
        ("HTTP/1.0 200 OK", "Server: old", b"one-oh\n"),
    ] {
        let answer = response(status_line, &[framing], body);
        let run = get(cx, "/reason", vec![Step::Send(answer)], RUN_LIMIT)?.run;
        if printed(&run, body) {
            expect_status_line(cx, &run, status_line)?;
            continue;
        }
        return Err(body_failure(
            cx,
            &run,
            body,
            Failure::new(cx.t(
                format!("the status line {status_line:?} was not accepted"),
                format!("상태 줄이 {status_line:?}인 응답을 받아들이지 않았습니다"),
            ))
            .sent(run.command_line())
            .expected(cx.t(
                format!("stdout {}, exit code 0", show(cx.lang(), body)),
                format!("stdout에 {}, 종료 코드 0", show(cx.lang(), body)),
            )),
        )
        .cause(cx.t(
            "The status line is `HTTP/1.x`, a space, three digits, a space, and a reason phrase that may be empty or have spaces of its own (RFC 9112 §4). Read the version and the code; ignore the reason.",
            "상태 줄은 `HTTP/1.x`, 공백, 세 자리 숫자, 공백, 그리고 사유 문구로 이루어집니다. 사유 문구는 비어 있을 수도, 그 안에 공백이 있을 수도 있습니다(RFC 9112 §4). 버전과 코드만 읽고 사유 문구는 무시하세요.",
        )));
    }
    Ok(())
}

pub fn get_exits_1_on_any_other_status(cx: &Ctx) -> Outcome {
    for status_line in [
        "HTTP/1.1 300 Multiple Choices",
        "HTTP/1.1 404 Not Found",
        "HTTP/1.1 503 Service Unavailable",
    ] {
        let body = format!("this is the body of a {}\n", &status_line[9..12]);
        let answer = response(
            status_line,
            &[
                "Content-Type: text/plain",
                &format!("Content-Length: {}", body.len()),
                "Connection: close",
            ],
            body.as_bytes(),
        );
        let run = get(cx, "/other", vec![Step::Send(answer)], RUN_LIMIT)?.run;
        if run.status.code() == Some(1) && run.stdout == body.as_bytes() {
            expect_status_line(cx, &run, status_line)?;
            continue;
        }
        return Err(body_failure(
            cx,
            &run,
            body.as_bytes(),
            Failure::new(cx.t(
                format!("`{status_line}` did not end in exit code 1 with its body printed"),
                format!("`{status_line}`에서 본문을 출력하고 종료 코드 1로 끝나지 않았습니다"),
            ))
            .sent(run.command_line())
            .expected(cx.t(
                format!("stdout {}, exit code 1", show(cx.lang(), body.as_bytes())),
                format!("stdout에 {}, 종료 코드 1", show(cx.lang(), body.as_bytes())),
            )),
        )
        .cause(cx.t(
            "Any status outside 200-299 is a whole, valid response with bad news, a redirect (3xx) too: print its body like any other, and then exit with 1.",
            "상태가 200~299 밖인 응답도 리다이렉션(3xx)을 포함해 모두 온전하고 올바른 응답입니다. 요청이 성공하지 못했다는 소식을 담고 있을 뿐입니다. 다른 응답처럼 본문을 출력한 뒤 종료 코드 1로 끝내세요.",
        )));
    }
    Ok(())
}

pub fn get_reports_a_malformed_response(cx: &Ctx) -> Outcome {
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
        (
            b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello, world",
            "two Content-Length headers that disagree (5 and 7)",
            "서로 다른 Content-Length 헤더 두 개(5와 7)",
        ),
    ] {
        let run = get(
            cx,
            "/malformed",
            vec![Step::Send(answer.to_vec())],
            ERROR_RUN_LIMIT,
        )?
        .run;
        expect_exit_2(
            cx,
            &run,
            &cx.t(what_en, what_ko),
            cx.t(
                "A response that is not HTTP (no status line `HTTP/1.x CODE`, a head cut off by EOF, a Content-Length that is not a number, two Content-Lengths that disagree: RFC 9112 §6.3) is an error: return an InvalidData error, which get turns into a message and exit code 2.",
                "상태 줄이 `HTTP/1.x CODE`로 시작하지 않는 응답, 헤드가 EOF로 끊긴 응답, Content-Length가 숫자가 아닌 응답, 서로 다른 Content-Length가 두 개인 응답(RFC 9112 §6.3)은 HTTP 응답이 아니므로 오류입니다. InvalidData 오류를 돌려주면 get이 메시지와 종료 코드 2로 바꿉니다.",
            ),
        )?;
    }
    Ok(())
}
