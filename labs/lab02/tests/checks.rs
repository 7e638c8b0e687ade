//! The checks of lab02, the TCP echo server (chapter 2).
//!
//! Each check is black-box: it starts the program with `--listen 127.0.0.1:0`, reads the
//! address from its `listening on ADDR` line, and talks to it over loopback. The table at
//! the bottom gives each check its points, its time limit, the TODO it depends on and the
//! chapter section that explains it. This file is also compiled into the reference
//! solution's proof tests (`solutions/lab02/tests/proof.rs`), which show that every check
//! passes the reference and that each classic bug is caught by the check named for it.

use std::thread;
use std::time::{Duration, Instant};

use harness::{
    Check, Ctx, Ending, Failure, Lab, Outcome, Server, Text, millis, pattern, secs, show,
};

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

fn echoes_one_line(cx: &Ctx) -> Outcome {
    let mut server = start(cx)?;
    let mut client = server.connect()?;
    client.send(b"hello, socket\n")?;
    let echoed = client.expect(b"hello, socket\n", ECHO_WAIT);
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
    let echoed = client.expect(data, ECHO_WAIT);
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
        f.context(harness::Step::Sent(cx.t(
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
        return Ok(());
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
        f.context(harness::Step::Sent(cx.t(
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
        f.context(harness::Step::Sent(cx.t(
            format!("the server ran on {listen} with a client connected, was stopped, and was started again with --listen {listen}"),
            format!("서버가 {listen}에서 클라이언트와 연결된 채 멈췄고, --listen {listen}으로 다시 시작했습니다"),
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
    let mut client = server.connect()?;
    let peer = client.local_addr().to_string();
    client.send(b"log me\n")?;
    let done = client
        .expect(b"log me\n", ECHO_WAIT)
        .and_then(|()| client.shutdown_write())
        .and_then(|()| client.expect_eof(ECHO_WAIT));
    server.explain(done)?;
    let deadline = Instant::now() + secs(2);
    loop {
        let stderr = server.stderr_text();
        let mentions = stderr.lines().filter(|l| l.contains(&peer)).count();
        if mentions >= 2 {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(Failure::new(cx.t(
                format!("stderr does not log both the connection and the disconnection of client {peer}"),
                format!("stderr에 클라이언트 {peer}의 연결과 연결 끊김이 모두 기록되지 않았습니다"),
            ))
            .sent(cx.t(
                format!("a client from {peer} connected, was echoed, and closed"),
                format!("{peer}에서 클라이언트가 연결해 에코를 받고 연결을 닫았습니다"),
            ))
            .expected(cx.t(
                format!("two lines on stderr that name {peer}, such as `connected {peer}` and `disconnected {peer}`"),
                format!("stderr에 {peer}가 들어간 줄 두 개, 예: `connected {peer}`, `disconnected {peer}`"),
            ))
            .got(cx.t(
                format!("{mentions} such line(s)"),
                format!("그런 줄 {mentions}개"),
            ))
            .cause(cx.t(
                "Log with eprintln! when accept returns a client and when its thread is done with it; the peer address comes with accept().",
                "accept가 클라이언트를 돌려줄 때와 그 스레드가 클라이언트를 다 처리했을 때 eprintln!으로 기록하세요. 상대 주소는 accept()가 함께 돌려줍니다.",
            )));
        }
        thread::sleep(millis(20));
    }
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
                "TODO 3(클라이언트 수락)과 TODO 4(read마다 &buf[..n]를 그대로 쓰기).",
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
                "logs each client's connection and disconnection on stderr",
                "클라이언트의 연결과 연결 끊김을 stderr에 기록한다",
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
};
