//! The checks of lab03, the UDP sender, receiver and echo server (chapter 3).
//!
//! Each check is black-box. `send` is run to the end with `Ctx::run`, aimed at a UDP socket
//! of the grader's own (`harness::udp::Peer`), which then reads what arrived. `recv` and
//! `echo` are started with `--listen 127.0.0.1:0` (or `[::1]:0`) and found through their
//! `listening on ADDR` line; the grader sends them datagrams from its own sockets and reads
//! what `recv` prints or what `echo` sends back. Every receive has a deadline, so a program
//! that never answers fails the check within its time limit, with what was sent, what was
//! expected and the silence that came back.
//!
//! Every limit of the contract is checked at its boundary: 65,507 bytes go out whole over
//! IPv4 and 65,508 are refused with nothing sent, 65,527 and 65,528 the same over IPv6, and
//! `--count 0` receives nothing. Printed lines are compared exactly, every space and tab
//! included, and one check compares the whole of `recv`'s stdout byte for byte.
//!
//! Where a check can tell the mistake behind a failure from what it saw (a trimmed payload,
//! a cut datagram, "Connection refused"), it names it with a diagnosis from `diagnoses.rs`,
//! which the report shows once for all the checks it explains.
//!
//! The table at the bottom gives each check its points, its time limit, the TODO it
//! depends on and the chapter section that explains it. This file is also compiled into the
//! reference solution's proof tests (`solutions/lab03/tests/proof.rs`), which show that
//! every check passes the reference and a correct variant in another style, and that each
//! classic bug is caught by the check named for it.

#[path = "diagnoses.rs"]
mod diagnoses;

use std::net::{IpAddr, Ipv6Addr, SocketAddr, UdpSocket};
use std::thread;
use std::time::Duration;

use harness::process::{describe_exit, explain_stderr, find_panic};
use harness::text::{describe_difference, escape};
use harness::udp::{
    Arrival, MAX_PAYLOAD_V4, MAX_PAYLOAD_V6, Peer, line_difference, show_datagram, unused_address,
};
use harness::{
    Check, Ctx, Diagnosis, Failure, Finished, Lab, Outcome, Server, Step, Text, millis, secs, show,
};

/// How long a datagram (or a printed line) may take. Loopback delivers in microseconds; the
/// margin is for a loaded machine running many checks at once.
const WAIT: Duration = secs(3);
/// How long to listen for a datagram that must not come. Loopback delivery is immediate, and
/// a one-shot `send` has exited before the grader listens, so anything it sent is already
/// waiting in the grader's socket: a short wait is enough to be sure.
const QUIET: Duration = millis(300);
/// How long a one-shot `send` (or `recv --count`) may run.
const RUN_LIMIT: Duration = secs(5);

const IPV6_LOOPBACK: IpAddr = IpAddr::V6(Ipv6Addr::LOCALHOST);

/// Printable ASCII that looks random, so that a shifted or cut message shows up as a
/// difference, and that can travel as a command-line argument.
fn printable(len: usize, seed: u64) -> String {
    harness::pattern(len, seed)
        .into_iter()
        .map(|b| char::from(b'!' + b % 94))
        .collect()
}

/// The command line of a run, for reports, with long arguments shortened and whitespace
/// shown (`"\ttab\t"`).
fn shown_command(args: &[String]) -> String {
    let shown: Vec<String> = args
        .iter()
        .map(|a| {
            if a.len() > 40 {
                format!("<{}-byte message>", a.len())
            } else if a.is_empty() || a.bytes().any(|b| b.is_ascii_whitespace() || b == b'"') {
                format!("\"{}\"", escape(a.as_bytes()))
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

/// Starts `recv` or `echo` with `args` and checks that it announced the IP address it was
/// asked to listen on (with the port the kernel chose).
fn start(cx: &Ctx, args: &[&str]) -> Result<Server, Failure> {
    let server = cx.start_server(args)?;
    let asked = args
        .iter()
        .position(|a| *a == "--listen")
        .and_then(|i| args.get(i + 1))
        .and_then(|a| a.parse::<SocketAddr>().ok());
    match asked {
        Some(asked) if server.addr.ip() != asked.ip() => Err(Failure::new(cx.t(
            "the program announced another address than the one it was asked to listen on",
            "프로그램이 수신 대기하라고 한 주소와 다른 주소를 알렸습니다",
        ))
        .sent(format!("PROGRAM {}", args.join(" ")))
        .expected(match asked.ip() {
            IpAddr::V4(ip) => format!("listening on {ip}:PORT"),
            IpAddr::V6(ip) => format!("listening on [{ip}]:PORT"),
        })
        .got(format!("listening on {}", server.addr))
        .diagnosis(diagnoses::binds_another_address(cx))),
        _ => Ok(server),
    }
}

/// Names `diagnosis` as the cause of `failure`, unless the program panicked: a panic (the
/// starter's todo!() above all) explains more than anything the check saw after it.
fn unless_panicked(failure: Failure, stderr: &str, diagnosis: Diagnosis) -> Failure {
    if find_panic(stderr).is_some() {
        failure
    } else {
        failure.diagnosis(diagnosis)
    }
}

/// Whether a program's stderr says a send failed with ECONNREFUSED.
fn says_refused(stderr: &str) -> bool {
    stderr.contains("Connection refused") || stderr.contains("os error 111")
}

/// Fails unless `send` exited with code 0. `cause` is the check's guess when the program's
/// stderr does not explain it better (a todo!(), a panic, "Connection refused").
fn expect_success(
    cx: &Ctx,
    args: &[String],
    finished: &Finished,
    cause: (&str, &str),
) -> Result<(), Failure> {
    if finished.status.success() && !finished.timed_out {
        return Ok(());
    }
    let stderr = finished.stderr_text();
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
    if let Some(explained) = explain_stderr(cx.lang(), &stderr) {
        failure = failure.cause(explained);
    }
    if says_refused(&stderr) {
        failure = unless_panicked(failure, &stderr, diagnoses::connected_socket(cx));
    }
    Err(failure.cause(cx.t(cause.0, cause.1)))
}

/// What the grader ran, as the first step of a report.
fn ran(args: &[String]) -> Step {
    Step::Sent(shown_command(args))
}

/// Receives the next datagram at `peer` and checks that it is exactly `expected`; returns
/// where it came from. A datagram that is the expected one trimmed, or cut short, is
/// diagnosed as such.
fn expect_sent(cx: &Ctx, peer: &mut Peer, expected: &[u8]) -> Result<SocketAddr, Failure> {
    let arrival = peer.receive(WAIT);
    peer.judge_arrival(expected, &arrival, WAIT)
        .map_err(|failure| match &arrival {
            Arrival::Datagram { data, .. }
                if data.as_slice() != expected && data.as_slice() == expected.trim_ascii() =>
            {
                failure.diagnosis(diagnoses::message_trimmed(cx))
            }
            _ => failure,
        })
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
    let from = expect_sent(cx, &mut peer, b"hello, datagram").map_err(|f| {
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

fn send_keeps_every_byte(cx: &Ctx) -> Outcome {
    let mut peer = Peer::bind(cx.lang())?;
    // Whitespace at both ends, inside, alone, and a line ending: all of it is the message.
    let messages = [
        "  two spaces at each end  ",
        "\ttabs\tinside and out\t",
        "ends in CRLF\r\n",
        " ",
    ];
    let args = send_args(peer.addr(), &messages);
    let finished = run(cx, &args)?;
    let cause = (
        "A MESSAGE is sent as it is, byte for byte: the spaces, tabs and line breaks at its ends are part of it. Do not trim it.",
        "MESSAGE는 바이트 하나하나 그대로 보냅니다. 양 끝의 공백, 탭, 줄바꿈도 메시지의 일부입니다. trim하지 마세요.",
    );
    expect_success(cx, &args, &finished, cause)?;
    let explain = |f: Failure| f.context(ran(&args)).cause(cx.t(cause.0, cause.1));
    for message in messages {
        expect_sent(cx, &mut peer, message.as_bytes()).map_err(explain)?;
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

/// `send` of one message of `len` bytes to `peer`, the largest one datagram to it carries:
/// it must arrive whole, as one datagram.
fn expect_largest_sent_whole(cx: &Ctx, peer: &mut Peer, len: usize) -> Outcome {
    let message = printable(len, len as u64);
    let args = send_args(peer.addr(), &[&message]);
    let finished = run(cx, &args)?;
    let refused = expect_success(
        cx,
        &args,
        &finished,
        (
            &format!(
                "{len} bytes is the limit itself, and fits in one datagram: refuse only a message longer than that (len > {len}), and send this one with one send_to."
            ),
            &format!(
                "{len}바이트는 한도와 정확히 같으므로 데이터그램 하나에 들어갑니다. 그보다 긴 메시지만(len > {len}) 거부하고, 이 메시지는 send_to 한 번으로 보내세요."
            ),
        ),
    );
    if let Err(failure) = refused {
        return Err(
            if len == MAX_PAYLOAD_V6 && finished.status.code() == Some(1) {
                unless_panicked(
                    failure,
                    &finished.stderr_text(),
                    diagnoses::ipv4_limit_for_ipv6(cx),
                )
            } else {
                failure
            },
        );
    }
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

fn send_65507_bytes_whole(cx: &Ctx) -> Outcome {
    let mut peer = Peer::bind(cx.lang())?;
    expect_largest_sent_whole(cx, &mut peer, MAX_PAYLOAD_V4)
}

/// `send first <max + 1 bytes> last` to `peer`: nothing may arrive, and the program must
/// exit 1 with one line on stderr. The valid message goes first, so that a program which
/// finds the problem only when it gets to the long one (no check of its own, or a check
/// against 65,535) has already sent something.
fn expect_refused_and_nothing_sent(cx: &Ctx, peer: &mut Peer, max: usize) -> Outcome {
    let too_long = max + 1;
    let big = printable(too_long, too_long as u64);
    let args = send_args(peer.addr(), &["first", &big, "last"]);
    let finished = run(cx, &args)?;
    let stderr = finished.stderr_text();
    // Nothing sent comes first: it is what the receiver would see, and it tells the cause.
    peer.expect_silence(QUIET).map_err(|f| {
        unless_panicked(
            f.context(ran(&args)).cause(cx.t(
                "Nothing may be sent when one message is too long: check all the lengths first, then send. Sending `first` and then failing on the long one leaves the receiver with half a conversation.",
                "메시지 하나라도 너무 길면 아무것도 보내지 않아야 합니다. 길이를 모두 먼저 검사한 다음에 보내세요. `first`를 보낸 뒤 긴 메시지에서 실패하면 받는 쪽에는 대화의 절반만 남습니다.",
            )),
            &stderr,
            diagnoses::sizes_checked_while_sending(cx),
        )
    })?;
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    let problem = if finished.timed_out {
        Some(cx.t("the program did not exit", "프로그램이 끝나지 않았습니다"))
    } else if find_panic(&stderr).is_some() {
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
    let Some(problem) = problem else {
        return Ok(());
    };
    let mut failure = Failure::new(problem)
        .sent(shown_command(&args))
        .expected(cx.t(
            format!("no datagram, exit code 1 and one line on stderr saying that the message of {too_long} bytes is longer than one datagram can carry ({max} bytes)"),
            format!("데이터그램 없음, 종료 코드 1, 그리고 {too_long}바이트 메시지가 데이터그램 하나에 담을 수 있는 크기({max}바이트)보다 길다는 stderr 한 줄"),
        ))
        .got(finished.describe());
    if let Some(explained) = explain_stderr(cx.lang(), &stderr) {
        failure = failure.cause(explained);
    }
    Err(failure.cause(cx.t(
        format!("Before sending anything, compare every message's length with the limit ({max} bytes here) and return an io::Error that says which message is too long; main prints it and exits with 1."),
        format!("아무것도 보내기 전에 모든 메시지의 길이를 한도(여기서는 {max}바이트)와 비교하고, 어느 메시지가 너무 긴지 알려 주는 io::Error를 돌려주세요. main이 그 오류를 출력하고 종료 코드 1로 끝냅니다."),
    )))
}

fn send_refuses_65508_bytes_and_sends_nothing(cx: &Ctx) -> Outcome {
    let mut peer = Peer::bind(cx.lang())?;
    expect_refused_and_nothing_sent(cx, &mut peer, MAX_PAYLOAD_V4)
}

fn send_without_a_receiver_exits_0(cx: &Ctx) -> Outcome {
    let nobody = unused_address(cx.lang())?;
    let messages = ["anyone", "there", "at", "all", "?"];
    let nobody_listens = |f: Failure| {
        f.situation(cx.t(
            format!("nothing listens at {nobody}"),
            format!("{nobody}에는 아무것도 수신 대기하지 않습니다"),
        ))
    };
    let cause = (
        "Sending UDP never waits for, or needs, a receiver. An error here (\"Connection refused\") most likely comes from connect(): on a connected UDP socket, the ICMP \"port unreachable\" that answers one datagram fails the next call with ECONNREFUSED. Use send_to on a socket you did not connect.",
        "UDP 전송은 받는 쪽을 기다리지도, 필요로 하지도 않습니다. 여기서 오류(\"Connection refused\")가 났다면 connect() 때문일 가능성이 큽니다. connect한 UDP 소켓에서는 데이터그램 하나에 ICMP \"port unreachable\" 응답이 돌아오면 다음 호출이 ECONNREFUSED로 실패합니다. connect하지 않은 소켓에서 send_to를 쓰세요.",
    );
    let args = send_args(nobody, &messages);
    let finished = run(cx, &args)?;
    expect_success(cx, &args, &finished, cause).map_err(nobody_listens)?;
    // Again from a chosen address: a sender that "dials" a connected socket when it knows
    // both ends (Go's net.DialUDP(laddr, raddr) does) must not fail either.
    let from = unused_address(cx.lang())?;
    let mut args = vec!["send".to_string(), "--from".to_string(), from.to_string()];
    args.extend(send_args(nobody, &messages).into_iter().skip(1));
    let finished = run(cx, &args)?;
    expect_success(cx, &args, &finished, cause).map_err(nobody_listens)
}

fn send_prints_the_summary(cx: &Ctx) -> Outcome {
    let peer = Peer::bind(cx.lang())?;
    // 6 + 0 + 7 bytes: é and ö take two bytes each in UTF-8.
    let messages = ["héllo", "", "wörld!"];
    let args = send_args(peer.addr(), &messages);
    let finished = run(cx, &args)?;
    let cause = (
        "Return the number of datagrams and the number of bytes you sent (bytes, not characters: é is 2 bytes in UTF-8), counting the empty message too; main prints the line, and nothing else, on stdout.",
        "보낸 데이터그램 수와 바이트 수를 돌려주세요. 글자 수가 아니라 바이트 수입니다(UTF-8에서 é는 2바이트). 빈 메시지도 셉니다. main이 stdout에 그 줄 하나만 출력합니다.",
    );
    expect_success(cx, &args, &finished, cause)?;
    let expected = format!("sent 3 datagrams (13 bytes) to {}\n", peer.addr());
    // The datagrams themselves are the other checks' business; take them off the socket.
    let _ = peer.receive(millis(10));
    if finished.stdout == expected.as_bytes() {
        return Ok(());
    }
    let mut failure = Failure::new(cx.t(
        "stdout is not exactly the summary line",
        "stdout이 요약 줄과 정확히 같지 않습니다",
    ))
    .sent(shown_command(&args))
    .expected(show(cx.lang(), expected.as_bytes()))
    .got(show(cx.lang(), &finished.stdout));
    if let Some(diff) = describe_difference(cx.lang(), expected.as_bytes(), &finished.stdout) {
        failure = failure.note(diff);
    }
    Err(failure.cause(cx.t(cause.0, cause.1)))
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

fn send_over_ipv6(cx: &Ctx) -> Outcome {
    cx.ipv6_loopback()?;
    let mut peer = Peer::bind_on(cx.lang(), IPV6_LOOPBACK)?;
    let args = send_args(peer.addr(), &["over IPv6"]);
    let finished = run(cx, &args)?;
    let cause = (
        "Bind the sending socket to an address of the destination's family: without --from, main passes [::]:0 for an IPv6 --to, and std's UdpSocket::bind makes an IPv6 socket for it. Never fix the family to IPv4.",
        "보내는 소켓을 목적지와 같은 주소 체계의 주소에 바인드하세요. --from이 없고 --to가 IPv6 주소이면 main은 [::]:0을 넘기고, std의 UdpSocket::bind는 그 주소로 IPv6 소켓을 만듭니다. 주소 체계를 IPv4로 못 박지 마세요.",
    );
    if let Err(failure) = expect_success(cx, &args, &finished, cause) {
        // The same over IPv4, to tell a socket fixed to IPv4 from a program that fails
        // anyway.
        let control = Peer::bind(cx.lang())?;
        let works_over_ipv4 = run(cx, &send_args(control.addr(), &["over IPv4"]))?
            .status
            .success();
        return Err(if works_over_ipv4 {
            unless_panicked(failure, &finished.stderr_text(), diagnoses::ipv4_only(cx))
        } else {
            failure
        });
    }
    let from = peer.expect_datagram(b"over IPv6", WAIT).map_err(|f| {
        f.context(ran(&args)).cause(cx.t(
            "Send the message with one send_to to the IPv6 --to address.",
            "메시지를 IPv6 --to 주소로 send_to 한 번에 보내세요.",
        ))
    })?;
    let expected = format!("sent 1 datagrams (9 bytes) to {}\n", peer.addr());
    if !from.ip().is_loopback() || finished.stdout != expected.as_bytes() {
        return Err(Failure::new(cx.t(
            "the datagram's source or the summary line is not right over IPv6",
            "IPv6에서 데이터그램의 출발 주소나 요약 줄이 맞지 않습니다",
        ))
        .sent(shown_command(&args))
        .expected(cx.t(
            format!(
                "a datagram from [::1] and the summary {}",
                show(cx.lang(), expected.as_bytes())
            ),
            format!(
                "[::1]에서 온 데이터그램과 요약 줄 {}",
                show(cx.lang(), expected.as_bytes())
            ),
        ))
        .got(cx.t(
            format!(
                "a datagram from {from} and {}",
                show(cx.lang(), &finished.stdout)
            ),
            format!(
                "{from}에서 온 데이터그램과 {}",
                show(cx.lang(), &finished.stdout)
            ),
        )));
    }
    // The largest IPv6 datagram, 20 bytes more than IPv4's.
    expect_largest_sent_whole(cx, &mut peer, MAX_PAYLOAD_V6)
}

fn send_over_ipv6_refuses_65528_bytes(cx: &Ctx) -> Outcome {
    cx.ipv6_loopback()?;
    let mut peer = Peer::bind_on(cx.lang(), IPV6_LOOPBACK)?;
    expect_refused_and_nothing_sent(cx, &mut peer, MAX_PAYLOAD_V6)
}

// ---------------------------------------------------------------------------------------
// recv
// ---------------------------------------------------------------------------------------

/// The line `recv` prints for `payload` from `from`, as the contract says: the length in
/// bytes, then the payload as it came, each byte that is not UTF-8 replaced by U+FFFD.
fn printed_line(from: SocketAddr, payload: &[u8]) -> String {
    printed_with(from, payload.len(), &String::from_utf8_lossy(payload))
}

fn printed_with(from: SocketAddr, len: usize, text: &str) -> String {
    format!("{from} {len} {text}")
}

/// The mistake behind a printed `line` that should have been the one for `payload` from
/// `from`, when the line shows it.
fn diagnose_line(cx: &Ctx, from: SocketAddr, payload: &[u8], line: &str) -> Option<Diagnosis> {
    let text = String::from_utf8_lossy(payload);
    let trimmed = [text.trim(), text.trim_start(), text.trim_end()];
    let as_trimmed = |t: &&str| {
        let with = printed_with(from, payload.len(), t);
        *t != text && (line == with || line == with.trim_end())
    };
    if trimmed.iter().any(as_trimmed) {
        return Some(diagnoses::payload_trimmed(cx));
    }
    let mut fields = line.splitn(3, ' ');
    let (sender, len) = (fields.next()?, fields.next()?);
    let rest = fields.next().unwrap_or("");
    if sender.parse::<SocketAddr>().is_ok() && sender != from.to_string() {
        return Some(diagnoses::wrong_sender(cx));
    }
    if rest.len() > text.len() && rest.starts_with(&*text) {
        return Some(diagnoses::whole_buffer(cx));
    }
    let n: usize = len.parse().ok()?;
    if n < payload.len() && rest.len() < text.len() && text.starts_with(rest) {
        return Some(cut_short(cx, payload.len(), n));
    }
    None
}

/// The diagnosis of a datagram of `sent` bytes that came through as `kept`.
fn cut_short(cx: &Ctx, sent: usize, kept: usize) -> Diagnosis {
    if sent == MAX_PAYLOAD_V6 && kept == MAX_PAYLOAD_V4 {
        diagnoses::buffer_sized_for_ipv4(cx)
    } else {
        diagnoses::buffer_too_small(cx, kept)
    }
}

/// Sends `payload` from `peer` to the server and checks the line `recv` prints for it.
fn expect_printed(
    cx: &Ctx,
    server: &mut Server,
    peer: &mut Peer,
    payload: &[u8],
    cause: (&str, &str),
) -> Outcome {
    expect_printed_all(cx, server, peer, &[payload], cause)
}

/// Sends every payload from `peer`, all at once, then checks the lines `recv` prints for
/// them, in order: one line each, or more for a payload that holds line breaks of its own
/// (it is printed as it came).
fn expect_printed_all(
    cx: &Ctx,
    server: &mut Server,
    peer: &mut Peer,
    payloads: &[&[u8]],
    cause: (&str, &str),
) -> Outcome {
    for payload in payloads {
        peer.send_to(payload, server.addr)?;
    }
    for payload in payloads {
        let sent = cx.t(
            format!("{} from {}", show_datagram(cx.lang(), payload), peer.addr()),
            format!("{}에서 {}", peer.addr(), show_datagram(cx.lang(), payload)),
        );
        for expected in printed_line(peer.addr(), payload).split('\n') {
            let line = server
                .process
                .next_output_line(cx.lang(), &sent, expected, WAIT);
            let line = server
                .explain(line)
                .map_err(|f| f.cause(cx.t(cause.0, cause.1)))?;
            let Some(failure) = line_difference(cx.lang(), &sent, expected, &line) else {
                continue;
            };
            let failure = failure.cause(cx.t(cause.0, cause.1));
            // An empty line expected is a line break that ended the payload: a program that
            // went on with the next datagram's line dropped it.
            let diagnosis = if expected.is_empty() {
                Some(diagnoses::payload_trimmed(cx))
            } else {
                diagnose_line(cx, peer.addr(), payload, &line)
            };
            return Err(match diagnosis {
                Some(d) => failure.diagnosis(d),
                None => failure,
            });
        }
    }
    Ok(())
}

/// Whether the server has exited (it is reaped by then if a failure said so).
fn has_exited(server: &mut Server) -> bool {
    server.process.exit_status(Duration::ZERO).is_some()
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
    let empty_cause = (
        "recv_from returning 0 is not an end of file: UDP has no connection to end. Print the line and keep receiving.",
        "recv_from이 0을 반환해도 EOF가 아닙니다. UDP에는 끝낼 연결이 없습니다. 줄을 출력하고 계속 받으세요.",
    );
    expect_printed(cx, &mut server, &mut a, b"", empty_cause).map_err(|f| {
        f.note(cx.t(
            "an empty datagram is a datagram too: its line is the sender, a length of 0 and a space",
            "빈 데이터그램도 데이터그램이므로, 그 줄은 보낸 곳, 길이 0, 공백 하나로 이루어집니다",
        ))
    })?;
    let after = expect_printed(cx, &mut server, &mut b, b"after the empty one", empty_cause);
    after.map_err(|f| {
        if has_exited(&mut server) {
            f.diagnosis(diagnoses::empty_is_not_eof(cx))
        } else {
            f
        }
    })
}

fn recv_prints_the_payload_exactly(cx: &Ctx) -> Outcome {
    let mut server = start(cx, &["recv", "--listen", "127.0.0.1:0"])?;
    let mut peer = Peer::bind(cx.lang())?;
    let cause = (
        "Print the payload exactly as it came: spaces, tabs and line breaks at its ends are part of it (a datagram from `nc -u` ends in a line break), and the length before it counts them. No trim().",
        "내용은 받은 그대로 출력하세요. 양 끝의 공백, 탭, 줄바꿈도 내용의 일부이고(`nc -u`가 보낸 데이터그램은 줄바꿈으로 끝납니다), 앞에 출력하는 길이에도 이 바이트들이 들어갑니다. trim()하지 마세요.",
    );
    // All sent before any line is read, so that a payload's missing line break shows as the
    // next datagram's line, at once.
    let payloads: [&[u8]; 5] = [
        b"  two spaces at each end  ",
        b"\ttabs\tinside and out\t",
        b" ",
        b"ends in a line break\n",
        b"next",
    ];
    expect_printed_all(cx, &mut server, &mut peer, &payloads, cause)
}

/// Sends `payload` to a running `recv` and checks the line it prints, byte for byte: the
/// raw bytes of stdout, not a decoded, trimmed copy.
fn expect_stdout_exactly(cx: &Ctx, payload: &[u8]) -> Outcome {
    let mut server = start(cx, &["recv", "--listen", "127.0.0.1:0"])?;
    let mut peer = Peer::bind(cx.lang())?;
    let from = peer.addr();
    peer.send_to(payload, server.addr)?;
    let expected = format!("{}\n", printed_line(from, payload));
    let printed = server.process.next_line_bytes(WAIT);
    let got = match &printed {
        Ok(Some(line)) if line == expected.as_bytes() => return Ok(()),
        Ok(Some(line)) => line.clone(),
        Ok(None) | Err(_) => Vec::new(),
    };
    let mut failure = Failure::new(cx.t(
        "the line `recv` printed is not byte for byte what the contract says",
        "`recv`가 출력한 줄이 계약에 적힌 것과 바이트 단위로 같지 않습니다",
    ))
    .sent(cx.t(
        format!("{} from {from}", show_datagram(cx.lang(), payload)),
        format!("{from}에서 {}", show_datagram(cx.lang(), payload)),
    ))
    .expected(cx.t(
        format!(
            "the line {} on stdout",
            show(cx.lang(), expected.as_bytes())
        ),
        format!("stdout에 {} 줄", show(cx.lang(), expected.as_bytes())),
    ))
    .got(match printed {
        Ok(Some(_)) => show(cx.lang(), &got),
        Ok(None) => cx.t(
            "stdout closed: the program exited",
            "stdout이 닫힘(프로그램이 끝남)",
        ),
        Err(limit) => cx.t(
            format!("no line within {:.1} s", limit.as_secs_f64()),
            format!("{:.1}초 안에 줄이 오지 않음", limit.as_secs_f64()),
        ),
    });
    if let Some(diff) = describe_difference(cx.lang(), expected.as_bytes(), &got) {
        failure = failure.note(diff);
    }
    let stderr = server.stderr_text();
    let got_text = String::from_utf8_lossy(&got);
    let diagnosis = if !got.is_empty() && std::str::from_utf8(&got).is_err() {
        Some(diagnoses::raw_bytes(cx))
    } else {
        diagnose_line(cx, from, payload, got_text.trim_end_matches('\n'))
    };
    if let Some(diagnosis) = diagnosis {
        failure = unless_panicked(failure, &stderr, diagnosis);
    }
    Err(server.died_or(failure.cause(cx.t(
        "Print exactly `<sender> <length> <payload>` and a line feed (\\n) per datagram: the payload as it came, a carriage return (\\r) included, with each byte that is not UTF-8 replaced by U+FFFD (String::from_utf8_lossy does it).",
        "데이터그램마다 정확히 `<보낸 곳> <길이> <내용>`과 줄바꿈 문자(\\n) 하나를 출력하세요. 내용은 받은 그대로이고(캐리지 리턴 \\r 포함), UTF-8이 아닌 바이트만 U+FFFD로 바꿉니다(String::from_utf8_lossy가 이 변환을 해 줍니다).",
    ))))
}

fn recv_stdout_is_exact_bytes(cx: &Ctx) -> Outcome {
    // A byte that is not UTF-8 (0xff) on its own, which every way of replacing invalid
    // bytes turns into one U+FFFD; and a carriage return, which a reader of lines would
    // hide. Both runs at once.
    let payloads: [&[u8]; 2] = [b"caf\xc3\xa9 \xff!", b"a carriage return at the end\r"];
    thread::scope(|scope| {
        let runs: Vec<_> = payloads
            .iter()
            .map(|payload| scope.spawn(move || expect_stdout_exactly(cx, payload)))
            .collect();
        runs.into_iter().try_for_each(|run| {
            run.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    })
}

fn recv_prints_a_65507_byte_datagram_whole(cx: &Ctx) -> Outcome {
    let mut server = start(cx, &["recv", "--listen", "127.0.0.1:0"])?;
    let mut peer = Peer::bind(cx.lang())?;
    let big = printable(MAX_PAYLOAD_V4, 65);
    expect_printed(
        cx,
        &mut server,
        &mut peer,
        big.as_bytes(),
        (
            "Receive into a buffer that holds the largest datagram (64 KiB). recv_from silently cuts a datagram that does not fit and throws the rest away; the next call gets the next datagram, not the rest.",
            "가장 큰 데이터그램이 들어가는 버퍼(64 KiB)로 받으세요. 버퍼에 다 들어가지 않는 데이터그램은 recv_from이 경고 없이 잘라 내고 나머지를 버립니다. 다음 호출은 나머지가 아니라 다음 데이터그램을 받습니다.",
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
    // A program that exits after the first datagram cannot print the second: caught below
    // by construction, whatever the timing.
    expect_printed(cx, &mut server, &mut peer, b"first of 2", cause)?;
    expect_printed(cx, &mut server, &mut peer, b"second of 2", cause)?;
    match server.process.exit_status(WAIT) {
        Some(status) if status.success() => Ok(()),
        other => Err(Failure::new(cx.t(
            "the program did not exit with code 0 after --count datagrams",
            "--count만큼 받은 뒤 프로그램이 종료 코드 0으로 끝나지 않았습니다",
        ))
        .sent("PROGRAM recv --listen 127.0.0.1:0 --count 2")
        .situation(cx.t(
            "2 datagrams were sent, and the program printed a line for each",
            "데이터그램 2개를 보냈고, 프로그램이 각각 한 줄씩 출력했습니다",
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

fn recv_count_0_exits_at_once(cx: &Ctx) -> Outcome {
    let args = ["recv", "--listen", "127.0.0.1:0", "--count", "0"];
    // Not a server: with --count 0 it is meant to exit right after its `listening on` line.
    let mut program = cx.spawn(&args)?;
    let addr = program.wait_for_listening()?;
    // A datagram that must not be printed. A correct program may have exited already, and
    // then it is dropped; a program that receives before it counts prints it, or waits.
    let mut peer = Peer::bind(cx.lang())?;
    peer.send_to(b"not to be printed", addr)?;
    let failure = |problem: String, got: String| {
        Failure::new(problem)
            .sent(format!("PROGRAM {}", args.join(" ")))
            .sent(show_datagram(cx.lang(), b"not to be printed"))
            .expected(cx.t(
                "the `listening on` line, nothing else on stdout, and exit code 0 at once: a count of 0 receives nothing",
                "stdout에는 `listening on` 줄만 있고 곧바로 종료 코드 0(개수가 0이면 아무것도 받지 않음)",
            ))
            .got(got)
            .cause(cx.t(
                "Check the count before each receive (while received < count), so that --count 0 receives nothing and returns Ok(()).",
                "매번 받기 전에 개수를 확인하세요(while received < count). 그래야 --count 0이면 아무것도 받지 않고 Ok(())를 돌려줍니다.",
            ))
    };
    match program.exit_status(WAIT) {
        Some(status) if status.success() => {}
        Some(status) => {
            return Err(failure(
                cx.t(
                    "with --count 0 the program did not exit with code 0",
                    "--count 0인데 프로그램이 종료 코드 0으로 끝나지 않았습니다",
                ),
                describe_exit(cx.lang(), status),
            ));
        }
        None => {
            let f = failure(
                cx.t(
                    "with --count 0 the program did not exit",
                    "--count 0인데 프로그램이 끝나지 않았습니다",
                ),
                cx.t(
                    format!("still running after {:.1} s", WAIT.as_secs_f64()),
                    format!("{:.1}초가 지나도 실행 중", WAIT.as_secs_f64()),
                ),
            );
            return Err(unless_panicked(
                f,
                &program.stderr_text(),
                diagnoses::count_checked_after_receiving(cx),
            ));
        }
    }
    // It has exited, so its stdout is closed: this returns at once.
    if let Ok(Some(line)) = program.next_line(WAIT) {
        let f = failure(
            cx.t(
                "with --count 0 the program printed a datagram",
                "--count 0인데 프로그램이 데이터그램을 출력했습니다",
            ),
            show(cx.lang(), line.as_bytes()),
        );
        return Err(unless_panicked(
            f,
            &program.stderr_text(),
            diagnoses::count_checked_after_receiving(cx),
        ));
    }
    Ok(())
}

/// Starts `sub --listen [::1]:0` and checks that it announced an IPv6 loopback address. When
/// it fails, the same on 127.0.0.1 tells a program fixed to IPv4 from one that fails anyway.
fn start_on_ipv6(cx: &Ctx, sub: &str) -> Result<Server, Failure> {
    let args = [sub, "--listen", "[::1]:0"];
    let works_over_ipv4 = || start(cx, &[sub, "--listen", "127.0.0.1:0"]).is_ok();
    let server = match cx.start_server(&args) {
        Ok(server) => server,
        Err(failure) if failure.diagnosis.is_none() && works_over_ipv4() => {
            return Err(failure.diagnosis(diagnoses::ipv4_only(cx)));
        }
        Err(failure) => return Err(failure),
    };
    if server.addr.is_ipv6() && server.addr.ip().is_loopback() {
        return Ok(server);
    }
    Err(Failure::new(cx.t(
        "asked to listen on [::1], the program announced another address",
        "[::1]에서 수신 대기하라고 했는데 프로그램이 다른 주소를 알렸습니다",
    ))
    .sent(format!("PROGRAM {}", args.join(" ")))
    .expected("listening on [::1]:PORT")
    .got(format!("listening on {}", server.addr))
    .diagnosis(diagnoses::ipv4_only(cx)))
}

fn recv_over_ipv6(cx: &Ctx) -> Outcome {
    cx.ipv6_loopback()?;
    let mut server = start_on_ipv6(cx, "recv")?;
    let mut peer = Peer::bind_on(cx.lang(), IPV6_LOOPBACK)?;
    expect_printed(
        cx,
        &mut server,
        &mut peer,
        b"over IPv6",
        (
            "Bind the address you are given, whatever its family, and print the sender as recv_from returns it: an IPv6 address prints as [::1]:PORT.",
            "주어진 주소를 주소 체계와 상관없이 바인드하고, 보낸 곳은 recv_from이 돌려준 그대로 출력하세요. IPv6 주소는 [::1]:PORT로 출력됩니다.",
        ),
    )?;
    let big = printable(MAX_PAYLOAD_V6, 66);
    expect_printed(
        cx,
        &mut server,
        &mut peer,
        big.as_bytes(),
        (
            "Over IPv6 a datagram carries up to 65,527 bytes, 20 more than over IPv4: receive into a buffer of 64 KiB, which holds any datagram.",
            "IPv6에서는 데이터그램 하나에 65,527바이트까지 담을 수 있어 IPv4보다 20바이트 많습니다. 어떤 데이터그램이든 들어가는 64 KiB 버퍼로 받으세요.",
        ),
    )
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
    expect_echoed(cx, server, peer, payload, cause)
}

/// Receives the echo of `payload`, already sent by `peer`: exactly those bytes, from the
/// server's own address.
fn expect_echoed(
    cx: &Ctx,
    server: &mut Server,
    peer: &mut Peer,
    payload: &[u8],
    cause: (&str, &str),
) -> Outcome {
    let arrival = peer.receive(WAIT);
    let judged = peer.judge_arrival(payload, &arrival, WAIT);
    let from = server.explain(judged).map_err(|f| {
        let f = f.cause(cx.t(cause.0, cause.1));
        match &arrival {
            Arrival::Datagram { data, .. }
                if !data.is_empty() && data.len() < payload.len() && payload.starts_with(data) =>
            {
                f.diagnosis(cut_short(cx, payload.len(), data.len()))
            }
            _ => f,
        }
    })?;
    if from == server.addr {
        return Ok(());
    }
    Err(Failure::new(cx.t(
        "the echo came from another address than the server's",
        "에코가 서버 주소가 아닌 다른 주소에서 왔습니다",
    ))
    .sent(cx.t(
        format!("{} to {}", show_datagram(cx.lang(), payload), server.addr),
        format!(
            "{}(으)로 {}",
            server.addr,
            show_datagram(cx.lang(), payload)
        ),
    ))
    .expected(cx.t(
        format!("the same bytes back, from {}", server.addr),
        format!("{}에서 돌아오는 같은 바이트", server.addr),
    ))
    .got(cx.t(
        format!("the same bytes, from {from}"),
        format!("{from}에서 온 같은 바이트"),
    ))
    .cause(cx.t(cause.0, cause.1))
    .diagnosis(diagnoses::reply_from_another_socket(cx)))
}

/// Checks that none of `peers` receives anything more within [`QUIET`]: all wait at once.
fn expect_all_silent(peers: Vec<&mut Peer>) -> Outcome {
    thread::scope(|scope| {
        let waiting: Vec<_> = peers
            .into_iter()
            .map(|peer| scope.spawn(move || peer.expect_silence(QUIET)))
            .collect();
        waiting.into_iter().try_for_each(|w| {
            w.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    })
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
        f.situation(cx.t(
            format!(
                "client A ({}) sent a datagram and got its echo; this is client B ({})",
                a.addr(),
                b.addr()
            ),
            format!(
                "클라이언트 A({})가 데이터그램을 보내 에코를 받았고, 이번에는 클라이언트 B({})입니다",
                a.addr(),
                b.addr()
            ),
        ))
    })?;
    expect_echo(cx, &mut server, &mut a, b"A again", cause)?;
    // Eight more clients send at once, small and large datagrams mixed, before any reads
    // its echo: each must get its own back, whatever the order they are served in.
    let sizes = [0, 1, 1_472, 5, 9_000, 17, 20_000, 64];
    let mut clients = Vec::new();
    for _ in sizes {
        clients.push(Peer::bind(cx.lang())?);
    }
    let payloads: Vec<Vec<u8>> = sizes
        .iter()
        .zip(100..)
        .map(|(&len, seed)| harness::pattern(len, seed))
        .collect();
    for (client, payload) in clients.iter_mut().zip(&payloads) {
        client.send_to(payload, server.addr)?;
    }
    for (i, (client, payload)) in clients.iter_mut().zip(&payloads).enumerate() {
        expect_echoed(cx, &mut server, client, payload, cause).map_err(|f| {
            f.situation(cx.t(
                format!("8 clients each sent one datagram at once; this is client {}", i + 1),
                format!(
                    "클라이언트 8개가 한꺼번에 데이터그램을 하나씩 보냈고, 그중 {}번째 클라이언트입니다",
                    i + 1
                ),
            ))
        })?;
    }
    // No client may have received another's data, or a second copy.
    let mut everyone: Vec<&mut Peer> = vec![&mut a, &mut b];
    everyone.extend(clients.iter_mut());
    expect_all_silent(everyone).map_err(|f| f.cause(cx.t(cause.0, cause.1)))
}

fn echo_keeps_datagram_boundaries(cx: &Ctx) -> Outcome {
    let mut server = start(cx, &["echo", "--listen", "127.0.0.1:0"])?;
    let mut peer = Peer::bind(cx.lang())?;
    let cause = (
        "Echo each datagram on its own: one recv_from, one send_to with exactly &buf[..n]. Never collect several datagrams into one reply, and never cut one (a 64 KiB buffer holds any datagram).",
        "데이터그램은 하나씩 따로 돌려보내세요. recv_from 한 번에 정확히 &buf[..n]로 send_to 한 번입니다. 여러 데이터그램을 모아 한 번에 응답하거나 하나를 잘라 내면 안 됩니다(64 KiB 버퍼면 어떤 데이터그램도 들어갑니다).",
    );
    let datagrams = [b"one".to_vec(), b"two".to_vec(), b"three".to_vec()];
    // All three at once, before reading any reply.
    for data in &datagrams {
        peer.send_to(data, server.addr)?;
    }
    for data in &datagrams {
        expect_echoed(cx, &mut server, &mut peer, data, cause)?;
    }
    let big = harness::pattern(60_000, 6);
    expect_echo(cx, &mut server, &mut peer, &big, cause)?;
    peer.expect_silence(QUIET)
        .map_err(|f| f.cause(cx.t(cause.0, cause.1)))
}

fn echo_returns_empty_and_binary_datagrams(cx: &Ctx) -> Outcome {
    let mut server = start(cx, &["echo", "--listen", "127.0.0.1:0"])?;
    let mut peer = Peer::bind(cx.lang())?;
    let eof = |server: &mut Server, f: Failure| {
        if has_exited(server) {
            f.diagnosis(diagnoses::empty_is_not_eof(cx))
        } else {
            f
        }
    };
    let empty = expect_echo(
        cx,
        &mut server,
        &mut peer,
        b"",
        (
            "An empty datagram is a datagram: recv_from returns 0 and the sender's address. Send an empty datagram back. (0 is not an end of file here: UDP has no connection to end.)",
            "빈 데이터그램도 데이터그램입니다. recv_from은 0과 보낸 곳의 주소를 돌려줍니다. 빈 데이터그램을 돌려보내세요(여기서 0은 EOF가 아닙니다. UDP에는 끝낼 연결이 없습니다).",
        ),
    );
    empty.map_err(|f| eof(&mut server, f))?;
    let after = expect_echo(
        cx,
        &mut server,
        &mut peer,
        b"still there? after the empty one",
        (
            "The server must go on after an empty datagram: it is not an end of file.",
            "빈 데이터그램 다음에도 서버는 계속 동작해야 합니다. 빈 데이터그램은 EOF가 아닙니다.",
        ),
    );
    after.map_err(|f| eof(&mut server, f))?;
    expect_echo(
        cx,
        &mut server,
        &mut peer,
        b"\x00\x01bin\xff\xfe\xc3\x28ary\r\n\x00",
        (
            "Echo bytes, not text: send back &buf[..n] exactly, with no UTF-8 conversion and nothing added.",
            "텍스트가 아니라 바이트를 돌려보내세요. UTF-8 변환 없이, 아무것도 덧붙이지 말고 &buf[..n]을 그대로 보내세요.",
        ),
    )?;
    let biggest = harness::pattern(MAX_PAYLOAD_V4, 7);
    expect_echo(
        cx,
        &mut server,
        &mut peer,
        &biggest,
        (
            "Receive into a buffer that holds the largest datagram (64 KiB): recv_from silently cuts a datagram that does not fit.",
            "가장 큰 데이터그램이 들어가는 버퍼(64 KiB)로 받으세요. 다 들어가지 않는 데이터그램은 recv_from이 경고 없이 잘라 냅니다.",
        ),
    )
}

fn echo_over_ipv6(cx: &Ctx) -> Outcome {
    cx.ipv6_loopback()?;
    let mut server = start_on_ipv6(cx, "echo")?;
    let mut peer = Peer::bind_on(cx.lang(), IPV6_LOOPBACK)?;
    expect_echo(
        cx,
        &mut server,
        &mut peer,
        b"over IPv6",
        (
            "Bind the address you are given, whatever its family, and reply to the address recv_from returned: an IPv6 one for an IPv6 client.",
            "주어진 주소를 주소 체계와 상관없이 바인드하고, recv_from이 돌려준 주소로 응답하세요. IPv6 클라이언트라면 그 주소도 IPv6 주소입니다.",
        ),
    )?;
    let biggest = harness::pattern(MAX_PAYLOAD_V6, 8);
    expect_echo(
        cx,
        &mut server,
        &mut peer,
        &biggest,
        (
            "Over IPv6 a datagram carries up to 65,527 bytes, 20 more than over IPv4: receive into a buffer of 64 KiB, which holds any datagram.",
            "IPv6에서는 데이터그램 하나에 65,527바이트까지 담을 수 있어 IPv4보다 20바이트 많습니다. 어떤 데이터그램이든 들어가는 64 KiB 버퍼로 받으세요.",
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
    for count in ["many", "-1"] {
        let args: Vec<String> = ["recv", "--listen", "127.0.0.1:0", "--count", count]
            .map(String::from)
            .to_vec();
        run(cx, &args)?.expect_error_message(&cx.t(
            format!("--count {count} is not a whole number"),
            format!("0 이상의 정수가 아닌 --count {count}"),
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
            id: "send_keeps_every_byte",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "send: spaces, tabs and line breaks at a message's ends are sent too",
                "send: 메시지 양 끝의 공백, 탭, 줄바꿈도 그대로 보낸다",
            ),
            todo: Text::new(
                "TODO 2: send each message's bytes as they are.",
                "TODO 2: 메시지의 바이트를 그대로 보내기.",
            ),
            section: "message-boundaries",
            run: send_keeps_every_byte,
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
            id: "send_65507_bytes_whole",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "send: a message of 65,507 bytes, the IPv4 limit, arrives whole as one datagram",
                "send: IPv4 한도인 65,507바이트 메시지가 데이터그램 하나로 온전히 도착한다",
            ),
            todo: Text::new(
                "TODO 2: the whole message in one send_to; the limit itself fits.",
                "TODO 2: 메시지 전체를 send_to 한 번으로 보내기(크기가 한도와 같은 메시지도 들어감).",
            ),
            section: "datagram-size",
            run: send_65507_bytes_whole,
            serial: false,
        },
        Check {
            id: "send_refuses_65508_bytes_and_sends_nothing",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "send: a 65,508-byte message to IPv4 is refused (exit 1, one line) and nothing is sent",
                "send: IPv4로 보내는 65,508바이트 메시지는 거부하고(종료 코드 1, 한 줄) 아무것도 보내지 않는다",
            ),
            todo: Text::new(
                "TODO 2: check every length against the limit before the first send_to.",
                "TODO 2: 첫 send_to 전에 모든 길이를 한도와 비교하기.",
            ),
            section: "datagram-size",
            run: send_refuses_65508_bytes_and_sends_nothing,
            serial: false,
        },
        Check {
            id: "send_without_a_receiver_exits_0",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "send: sending where nothing listens still exits 0, with and without --from",
                "send: 아무것도 수신 대기하지 않는 주소로 보내도 --from 유무와 상관없이 종료 코드 0으로 끝난다",
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
                "send: stdout is exactly `sent N datagrams (B bytes) to ADDR`, counting bytes",
                "send: stdout이 바이트 수를 센 `sent N datagrams (B bytes) to ADDR` 한 줄과 정확히 같다",
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
            id: "send_over_ipv6",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "send: to [::1], with the summary, and 65,527 bytes (the IPv6 limit) whole",
                "send: [::1]로 보내고 요약 줄을 출력하며, IPv6 한도인 65,527바이트를 온전히 보낸다",
            ),
            todo: Text::new(
                "TODO 1 (bind to the family of the address given) and TODO 2 (the limit of the destination's family).",
                "TODO 1(주어진 주소의 주소 체계로 바인드)과 TODO 2(목적지 주소 체계의 한도).",
            ),
            section: "datagram-size",
            run: send_over_ipv6,
            serial: false,
        },
        Check {
            id: "send_over_ipv6_refuses_65528_bytes",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "send: a 65,528-byte message to [::1] is refused (exit 1, one line) and nothing is sent",
                "send: [::1]로 보내는 65,528바이트 메시지는 거부하고(종료 코드 1, 한 줄) 아무것도 보내지 않는다",
            ),
            todo: Text::new(
                "TODO 2: the limit of the destination's family, checked before the first send_to.",
                "TODO 2: 목적지 주소 체계의 한도를 첫 send_to 전에 검사하기.",
            ),
            section: "datagram-size",
            run: send_over_ipv6_refuses_65528_bytes,
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
            id: "recv_prints_the_payload_exactly",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "recv: prints spaces, tabs and line breaks of a payload exactly as they came",
                "recv: 내용의 공백, 탭, 줄바꿈을 받은 그대로 출력한다",
            ),
            todo: Text::new(
                "TODO 3: print the payload as it came, with no trimming.",
                "TODO 3: 내용을 trim하지 않고 받은 그대로 출력하기.",
            ),
            section: "lab-contract",
            run: recv_prints_the_payload_exactly,
            serial: false,
        },
        Check {
            id: "recv_stdout_is_exact_bytes",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "recv: each line on stdout is exact, byte for byte (a byte that is not UTF-8 becomes U+FFFD, a \\r stays)",
                "recv: stdout에 찍히는 줄이 바이트 단위로 정확하다(UTF-8이 아닌 바이트는 U+FFFD, \\r은 그대로)",
            ),
            todo: Text::new(
                "TODO 3: the payload through String::from_utf8_lossy, one \\n per line, nothing else on stdout.",
                "TODO 3: 내용을 String::from_utf8_lossy로 바꿔 출력하고, 줄마다 \\n 하나만 붙이고, stdout에는 그 밖의 것을 쓰지 않기.",
            ),
            section: "lab-contract",
            run: recv_stdout_is_exact_bytes,
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
            id: "recv_count_0_exits_at_once",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "recv: with --count 0, prints `listening on` and exits 0 without receiving",
                "recv: --count 0이면 `listening on` 줄만 출력하고 아무것도 받지 않은 채 종료 코드 0으로 끝난다",
            ),
            todo: Text::new(
                "TODO 3: check the count before each receive.",
                "TODO 3: 매번 받기 전에 개수 확인하기.",
            ),
            section: "lab-contract",
            run: recv_count_0_exits_at_once,
            serial: false,
        },
        Check {
            id: "recv_over_ipv6",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "recv: listens on [::1], prints the IPv6 sender, and 65,527 bytes whole",
                "recv: [::1]에서 수신 대기하고, IPv6 주소인 보낸 곳과 65,527바이트 내용을 온전히 출력한다",
            ),
            todo: Text::new(
                "TODO 1 (bind the address given, any family) and TODO 3 (a 64 KiB buffer).",
                "TODO 1(주어진 주소를 주소 체계와 상관없이 바인드)과 TODO 3(64 KiB 버퍼).",
            ),
            section: "datagram-size",
            run: recv_over_ipv6,
            serial: false,
        },
        Check {
            id: "echo_answers_each_client",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "echo: answers each client with its own data, also 8 clients sending at once",
                "echo: 클라이언트 8개가 한꺼번에 보내도 각 클라이언트에게 자기가 보낸 데이터로 응답한다",
            ),
            todo: Text::new(
                "TODO 4: reply to the address recv_from returned for each datagram, from the same socket.",
                "TODO 4: 데이터그램마다 recv_from이 돌려준 주소로, 같은 소켓에서 응답하기.",
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
            id: "echo_over_ipv6",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "echo: listens on [::1] and returns 65,527 bytes whole",
                "echo: [::1]에서 수신 대기하고 65,527바이트를 온전히 돌려준다",
            ),
            todo: Text::new(
                "TODO 1 (bind the address given, any family) and TODO 4 (a 64 KiB buffer).",
                "TODO 1(주어진 주소를 주소 체계와 상관없이 바인드)과 TODO 4(64 KiB 버퍼).",
            ),
            section: "datagram-size",
            run: echo_over_ipv6,
            serial: false,
        },
        Check {
            id: "refuses_bad_input",
            points: 1,
            limit: secs(30),
            title: Text::new(
                "a UDP address in use, a bad --count or a bad --to is a one-line error, not a panic",
                "사용 중인 UDP 주소, 잘못된 --count나 --to는 패닉이 아니라 한 줄 오류로 끝난다",
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
    stages: STAGES,
};

/// The checks in the order a learner meets them: one idea per stage, each taught by the
/// section it names. The grader shows the first stage that does not pass in full.
const STAGES: &[harness::Stage] = &[
    harness::Stage {
        title: Text::new("send: one datagram", "send: 데이터그램 하나"),
        section: "udp-in-rust",
        checks: &[
            "send_one_message_as_one_datagram",
            "send_prints_the_summary",
            "send_from_the_given_address",
            "refuses_bad_input",
        ],
    },
    harness::Stage {
        title: Text::new(
            "send: one message, one datagram",
            "send: 메시지 하나에 데이터그램 하나",
        ),
        section: "message-boundaries",
        checks: &[
            "send_three_messages_in_order",
            "send_keeps_every_byte",
            "send_empty_message_as_empty_datagram",
            "send_without_a_receiver_exits_0",
        ],
    },
    harness::Stage {
        title: Text::new(
            "recv: print what arrives, exactly",
            "recv: 도착한 것을 그대로 출력하기",
        ),
        section: "udp-in-rust",
        checks: &[
            "recv_prints_each_datagram",
            "recv_prints_the_payload_exactly",
            "recv_stdout_is_exact_bytes",
        ],
    },
    harness::Stage {
        title: Text::new("recv: when to stop", "recv: 종료 시점"),
        section: "lab-contract",
        checks: &["recv_exits_after_count", "recv_count_0_exits_at_once"],
    },
    harness::Stage {
        title: Text::new("how big a datagram can be", "데이터그램의 최대 크기"),
        section: "datagram-size",
        checks: &[
            "send_65507_bytes_whole",
            "send_refuses_65508_bytes_and_sends_nothing",
            "recv_prints_a_65507_byte_datagram_whole",
        ],
    },
    harness::Stage {
        title: Text::new(
            "echo: one socket, many peers",
            "echo: 소켓 하나, 상대는 여럿",
        ),
        section: "one-socket-many-peers",
        checks: &[
            "echo_answers_each_client",
            "echo_keeps_datagram_boundaries",
            "echo_returns_empty_and_binary_datagrams",
        ],
    },
    harness::Stage {
        title: Text::new("IPv6 and its limit", "IPv6와 크기 한도"),
        section: "datagram-size",
        checks: &[
            "send_over_ipv6",
            "send_over_ipv6_refuses_65528_bytes",
            "recv_over_ipv6",
            "echo_over_ipv6",
        ],
    },
];
