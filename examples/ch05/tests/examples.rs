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
const NAGLE: &str = env!("CARGO_BIN_EXE_nagle");
const SLOW_READER: &str = env!("CARGO_BIN_EXE_slow-reader");
const BENEATH: &str = env!("CARGO_BIN_EXE_beneath");
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
fn hello_http_refuses_a_huge_head_with_431() {
    let server = start(&[]);
    let mut head = b"GET / HTTP/1.1\r\nX-Big: ".to_vec();
    head.extend(std::iter::repeat_n(b'a', 9000));
    let reply = exchange(&server, &[&head]);
    assert!(reply.starts_with(b"HTTP/1.1 431 "), "{reply:?}");
}

/// Sends a request with a body of `body` bytes that the server does not read, the way many
/// client libraries do: write everything, then read. Returns the response, or the error
/// the client got first.
fn post_then_read(server: &Server, body: usize) -> Result<Vec<u8>, std::io::Error> {
    let mut stream = server.stream(WAIT);
    let mut request =
        format!("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {body}\r\n\r\n").into_bytes();
    request.resize(request.len() + body, b'a');
    stream.write_all(&request)?;
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply)?;
    Ok(reply)
}

#[test]
fn hello_http_lingers_so_that_a_client_still_sending_gets_the_answer() {
    let server = start(&[]);
    let reply = post_then_read(&server, 4 << 20).expect("a lingering close lets the upload finish");
    assert!(reply.starts_with(b"HTTP/1.1 200 OK\r\n"));
    // With --abrupt-close the same client's write fails: the server's kernel answered the
    // unread bytes with a reset.
    let abrupt = start(&["--abrupt-close"]);
    let error = post_then_read(&abrupt, 4 << 20).expect_err("an abrupt close resets the upload");
    assert!(
        matches!(
            error.kind(),
            std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::BrokenPipe
        ),
        "{error}"
    );
}

#[test]
fn hello_http_caps_open_connections() {
    let server = start(&["--max-connections", "1"]);
    // The first client takes the only place, and keeps it while it says nothing.
    let mut first = server.stream(WAIT);
    first.write_all(b"GET / HT").unwrap();
    thread::sleep(Duration::from_millis(200));
    // The second is connected by the kernel, but waits in the accept queue.
    let mut second = server.stream(WAIT);
    second
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    second
        .set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let mut byte = [0u8; 1];
    let waited = second.read(&mut byte).unwrap_err();
    assert!(
        matches!(
            waited.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        ),
        "{waited}"
    );
    // When the first one finishes, the second is accepted and answered.
    first.write_all(b"TP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut reply = Vec::new();
    first.read_to_end(&mut reply).unwrap();
    second.set_read_timeout(Some(WAIT)).unwrap();
    let mut reply = Vec::new();
    second.read_to_end(&mut reply).unwrap();
    assert!(reply.starts_with(b"HTTP/1.1 200 OK\r\n"));
}

/// Sends `count` requests on one connection, one at a time, and returns how long each
/// response took.
fn time_responses(server: &Server, count: usize) -> Vec<Duration> {
    let mut stream = server.stream(WAIT);
    let mut times = Vec::new();
    let mut buf = [0u8; 4096];
    for _ in 0..count {
        let started = std::time::Instant::now();
        stream
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut got = Vec::new();
        while !got.ends_with(GREETING.as_bytes()) {
            let n = stream.read(&mut buf).unwrap();
            assert!(n > 0, "the connection closed");
            got.extend_from_slice(&buf[..n]);
        }
        times.push(started.elapsed());
    }
    times
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[test]
fn nagle_split_waits_for_delayed_acks_and_one_write_does_not() {
    let split = start_program(NAGLE, &["--split"]);
    let slow = median(time_responses(&split, 7)[1..].to_vec());
    assert!(slow >= Duration::from_millis(30), "{slow:?}");
    for quick in [&[][..], &["--split", "--nodelay"][..]] {
        let server = start_program(NAGLE, quick);
        let fast = median(time_responses(&server, 7)[1..].to_vec());
        assert!(fast < Duration::from_millis(20), "{quick:?}: {fast:?}");
    }
}

fn start_program(program: &str, extra: &[&str]) -> Server {
    Server::start(program, extra)
}

#[test]
fn slow_reader_reports_when_the_server_closes() {
    // A server that sends a long response for 500 ms, then closes the connection.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let server = thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 1024];
        let _ = stream.read(&mut request);
        stream
            .set_write_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n");
        let started = std::time::Instant::now();
        let chunk = [b'x'; 1024];
        while started.elapsed() < Duration::from_millis(500) {
            let _ = stream.write(&chunk);
        }
    });
    Command::new(SLOW_READER)
        .args([&addr.to_string(), "/big", "--every", "50"])
        .timeout(Duration::from_secs(30))
        .assert()
        .success()
        .stdout(
            contains("\"HTTP/1.1 200 OK\" after").and(contains("the server closed the connection")),
        );
    server.join().unwrap();
}

#[test]
fn beneath_never_opens_outside_the_root_with_openat2() {
    let output = Command::new(BENEATH)
        .args(["--tries", "2000"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    let line = stdout
        .lines()
        .find(|l| l.contains("openat2(RESOLVE_BENEATH)"))
        .unwrap_or_else(|| panic!("{stdout}"));
    if !line.contains("not available") {
        assert!(line.contains("    0 OUTSIDE"), "{stdout}");
    }
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
        (HELLO, &["--max-connections", "0"][..], "from 1 to"),
        (NAGLE, &["--bogus"][..], "unexpected argument"),
        (
            SLOW_READER,
            &["127.0.0.1:1"][..],
            "give the server's address and a target",
        ),
        (BENEATH, &["--tries", "many"][..], "not a whole number"),
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
