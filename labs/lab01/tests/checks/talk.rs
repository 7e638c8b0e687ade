//! The checks of `talk`: a conversation in both directions at once, on one connection.
//!
//! Each check starts a scripted server, starts `lab01 talk ADDR` with a stdin the check
//! writes to, and watches both ends. What the server sends and when is under the check's
//! control, and so is when the program's reads happen to split the data: the server waits
//! until the program has read one piece before it sends the next
//! ([`harness::tcp_peer::Conn::wait_until_read`]).

use std::net::{IpAddr, Ipv6Addr};
use std::sync::mpsc;

use harness::process::{Spawned, find_panic};
use harness::tcp_peer::{Conn, Delivery, Peer, RefusingPort};
use harness::text::describe_difference;
use harness::{Ctx, Ending, Failure, Outcome, millis, secs, show};

use super::common::{RUN_LIMIT, WAIT, expect_exit_2, localhost};
use super::diagnoses;

/// Starts `lab01 talk ADDR` for the grader's server, with a stdin the check writes to.
fn talk(cx: &Ctx, peer: &Peer<()>) -> Result<Spawned, Failure> {
    cx.spawn_interactive(&["talk", &peer.addr().to_string()])
}

/// Waits for the next line on the program's stdout and checks that it is `expected`.
/// `situation` says what led up to it; `cause` is the likely mistake when the line does not
/// come.
fn expect_printed(
    cx: &Ctx,
    program: &mut Spawned,
    peer: &Peer<()>,
    expected: &str,
    situation: String,
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
            "stdout에 아무것도 없음(프로그램은 아직 실행 중)",
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
                "{}초 동안 stdout에 아무것도 없음(프로그램은 아직 실행 중)",
                WAIT.as_secs()
            ),
        )),
    };
    Err(failure
        .situation(situation)
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

pub fn talk_prints_a_line_pushed_first(cx: &Ctx) -> Outcome {
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
            "The server may speak first. Read from the server independently of stdin (on a thread of its own, say); a loop that waits for a line of stdin before it reads from the server never hears this.",
            "서버가 먼저 보낼 수도 있습니다. 서버에서 읽는 일은 stdin과 상관없이 하세요(예를 들어 별도 스레드에서). stdin에서 한 줄을 기다린 다음에야 서버에서 읽는 루프는 이 줄을 받지 못합니다.",
        ),
    )
}

pub fn talk_prints_each_pushed_line_as_it_arrives(cx: &Ctx) -> Outcome {
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

pub fn talk_sends_stdin_lines_in_order(cx: &Ctx) -> Outcome {
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
                    "서버가 다음에 와야 할 줄과 다른 줄을 받았습니다",
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
                        "{}초 동안 아무것도 오지 않음(프로그램은 아직 실행 중)",
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
                        "지금까지 stdin에 쓴 것: {}(stdin은 열어 둠)",
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
                        "{}초 안에 서버가 다음 줄로 받는 {}",
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

pub fn talk_half_closes_at_stdin_eof(cx: &Ctx) -> Outcome {
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
        "stdin이 EOF에 이르면 stream.shutdown(Shutdown::Write)로 보내는 방향만 닫으세요. 서버는 EOF를 읽고, 연결은 서버가 답할 수 있도록 열려 있습니다. read가 0을 반환할 때까지 계속 출력하세요.",
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
            "EOF 뒤에 온 서버의 답이 출력되지 않았습니다. Both가 아니라 보내는 방향만 닫으세요(Shutdown::Write). stdin이 끝났다고 프로그램을 끝내지 말고, 서버가 연결을 닫을 때까지 계속 출력하세요.",
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
            "서버 쪽 read가 0을 반환하면 서버가 연결을 닫은 것입니다. 대화가 끝났으니 반환해서 종료 코드 0으로 끝내세요.",
        ))),
    }
}

pub fn talk_reports_a_refused_connection(cx: &Ctx) -> Outcome {
    let refusing = RefusingPort::new(cx.lang())?;
    let run = cx.run(&["talk", &refusing.addr.to_string()], RUN_LIMIT)?;
    expect_exit_2(
        cx,
        &run,
        &cx.t("nothing listens there", "그 주소에서 수신 대기하는 소켓이 없음"),
        cx.t(
            "connect fails with \"Connection refused\" when nothing listens on the port. Return that error with ? (main turns it into a message and exit code 2); never unwrap it.",
            "그 포트에서 수신 대기하는 소켓이 없으면 connect가 \"Connection refused\"로 실패합니다. 그 오류를 ?로 돌려주세요(main이 메시지와 종료 코드 2로 바꿉니다). unwrap하면 안 됩니다.",
        ),
    )
}

/// How long the grader's server may take to send every piece, each once the program has
/// read the one before (three waits of at most WAIT each).
const PIECES_LIMIT: std::time::Duration = secs(10);

/// What the server sends in pieces, each read by the program before the next is sent: a line
/// split in the middle, a character split between its bytes, three lines and a long one in
/// one write, and a last line without a newline before the server closes.
fn pieces() -> Vec<Vec<u8>> {
    let hangul = "안녕".as_bytes();
    let long: String = (0..20_000)
        .map(|i| (b'a' + (i % 26) as u8) as char)
        .collect();
    let mut second = b"rld\n".to_vec();
    second.extend_from_slice(&hangul[..4]); // 안, and the first byte of 녕
    let mut third = hangul[4..].to_vec(); // the other two bytes of 녕
    third.extend_from_slice("하세요\na\nb\nc\n".as_bytes());
    third.extend_from_slice(long.as_bytes());
    third.push(b'\n');
    vec![
        b"hello wo".to_vec(),
        second,
        third,
        b"the last line has no newline".to_vec(),
    ]
}

pub fn talk_prints_lines_that_arrive_in_pieces(cx: &Ctx) -> Outcome {
    // The script returns the number of the first piece the program did not read in time.
    let peer = cx.start_tcp_peer(move |conn: &mut Conn| -> Option<usize> {
        let pieces = pieces();
        let last = pieces.len();
        for (n, piece) in pieces.into_iter().enumerate() {
            if conn.send(&piece).is_err() || n + 1 == last {
                break;
            }
            match conn.wait_until_read(WAIT) {
                Delivery::Read => {}
                Delivery::NotRead => return Some(n + 1),
                // Not Linux, so no way to ask: a pause is the best the grader can do to
                // let the program read this piece alone. It gives a wrong program the chance
                // to show itself; it never makes a right one fail.
                Delivery::Unknown => {
                    conn.pause(millis(50));
                }
            }
        }
        // Returning closes the connection: the last line has no newline.
        None
    })?;
    let mut program = cx.spawn_interactive(&["talk", &peer.addr().to_string()])?;
    program.close_stdin();
    let expected = pieces().concat();
    // The program has WAIT to exit from the moment the server closes, not from its start:
    // how long the pieces took to be read depends on the machine's load.
    let unread = peer.wait(PIECES_LIMIT).ok().flatten();
    let status = program.exit_status(WAIT);
    let stdout = program.collect_stdout(WAIT);
    let mut with_newline = expected.clone();
    with_newline.push(b'\n');
    if status.is_some_and(|s| s.success()) && (stdout == expected || stdout == with_newline) {
        return Ok(());
    }
    let situation = cx.t(
        "stdin closed at once; the grader's server sent b\"hello wo\", then b\"rld\\n\" with \"안\" and the first byte of \"녕\", then the rest of \"녕하세요\\n\", three short lines and a 20000-byte line, then b\"the last line has no newline\", and closed; it sent each piece only once the program had read the one before",
        "stdin은 바로 닫았습니다. 채점기의 서버는 b\"hello wo\"를 보내고, 이어서 b\"rld\\n\"과 \"안\", \"녕\"의 첫 바이트를, 그다음 \"녕하세요\\n\"의 나머지와 짧은 줄 세 개, 20000바이트짜리 줄 하나를, 마지막으로 b\"the last line has no newline\"을 보낸 뒤 연결을 닫았습니다. 각 조각은 프로그램이 앞 조각을 읽은 뒤에야 보냈습니다",
    );
    let mut failure = match status {
        None => Failure::new(cx.t(
            "the program did not exit after the server closed",
            "서버가 닫은 뒤에도 프로그램이 끝나지 않았습니다",
        ))
        .got(cx.t(
            format!("still running after {} s", WAIT.as_secs()),
            format!("{}초 뒤에도 실행 중", WAIT.as_secs()),
        )),
        Some(s) if !s.success() => program.exit_failure(cx.t(
            "the program did not exit with code 0 after the server closed",
            "서버가 닫은 뒤 프로그램이 종료 코드 0으로 끝나지 않았습니다",
        )),
        Some(_) => Failure::new(cx.t(
            "stdout is not the lines the server sent",
            "stdout이 서버가 보낸 줄과 다릅니다",
        )),
    }
    .situation(situation)
    .expected(cx.t(
        "exactly the bytes the server sent on stdout (a newline after the last line is allowed), then exit code 0",
        "서버가 보낸 바이트 그대로 stdout에 출력(마지막 줄 뒤 줄바꿈은 있어도 됨), 그다음 종료 코드 0",
    ))
    .note(format!("stdout: {}", show(cx.lang(), &stdout)));
    if let Some(diff) = describe_difference(cx.lang(), &expected, &stdout) {
        failure = failure.note(diff);
    }
    if let Some(n) = unread {
        failure = failure.note(cx.t(
            format!(
                "the program did not read piece {n} within {} s",
                WAIT.as_secs()
            ),
            format!(
                "프로그램이 {}초 안에 {n}번째 조각을 읽지 않았습니다",
                WAIT.as_secs()
            ),
        ));
    }
    let split =
        stdout.starts_with(b"hello wo\n") || stdout.windows(3).any(|w| w == "\u{FFFD}".as_bytes());
    let last_dropped = stdout.len() < expected.len()
        && expected.starts_with(&stdout)
        && stdout.ends_with(b"\n")
        && stdout.len() == expected.len() - b"the last line has no newline".len();
    if split {
        failure = failure.diagnosis(diagnoses::read_as_line(cx.lang()));
    }
    Err(failure.cause(if last_dropped {
        cx.t(
            "Everything but the last line came out: when the server closes, the bytes after the last newline are its last words, and must be printed too.",
            "마지막 줄만 빼고 모두 출력됐습니다. 서버가 연결을 닫을 때 마지막 줄바꿈 뒤에 남은 바이트도 서버가 보낸 것이니 출력해야 합니다.",
        )
    } else {
        cx.t(
            "TCP keeps no message boundaries: a read returns part of a line, or several lines. Read the server's side through a BufReader, print each line read_until(b'\\n') returns as bytes, and at EOF print what is left.",
            "TCP는 메시지 경계를 지키지 않습니다. read 한 번은 줄의 일부를 돌려줄 수도, 여러 줄을 돌려줄 수도 있습니다. 서버 쪽을 BufReader로 감싸 read_until(b'\\n')이 돌려주는 줄을 바이트 그대로 출력하고, EOF를 만나면 남은 바이트를 출력하세요.",
        )
    }))
}

const GOODBYE: &str = "bye: the server is closing";

pub fn talk_exits_when_the_server_closes(cx: &Ctx) -> Outcome {
    let peer = cx.start_tcp_peer(|conn: &mut Conn| {
        let _ = conn.send(format!("{GOODBYE}\n").as_bytes());
        // Returning closes the connection.
    })?;
    let mut program = talk(cx, &peer)?;
    let situation = cx.t(
        format!("the grader's server sent \"{GOODBYE}\\n\" and closed the connection; stdin stayed open, and empty"),
        format!("채점기의 서버가 \"{GOODBYE}\\n\"을 보내고 연결을 닫았습니다. stdin은 열어 둔 채 아무것도 쓰지 않았습니다"),
    );
    expect_printed(
        cx,
        &mut program,
        &peer,
        GOODBYE,
        situation.clone(),
        cx.t(
            "Print what the server sends as it arrives, independently of stdin.",
            "서버가 보내는 것을 stdin과 상관없이 도착하는 대로 출력하세요.",
        ),
    )?;
    match program.exit_status(WAIT) {
        Some(status) if status.success() => Ok(()),
        Some(_) => Err(program
            .exit_failure(cx.t(
                "the program did not exit with code 0 after the server closed",
                "서버가 연결을 닫은 뒤 프로그램이 종료 코드 0으로 끝나지 않았습니다",
            ))
            .situation(situation)),
        None => Err(Failure::new(cx.t(
            "the program kept running after the server closed the connection",
            "서버가 연결을 닫은 뒤에도 프로그램이 끝나지 않았습니다",
        ))
        .situation(situation)
        .expected(cx.t(
            format!("exit code 0 within {} s of the server closing, although stdin is still open", WAIT.as_secs()),
            format!("stdin이 아직 열려 있어도, 서버가 닫은 뒤 {}초 안에 종료 코드 0", WAIT.as_secs()),
        ))
        .got(cx.t(
            format!("still running after {} s", WAIT.as_secs()),
            format!("{}초 뒤에도 실행 중", WAIT.as_secs()),
        ))
        .cause(cx.t(
            "When the server closes, the conversation is over, whether or not the user is done typing. End the program when the read from the server returns 0: return from main (the thread blocked on stdin ends with it); do not join that thread first.",
            "서버가 연결을 닫으면 사용자가 입력을 마쳤든 아니든 대화는 끝납니다. 서버 쪽 read가 0을 반환하면 프로그램을 끝내세요. main에서 반환하면 stdin에서 대기하던 스레드도 함께 끝납니다. 그 스레드를 먼저 join하면 안 됩니다.",
        ))),
    }
}

/// Starts a server at `ip` that greets the program with `line`, runs `lab01 talk ADDR`
/// (ADDR made from the server's port), and expects the line on stdout.
/// When the program never connects, `no_connection` may say what the check knows about why.
fn talk_at(
    cx: &Ctx,
    ip: IpAddr,
    addr: impl FnOnce(u16) -> String,
    line: &'static str,
    no_connection: impl FnOnce(Failure) -> Failure,
) -> Outcome {
    let peer = cx.start_tcp_peer_on(ip, move |conn: &mut Conn| {
        if conn.send(format!("{line}\n").as_bytes()).is_ok() {
            conn.hold(secs(30));
        }
    })?;
    let addr = addr(peer.addr().port());
    let mut program = cx.spawn_interactive(&["talk", &addr])?;
    expect_printed(
        cx,
        &mut program,
        &peer,
        line,
        cx.t(
            format!("PROGRAM talk {addr}; the grader's server at {} sent \"{line}\\n\" as soon as the program connected", peer.addr()),
            format!("PROGRAM talk {addr}. 프로그램이 연결하자마자 {}에 있는 채점기의 서버가 \"{line}\\n\"을 보냈습니다", peer.addr()),
        ),
        cx.t(
            "ADDR is HOST:PORT as the user typed it: a name (`localhost:7171`), an IPv4 address or an IPv6 address in brackets (`[::1]:7171`). Give the text to TcpStream::connect, which resolves it and tries every address it has.",
            "ADDR는 사용자가 입력한 HOST:PORT 그대로입니다. 이름(`localhost:7171`), IPv4 주소, 대괄호로 감싼 IPv6 주소(`[::1]:7171`)가 모두 올 수 있습니다. 그 문자열을 TcpStream::connect에 넘기면 이름을 풀어 나온 주소를 차례로 시도합니다.",
        ),
    )
    .map_err(|failure| {
        // A crash explains a missing connection better than anything the check can add.
        if peer.connected() || find_panic(&program.stderr_text()).is_some() {
            failure
        } else {
            no_connection(failure)
        }
    })
}

pub fn talk_connects_by_host_name(cx: &Ctx) -> Outcome {
    let ip = localhost(cx)?;
    talk_at(
        cx,
        ip,
        |port| format!("localhost:{port}"),
        "hello, by name",
        |failure| failure,
    )
}

pub fn talk_connects_over_ipv6(cx: &Ctx) -> Outcome {
    cx.ipv6_loopback()?;
    talk_at(
        cx,
        IpAddr::V6(Ipv6Addr::LOCALHOST),
        |port| format!("[::1]:{port}"),
        "hello over IPv6",
        |failure| failure.diagnosis(harness::diagnose::ipv4_only(cx.lang())),
    )
}

pub fn talk_reports_a_reset(cx: &Ctx) -> Outcome {
    const LAST: &str = "this line comes just before a reset";
    let peer = cx.start_tcp_peer(|conn: &mut Conn| {
        if conn.send(format!("{LAST}\n").as_bytes()).is_err() {
            return;
        }
        // Let the program have the line first, so that it has something to print.
        if conn.wait_until_read(WAIT) == Delivery::Unknown {
            conn.pause(millis(50));
        }
        let _ = conn.reset_at_end();
    })?;
    let mut program = talk(cx, &peer)?;
    let situation = cx.t(
        format!("the grader's server sent \"{LAST}\\n\", then reset the connection (RST) instead of closing it; stdin stayed open, and empty"),
        format!("채점기의 서버가 \"{LAST}\\n\"을 보낸 뒤 연결을 닫지 않고 리셋(RST)했습니다. stdin은 열어 둔 채 아무것도 쓰지 않았습니다"),
    );
    let cause = cx.t(
        "A reset is a failed connection, not the end of the conversation: read returns an error (ConnectionReset), not 0. Pass it on with ?; main turns it into a message and exit code 2.",
        "리셋은 대화의 끝이 아니라 연결 실패입니다. read는 0이 아니라 오류(ConnectionReset)를 돌려줍니다. 그 오류를 ?로 넘기면 main이 메시지와 종료 코드 2로 바꿉니다.",
    );
    expect_printed(
        cx,
        &mut program,
        &peer,
        LAST,
        situation.clone(),
        cause.clone(),
    )?;
    // The program has WAIT to exit from the moment of the reset, not from its start.
    let _ = peer.wait(WAIT);
    let failure = match program.exit_status(WAIT) {
        Some(status) if status.code() == Some(2) && said_something(&mut program) => {
            return Ok(());
        }
        Some(_) => program.exit_failure(cx.t(
            "after the reset, the program did not exit with code 2 and a message",
            "리셋 뒤 프로그램이 메시지와 함께 종료 코드 2로 끝나지 않았습니다",
        )),
        None => Failure::new(cx.t(
            "the program kept running after the connection was reset",
            "연결이 리셋된 뒤에도 프로그램이 끝나지 않았습니다",
        ))
        .got(cx.t(
            format!("still running after {} s", WAIT.as_secs()),
            format!("{}초 뒤에도 실행 중", WAIT.as_secs()),
        )),
    };
    Err(failure
        .situation(situation)
        .expected(cx.t(
            "a one-line error message on stderr, and exit code 2",
            "stderr에 한 줄짜리 오류 메시지, 그리고 종료 코드 2",
        ))
        .note(format!(
            "stderr: {}",
            show(cx.lang(), &program.stderr_bytes())
        ))
        .cause(cause))
}

/// Whether a program that has exited wrote anything to stderr (read to its end: the
/// harness waits for the last words of a program that exited).
fn said_something(program: &mut Spawned) -> bool {
    !program.stderr_after_exit(secs(1)).trim().is_empty()
}
