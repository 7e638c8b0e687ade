//! The chapter 2 examples do what the chapter says they do.
//!
//! Every server here listens on 127.0.0.1:0 (the kernel picks a free port, so tests can run
//! in parallel), is killed when the test ends, even by a panic, and every wait has a deadline.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr};
use std::thread;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use harness::{Ctx, Lang, Limits, Server};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const COUNTER: &str = env!("CARGO_BIN_EXE_counter");
const SEND: &str = env!("CARGO_BIN_EXE_send");
const NO_ACCEPT: &str = env!("CARGO_BIN_EXE_no-accept");
const BYTE_ORDER: &str = env!("CARGO_BIN_EXE_byte-order");

/// Generous for loopback on a busy machine; a passing run takes milliseconds.
const WAIT: Duration = Duration::from_secs(5);

// Servers under test are started by the grading harness (`harness::Server::start`), which
// kills them when the test ends, also on a panic.

/// Runs `send ADDR` with `input` on stdin and returns the assertion on its result.
fn send(addr: SocketAddr, input: impl Into<Vec<u8>>) -> assert_cmd::assert::Assert {
    send_to(&addr.to_string(), &[], input)
}

/// Runs `send FLAGS... TARGET` with `input` on stdin.
fn send_to(target: &str, flags: &[&str], input: impl Into<Vec<u8>>) -> assert_cmd::assert::Assert {
    Command::new(SEND)
        .args(flags)
        .arg(target)
        .write_stdin(input.into())
        .timeout(WAIT)
        .assert()
}

/// Waits until the server's stderr contains every one of `parts`, and returns it.
fn wait_for_log(server: &Server, parts: &[&str]) -> String {
    let deadline = Instant::now() + WAIT;
    loop {
        let log = server.stderr_text();
        if parts.iter().all(|p| log.contains(p)) {
            return log;
        }
        assert!(
            Instant::now() < deadline,
            "the server never logged {parts:?}; its log:\n{log}"
        );
        thread::sleep(Duration::from_millis(20));
    }
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

#[test]
fn send_tries_each_address_of_a_name() {
    // `localhost` has one address or two (::1 and 127.0.0.1, in either order); the counter
    // listens on 127.0.0.1 only, and send must find it whatever the order.
    let server = Server::start(COUNTER, &[]);
    send_to(&format!("localhost:{}", server.addr.port()), &[], "hi\n")
        .success()
        .stdout("3 bytes, 1 lines\n");
}

#[test]
fn a_reset_client_ends_its_connection_only() {
    let server = Server::start(COUNTER, &[]);
    // SO_LINGER 0: close sends RST. The counter's read fails, it logs the error and goes on.
    send_to(&server.addr.to_string(), &["--reset"], "hello\n")
        .success()
        .stdout("");
    wait_for_log(&server, &["error with", "Connection reset by peer"]);
    send(server.addr, "still here\n")
        .success()
        .stdout("11 bytes, 1 lines\n");
}

#[test]
fn counter_backs_off_while_out_of_file_descriptors() {
    // 0, 1 and 2, the listening socket and one connection: the second accept fails with
    // EMFILE until the first connection is closed.
    let server = Ctx::new(Lang::En, COUNTER.into())
        .start_server_with(
            &["--listen", "127.0.0.1:0"],
            Limits {
                open_files: Some(5),
            },
        )
        .unwrap_or_else(|f| panic!("counter did not start: {}", f.problem));
    let mut first = std::net::TcpStream::connect(server.addr).unwrap();
    first.set_read_timeout(Some(WAIT)).unwrap();
    wait_for_log(&server, &["connected"]);
    let mut second = std::net::TcpStream::connect(server.addr).unwrap();
    second.set_read_timeout(Some(WAIT)).unwrap();
    // The pause doubles while the error lasts.
    wait_for_log(
        &server,
        &[
            "accept failed: Too many open files",
            "next try in 10ms",
            "next try in 20ms",
        ],
    );
    // The first client finishes; its descriptor is freed, and the waiting one is accepted.
    first.shutdown(Shutdown::Write).unwrap();
    let mut reply = String::new();
    first.read_to_string(&mut reply).unwrap();
    assert_eq!(reply, "0 bytes, 0 lines\n");
    second.write_all(b"queued\n").unwrap();
    second.shutdown(Shutdown::Write).unwrap();
    let mut reply = String::new();
    second.read_to_string(&mut reply).unwrap();
    assert_eq!(reply, "7 bytes, 1 lines\n");
}

#[test]
fn an_ipv6_wildcard_serves_ipv4_clients_unless_v6only() {
    let dual = Server::start(COUNTER, &["--listen", "[::]:0"]);
    let port = dual.addr.port();
    send(SocketAddr::from(([127, 0, 0, 1], port)), "hi\n")
        .success()
        .stdout("3 bytes, 1 lines\n");
    // The IPv4 client appears as an IPv4-mapped IPv6 address.
    wait_for_log(&dual, &["connected [::ffff:127.0.0.1]:"]);

    let only = Server::start(COUNTER, &["--listen", "[::]:0", "--v6only"]);
    let port = only.addr.port();
    send(SocketAddr::from(([127, 0, 0, 1], port)), "hi\n")
        .failure()
        .stderr(contains("refused"));
    send(format!("[::1]:{port}").parse().unwrap(), "hi\n")
        .success()
        .stdout("3 bytes, 1 lines\n");
}

#[test]
fn two_counters_share_a_port_with_reuseport() {
    let first = Server::start(COUNTER, &["--reuseport"]);
    let addr = first.addr.to_string();
    let second = Server::start(COUNTER, &["--listen", &addr, "--reuseport"]);
    assert_eq!(first.addr, second.addr);
    // The kernel picks a listener for each new connection by a hash of its addresses and
    // ports: over 40 connections, both get some (all on one would be a 1 in 2^39 chance).
    for _ in 0..40 {
        send(first.addr, "x").success().stdout("1 bytes, 0 lines\n");
    }
    wait_for_log(&first, &["connected"]);
    wait_for_log(&second, &["connected"]);
}

#[test]
fn byte_order_shows_both_orders() {
    Command::new(BYTE_ORDER)
        .timeout(WAIT)
        .assert()
        .success()
        .stdout(
            contains("network byte order: 1b 9e")
                .and(contains("prefix 00 00 01 2c"))
                .and(contains("from_be_bytes: 300"))
                .and(contains("from_le_bytes: 738263040")),
        );
}
