//! The chapter 2 examples do what the chapter says they do.
//!
//! Every server here listens on 127.0.0.1:0 (the kernel picks a free port, so tests can run
//! in parallel), is killed when the test ends, even by a panic, and every wait has a deadline.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr};
use std::time::Duration;

use assert_cmd::Command;
use harness::Server;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const COUNTER: &str = env!("CARGO_BIN_EXE_counter");
const SEND: &str = env!("CARGO_BIN_EXE_send");
const NO_ACCEPT: &str = env!("CARGO_BIN_EXE_no-accept");

/// Generous for loopback on a busy machine; a passing run takes milliseconds.
const WAIT: Duration = Duration::from_secs(5);

// Servers under test are started by the grading harness (`harness::Server::start`), which
// kills them when the test ends, also on a panic.

/// Runs `send ADDR` with `input` on stdin and returns the assertion on its result.
fn send(addr: SocketAddr, input: impl Into<Vec<u8>>) -> assert_cmd::assert::Assert {
    Command::new(SEND)
        .arg(addr.to_string())
        .write_stdin(input.into())
        .timeout(WAIT)
        .assert()
}

#[test]
fn counter_counts_what_send_sends() {
    let server = Server::start(COUNTER, &[]);
    send(server.addr, "one\ntwo\nthree\n")
        .success()
        .stdout("14 bytes, 3 lines\n");
    // Bytes, not text: no newline at the end, a NUL and bytes that are not UTF-8.
    send(server.addr, &b"\x00\xff\xfeabc"[..])
        .success()
        .stdout("6 bytes, 0 lines\n");
    send(server.addr, "").success().stdout("0 bytes, 0 lines\n");
}

#[test]
fn counter_counts_a_megabyte_read_in_pieces() {
    let server = Server::start(COUNTER, &[]);
    let mut input = vec![b'x'; 1024 * 1024];
    input[1000] = b'\n';
    input[1024 * 1024 - 1] = b'\n';
    send(server.addr, input)
        .success()
        .stdout("1048576 bytes, 2 lines\n");
}

#[test]
fn counter_answers_only_after_eof_and_serves_others_meanwhile() {
    let server = Server::start(COUNTER, &[]);
    let mut waiting = server.stream(WAIT);
    waiting.write_all(b"not done yet\n").unwrap();
    // The first client has not shut down its sending side, so no reply may come yet.
    waiting
        .set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    let mut byte = [0u8; 1];
    assert!(
        waiting.read(&mut byte).is_err(),
        "counter replied before the client's EOF"
    );
    // Meanwhile, a second client is served by its own thread.
    send(server.addr, "second\n")
        .success()
        .stdout("7 bytes, 1 lines\n");
    // Now the first client half-closes and gets its totals, then EOF.
    waiting.set_read_timeout(Some(WAIT)).unwrap();
    waiting.shutdown(Shutdown::Write).unwrap();
    let mut reply = String::new();
    waiting.read_to_string(&mut reply).unwrap();
    assert_eq!(reply, "13 bytes, 1 lines\n");
}

#[test]
fn no_accept_still_completes_handshakes() {
    let server = Server::start(NO_ACCEPT, &["--backlog", "4"]);
    // The program never calls accept, yet connect succeeds and the data is taken: the
    // kernel does both, and the connections wait in the accept queue.
    let mut first = server.stream(WAIT);
    let mut second = server.stream(WAIT);
    first.write_all(b"queued\n").unwrap();
    second.write_all(b"queued too\n").unwrap();
}

#[test]
fn send_reports_a_refused_connection() {
    // A port that is bound but not listening refuses connections, and nobody else can take
    // it while we hold it.
    let holder = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    holder
        .bind(&"127.0.0.1:0".parse::<SocketAddr>().unwrap().into())
        .unwrap();
    let addr = holder.local_addr().unwrap().as_socket().unwrap();
    send(addr, "hello\n")
        .failure()
        .stderr(contains("cannot connect to").and(contains("refused")));
}

#[test]
fn servers_refuse_bad_arguments() {
    for (args, message) in [
        (&["--listen", "not-an-address"][..], "not an address"),
        (&["--listen"][..], "needs a value"),
        (&["--backlog", "lots"][..], "not a backlog"),
        (&["--backlog", "-1"][..], "not a backlog"),
        (&["--bogus"][..], "unexpected argument"),
    ] {
        for program in [COUNTER, NO_ACCEPT] {
            Command::new(program)
                .args(args)
                .timeout(WAIT)
                .assert()
                .code(2)
                .stderr(contains(message).and(contains("usage:")));
        }
    }
}

#[test]
fn send_refuses_bad_arguments() {
    for (args, message) in [
        (&["not-an-address"][..], "not an address"),
        (&["127.0.0.1:1", "127.0.0.1:2"][..], "unexpected argument"),
        (&["--bogus"][..], "unexpected argument"),
    ] {
        Command::new(SEND)
            .args(args)
            .timeout(WAIT)
            .assert()
            .code(2)
            .stderr(contains(message));
    }
}

#[cfg(unix)]
#[test]
fn non_utf8_arguments_are_refused_not_panicked_on() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let bad = OsStr::from_bytes(b"--listen=\xff");
    for program in [COUNTER, SEND, NO_ACCEPT] {
        Command::new(program)
            .arg(bad)
            .timeout(WAIT)
            .assert()
            .code(2)
            .stderr(contains("not valid UTF-8"));
    }
}

#[test]
fn a_taken_address_is_a_one_line_error() {
    let server = Server::start(COUNTER, &[]);
    Command::new(COUNTER)
        .args(["--listen", &server.addr.to_string()])
        .timeout(WAIT)
        .assert()
        .code(1)
        .stderr(contains("cannot serve on").and(contains("in use")));
}
