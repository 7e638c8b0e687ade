//! The checks of lab02, the TCP echo server (chapter 2).
//!
//! Each check is black-box: it starts the program with `--listen 127.0.0.1:0`, reads the
//! address from its `listening on ADDR` line, and talks to it over loopback. The table at
//! the bottom gives each check its points, its time limit, the TODO it depends on and the
//! chapter section that explains it. This file is also compiled into the reference
//! solution's proof tests (`solutions/lab02/tests/proof.rs`), which show that every check
//! passes the reference and that each classic bug is caught by the check named for it.

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use harness::text::describe_difference;
use harness::{
    Check, Ctx, Diagnosis, Ending, Failure, Lab, Limits, Outcome, Server, Text, millis, pattern,
    secs, show,
};
use socket2::{Domain, Socket, Type};

/// How long a small echo may take to come back. Loopback answers in microseconds; the
/// margin is for a loaded machine running many checks at once.
const ECHO_WAIT: Duration = secs(3);

fn start(cx: &Ctx) -> Result<Server, Failure> {
    cx.start_server(&["--listen", "127.0.0.1:0"])
}

fn announces_address(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    if !server.addr.ip().is_loopback() {
        return Err(Failure::new(cx.t(
            "the program announced an address other than the one it was asked to listen on",
            "프로그램이 요청받은 주소와 다른 주소를 알렸습니다",
        ))
        .sent("--listen 127.0.0.1:0")
        .expected("listening on 127.0.0.1:PORT")
        .got(format!("listening on {}", server.addr)));
    }
    let client = server.connect();
    server.explain(client).map(drop)
}

/// The echo came back with extra bytes after it: the whole buffer was written, not the
/// `n` bytes read returned.
fn whole_buffer(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab02 whole buffer".into(),
        title: cx.t(
            "the whole buffer is written back, not the bytes read returned",
            "read가 돌려준 바이트가 아니라 버퍼 전체를 돌려보냄",
        ),
        cause: cx.t(
            "The echo came back followed by bytes nobody sent (zeros, or leftovers of an earlier read): the write sends the whole buffer. read(&mut buf) returns n, and only buf[..n] holds what arrived.",
            "에코 뒤에 아무도 보내지 않은 바이트(값이 0인 바이트나 이전 read에서 남은 바이트)가 붙어 왔습니다. write가 버퍼 전체를 보내고 있습니다. read(&mut buf)는 n을 돌려주고, 방금 도착한 것은 buf[..n]뿐입니다.",
        ),
        to_pass: cx.t(
            "Write back &buf[..n], where n is what read returned.",
            "read가 돌려준 n만큼, 곧 &buf[..n]만 돌려보내기.",
        ),
        section: Some("read-and-write"),
    }
}

/// Reads the echo of `sent` and checks it, like `Client::expect`, and recognises the
/// whole-buffer mistake: the bytes sent, followed by bytes nobody sent.
fn expect_echo(cx: &Ctx, client: &mut harness::Client, sent: &[u8]) -> Outcome {
    let lang = cx.lang();
    let (got, ending) = client.read_up_to(sent.len(), ECHO_WAIT);
    if got == sent {
        return Ok(());
    }
    let mut failure = Failure::new(cx.t(
        "the program did not send back the expected bytes",
        "프로그램이 기대한 바이트를 보내지 않았습니다",
    ))
    .sent_bytes(lang, sent)
    .expected(cx.t(
        format!(
            "{} within {:.1} s",
            show(lang, sent),
            ECHO_WAIT.as_secs_f64()
        ),
        format!("{:.1}초 안에 {}", ECHO_WAIT.as_secs_f64(), show(lang, sent)),
    ));
    let mut got_text = show(lang, &got);
    if ending != Ending::Complete {
        got_text = format!("{got_text}; {}", ending.describe(lang));
    }
    failure = failure.got(got_text);
    if let Some(diff) = describe_difference(lang, sent, &got) {
        failure = failure.note(diff);
    }
    if got.len() > sent.len() && got.starts_with(sent) {
        failure = failure.diagnosis(whole_buffer(cx));
    }
    Err(failure)
}

fn echoes_one_line(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    let mut client = server.connect()?;
    client.send(b"hello, socket\n")?;
    let echoed = expect_echo(cx, &mut client, b"hello, socket\n");
    server.explain(echoed).map_err(|f| {
        f.cause(cx.t(
            "Write back exactly the bytes read returned, &buf[..n], as soon as you have them. Extra bytes after the line mean the whole buffer was written; nothing at all means the bytes were never written back.",
            "read가 돌려준 바이트, 곧 &buf[..n]만 받는 즉시 그대로 돌려보내세요. 줄 뒤에 바이트가 더 붙었다면 버퍼 전체를 쓴 것이고, 아무것도 오지 않았다면 돌려보내지 않은 것입니다.",
        ))
    })
}

fn echoes_binary_exactly(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    let mut client = server.connect()?;
    // NUL, bytes that are not UTF-8, a CRLF in the middle and no newline at the end.
    let data = b"\x00\x01bin\xff\xfe\xc3\x28ary\r\nno newline at the end\x00";
    client.send(data)?;
    let echoed = expect_echo(cx, &mut client, data);
    server.explain(echoed).map_err(|f| {
        f.cause(cx.t(
            "An echo server moves bytes, not text: no lines, no UTF-8, no added or removed newline. Read into a byte buffer and write back what you read.",
            "에코 서버는 텍스트가 아니라 바이트를 옮깁니다. 줄 단위로 읽거나 UTF-8로 바꾸거나 줄바꿈을 더하거나 빼면 안 됩니다. 바이트 버퍼로 읽고, 읽은 것을 그대로 쓰세요.",
        ))
    })
}

fn echoes_interactively(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    let mut client = server.connect()?;
    for word in [&b"ping\n"[..], b"pong\n", b"still here\n"] {
        client.send(word)?;
        let echoed = client.expect(word, ECHO_WAIT);
        server.explain(echoed).map_err(|f| {
            f.cause(cx.t(
                "Echo each chunk as soon as read returns it, while the client keeps the connection open. Waiting for EOF (read_to_end) before writing means an interactive client never gets an answer.",
                "클라이언트가 연결을 열어 둔 채로 있어도, read가 돌려준 조각은 바로 돌려보내야 합니다. EOF까지 기다렸다가(read_to_end) 쓰면 대화형 클라이언트는 영영 답을 받지 못합니다.",
            ))
        })?;
    }
    Ok(())
}

fn echoes_many_writes_on_one_connection(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    let mut client = server.connect()?;
    for round in 0..40u64 {
        let size = [1usize, 10, 100, 1500, 3000][round as usize % 5];
        let data = pattern(size, round + 1);
        client.send(&data)?;
        let echoed = client.expect(&data, ECHO_WAIT);
        server.explain(echoed).map_err(|f| {
            f.note(cx.t(
                format!("this was write {} of 40 on the same connection", round + 1),
                format!("같은 연결에서 40번 가운데 {}번째 쓰기였습니다", round + 1),
            ))
            .cause(cx.t(
                "Keep reading in a loop until read returns 0. A single read gets only what has arrived so far; the connection goes on after it.",
                "read가 0을 반환할 때까지 반복해서 읽으세요. read 한 번은 지금까지 도착한 만큼만 가져올 뿐이고, 연결은 그 뒤로도 이어집니다.",
            ))
        })?;
    }
    Ok(())
}

fn serves_clients_one_after_another(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    for n in 1..=3 {
        let line = format!("client {n} of 3\n");
        let mut client = server.connect()?;
        client.send(line.as_bytes())?;
        let done = client
            .expect(line.as_bytes(), ECHO_WAIT)
            .and_then(|()| client.shutdown_write())
            .and_then(|()| client.expect_eof(ECHO_WAIT));
        server.explain(done).map_err(|f| {
            f.note(cx.t(
                format!("this was client {n} of 3, connecting one after another"),
                format!("차례로 연결한 클라이언트 3개 가운데 {n}번째였습니다"),
            ))
            .cause(cx.t(
                "After one client is done, go back to accept() for the next; and when a client's read returns 0, return from echo so its connection closes.",
                "클라이언트 하나가 끝나면 다시 accept()로 돌아가 다음 클라이언트를 받으세요. 그리고 read가 0을 반환하면 echo에서 돌아와 그 연결이 닫히게 하세요.",
            ))
        })?;
    }
    Ok(())
}

fn serves_second_client_while_first_idle(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    let mut first = server.connect()?;
    first.send(b"first\n")?;
    let echoed = first.expect(b"first\n", ECHO_WAIT);
    server.explain(echoed)?;
    // The first client now stays connected and says nothing.
    let mut second = server.connect()?;
    second.send(b"second\n")?;
    let echoed = second.expect(b"second\n", ECHO_WAIT);
    server.explain(echoed).map_err(|f| {
        f.context(harness::Step::Situation(cx.t(
            "a first client connected, was echoed, and stays connected without sending",
            "첫 번째 클라이언트가 연결해 에코를 받은 뒤, 아무것도 보내지 않고 연결을 유지합니다",
        )))
        .cause(cx.t(
            "The server is busy with the first client. Give each accepted client its own thread (thread::spawn) and go straight back to accept().",
            "서버가 첫 번째 클라이언트에 매여 있습니다. 수락한 클라이언트마다 스레드를 따로 만들고(thread::spawn) 곧바로 accept()로 돌아가세요.",
        ))
    })
}

fn returns_the_rest_then_eof_after_half_close(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    let mut client = server.connect()?;
    let data = pattern(64 * 1024, 7);
    // Write everything and shut down our sending side at once, without waiting for echoes:
    // the EOF reaches the server while it still has data to send back.
    let exchanged = client.exchange_full_duplex(data.clone(), &[64 * 1024], secs(5));
    let (got, ending) = server.explain(exchanged)?;
    if got == data && ending == Ending::Eof {
        return still_serving(
            cx,
            &mut server,
            &cx.t(
                "a client wrote 64 KiB and shut down its sending side at once; it got everything back, then EOF",
                "클라이언트가 64 KiB를 쓰고 곧바로 보내는 방향을 닫았고, 모두 돌려받은 뒤 EOF를 받았습니다",
            ),
        );
    }
    let mut failure = Failure::new(cx.t(
        "after the client shut down its sending side, the server did not send back everything and then close",
        "클라이언트가 보내는 쪽을 닫은(shutdown) 뒤, 서버가 남은 데이터를 모두 돌려보내고 연결을 닫지 않았습니다",
    ))
    .sent(cx.t(
        format!("{}, then shutdown(Write)", show(cx.lang(), &data)),
        format!("{}, 그다음 shutdown(Write)", show(cx.lang(), &data)),
    ))
    .expected(cx.t(
        "the same 65536 bytes, then EOF (read returns 0)",
        "같은 65536바이트, 그다음 EOF(read가 0을 반환)",
    ))
    .got(format!("{}; {}", show(cx.lang(), &got), ending.describe(cx.lang())));
    if let Some(diff) = harness::text::describe_difference(cx.lang(), &data, &got) {
        failure = failure.note(diff);
    }
    Err(server.died_or(failure.cause(cx.t(
        "EOF only means the client has finished sending. Finish writing back what you read, and when read returns 0, return so the connection closes and the client sees EOF too.",
        "EOF는 클라이언트가 보내기를 마쳤다는 뜻일 뿐입니다. 읽은 것을 끝까지 돌려보내고, read가 0을 반환하면 함수에서 돌아와 연결을 닫으세요. 그래야 클라이언트도 EOF를 봅니다.",
    ))))
}

fn round_trips_8_mib_full_duplex(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    let mut client = server.connect()?;
    let data = pattern(8 * 1024 * 1024, 42);
    // Odd piece sizes, so the server's reads never line up with the client's writes.
    let pieces = [1, 7, 1000, 65536, 300_001, 4096, 13];
    let exchanged = client.exchange_full_duplex(data.clone(), &pieces, secs(20));
    let (got, ending) = server.explain(exchanged)?;
    if got == data && ending == Ending::Eof {
        return Ok(());
    }
    let mut failure = Failure::new(cx.t(
        "8 MiB written and read at the same time did not come back exactly",
        "동시에 쓰고 읽은 8 MiB가 정확히 돌아오지 않았습니다",
    ))
    .sent(cx.t(
        "8388608 bytes in pieces of 1 to 300001 bytes, reading the echo at the same time, then shutdown(Write)",
        "8388608바이트를 1~300001바이트 조각으로 보내면서 동시에 에코를 읽고, 그다음 shutdown(Write)",
    ))
    .expected(cx.t("the same 8388608 bytes, then EOF", "같은 8388608바이트, 그다음 EOF"))
    .got(format!("{} bytes; {}", got.len(), ending.describe(cx.lang())));
    if let Some(diff) = harness::text::describe_difference(cx.lang(), &data, &got) {
        failure = failure.note(diff);
    }
    Err(server.died_or(failure.cause(cx.t(
        "Reads and writes can be partial: loop on read until it returns 0, and write each chunk with write_all, which loops over partial writes for you.",
        "읽기와 쓰기는 일부만 될 수 있습니다. read가 0을 반환할 때까지 반복하고, 각 조각은 부분 쓰기를 알아서 반복해 주는 write_all로 쓰세요.",
    ))))
}

fn survives_a_client_reset(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    // A burst of clients that connect and reset at once: some are reset before the server
    // accepts them, which is when asking a stream for its peer address fails.
    for _ in 0..30 {
        server.connect()?.reset();
    }
    // A client that resets while the server still has data to send it.
    let mut client = server.connect()?;
    client.send(&pattern(256 * 1024, 3))?;
    client.reset();
    thread::sleep(millis(200));
    let mut next = server.connect()?;
    next.send(b"after the resets\n")?;
    let echoed = next.expect(b"after the resets\n", ECHO_WAIT);
    server.explain(echoed).map_err(|f| {
        f.context(harness::Step::Situation(cx.t(
            "31 clients that reset their connections (RST), one of them in the middle of an echo",
            "연결을 리셋(RST)한 클라이언트 31개, 그 가운데 하나는 에코 도중에 리셋",
        )))
        .cause(cx.t(
            "A reset is an error on that one connection: accept, peer_addr, read and write can all fail with it. Log it and drop that client; never unwrap() there.",
            "리셋은 그 연결 하나의 오류입니다. accept, peer_addr, read, write 모두 이 오류로 실패할 수 있습니다. 로그를 남기고 그 클라이언트만 정리하세요. 그 자리에서 unwrap()하면 안 됩니다.",
        ))
    })
}

fn restarts_on_the_same_port(cx: &Ctx) -> Outcome {
    let mut first = start(cx)?;
    let addr = first.addr;
    let mut client = first.connect()?;
    client.send(b"before the restart\n")?;
    let echoed = client.expect(b"before the restart\n", ECHO_WAIT);
    first.explain(echoed)?;
    // Stop the server while the connection is open: the server's side closes first, so its
    // end of the connection waits in TIME_WAIT on the server's port.
    first.kill();
    let _ = client.read_up_to(1, secs(2));
    drop(client);
    thread::sleep(millis(100));

    let listen = addr.to_string();
    let mut second = cx.start_server(&["--listen", &listen]).map_err(|f| {
        f.context(harness::Step::Situation(cx.t(
            format!("the server ran on {listen} with a client connected, was stopped, and was started again with --listen {listen}"),
            format!("서버가 {listen}에서 클라이언트와 연결된 채 멈췄고, --listen {} 다시 시작했습니다", harness::with_josa(&listen, harness::Particle::Toward)),
        )))
        .cause(cx.t(
            "The old connection is in TIME_WAIT on this port, so bind() fails with \"Address already in use\" unless SO_REUSEADDR is set before bind().",
            "예전 연결이 이 포트에서 TIME_WAIT 상태로 남아 있어, bind() 전에 SO_REUSEADDR를 켜지 않으면 \"Address already in use\"로 실패합니다.",
        ))
    })?;
    let mut client = second.connect()?;
    client.send(b"after the restart\n")?;
    let echoed = client.expect(b"after the restart\n", ECHO_WAIT);
    second.explain(echoed)
}

fn logs_connects_and_disconnects(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    // Two ways a connection ends: the client closes it cleanly, or resets it while the
    // server waits in read (the read fails). Both are disconnections, and both are logged.
    let mut clean = server.connect()?;
    let clean_peer = clean.local_addr().to_string();
    clean.send(b"log me\n")?;
    let done = clean
        .expect(b"log me\n", ECHO_WAIT)
        .and_then(|()| clean.shutdown_write())
        .and_then(|()| clean.expect_eof(ECHO_WAIT));
    server.explain(done)?;
    let mut reset = server.connect()?;
    let reset_peer = reset.local_addr().to_string();
    reset.send(b"log me too\n")?;
    let echoed = reset.expect(b"log me too\n", ECHO_WAIT);
    server.explain(echoed)?;
    reset.reset();
    for (peer, how_en, how_ko) in [
        (
            &clean_peer,
            "was echoed, and closed its connection",
            "에코를 받고 연결을 닫았습니다",
        ),
        (
            &reset_peer,
            "was echoed, and then reset its connection (RST) while the server waited for more",
            "에코를 받은 뒤, 서버가 다음 데이터를 기다리는 동안 연결을 리셋(RST)했습니다",
        ),
    ] {
        let deadline = Instant::now() + secs(2);
        loop {
            let stderr = server.stderr_text();
            let mentions = stderr.lines().filter(|l| l.contains(peer.as_str())).count();
            if mentions >= 2 {
                break;
            }
            if Instant::now() >= deadline {
                return Err(Failure::new(cx.t(
                    format!("stderr does not log both the connection and the disconnection of client {peer}"),
                    format!("stderr에 클라이언트 {peer}의 연결과 연결 끊김이 둘 다 기록되지는 않았습니다"),
                ))
                .situation(cx.t(
                    format!("a client from {peer} connected, {how_en}"),
                    format!("{peer}에서 클라이언트가 연결해 {how_ko}"),
                ))
                .expected(cx.t(
                    format!("two lines on stderr that name {peer}, such as `connected {peer}` and `disconnected {peer}`"),
                    format!("stderr에 {peer} 주소가 들어간 줄 두 개(예: `connected {peer}`, `disconnected {peer}`)"),
                ))
                .got(cx.t(
                    format!("{mentions} such line(s)"),
                    format!("그런 줄 {mentions}개"),
                ))
                .cause(cx.t(
                    "Log when accept returns a client, and when its thread is done with it, however the connection ended: EOF, or an error such as a reset. The peer address comes with accept().",
                    "accept가 클라이언트를 돌려줄 때, 그리고 그 스레드가 클라이언트를 다 처리했을 때 기록하세요. 연결이 어떻게 끝났든(EOF든, 리셋 같은 오류든) 마찬가지입니다. 상대 주소는 accept()가 함께 돌려줍니다.",
                )));
            }
            thread::sleep(millis(20));
        }
    }
    Ok(())
}

/// One more client, after a check that ended a connection: the server must still answer.
/// (A server whose connection thread panicked, or that closed its listener, fails here.)
fn still_serving(cx: &Ctx, server: &mut Server, after: &str) -> Outcome {
    let mut client = server.connect()?;
    client.send(b"still there?\n")?;
    let echoed = client.expect(b"still there?\n", ECHO_WAIT);
    server.explain(echoed).map_err(|f| {
        f.situation(cx.t(
            format!("{after}; then a new client connected"),
            format!("{after}. 그다음 새 클라이언트가 연결했습니다"),
        ))
        .cause(cx.t(
            "One connection ending must not end the service: after a client is done, the server goes on accepting and echoing for the next.",
            "연결 하나가 끝났다고 서버까지 끝나면 안 됩니다. 클라이언트 하나가 끝난 뒤에도 서버는 계속 다음 클라이언트를 수락해 에코해야 합니다.",
        ))
    })
}

fn serves_over_ipv6(cx: &Ctx) -> Outcome {
    let mut server = cx.start_server_on_ipv6(&["--listen", "[::1]:0"])?;
    let mut client = server.connect()?;
    let data = b"over IPv6\n\x00\xff";
    client.send(data)?;
    let done = client
        .expect(data, ECHO_WAIT)
        .and_then(|()| client.shutdown_write())
        .and_then(|()| client.expect_eof(ECHO_WAIT));
    server.explain(done)
}

/// The eight transfers of `serves_eight_clients_at_once`: large and small, interleaved.
const EIGHT_SIZES: [usize; 8] = [
    1024 * 1024,
    1,
    64 * 1024,
    300_001,
    7,
    2 * 1024 * 1024,
    1500,
    100 * 1024,
];

/// Whether the bytes where `got` first differs from `expected` came from another client's
/// data: the sign of one buffer shared by every connection. The data is pseudo-random, so
/// 16 matching bytes are no coincidence.
fn came_from_another_client(expected: &[u8], got: &[u8], others: &[&[u8]]) -> bool {
    let Some(at) = harness::text::first_difference(expected, got) else {
        return false;
    };
    let Some(window) = got.get(at..at + 16) else {
        return false;
    };
    others.iter().any(|o| o.windows(16).any(|w| w == window))
}

fn shared_buffer(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab02 shared buffer".into(),
        title: cx.t(
            "one buffer is shared by all connections: a client gets bytes another client sent",
            "버퍼 하나를 모든 연결이 함께 씀: 다른 클라이언트가 보낸 바이트가 섞여 옴",
        ),
        cause: cx.t(
            "A client got back bytes that another client sent. Each connection needs a buffer of its own: declare it inside the function that serves one client (a local array or Vec), never as a static or a value shared between threads.",
            "어떤 클라이언트가 다른 클라이언트의 바이트를 돌려받았습니다. 연결마다 버퍼가 따로 있어야 합니다. 버퍼는 클라이언트 하나를 처리하는 함수 안에(지역 배열이나 Vec으로) 두고, static이나 스레드끼리 나눠 쓰는 값으로 두지 마세요.",
        ),
        to_pass: cx.t(
            "Give each connection's thread a buffer of its own.",
            "연결을 맡은 스레드마다 버퍼를 따로 두기.",
        ),
        section: Some("read-and-write"),
    }
}

/// Each client sends its own `data` (in `pieces`) while reading its echo, all clients at the
/// same time, each on its own thread; the results come back in the clients' order.
fn exchange_all_at_once(
    clients: &mut [harness::Client],
    data: &[Vec<u8>],
    pieces: &[usize],
    limit: Duration,
) -> Vec<Result<(Vec<u8>, Ending), Failure>> {
    thread::scope(|scope| {
        let running: Vec<_> = clients
            .iter_mut()
            .zip(data)
            .map(|(client, data)| {
                scope.spawn(move || client.exchange_full_duplex(data.clone(), pieces, limit))
            })
            .collect();
        running
            .into_iter()
            .map(|t| {
                t.join()
                    .unwrap_or_else(|_| Err(Failure::new("a transfer thread panicked")))
            })
            .collect()
    })
}

fn serves_eight_clients_at_once(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    let mut clients = Vec::new();
    for _ in 0..8 {
        clients.push(server.connect()?);
    }
    // First, each says hello in turn while all eight stay connected: a server that serves
    // a fixed number of clients at a time (a pool of four threads, say) leaves the rest
    // unanswered.
    for (i, client) in clients.iter_mut().enumerate() {
        let line = format!("client {} of 8\n", i + 1);
        client.send(line.as_bytes())?;
        let echoed = client.expect(line.as_bytes(), ECHO_WAIT);
        server.explain(echoed).map_err(|f| {
            f.situation(cx.t(
                format!("8 clients connected at once and stay connected; this is client {}", i + 1),
                format!("클라이언트 8개가 한꺼번에 연결해 연결을 유지하고 있고, 그중 {}번째 클라이언트입니다", i + 1),
            ))
            .cause(cx.t(
                format!("Clients 1 to {i} were answered and are still connected; client {} was not. A server that serves only so many clients at a time (a fixed pool of {i} threads, say) leaves the next one waiting as long as the others stay. Give every accepted client its own thread.", i + 1),
                format!("클라이언트 1~{i}번은 답을 받았고 아직 연결되어 있는데, {}번은 답을 받지 못했습니다. 한 번에 정해진 수의 클라이언트만 처리하는 서버(예: 스레드 {i}개짜리 풀)는 앞의 클라이언트들이 연결을 유지하는 동안 다음 클라이언트를 기다리게 합니다. 수락한 클라이언트마다 스레드를 따로 두세요.", i + 1),
            ))
        })?;
    }
    // Then all eight transfer at the same time, large and small, each its own bytes.
    let data: Vec<Vec<u8>> = EIGHT_SIZES
        .iter()
        .enumerate()
        .map(|(i, &n)| pattern(n, 1000 + i as u64))
        .collect();
    let results = exchange_all_at_once(&mut clients, &data, &[4096, 65536, 1, 1000], secs(20));
    for (i, result) in results.into_iter().enumerate() {
        let (got, ending) = server.explain(result)?;
        if got == data[i] && ending == Ending::Eof {
            continue;
        }
        let others: Vec<&[u8]> = data
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, d)| d.as_slice())
            .collect();
        let mut failure = Failure::new(cx.t(
            format!("client {} of 8, transferring at the same time as the others, did not get its bytes back exactly", i + 1),
            format!("클라이언트 8개 가운데 {}번째 클라이언트가 다른 클라이언트와 동시에 주고받는 동안 자기 바이트를 정확히 돌려받지 못했습니다", i + 1),
        ))
        .situation(cx.t(
            "8 clients connected at once; each wrote its own bytes (1 B to 2 MiB) while reading its echo, all at the same time, then shut down its sending side",
            "클라이언트 8개가 한꺼번에 연결해, 모두 동시에 저마다 자기 바이트(1바이트~2 MiB)를 쓰면서 에코를 읽었고, 그다음 보내는 방향을 닫았습니다",
        ))
        .expected(cx.t(
            format!("the same {} bytes, then EOF", data[i].len()),
            format!("같은 {}바이트, 그다음 EOF", data[i].len()),
        ))
        .got(format!("{}; {}", show(cx.lang(), &got), ending.describe(cx.lang())));
        if let Some(diff) = describe_difference(cx.lang(), &data[i], &got) {
            failure = failure.note(diff);
        }
        if came_from_another_client(&data[i], &got, &others) {
            failure = failure.diagnosis(shared_buffer(cx));
        }
        return Err(server.died_or(failure.cause(cx.t(
            "Each connection is its own stream of bytes: its own thread, its own buffer, and every byte written back to the connection it came from.",
            "연결은 저마다 독립된 바이트 스트림입니다. 스레드도 버퍼도 연결마다 따로 두고, 받은 바이트는 모두 그 바이트가 들어온 연결로 돌려보내세요.",
        ))));
    }
    Ok(())
}

/// A connection with small kernel buffers, opened by the check itself: with little room
/// in the kernel, a client that stops reading makes the server wait in write() quickly,
/// and the amounts the checks below send are sure to be more than the buffers can hold.
fn small_buffered_connection(cx: &Ctx, addr: SocketAddr) -> Result<TcpStream, Failure> {
    let trouble = |e: std::io::Error| {
        Failure::new(cx.t(
            format!("could not connect to {addr}: {e}"),
            format!("{addr}에 연결하지 못했습니다: {e}"),
        ))
    };
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, None).map_err(trouble)?;
    socket.set_recv_buffer_size(64 * 1024).map_err(trouble)?;
    socket.set_send_buffer_size(64 * 1024).map_err(trouble)?;
    socket
        .connect_timeout(&addr.into(), secs(5))
        .map_err(trouble)?;
    let stream: TcpStream = socket.into();
    stream.set_nodelay(true).map_err(trouble)?;
    Ok(stream)
}

/// Writes `data` on its own thread, without reading, then shuts down the sending side.
/// `written` counts the bytes the kernel took so far.
struct Unread {
    written: Arc<AtomicUsize>,
    finished: Arc<AtomicBool>,
    writer: thread::JoinHandle<()>,
}

impl Unread {
    fn start(stream: &TcpStream, data: Arc<Vec<u8>>) -> std::io::Result<Unread> {
        let mut out = stream.try_clone()?;
        out.set_write_timeout(Some(secs(30)))?;
        let written = Arc::new(AtomicUsize::new(0));
        let finished = Arc::new(AtomicBool::new(false));
        let (w, f) = (written.clone(), finished.clone());
        let writer = thread::spawn(move || {
            for chunk in data.chunks(16 * 1024) {
                if out.write_all(chunk).is_err() {
                    return;
                }
                w.fetch_add(chunk.len(), Ordering::SeqCst);
            }
            let _ = out.shutdown(Shutdown::Write);
            f.store(true, Ordering::SeqCst);
        });
        Ok(Unread {
            written,
            finished,
            writer,
        })
    }

    /// Ends the writer: a server that never reads leaves it blocked in write(), and shutting
    /// the connection down is what wakes it.
    fn stop(self, stream: &TcpStream) {
        stream.shutdown(Shutdown::Both).ok();
        let _ = self.writer.join();
    }

    /// Waits until the writer finished, or made no progress for 300 ms: then every buffer
    /// between the two programs is full, and the server, if it echoes, waits in write().
    fn settle(&self) {
        let deadline = Instant::now() + secs(10);
        let mut last = (usize::MAX, Instant::now());
        while Instant::now() < deadline && !self.finished.load(Ordering::SeqCst) {
            let now = self.written.load(Ordering::SeqCst);
            if now != last.0 {
                last = (now, Instant::now());
            } else if last.1.elapsed() >= millis(300) {
                return;
            }
            thread::sleep(millis(10));
        }
    }
}

/// Reads everything until EOF (or 5 s without progress).
fn read_to_eof(stream: &mut TcpStream) -> (Vec<u8>, Ending) {
    let mut got = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    stream.set_read_timeout(Some(secs(5))).ok();
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return (got, Ending::Eof),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return (got, Ending::Silence(secs(5)));
            }
            Err(e) => return (got, Ending::Error(e.to_string())),
        }
    }
}

fn a_client_that_stops_reading_delays_no_one(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    let mut stalled = small_buffered_connection(cx, server.addr)?;
    // 8 MiB, more than every buffer between the two programs holds: the server's thread for
    // this client ends up waiting in write(), in the middle of a chunk it read.
    let mine = Arc::new(pattern(8 * 1024 * 1024, 2024));
    let unread = Unread::start(&stalled, mine.clone()).map_err(|e| Failure::new(e.to_string()))?;
    unread.settle();
    let situation = cx.t(
        "a first client wrote 8 MiB without reading its echo, so the server's writes to it wait; meanwhile 7 other clients connected and each exchanged 256 KiB",
        "첫 클라이언트가 에코를 읽지 않은 채 8 MiB를 써서, 서버가 그 클라이언트에게 쓰는 write는 블로킹되어 있습니다. 그동안 다른 클라이언트 7개가 연결해 저마다 256 KiB를 주고받았습니다",
    );
    let others: Vec<Vec<u8>> = (0..7).map(|i| pattern(256 * 1024, 3000 + i)).collect();
    let mut clients = Vec::new();
    for _ in 0..7 {
        clients.push(server.connect()?);
    }
    // Large writes, so that the server's reads fill whole buffers.
    let results = exchange_all_at_once(&mut clients, &others, &[65536], secs(10));
    for (i, result) in results.into_iter().enumerate() {
        let (got, ending) = server.explain(result)?;
        if got == others[i] && ending == Ending::Eof {
            continue;
        }
        let mut failure = Failure::new(cx.t(
            "while one client was not reading, another client did not get its echo",
            "클라이언트 하나가 읽지 않는 동안, 다른 클라이언트가 에코를 받지 못했습니다",
        ))
        .situation(situation.clone())
        .expected(cx.t(
            format!("client {} of the 7: its 262144 bytes, then EOF", i + 1),
            format!(
                "7개 가운데 {}번째 클라이언트: 자기 262144바이트, 그다음 EOF",
                i + 1
            ),
        ))
        .got(format!(
            "{}; {}",
            show(cx.lang(), &got),
            ending.describe(cx.lang())
        ));
        if let Some(diff) = describe_difference(cx.lang(), &others[i], &got) {
            failure = failure.note(diff);
        }
        let mut sources: Vec<&[u8]> = others.iter().map(Vec::as_slice).collect();
        sources.push(mine.as_slice());
        sources.remove(i);
        if came_from_another_client(&others[i], &got, &sources) {
            failure = failure.diagnosis(shared_buffer(cx));
        }
        return Err(server.died_or(failure.cause(cx.t(
            "A client that does not read makes the server's write() to it wait, and that must hold up only that client's thread. Anything shared between connections (one buffer, a lock held while writing) lets one slow reader stop everyone.",
            "읽지 않는 클라이언트에게 쓰는 write()는 블로킹되는데, 그 때문에 멈추는 것은 그 클라이언트의 스레드뿐이어야 합니다. 연결끼리 나눠 쓰는 것(버퍼 하나, 쓰는 동안 쥐고 있는 락)이 있으면 느린 클라이언트 하나 때문에 모두가 멈춥니다.",
        ))));
    }
    // Now the first client reads: it must get its own 8 MiB, all of it, and then EOF.
    let (got, ending) = read_to_eof(&mut stalled);
    unread.stop(&stalled);
    if got == *mine && ending == Ending::Eof {
        return still_serving(cx, &mut server, &situation);
    }
    let mut failure = Failure::new(cx.t(
        "the client that had stopped reading did not get its own bytes back exactly",
        "읽기를 멈췄던 클라이언트가 자기 바이트를 정확히 돌려받지 못했습니다",
    ))
    .situation(situation)
    .expected(cx.t(
        "once it reads again: the same 8388608 bytes, then EOF",
        "다시 읽기 시작하면 같은 8388608바이트, 그다음 EOF",
    ))
    .got(format!(
        "{}; {}",
        show(cx.lang(), &got),
        ending.describe(cx.lang())
    ));
    if let Some(diff) = describe_difference(cx.lang(), &mine, &got) {
        failure = failure.note(diff);
    }
    let sources: Vec<&[u8]> = others.iter().map(Vec::as_slice).collect();
    if came_from_another_client(&mine, &got, &sources) {
        failure = failure.diagnosis(shared_buffer(cx));
    }
    Err(server.died_or(failure.cause(cx.t(
        "The bytes a thread is writing must stay its own until write_all returns: a buffer another thread reads into meanwhile changes them under it.",
        "스레드가 쓰고 있는 바이트는 write_all이 반환될 때까지 그 스레드만의 것이어야 합니다. 그동안 다른 스레드가 같은 버퍼에 읽어 들이면 쓰던 내용이 바뀝니다.",
    ))))
}

fn finishes_echoing_after_the_clients_eof(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    let mut stream = small_buffered_connection(cx, server.addr)?;
    let data = Arc::new(pattern(8 * 1024 * 1024, 4242));
    let unread = Unread::start(&stream, data.clone()).map_err(|e| Failure::new(e.to_string()))?;
    unread.settle();
    // If the writer got everything out (a server that reads ahead into memory lets it),
    // the server has the client's EOF while most of the echo is still to be written. Give
    // it a moment to act on that EOF before reading: a server that closes right away, or
    // drops what it had not written, shows it now. A correct server just waits.
    if unread.finished.load(Ordering::SeqCst) {
        thread::sleep(millis(300));
    }
    let (got, ending) = read_to_eof(&mut stream);
    unread.stop(&stream);
    let situation = cx.t(
        "a client wrote 8 MiB and shut down its sending side without reading, then read the echo only afterwards",
        "클라이언트가 에코를 읽지 않은 채 8 MiB를 쓰고 보내는 방향을 닫았고, 그 뒤에야 에코를 읽었습니다",
    );
    if got == *data && ending == Ending::Eof {
        return still_serving(cx, &mut server, &situation);
    }
    let mut failure = Failure::new(cx.t(
        "after the client's EOF, the server did not finish echoing what it had read",
        "클라이언트의 EOF 뒤에 서버가 읽은 것을 끝까지 돌려보내지 않았습니다",
    ))
    .situation(situation)
    .expected(cx.t(
        "the same 8388608 bytes, then EOF",
        "같은 8388608바이트, 그다음 EOF",
    ))
    .got(format!(
        "{}; {}",
        show(cx.lang(), &got),
        ending.describe(cx.lang())
    ));
    if let Some(diff) = describe_difference(cx.lang(), &data, &got) {
        failure = failure.note(diff);
    }
    Err(server.died_or(failure.cause(cx.t(
        "EOF means the client has finished sending, not that it has received: everything read before it must still be written back before the connection closes. Do not shut the socket down, or drop bytes waiting to be written, when read returns 0.",
        "EOF는 클라이언트가 보내기를 마쳤다는 뜻이지, 다 받았다는 뜻이 아닙니다. 그 전에 읽은 것은 연결을 닫기 전에 모두 돌려보내야 합니다. read가 0을 반환했다고 소켓을 shutdown하거나, 아직 쓰지 않은 바이트를 버리면 안 됩니다.",
    ))))
}

/// The open-file limit of `closes_every_connection`: low enough that a server that never
/// closes its sockets runs out long before the last of the 200 clients.
const FD_LIMIT: u64 = 64;

fn fd_leak(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab02 fd leak".into(),
        title: cx.t(
            "connections are never closed: the server runs out of file descriptors",
            "연결을 닫지 않아 서버의 파일 디스크립터가 바닥남",
        ),
        cause: cx.t(
            "Every accepted connection holds a file descriptor until the socket is closed, and a socket closes only when every handle to it (the TcpStream and each try_clone) is dropped. shutdown() ends the conversation but frees nothing. A server that keeps handles (in a Vec, a map, a leaked clone) stops accepting once the process hits its limit (EMFILE, \"Too many open files\").",
            "수락한 연결은 소켓이 닫힐 때까지 파일 디스크립터를 하나씩 차지하고, 소켓은 그 핸들(TcpStream과 try_clone한 것 모두)이 전부 drop되어야 닫힙니다. shutdown()은 통신을 끝낼 뿐 아무것도 해제하지 않습니다. 핸들을 붙잡아 두는 서버(Vec이나 맵에 넣어 두거나, 복제한 핸들을 누수시키는 경우)는 프로세스의 한도에 닿는 순간 더 이상 연결을 받지 못합니다(EMFILE, \"Too many open files\").",
        ),
        to_pass: cx.t(
            "Let every handle of a finished connection drop, so the socket closes.",
            "끝난 연결의 핸들이 모두 drop되어 소켓이 닫히게 하기.",
        ),
        section: Some("close"),
    }
}

fn closes_every_connection(cx: &Ctx) -> Outcome {
    let mut server = cx.start_server_with(
        &["--listen", "127.0.0.1:0"],
        Limits {
            open_files: Some(FD_LIMIT),
        },
    )?;
    for n in 1..=200 {
        let line = format!("client {n} of 200\n");
        let done = (|| {
            let mut client = server.connect()?;
            client.send(line.as_bytes())?;
            client.expect(line.as_bytes(), ECHO_WAIT)?;
            client.shutdown_write()?;
            client.expect_eof(ECHO_WAIT)
        })();
        server.explain(done).map_err(|f| {
            let stderr = server.stderr_text();
            let f = f.situation(cx.t(
                format!("the server runs with at most {FD_LIMIT} open files (ulimit -n {FD_LIMIT}); 200 clients connect one after another, each echoed and closed before the next; this was client {n}"),
                format!("서버는 파일을 최대 {FD_LIMIT}개까지만 열 수 있습니다(ulimit -n {FD_LIMIT}). 클라이언트 200개가 차례로 연결하고, 각자 에코를 받고 닫은 뒤에 다음 클라이언트가 연결합니다. 문제가 생긴 것은 {n}번째 클라이언트입니다"),
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

fn refuses_bad_addresses(cx: &Ctx) -> Outcome {
    cx.expect_bad_listen_addresses_refused(&[])
}

/// Check table: points, limits, the TODO each needs and the section that explains it.
pub const LAB: Lab = Lab {
    name: "lab02",
    chapter: 2,
    chapter_file: "ch02-life-of-a-socket.md",
    bin_env: "LAB02_BIN",
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
                "TODO 1 (open the listening socket) and TODO 2 (print `listening on ADDR` from local_addr(), then flush).",
                "TODO 1(수신 대기 소켓 열기)과 TODO 2(local_addr()로 얻은 `listening on ADDR` 출력 후 flush).",
            ),
            section: "ephemeral-ports",
            run: announces_address,
            serial: false,
        },
        Check {
            id: "echoes_one_line",
            points: 2,
            limit: secs(15),
            title: Text::new("echoes one line", "한 줄을 그대로 돌려준다"),
            todo: Text::new(
                "TODO 3 (accept clients) and TODO 4 (write back &buf[..n] for every read).",
                "TODO 3(클라이언트 수락)과 TODO 4(read마다 &buf[..n]을 그대로 쓰기).",
            ),
            section: "read-and-write",
            run: echoes_one_line,
            serial: false,
        },
        Check {
            id: "echoes_binary_exactly",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "echoes arbitrary bytes exactly (NUL, invalid UTF-8, no newline)",
                "임의의 바이트(NUL, 잘못된 UTF-8, 줄바꿈 없음)를 정확히 돌려준다",
            ),
            todo: Text::new(
                "TODO 4: treat the data as bytes, not text.",
                "TODO 4: 데이터를 텍스트가 아니라 바이트로 다루기.",
            ),
            section: "read-and-write",
            run: echoes_binary_exactly,
            serial: false,
        },
        Check {
            id: "echoes_interactively",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "echoes each chunk while the connection stays open",
                "연결이 열린 동안 조각마다 바로 돌려준다",
            ),
            todo: Text::new(
                "TODO 4: write back each read straight away; do not wait for EOF.",
                "TODO 4: 읽은 것은 바로 돌려보내기. EOF를 기다리지 않기.",
            ),
            section: "read-and-write",
            run: echoes_interactively,
            serial: false,
        },
        Check {
            id: "echoes_many_writes_on_one_connection",
            points: 2,
            limit: secs(20),
            title: Text::new(
                "keeps echoing on one connection, 40 writes in a row",
                "한 연결에서 40번 연달아 쓴 것을 계속 돌려준다",
            ),
            todo: Text::new(
                "TODO 4: read in a loop until read returns 0.",
                "TODO 4: read가 0을 반환할 때까지 반복해서 읽기.",
            ),
            section: "read-and-write",
            run: echoes_many_writes_on_one_connection,
            serial: false,
        },
        Check {
            id: "serves_clients_one_after_another",
            points: 1,
            limit: secs(20),
            title: Text::new(
                "serves clients one after another, closing each at EOF",
                "클라이언트를 차례로 받고, EOF에서 연결을 닫는다",
            ),
            todo: Text::new(
                "TODO 3 (accept in a loop) and TODO 4 (return at EOF).",
                "TODO 3(반복해서 accept)과 TODO 4(EOF에서 돌아오기).",
            ),
            section: "accept",
            run: serves_clients_one_after_another,
            serial: false,
        },
        Check {
            id: "serves_second_client_while_first_idle",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "serves a second client while the first stays connected",
                "첫 번째 클라이언트가 연결된 채로 있어도 두 번째를 받는다",
            ),
            todo: Text::new(
                "TODO 3: one thread per client.",
                "TODO 3: 클라이언트마다 스레드 하나.",
            ),
            section: "accept",
            run: serves_second_client_while_first_idle,
            serial: false,
        },
        Check {
            id: "returns_the_rest_then_eof_after_half_close",
            points: 2,
            limit: secs(15),
            title: Text::new(
                "after the client's shutdown(Write), sends back the rest and then EOF",
                "클라이언트의 shutdown(Write) 뒤에 나머지를 돌려주고 EOF를 보낸다",
            ),
            todo: Text::new(
                "TODO 4: at EOF, finish writing, then return so the connection closes.",
                "TODO 4: EOF에서 쓰기를 마치고 돌아와 연결 닫기.",
            ),
            section: "half-close",
            run: returns_the_rest_then_eof_after_half_close,
            serial: false,
        },
        Check {
            id: "round_trips_8_mib_full_duplex",
            points: 2,
            limit: secs(30),
            title: Text::new(
                "round-trips 8 MiB exactly while the client writes and reads at once",
                "클라이언트가 쓰기와 읽기를 동시에 할 때 8 MiB를 정확히 돌려준다",
            ),
            todo: Text::new(
                "TODO 4: handle partial reads and writes (loop on read, write_all).",
                "TODO 4: 부분 읽기와 부분 쓰기 처리(read 반복, write_all).",
            ),
            section: "read-and-write",
            run: round_trips_8_mib_full_duplex,
            serial: false,
        },
        Check {
            id: "survives_a_client_reset",
            points: 2,
            limit: secs(20),
            title: Text::new(
                "survives clients that reset their connections",
                "연결을 리셋하는 클라이언트가 있어도 계속 동작한다",
            ),
            todo: Text::new(
                "TODO 3 and TODO 4: an error on one connection is logged, never unwrapped.",
                "TODO 3과 TODO 4: 연결 하나의 오류는 기록만 하고, unwrap하지 않기.",
            ),
            section: "errors",
            run: survives_a_client_reset,
            serial: false,
        },
        Check {
            id: "restarts_on_the_same_port",
            points: 1,
            limit: secs(30),
            title: Text::new(
                "can be restarted on the same port right away (SO_REUSEADDR)",
                "같은 포트로 바로 다시 시작할 수 있다(SO_REUSEADDR)",
            ),
            todo: Text::new(
                "TODO 1: set SO_REUSEADDR before bind.",
                "TODO 1: bind 전에 SO_REUSEADDR 켜기.",
            ),
            section: "time-wait",
            run: restarts_on_the_same_port,
            serial: false,
        },
        Check {
            id: "logs_connects_and_disconnects",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "logs each client's connection and disconnection on stderr, however it ended",
                "연결이 어떻게 끝났든 클라이언트의 연결과 연결 끊김을 stderr에 기록한다",
            ),
            todo: Text::new(
                "TODO 3: eprintln! `connected PEER` and `disconnected PEER`.",
                "TODO 3: `connected PEER`와 `disconnected PEER`를 eprintln!으로 출력.",
            ),
            section: "accept",
            run: logs_connects_and_disconnects,
            serial: false,
        },
        Check {
            id: "serves_over_ipv6",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "listens and echoes on an IPv6 address ([::1])",
                "IPv6 주소([::1])에서도 수신 대기하고 에코한다",
            ),
            todo: Text::new(
                "TODO 1: the socket's family comes from the address (IPv4 or IPv6).",
                "TODO 1: 소켓의 주소 체계를 주소에서 가져오기(IPv4 또는 IPv6).",
            ),
            section: "socket",
            run: serves_over_ipv6,
            serial: false,
        },
        Check {
            id: "serves_eight_clients_at_once",
            points: 2,
            limit: secs(30),
            title: Text::new(
                "serves 8 clients connected at once, each transferring its own bytes at the same time",
                "한꺼번에 연결한 클라이언트 8개가 동시에 주고받을 때 각자 보낸 바이트를 정확히 돌려준다",
            ),
            todo: Text::new(
                "TODO 3 (a thread for every client, however many) and TODO 4 (a buffer of its own).",
                "TODO 3(클라이언트가 몇이든 클라이언트마다 스레드 하나)과 TODO 4(버퍼도 클라이언트마다 따로).",
            ),
            section: "accept",
            run: serves_eight_clients_at_once,
            serial: false,
        },
        Check {
            id: "a_client_that_stops_reading_delays_no_one",
            points: 2,
            limit: secs(30),
            title: Text::new(
                "a client that stops reading holds up no one else, and later gets its own bytes",
                "읽기를 멈춘 클라이언트가 다른 클라이언트를 막지 않고, 나중에 자기 바이트를 그대로 받는다",
            ),
            todo: Text::new(
                "TODO 3 and TODO 4: nothing shared between connections (no shared buffer, no lock held while writing).",
                "TODO 3과 TODO 4: 연결끼리 나눠 쓰는 것 없애기(공유 버퍼도, 쓰는 동안 쥐는 락도 두지 않기).",
            ),
            section: "read-and-write",
            run: a_client_that_stops_reading_delays_no_one,
            serial: false,
        },
        Check {
            id: "finishes_echoing_after_the_clients_eof",
            points: 2,
            limit: secs(30),
            title: Text::new(
                "after the client's EOF, still writes back everything it read before closing",
                "클라이언트의 EOF 뒤에도, 그 전에 읽은 것을 모두 돌려보낸 다음에 닫는다",
            ),
            todo: Text::new(
                "TODO 4: at EOF, finish writing what you read, then close; never drop unwritten bytes.",
                "TODO 4: EOF를 받으면 읽은 것을 끝까지 쓴 뒤 닫기(아직 쓰지 않은 바이트는 버리지 않기).",
            ),
            section: "half-close",
            run: finishes_echoing_after_the_clients_eof,
            serial: false,
        },
        Check {
            id: "closes_every_connection",
            points: 2,
            limit: secs(30),
            title: Text::new(
                "closes every finished connection: 200 clients in a row with only 64 file descriptors",
                "끝난 연결을 모두 닫아, 파일 디스크립터 64개만으로 클라이언트 200개를 차례로 처리한다",
            ),
            todo: Text::new(
                "TODO 3 and TODO 4: when a client is done, every handle to its socket is dropped.",
                "TODO 3과 TODO 4: 클라이언트가 끝나면 그 소켓의 핸들을 모두 drop하기.",
            ),
            section: "close",
            run: closes_every_connection,
            serial: false,
        },
        Check {
            id: "refuses_bad_addresses",
            points: 1,
            limit: secs(15),
            title: Text::new(
                "a bad --listen or an address in use is a one-line error, not a panic",
                "잘못된 --listen이나 사용 중인 주소는 패닉이 아니라 한 줄 오류로 끝난다",
            ),
            todo: Text::new(
                "TODO 1: return bind's error with ? (main turns it into a message).",
                "TODO 1: bind의 오류를 ?로 돌려주기(main이 메시지로 바꿉니다).",
            ),
            section: "bind",
            run: refuses_bad_addresses,
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
            "a listening socket that says where it is",
            "주소를 알리는 수신 대기 소켓",
        ),
        section: "ephemeral-ports",
        checks: &["announces_address", "refuses_bad_addresses"],
    },
    harness::Stage {
        title: Text::new(
            "echo one client, every byte",
            "클라이언트 하나의 바이트를 빠짐없이 에코하기",
        ),
        section: "read-and-write",
        checks: &[
            "echoes_one_line",
            "echoes_binary_exactly",
            "echoes_interactively",
            "echoes_many_writes_on_one_connection",
        ],
    },
    harness::Stage {
        title: Text::new("the end of a conversation", "연결의 끝"),
        section: "half-close",
        checks: &[
            "serves_clients_one_after_another",
            "returns_the_rest_then_eof_after_half_close",
            "finishes_echoing_after_the_clients_eof",
            "closes_every_connection",
        ],
    },
    harness::Stage {
        title: Text::new("resets, logs and restarts", "리셋, 로그, 재시작"),
        section: "errors",
        checks: &[
            "survives_a_client_reset",
            "logs_connects_and_disconnects",
            "restarts_on_the_same_port",
        ],
    },
    harness::Stage {
        title: Text::new("many clients at once", "여러 클라이언트를 동시에"),
        section: "accept",
        checks: &[
            "serves_second_client_while_first_idle",
            "serves_eight_clients_at_once",
            "a_client_that_stops_reading_delays_no_one",
            "round_trips_8_mib_full_duplex",
        ],
    },
    harness::Stage {
        title: Text::new("IPv6", "IPv6"),
        section: "socket",
        checks: &["serves_over_ipv6"],
    },
];
