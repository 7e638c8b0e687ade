//! The checks of lab03, the UDP sender, receiver and echo server (chapter 3).
//!
//! Each check is black-box. `send` is run to the end with `Ctx::run`, aimed at a UDP socket
//! of the grader's own (`harness::udp::Peer`), which then reads what arrived. `recv` and
//! `echo` are started with `--listen 127.0.0.1:0` and found through their
//! `listening on ADDR` line; the grader sends them datagrams from its own sockets and reads
//! what `recv` prints or what `echo` sends back. Every receive has a deadline, so a program
//! that never answers fails the check within its time limit, with what was sent, what was
//! expected and the silence that came back.
//!
//! The table at the bottom gives each check its points, its time limit, the TODO it
//! depends on and the chapter section that explains it. This file is also compiled into the
//! reference solution's proof tests (`solutions/lab03/tests/proof.rs`), which show that
//! every check passes the reference and that each classic bug is caught by the check named
//! for it.

use std::net::{SocketAddr, UdpSocket};
use std::time::Duration;

use harness::process::{describe_exit, explain_stderr};
use harness::udp::{MAX_PAYLOAD, Peer, show_datagram, unused_address};
use harness::{Check, Ctx, Failure, Finished, Lab, Outcome, Server, Step, Text, millis, secs};

/// How long a datagram (or a printed line) may take. Loopback delivers in microseconds; the
/// margin is for a loaded machine running many checks at once.
const WAIT: Duration = secs(3);
/// How long to listen for a datagram that must not come. Loopback delivery is immediate, and
/// a one-shot `send` has exited before the grader listens, so anything it sent is already
/// waiting in the grader's socket: a short wait is enough to be sure.
const QUIET: Duration = millis(300);
/// How long a one-shot `send` may run.
const RUN_LIMIT: Duration = secs(5);

/// Printable ASCII that looks random, so that a shifted or cut message shows up as a
/// difference, and that can travel as a command-line argument.
fn printable(len: usize, seed: u64) -> String {
    harness::pattern(len, seed)
        .into_iter()
        .map(|b| char::from(b'!' + b % 94))
        .collect()
}

/// The command line of a run, for reports, with long arguments shortened.
fn shown_command(args: &[String]) -> String {
    let shown: Vec<String> = args
        .iter()
        .map(|a| {
            if a.len() > 40 {
                format!("<{}-byte message>", a.len())
            } else if a.is_empty() || a.contains([' ', '"']) {
                format!("\"{a}\"")
            } else {
                a.clone()
            }
        })
        .collect();
    format!("PROGRAM {}", shown.join(" "))
}

/// `send --to ADDR MESSAGE...` as owned arguments.
fn send_args(to: SocketAddr, messages: &[&str]) -> Vec<String> {
    // No message here starts with `-`, so none can be mistaken for an option.
    let mut args = vec!["send".to_string(), "--to".to_string(), to.to_string()];
    args.extend(messages.iter().map(|m| m.to_string()));
    args
}

fn run(cx: &Ctx, args: &[String]) -> Result<Finished, Failure> {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    cx.run(&args, RUN_LIMIT)
}

/// Fails unless `send` exited with code 0. `cause` is the check's guess when the program's
/// stderr does not explain it better (a todo!(), a panic).
fn expect_success(
    cx: &Ctx,
    args: &[String],
    finished: &Finished,
    cause: (&str, &str),
) -> Result<(), Failure> {
    if finished.status.success() && !finished.timed_out {
        return Ok(());
    }
    let mut failure = Failure::new(cx.t(
        "`send` did not exit with code 0",
        "`send`가 종료 코드 0으로 끝나지 않았습니다",
    ))
    .sent(shown_command(args))
    .expected(cx.t(
        "the datagrams sent, the summary line on stdout, exit code 0",
        "데이터그램 전송, stdout에 요약 줄, 종료 코드 0",
    ))
    .got(finished.describe());
    // The harness shows the program's stderr at the end of the report.
    if let Some(explained) = explain_stderr(cx.lang(), &finished.stderr_text()) {
        failure = failure.cause(explained);
    }
    Err(failure.cause(cx.t(cause.0, cause.1)))
}

/// What the grader ran, as the first step of a report.
fn ran(args: &[String]) -> Step {
    Step::Sent(shown_command(args))
}

// ---------------------------------------------------------------------------------------
// send
// ---------------------------------------------------------------------------------------

fn send_one_message_as_one_datagram(cx: &Ctx) -> Outcome {
    let mut peer = Peer::bind(cx.lang())?;
    let args = send_args(peer.addr(), &["hello, datagram"]);
    let finished = run(cx, &args)?;
    expect_success(
        cx,
        &args,
        &finished,
        (
            "Bind a UDP socket (TODO 1), then send the message with send_to (TODO 2).",
            "UDP 소켓을 바인드하고(TODO 1) send_to로 메시지를 보내세요(TODO 2).",
        ),
    )?;
    let from = peer
        .expect_datagram(b"hello, datagram", WAIT)
        .map_err(|f| {
            f.context(ran(&args)).cause(cx.t(
                "Send the message's bytes, exactly, with one send_to to the --to address.",
                "메시지의 바이트를 그대로, --to 주소로 send_to 한 번에 보내세요.",
            ))
        })?;
    peer.expect_silence(QUIET).map_err(|f| {
        f.context(ran(&args)).cause(cx.t(
            "One message is one datagram: call send_to once per message, and only once.",
            "메시지 하나는 데이터그램 하나입니다. 메시지마다 send_to를 딱 한 번만 호출하세요.",
        ))
    })?;
    if !from.ip().is_loopback() || from.port() == 0 {
        return Err(Failure::new(cx.t(
            "the datagram came from an unexpected address",
            "데이터그램이 예상하지 못한 주소에서 왔습니다",
        ))
        .context(ran(&args))
        .expected(cx.t(
            "a datagram from 127.0.0.1 and an ephemeral port",
            "127.0.0.1의 임시 포트에서 온 데이터그램",
        ))
        .got(from.to_string()));
    }
    Ok(())
}

fn send_three_messages_in_order(cx: &Ctx) -> Outcome {
    let mut peer = Peer::bind(cx.lang())?;
    let messages = ["one", "two", "three"];
    let args = send_args(peer.addr(), &messages);
    let finished = run(cx, &args)?;
    expect_success(
        cx,
        &args,
        &finished,
        (
            "Send each message with its own send_to (TODO 2).",
            "메시지마다 send_to를 따로 호출해 보내세요(TODO 2).",
        ),
    )?;
    let cause = (
        "Each message must be its own datagram, in the order given: one send_to per message. A datagram is never merged with another or split, so joining the messages, or leaving one out, shows up at once.",
        "메시지는 주어진 순서대로 각각 하나의 데이터그램이어야 합니다. 메시지마다 send_to를 한 번씩 호출하세요. 데이터그램은 다른 데이터그램과 합쳐지거나 쪼개지지 않으므로, 메시지를 이어 붙이거나 빠뜨리면 바로 드러납니다.",
    );
    let explain = |f: Failure| f.context(ran(&args)).cause(cx.t(cause.0, cause.1));
    let first = peer.expect_datagram(b"one", WAIT).map_err(explain)?;
    for message in &messages[1..] {
        peer.expect_datagram_from(message.as_bytes(), first, WAIT)
            .map_err(|f| {
                explain(f).note(cx.t(
                    "all three datagrams must come from the same socket, one after another",
                    "세 데이터그램 모두 같은 소켓에서 차례로 와야 합니다",
                ))
            })?;
    }
    peer.expect_silence(QUIET).map_err(explain)
}

fn send_empty_message_as_empty_datagram(cx: &Ctx) -> Outcome {
    let mut peer = Peer::bind(cx.lang())?;
    let args = send_args(peer.addr(), &["before", "", "after"]);
    let finished = run(cx, &args)?;
    expect_success(
        cx,
        &args,
        &finished,
        (
            "An empty message is sent like any other: send_to with an empty slice (TODO 2).",
            "빈 메시지도 다른 메시지처럼 보냅니다. 빈 슬라이스로 send_to를 호출하세요(TODO 2).",
        ),
    )?;
    let explain = |f: Failure| {
        f.context(ran(&args)).cause(cx.t(
            "An empty message must be sent as an empty datagram: zero bytes are a valid datagram, and the receiver gets it (recv_from returns 0). Do not skip it.",
            "빈 메시지는 빈 데이터그램으로 보내야 합니다. 0바이트도 올바른 데이터그램이고, 받는 쪽은 그것을 받습니다(recv_from이 0을 반환). 건너뛰지 마세요.",
        ))
    };
    for message in ["before", "", "after"] {
        peer.expect_datagram(message.as_bytes(), WAIT)
            .map_err(explain)?;
    }
    peer.expect_silence(QUIET).map_err(explain)
}

fn send_60000_bytes_whole(cx: &Ctx) -> Outcome {
    let mut peer = Peer::bind(cx.lang())?;
    let message = printable(60_000, 60);
    let args = send_args(peer.addr(), &[&message]);
    let finished = run(cx, &args)?;
    expect_success(
        cx,
        &args,
        &finished,
        (
            "60,000 bytes fit in one datagram (the limit is 65,507): send them with one send_to.",
            "60,000바이트는 데이터그램 하나에 들어갑니다(한도는 65,507바이트). send_to 한 번으로 보내세요.",
        ),
    )?;
    let explain = |f: Failure| {
        f.context(ran(&args)).cause(cx.t(
            "Send the whole message with one send_to: a UDP send is all or nothing, never cut into pieces. Do not split it yourself.",
            "메시지 전체를 send_to 한 번으로 보내세요. UDP 전송은 전부 아니면 전무이고, 조각으로 나뉘지 않습니다. 직접 나누지도 마세요.",
        ))
    };
    peer.expect_datagram(message.as_bytes(), WAIT)
        .map_err(explain)?;
    peer.expect_silence(QUIET).map_err(explain)
}

fn send_refuses_70000_bytes_and_sends_nothing(cx: &Ctx) -> Outcome {
    let mut peer = Peer::bind(cx.lang())?;
    let big = printable(70_000, 70);
    let args = send_args(peer.addr(), &["first", &big, "last"]);
    let finished = run(cx, &args)?;
    let stderr = finished.stderr_text();
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    let problem = if finished.timed_out {
        Some(cx.t("the program did not exit", "프로그램이 끝나지 않았습니다"))
    } else if stderr.contains("panicked at") {
        Some(cx.t("the program panicked", "프로그램이 패닉했습니다"))
    } else if finished.status.code() != Some(1) {
        Some(cx.t(
            "the program did not exit with code 1",
            "프로그램이 종료 코드 1로 끝나지 않았습니다",
        ))
    } else if lines.len() != 1 {
        Some(cx.t(
            format!("the program wrote {} lines on stderr, not one", lines.len()),
            format!(
                "프로그램이 stderr에 한 줄이 아니라 {}줄을 썼습니다",
                lines.len()
            ),
        ))
    } else {
        None
    };
    if let Some(problem) = problem {
        let mut failure = Failure::new(problem)
            .sent(shown_command(&args))
            .expected(cx.t(
                format!("exit code 1 and one line on stderr saying that a message of 70000 bytes is longer than one datagram can carry ({MAX_PAYLOAD} bytes)"),
                format!("종료 코드 1, 그리고 70000바이트 메시지가 데이터그램 하나에 담을 수 있는 크기({MAX_PAYLOAD}바이트)보다 길다는 stderr 한 줄"),
            ))
            .got(if finished.timed_out {
                finished.describe()
            } else {
                describe_exit(cx.lang(), finished.status)
            });
        if let Some(explained) = explain_stderr(cx.lang(), &stderr) {
            failure = failure.cause(explained);
        }
        return Err(failure.cause(cx.t(
            format!("Before sending anything, check every message's length against MAX_PAYLOAD ({MAX_PAYLOAD}) and return an io::Error that says which message is too long; main prints it and exits with 1."),
            format!("아무것도 보내기 전에 모든 메시지의 길이를 MAX_PAYLOAD({MAX_PAYLOAD})와 비교하고, 어느 메시지가 너무 긴지 알려 주는 io::Error를 돌려주세요. main이 그것을 출력하고 종료 코드 1로 끝냅니다."),
        )));
    }
    peer.expect_silence(QUIET).map_err(|f| {
        f.context(ran(&args)).cause(cx.t(
            "Nothing may be sent when one message is too long: check all the lengths first, then send. Sending `first` and then failing on the big one leaves the receiver with half a conversation.",
            "메시지 하나라도 너무 길면 아무것도 보내지 않아야 합니다. 길이를 모두 먼저 검사한 다음에 보내세요. `first`를 보낸 뒤 큰 메시지에서 실패하면 받는 쪽에는 대화의 절반만 남습니다.",
        ))
    })
}

fn send_without_a_receiver_exits_0(cx: &Ctx) -> Outcome {
    let nobody = unused_address(cx.lang())?;
    let messages = ["anyone", "there", "at", "all", "?"];
    let args = send_args(nobody, &messages);
    let finished = run(cx, &args)?;
    expect_success(
        cx,
        &args,
        &finished,
        (
            "Sending UDP never waits for, or needs, a receiver. An error here (\"Connection refused\") most likely comes from connect(): on a connected UDP socket, the ICMP \"port unreachable\" that answers one datagram fails the next call with ECONNREFUSED. Use send_to on a socket you did not connect.",
            "UDP 전송은 받는 쪽을 기다리지도, 필요로 하지도 않습니다. 여기서 오류(\"Connection refused\")가 났다면 connect() 때문일 가능성이 큽니다. 연결된(connect) UDP 소켓에서는 한 데이터그램에 대한 ICMP \"port unreachable\" 응답이 다음 호출을 ECONNREFUSED로 실패하게 만듭니다. connect하지 않은 소켓에서 send_to를 쓰세요.",
        ),
    )
    .map_err(|f| {
        f.context(Step::Sent(cx.t(
            format!("nothing listens at {nobody}"),
            format!("{nobody}에는 아무것도 수신 대기하지 않습니다"),
        )))
    })
}

fn send_prints_the_summary(cx: &Ctx) -> Outcome {
    let peer = Peer::bind(cx.lang())?;
    // 6 + 0 + 7 bytes: é and ö take two bytes each in UTF-8.
    let messages = ["héllo", "", "wörld!"];
    let args = send_args(peer.addr(), &messages);
    let finished = run(cx, &args)?;
    let cause = (
        "Return the number of datagrams and the number of bytes you sent (bytes, not characters: é is 2 bytes in UTF-8), counting the empty message too; main prints the line.",
        "보낸 데이터그램 수와 바이트 수를 돌려주세요. 글자 수가 아니라 바이트 수입니다(UTF-8에서 é는 2바이트). 빈 메시지도 셉니다. 줄은 main이 출력합니다.",
    );
    expect_success(cx, &args, &finished, cause)?;
    let expected = format!("sent 3 datagrams (13 bytes) to {}", peer.addr());
    let stdout = finished.stdout_text();
    if stdout.trim_end() == expected {
        // The datagrams themselves are the other checks' business; take them off the socket.
        let _ = peer.receive(millis(10));
        return Ok(());
    }
    Err(Failure::new(cx.t(
        "the summary on stdout is not right",
        "stdout의 요약 줄이 맞지 않습니다",
    ))
    .sent(shown_command(&args))
    .expected(harness::show(cx.lang(), format!("{expected}\n").as_bytes()))
    .got(harness::show(cx.lang(), stdout.as_bytes()))
    .cause(cx.t(cause.0, cause.1)))
}

fn send_from_the_given_address(cx: &Ctx) -> Outcome {
    let mut peer = Peer::bind(cx.lang())?;
    let from = unused_address(cx.lang())?;
    let mut args = vec!["send".to_string(), "--from".to_string(), from.to_string()];
    args.extend(
        send_args(peer.addr(), &["from a chosen port"])
            .into_iter()
            .skip(1),
    );
    let finished = run(cx, &args)?;
    let cause = (
        "Bind the sending socket to the --from address (main passes it to bind); without --from it is 0.0.0.0:0, an ephemeral port.",
        "보내는 소켓을 --from 주소에 바인드하세요(main이 그 주소를 bind에 넘깁니다). --from이 없으면 0.0.0.0:0, 곧 임시 포트입니다.",
    );
    expect_success(cx, &args, &finished, cause)?;
    peer.expect_datagram_from(b"from a chosen port", from, WAIT)
        .map_err(|f| f.context(ran(&args)).cause(cx.t(cause.0, cause.1)))
}

// ---------------------------------------------------------------------------------------
// recv
// ---------------------------------------------------------------------------------------

fn start(cx: &Ctx, args: &[&str]) -> Result<Server, Failure> {
    cx.start_server(args)
}

/// Sends `payload` from `peer` to the server and checks the line `recv` prints for it.
fn expect_printed(
    cx: &Ctx,
    server: &mut Server,
    peer: &mut Peer,
    payload: &[u8],
    cause: (&str, &str),
) -> Outcome {
    peer.send_to(payload, server.addr)?;
    let expected = format!(
        "{} {} {}",
        peer.addr(),
        payload.len(),
        String::from_utf8_lossy(payload)
    );
    let sent = cx.t(
        format!("{} from {}", show_datagram(cx.lang(), payload), peer.addr()),
        format!("{}에서 {}", peer.addr(), show_datagram(cx.lang(), payload)),
    );
    let printed = server
        .process
        .expect_output_line(cx.lang(), &sent, &expected, WAIT);
    server
        .explain(printed)
        .map_err(|f| f.cause(cx.t(cause.0, cause.1)))
}

fn recv_prints_each_datagram(cx: &Ctx) -> Outcome {
    let mut server = start(cx, &["recv", "--listen", "127.0.0.1:0"])?;
    let mut a = Peer::bind(cx.lang())?;
    let mut b = Peer::bind(cx.lang())?;
    let cause = (
        "Print `<sender> <length> <payload>` for each datagram: the sender is the address recv_from returned with it, the length is the n bytes it returned, and the payload is String::from_utf8_lossy(&buf[..n]): only those n bytes, never the whole buffer.",
        "데이터그램마다 `<보낸 곳> <길이> <내용>`을 출력하세요. 보낸 곳은 recv_from이 함께 돌려준 주소, 길이는 recv_from이 돌려준 n바이트, 내용은 String::from_utf8_lossy(&buf[..n])입니다. 버퍼 전체가 아니라 그 n바이트만 출력해야 합니다.",
    );
    expect_printed(cx, &mut server, &mut a, b"hello", cause)?;
    // Two bytes of é, then a byte that is not UTF-8: 8 bytes, printed as "café \u{fffd}!".
    expect_printed(cx, &mut server, &mut b, b"caf\xc3\xa9 \xff!", cause).map_err(|f| {
        f.note(cx.t(
            "the length is in bytes (8), and the byte 0xff, which is not UTF-8, prints as U+FFFD (�)",
            "길이는 바이트 단위(8)이고, UTF-8이 아닌 바이트 0xff는 U+FFFD(�)로 출력됩니다",
        ))
    })?;
    expect_printed(cx, &mut server, &mut a, b"", cause).map_err(|f| {
        f.note(cx.t(
            "an empty datagram is a datagram too: its line is the sender and a length of 0",
            "빈 데이터그램도 데이터그램입니다. 그 줄에는 보낸 곳과 길이 0이 나옵니다",
        ))
        .cause(cx.t(
            "recv_from returning 0 is not an end of file: UDP has no connection to end. Print the line and keep receiving.",
            "recv_from이 0을 반환해도 EOF가 아닙니다. UDP에는 끝낼 연결이 없습니다. 줄을 출력하고 계속 받으세요.",
        ))
    })
}

fn recv_prints_a_65507_byte_datagram_whole(cx: &Ctx) -> Outcome {
    let mut server = start(cx, &["recv", "--listen", "127.0.0.1:0"])?;
    let mut peer = Peer::bind(cx.lang())?;
    let big = printable(MAX_PAYLOAD, 65);
    expect_printed(
        cx,
        &mut server,
        &mut peer,
        big.as_bytes(),
        (
            "Receive into a buffer that holds the largest datagram (64 KiB). recv_from silently cuts a datagram that does not fit and throws the rest away; the next call gets the next datagram, not the rest.",
            "가장 큰 데이터그램이 들어가는 버퍼(64 KiB)로 받으세요. 버퍼에 다 들어가지 않는 데이터그램은 recv_from이 아무 말 없이 잘라 내고 나머지를 버립니다. 다음 호출은 나머지가 아니라 다음 데이터그램을 받습니다.",
        ),
    )?;
    expect_printed(
        cx,
        &mut server,
        &mut peer,
        b"and one more",
        (
            "After a large datagram, the next one must be printed on its own, with its own length.",
            "큰 데이터그램 다음에 오는 데이터그램도 제 길이와 함께 따로 출력해야 합니다.",
        ),
    )
}

fn recv_exits_after_count(cx: &Ctx) -> Outcome {
    let mut server = start(cx, &["recv", "--listen", "127.0.0.1:0", "--count", "2"])?;
    // With a count, exiting is the point (after the count, not before: checked below).
    server.process.may_exit();
    let mut peer = Peer::bind(cx.lang())?;
    let cause = (
        "With --count N, print N lines, one per datagram, then return Ok(()) from receive so the program exits with 0.",
        "--count N이 있으면 데이터그램마다 한 줄씩 N줄을 출력한 뒤 receive에서 Ok(())를 돌려주어, 프로그램이 종료 코드 0으로 끝나게 하세요.",
    );
    expect_printed(cx, &mut server, &mut peer, b"first of 2", cause)?;
    if let Some(status) = server.process.exit_status(millis(200)) {
        return Err(Failure::new(cx.t(
            "the program exited after one datagram, although --count was 2",
            "--count가 2인데 프로그램이 데이터그램 하나를 받고 끝났습니다",
        ))
        .sent("recv --listen 127.0.0.1:0 --count 2")
        .expected(cx.t(
            "still running, waiting for datagram 2",
            "두 번째 데이터그램을 기다리며 실행 중",
        ))
        .got(describe_exit(cx.lang(), status))
        .cause(cx.t(cause.0, cause.1)));
    }
    expect_printed(cx, &mut server, &mut peer, b"second of 2", cause)?;
    match server.process.exit_status(WAIT) {
        Some(status) if status.success() => Ok(()),
        other => Err(Failure::new(cx.t(
            "the program did not exit with code 0 after --count datagrams",
            "--count만큼 받은 뒤 프로그램이 종료 코드 0으로 끝나지 않았습니다",
        ))
        .sent(cx.t(
            "recv --listen 127.0.0.1:0 --count 2, then 2 datagrams",
            "recv --listen 127.0.0.1:0 --count 2, 그다음 데이터그램 2개",
        ))
        .expected(cx.t(
            format!("exit code 0 within {:.1} s", WAIT.as_secs_f64()),
            format!("{:.1}초 안에 종료 코드 0", WAIT.as_secs_f64()),
        ))
        .got(match other {
            Some(status) => describe_exit(cx.lang(), status),
            None => cx.t(
                format!("still running after {:.1} s", WAIT.as_secs_f64()),
                format!("{:.1}초가 지나도 실행 중", WAIT.as_secs_f64()),
            ),
        })
        .cause(cx.t(cause.0, cause.1))),
    }
}

// ---------------------------------------------------------------------------------------
// echo
// ---------------------------------------------------------------------------------------

/// Sends `payload` from `peer` and checks that it comes back unchanged, from the server's
/// own address.
fn expect_echo(
    cx: &Ctx,
    server: &mut Server,
    peer: &mut Peer,
    payload: &[u8],
    cause: (&str, &str),
) -> Outcome {
    peer.send_to(payload, server.addr)?;
    let echoed = peer.expect_datagram_from(payload, server.addr, WAIT);
    server
        .explain(echoed)
        .map_err(|f| f.cause(cx.t(cause.0, cause.1)))
}

fn echo_answers_each_client(cx: &Ctx) -> Outcome {
    let mut server = start(cx, &["echo", "--listen", "127.0.0.1:0"])?;
    let mut a = Peer::bind(cx.lang())?;
    let mut b = Peer::bind(cx.lang())?;
    let cause = (
        "Send each reply to the address recv_from returned for that datagram, from the same socket. A UDP server has no connection per client: every datagram says who sent it, and the next one may come from someone else.",
        "응답은 그 데이터그램과 함께 recv_from이 돌려준 주소로, 같은 소켓에서 보내세요. UDP 서버에는 클라이언트별 연결이 없습니다. 데이터그램마다 누가 보냈는지 적혀 있고, 다음 데이터그램은 다른 곳에서 올 수 있습니다.",
    );
    expect_echo(cx, &mut server, &mut a, b"from client A", cause)?;
    expect_echo(cx, &mut server, &mut b, b"from client B", cause).map_err(|f| {
        f.context(Step::Sent(cx.t(
            format!("client A ({}) sent a datagram and got its echo", a.addr()),
            format!(
                "클라이언트 A({})가 데이터그램을 보내 에코를 받았습니다",
                a.addr()
            ),
        )))
        .note(cx.t(
            format!("this was client B, from {}", b.addr()),
            format!("이번에는 {}의 클라이언트 B였습니다", b.addr()),
        ))
    })?;
    expect_echo(cx, &mut server, &mut a, b"A again", cause)?;
    // Neither client may have received the other's data.
    a.expect_silence(QUIET)
        .and_then(|()| b.expect_silence(QUIET))
        .map_err(|f| f.cause(cx.t(cause.0, cause.1)))
}

fn echo_keeps_datagram_boundaries(cx: &Ctx) -> Outcome {
    let mut server = start(cx, &["echo", "--listen", "127.0.0.1:0"])?;
    let mut peer = Peer::bind(cx.lang())?;
    let cause = (
        "Echo each datagram on its own: one recv_from, one send_to with exactly &buf[..n]. Never collect several datagrams into one reply, and never cut one (a 64 KiB buffer holds any datagram).",
        "데이터그램은 하나씩 따로 돌려보내세요. recv_from 한 번에 정확히 &buf[..n]로 send_to 한 번입니다. 여러 데이터그램을 모아 한 번에 응답하거나 하나를 잘라 내면 안 됩니다(64 KiB 버퍼면 어떤 데이터그램도 들어갑니다).",
    );
    let sizes = [b"one".to_vec(), b"two".to_vec(), b"three".to_vec()];
    // All three at once, before reading any reply.
    for data in &sizes {
        peer.send_to(data, server.addr)?;
    }
    for data in &sizes {
        let echoed = peer.expect_datagram_from(data, server.addr, WAIT);
        server
            .explain(echoed)
            .map_err(|f| f.cause(cx.t(cause.0, cause.1)))?;
    }
    let big = harness::pattern(60_000, 6);
    expect_echo(cx, &mut server, &mut peer, &big, cause)?;
    peer.expect_silence(QUIET)
        .map_err(|f| f.cause(cx.t(cause.0, cause.1)))
}

fn echo_returns_empty_and_binary_datagrams(cx: &Ctx) -> Outcome {
    let mut server = start(cx, &["echo", "--listen", "127.0.0.1:0"])?;
    let mut peer = Peer::bind(cx.lang())?;
    expect_echo(
        cx,
        &mut server,
        &mut peer,
        b"",
        (
            "An empty datagram is a datagram: recv_from returns 0 and the sender's address. Send an empty datagram back. (0 is not an end of file here: UDP has no connection to end.)",
            "빈 데이터그램도 데이터그램입니다. recv_from은 0과 보낸 곳의 주소를 돌려줍니다. 빈 데이터그램을 돌려보내세요(여기서 0은 EOF가 아닙니다. UDP에는 끝낼 연결이 없습니다).",
        ),
    )?;
    let bytes_cause = (
        "Echo bytes, not text: send back &buf[..n] exactly, with no UTF-8 conversion and nothing added.",
        "텍스트가 아니라 바이트를 돌려보내세요. UTF-8 변환 없이, 아무것도 덧붙이지 말고 &buf[..n]를 그대로 보내세요.",
    );
    expect_echo(
        cx,
        &mut server,
        &mut peer,
        b"still there? after the empty one",
        (
            "The server must go on after an empty datagram: it is not an end of file.",
            "빈 데이터그램 다음에도 서버는 계속 동작해야 합니다. 빈 데이터그램은 EOF가 아닙니다.",
        ),
    )?;
    expect_echo(
        cx,
        &mut server,
        &mut peer,
        b"\x00\x01bin\xff\xfe\xc3\x28ary\r\n\x00",
        bytes_cause,
    )?;
    let biggest = harness::pattern(MAX_PAYLOAD, 7);
    expect_echo(
        cx,
        &mut server,
        &mut peer,
        &biggest,
        (
            "Receive into a buffer that holds the largest datagram (64 KiB): recv_from silently cuts a datagram that does not fit.",
            "가장 큰 데이터그램이 들어가는 버퍼(64 KiB)로 받으세요. 다 들어가지 않는 데이터그램은 recv_from이 아무 말 없이 잘라 냅니다.",
        ),
    )
}

// ---------------------------------------------------------------------------------------
// bad input
// ---------------------------------------------------------------------------------------

fn refuses_bad_input(cx: &Ctx) -> Outcome {
    // A UDP port that another socket holds right now.
    let holder = UdpSocket::bind("127.0.0.1:0").map_err(|e| Failure::new(e.to_string()))?;
    let taken = holder
        .local_addr()
        .map_err(|e| Failure::new(e.to_string()))?
        .to_string();
    for sub in ["recv", "echo"] {
        let args = vec![sub.to_string(), "--listen".to_string(), taken.clone()];
        run(cx, &args)?.expect_error_message(&cx.t(
            format!("{sub} on a UDP address that is already in use"),
            format!("이미 사용 중인 UDP 주소에서 {sub}"),
        ))?;
    }
    let args: Vec<String> = ["send", "--to", "not-an-address", "x"]
        .map(String::from)
        .to_vec();
    run(cx, &args)?.expect_error_message(&cx.t("--to is not an address", "--to가 주소가 아님"))
}

/// Check table: points, limits, the TODO each needs and the section that explains it.
pub const LAB: Lab = Lab {
    name: "lab03",
    chapter: 3,
    chapter_file: "ch03-stream-vs-datagram.md",
    bin_env: "LAB03_BIN",
    checks: &[
        Check {
            id: "send_one_message_as_one_datagram",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "send: one message arrives as one datagram with the exact bytes",
                "send: 메시지 하나가 정확한 바이트 그대로 데이터그램 하나로 도착한다",
            ),
            todo: Text::new(
                "TODO 1 (bind a UDP socket) and TODO 2 (one send_to per message).",
                "TODO 1(UDP 소켓 바인드)과 TODO 2(메시지마다 send_to 한 번).",
            ),
            section: "udp-in-rust",
            run: send_one_message_as_one_datagram,
            serial: false,
        },
        Check {
            id: "send_three_messages_in_order",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "send: three messages arrive as three datagrams, in order, never merged",
                "send: 메시지 세 개가 합쳐지지 않고 순서대로 데이터그램 세 개로 도착한다",
            ),
            todo: Text::new(
                "TODO 2: one send_to per message, in the order given.",
                "TODO 2: 주어진 순서대로 메시지마다 send_to 한 번.",
            ),
            section: "message-boundaries",
            run: send_three_messages_in_order,
            serial: false,
        },
        Check {
            id: "send_empty_message_as_empty_datagram",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "send: an empty message arrives as an empty datagram",
                "send: 빈 메시지가 빈 데이터그램으로 도착한다",
            ),
            todo: Text::new(
                "TODO 2: send empty messages too.",
                "TODO 2: 빈 메시지도 보내기.",
            ),
            section: "empty-datagrams",
            run: send_empty_message_as_empty_datagram,
            serial: false,
        },
        Check {
            id: "send_60000_bytes_whole",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "send: a 60,000-byte message arrives whole, as one datagram",
                "send: 60,000바이트 메시지가 데이터그램 하나로 온전히 도착한다",
            ),
            todo: Text::new(
                "TODO 2: the whole message in one send_to.",
                "TODO 2: 메시지 전체를 send_to 한 번으로.",
            ),
            section: "datagram-size",
            run: send_60000_bytes_whole,
            serial: false,
        },
        Check {
            id: "send_refuses_70000_bytes_and_sends_nothing",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "send: a 70,000-byte message is refused (exit 1, one line) before anything is sent",
                "send: 70,000바이트 메시지는 아무것도 보내기 전에 거부한다(종료 코드 1, 한 줄)",
            ),
            todo: Text::new(
                "TODO 2: check every length against MAX_PAYLOAD before the first send_to.",
                "TODO 2: 첫 send_to 전에 모든 길이를 MAX_PAYLOAD와 비교하기.",
            ),
            section: "datagram-size",
            run: send_refuses_70000_bytes_and_sends_nothing,
            serial: false,
        },
        Check {
            id: "send_without_a_receiver_exits_0",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "send: sending to an address where nothing listens still exits 0",
                "send: 아무것도 수신 대기하지 않는 주소로 보내도 종료 코드 0으로 끝난다",
            ),
            todo: Text::new(
                "TODO 2: send_to on an unconnected socket; do not connect().",
                "TODO 2: connect하지 않은 소켓에서 send_to. connect()하지 않기.",
            ),
            section: "udp-connect",
            run: send_without_a_receiver_exits_0,
            serial: false,
        },
        Check {
            id: "send_prints_the_summary",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "send: prints `sent N datagrams (B bytes) to ADDR`, counting bytes",
                "send: 바이트 수를 세어 `sent N datagrams (B bytes) to ADDR`를 출력한다",
            ),
            todo: Text::new(
                "TODO 2: return the number of datagrams and of bytes sent.",
                "TODO 2: 보낸 데이터그램 수와 바이트 수 돌려주기.",
            ),
            section: "lab-contract",
            run: send_prints_the_summary,
            serial: false,
        },
        Check {
            id: "send_from_the_given_address",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "send: --from sets the address the datagrams come from",
                "send: --from으로 데이터그램을 보내는 주소를 정한다",
            ),
            todo: Text::new(
                "TODO 1: bind to the address you are given.",
                "TODO 1: 주어진 주소에 바인드하기.",
            ),
            section: "udp-in-rust",
            run: send_from_the_given_address,
            serial: false,
        },
        Check {
            id: "recv_prints_each_datagram",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "recv: prints sender, length and payload for each datagram (empty and non-UTF-8 too)",
                "recv: 데이터그램마다 보낸 곳, 길이, 내용을 출력한다(빈 것, UTF-8이 아닌 것 포함)",
            ),
            todo: Text::new(
                "TODO 3: one line per datagram, from recv_from's n and address.",
                "TODO 3: recv_from이 돌려준 n과 주소로 데이터그램마다 한 줄.",
            ),
            section: "udp-in-rust",
            run: recv_prints_each_datagram,
            serial: false,
        },
        Check {
            id: "recv_prints_a_65507_byte_datagram_whole",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "recv: a 65,507-byte datagram is printed whole",
                "recv: 65,507바이트 데이터그램을 잘리지 않게 출력한다",
            ),
            todo: Text::new(
                "TODO 3: a receive buffer that holds the largest datagram (64 KiB).",
                "TODO 3: 가장 큰 데이터그램이 들어가는 수신 버퍼(64 KiB).",
            ),
            section: "datagram-size",
            run: recv_prints_a_65507_byte_datagram_whole,
            serial: false,
        },
        Check {
            id: "recv_exits_after_count",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "recv: with --count N, exits 0 after N datagrams, not before",
                "recv: --count N이면 데이터그램 N개를 받은 뒤에(그 전이 아니라) 종료 코드 0으로 끝난다",
            ),
            todo: Text::new(
                "TODO 3: stop after `count` datagrams.",
                "TODO 3: 데이터그램 `count`개 뒤에 멈추기.",
            ),
            section: "lab-contract",
            run: recv_exits_after_count,
            serial: false,
        },
        Check {
            id: "echo_answers_each_client",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "echo: answers two clients, each with its own data",
                "echo: 두 클라이언트에게 각자 보낸 데이터로 응답한다",
            ),
            todo: Text::new(
                "TODO 4: reply to the address recv_from returned for each datagram.",
                "TODO 4: 데이터그램마다 recv_from이 돌려준 주소로 응답하기.",
            ),
            section: "one-socket-many-peers",
            run: echo_answers_each_client,
            serial: false,
        },
        Check {
            id: "echo_keeps_datagram_boundaries",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "echo: three datagrams sent at once come back as three, and 60,000 bytes whole",
                "echo: 한꺼번에 보낸 데이터그램 세 개가 세 개로, 60,000바이트는 온전히 돌아온다",
            ),
            todo: Text::new(
                "TODO 4: one send_to of &buf[..n] per datagram received.",
                "TODO 4: 받은 데이터그램마다 &buf[..n]로 send_to 한 번.",
            ),
            section: "message-boundaries",
            run: echo_keeps_datagram_boundaries,
            serial: false,
        },
        Check {
            id: "echo_returns_empty_and_binary_datagrams",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "echo: returns an empty datagram, arbitrary bytes and a 65,507-byte datagram unchanged",
                "echo: 빈 데이터그램, 임의의 바이트, 65,507바이트 데이터그램을 그대로 돌려준다",
            ),
            todo: Text::new(
                "TODO 4: echo every datagram, empty ones too, as bytes, with a 64 KiB buffer.",
                "TODO 4: 빈 것까지 모든 데이터그램을 64 KiB 버퍼로 받아 바이트 그대로 돌려주기.",
            ),
            section: "empty-datagrams",
            run: echo_returns_empty_and_binary_datagrams,
            serial: false,
        },
        Check {
            id: "refuses_bad_input",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "a UDP address in use or a bad --to is a one-line error, not a panic",
                "사용 중인 UDP 주소나 잘못된 --to는 패닉이 아니라 한 줄 오류로 끝난다",
            ),
            todo: Text::new(
                "TODO 1: return bind's error with ? (main turns it into a message).",
                "TODO 1: bind의 오류를 ?로 돌려주기(main이 메시지로 바꿉니다).",
            ),
            section: "udp-in-rust",
            run: refuses_bad_input,
            serial: false,
        },
    ],
};
