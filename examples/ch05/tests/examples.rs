//! The chapter 5 examples do what the chapter says they do.
//!
//! Every server here listens on 127.0.0.1:0, is killed when the test ends (even by a panic),
//! and every wait has a deadline.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::thread;
use std::time::Duration;

use assert_cmd::Command;
use harness::Server;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const HELLO: &str = env!("CARGO_BIN_EXE_hello-http");
const JOIN: &str = env!("CARGO_BIN_EXE_join");
const TRICKLE: &str = env!("CARGO_BIN_EXE_trickle");
const WAIT: Duration = Duration::from_secs(5);

// Servers under test are started by the grading harness (`harness::Server::start`), which
// kills them when the test ends, also on a panic.
fn start(extra: &[&str]) -> Server {
    Server::start(HELLO, extra)
}

/// Sends the request in `pieces`, with pauses between them, and reads until the server
/// closes.
fn exchange(server: &Server, pieces: &[&[u8]]) -> Vec<u8> {
    let mut stream = server.stream(WAIT);
    for piece in pieces {
        stream.write_all(piece).unwrap();
        thread::sleep(Duration::from_millis(50));
    }
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).unwrap();
    reply
}

const GREETING: &str = "안녕하세요, HTTP! 🦀\n";

#[test]
fn hello_http_answers_with_content_length_in_bytes() {
    let server = start(&[]);
    let reply = exchange(&server, &[b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"]);
    let text = String::from_utf8(reply).unwrap();
    assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
    assert!(text.contains("Content-Length: 28\r\n"), "{text}");
    assert!(text.ends_with(&format!("\r\n\r\n{GREETING}")), "{text}");
}

#[test]
fn hello_http_waits_for_the_whole_head() {
    let server = start(&[]);
    let reply = exchange(&server, &[b"GET / HT", b"TP/1.1\r\n", b"Host: x\r\n\r\n"]);
    assert!(reply.starts_with(b"HTTP/1.1 200 OK\r\n"));
}

#[test]
fn count_chars_declares_too_few_bytes() {
    let server = start(&["--count-chars"]);
    let reply = exchange(&server, &[b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"]);
    let text = String::from_utf8(reply).unwrap();
    assert!(text.contains("Content-Length: 15\r\n"), "{text}");
}

#[test]
fn join_shows_what_naive_joining_does() {
    Command::new(JOIN)
        .args([
            "/srv/www",
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "//etc/passwd",
            "/%zz",
        ])
        .timeout(WAIT)
        .assert()
        .success()
        .stdout(
            contains("/srv/www/../etc/passwd")
                .and(contains("/%2e%2e/etc/passwd       /../etc/passwd"))
                .and(contains(
                    "//etc/passwd             //etc/passwd           /etc/passwd",
                ))
                .and(contains("broken %-escape")),
        );
}

#[test]
fn trickle_reports_when_the_server_closes() {
    // A server that reads for 600 ms, then closes the connection.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let server = thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(50)))
            .unwrap();
        let started = std::time::Instant::now();
        let mut buf = [0u8; 64];
        while started.elapsed() < Duration::from_millis(600) {
            let _ = stream.read(&mut buf);
        }
    });
    Command::new(TRICKLE)
        .args([&addr.to_string(), "--every", "100"])
        .timeout(WAIT)
        .assert()
        .success()
        .stdout(contains("the server closed the connection").or(contains("the connection failed")));
    server.join().unwrap();
}

#[test]
fn bad_arguments_are_one_line_errors() {
    for (program, args, message) in [
        (HELLO, &["--listen", "nope"][..], "not an address"),
        (HELLO, &["--bogus"][..], "unexpected argument"),
        (JOIN, &["/srv/www"][..], "at least one target"),
        (TRICKLE, &[][..], "give the server's address"),
        (
            TRICKLE,
            &["127.0.0.1:1", "--every", "soon"][..],
            "not a number",
        ),
    ] {
        Command::new(program)
            .args(args)
            .timeout(WAIT)
            .assert()
            .code(2)
            .stderr(contains(message).and(contains("usage:")));
    }
}
