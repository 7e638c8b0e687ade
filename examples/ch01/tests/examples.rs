//! The chapter 1 examples do what the chapter says they do.
//!
//! Every server here listens on 127.0.0.1:0 (the kernel picks a free port, so tests can run
//! in parallel), is killed when the test ends, even by a panic, and every wait has a deadline.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::Duration;

use assert_cmd::Command;
use harness::Server;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const MINI_HTTP: &str = env!("CARGO_BIN_EXE_mini-http");
const PUSH: &str = env!("CARGO_BIN_EXE_push");
const PRINT_LINES: &str = env!("CARGO_BIN_EXE_print-lines");

/// Generous for loopback on a busy machine; a passing run takes milliseconds.
const WAIT: Duration = Duration::from_secs(5);

// Servers under test are started by the grading harness (`harness::Server::start`), which
// kills them when the test ends, also on a panic.

/// Reads one response framed by its Content-Length: (head, body).
fn read_response(reader: &mut BufReader<&TcpStream>) -> (String, Vec<u8>) {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        assert!(reader.read_line(&mut line).unwrap() > 0, "EOF in the head");
        head.push_str(&line);
        if line == "\r\n" {
            break;
        }
    }
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .expect("a Content-Length")
        .parse()
        .unwrap();
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    (head, body)
}

#[test]
fn hello_http_answers_a_get_typed_by_hand() {
    let server = Server::start(MINI_HTTP, &[]);
    let stream = server.stream(WAIT);
    (&stream)
        .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut all = Vec::new();
    (&stream).read_to_end(&mut all).unwrap();
    let all = String::from_utf8(all).unwrap();
    assert!(all.starts_with("HTTP/1.1 200 OK\r\n"), "{all}");
    assert!(all.contains("Content-Type: text/html"), "{all}");
    assert!(all.contains("Connection: close\r\n\r\n"), "{all}");
    assert!(all.ends_with("<h1>hello, http</h1>\n"), "{all}");
}

#[test]
fn hello_http_keeps_the_connection_alive_between_requests() {
    let server = Server::start(MINI_HTTP, &[]);
    let stream = server.stream(WAIT);
    let mut reader = BufReader::new(&stream);
    // Two requests in one write (pipelined), then a third: all on one connection.
    (&stream)
        .write_all(
            b"GET /hello.json HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n",
        )
        .unwrap();
    let (head, body) = read_response(&mut reader);
    assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
    assert!(head.contains("application/json"), "{head}");
    assert_eq!(body, b"{\"hello\": \"http\", \"carried by\": \"tcp\"}\n");
    let (head, body) = read_response(&mut reader);
    assert!(head.starts_with("HTTP/1.1 404 Not Found\r\n"), "{head}");
    assert_eq!(body, b"not found: /nope\n");
    // A bare LF is forgiven, and HEAD gets the head alone.
    (&stream)
        .write_all(b"HEAD / HTTP/1.1\nHost: x\nConnection: close\n\n")
        .unwrap();
    let mut rest = Vec::new();
    reader.read_to_end(&mut rest).unwrap();
    let rest = String::from_utf8(rest).unwrap();
    assert!(rest.starts_with("HTTP/1.1 200 OK\r\n"), "{rest}");
    assert!(rest.contains("Content-Length: 58\r\n"), "{rest}");
    assert!(
        rest.ends_with("\r\n\r\n"),
        "HEAD must have no body: {rest:?}"
    );
}

#[test]
fn hello_http_sends_early_hints_before_the_page() {
    let server = Server::start(MINI_HTTP, &[]);
    // HTTP/1.1: two responses to one request, the interim 103 first.
    let stream = server.stream(WAIT);
    (&stream)
        .write_all(b"GET /early HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut all = Vec::new();
    (&stream).read_to_end(&mut all).unwrap();
    let all = String::from_utf8(all).unwrap();
    assert!(
        all.starts_with(
            "HTTP/1.1 103 Early Hints\r\nLink: </hello.json>; rel=preload; as=fetch\r\n\r\n\
             HTTP/1.1 200 OK\r\n"
        ),
        "{all}"
    );
    assert!(all.ends_with("<h1>hello, http</h1>\n"), "{all}");
    // HTTP/1.0 has no 1xx responses: the page alone.
    let stream = server.stream(WAIT);
    (&stream).write_all(b"GET /early HTTP/1.0\r\n\r\n").unwrap();
    let mut all = Vec::new();
    (&stream).read_to_end(&mut all).unwrap();
    assert!(all.starts_with(b"HTTP/1.1 200 OK\r\n"), "{all:?}");
}

#[test]
fn hello_http_refuses_garbage_and_closes() {
    let server = Server::start(MINI_HTTP, &[]);
    let stream = server.stream(WAIT);
    (&stream).write_all(b"HELLO THERE\r\n\r\n").unwrap();
    let mut all = Vec::new();
    (&stream).read_to_end(&mut all).unwrap();
    let all = String::from_utf8(all).unwrap();
    assert!(all.starts_with("HTTP/1.1 400 Bad Request\r\n"), "{all}");
    // The server is still there for the next client.
    let stream = server.stream(WAIT);
    (&stream)
        .write_all(b"POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc")
        .unwrap();
    let mut all = Vec::new();
    (&stream).read_to_end(&mut all).unwrap();
    assert!(all.starts_with(b"HTTP/1.1 405 Method Not Allowed\r\n"));
}

#[test]
fn hello_http_streams_events_until_it_closes() {
    let server = Server::start(MINI_HTTP, &[]);
    let stream = server.stream(WAIT);
    (&stream)
        .write_all(b"GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut all = Vec::new();
    (&stream).read_to_end(&mut all).unwrap();
    let all = String::from_utf8(all).unwrap();
    assert!(all.contains("Content-Type: text/event-stream"), "{all}");
    assert!(!all.contains("Content-Length"), "{all}");
    assert!(
        all.ends_with("\r\n\r\ndata: tick 1\n\ndata: tick 2\n\ndata: tick 3\n\n"),
        "{all}"
    );
}

#[test]
fn push_speaks_first_answers_ticks_and_says_bye_after_eof() {
    let server = Server::start(PUSH, &["--every", "100"]);
    let stream = server.stream(WAIT);
    let mut lines = BufReader::new(&stream).lines();
    let mut next = || lines.next().expect("a line").expect("no error");
    // The greeting comes before the client has sent anything.
    assert!(next().starts_with("welcome, 127.0.0.1:"));
    (&stream).write_all(b"hello\n").unwrap();
    // Ticks may come before or after the answer; the answer must come.
    let mut seen = Vec::new();
    while !seen.iter().any(|l: &String| l == "you said: hello") {
        seen.push(next());
    }
    let mut tick = next();
    while !tick.starts_with("tick ") {
        tick = next();
    }
    // Half-close: the server reads EOF, says bye, and closes.
    stream.shutdown(Shutdown::Write).unwrap();
    let mut last = next();
    while last.starts_with("tick ") {
        last = next();
    }
    assert_eq!(last, "bye: you sent 1 line");
    let mut rest = String::new();
    BufReader::new(&stream).read_to_string(&mut rest).unwrap();
    assert!(rest.is_empty(), "nothing after bye, then EOF: {rest:?}");
}

#[test]
fn servers_refuse_bad_arguments() {
    for (program, args, message) in [
        (
            MINI_HTTP,
            &["--listen", "not-an-address"][..],
            "not an address",
        ),
        (MINI_HTTP, &["--listen"][..], "needs a value"),
        (MINI_HTTP, &["--every", "100"][..], "unexpected argument"),
        (PUSH, &["--every", "soon"][..], "not a period"),
        (PUSH, &["--bogus"][..], "unexpected argument"),
    ] {
        Command::new(program)
            .args(args)
            .timeout(WAIT)
            .assert()
            .code(2)
            .stderr(contains(message).and(contains("usage:")));
    }
}

#[cfg(unix)]
#[test]
fn non_utf8_arguments_are_refused_not_panicked_on() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let bad = OsStr::from_bytes(b"--listen=\xff");
    for program in [MINI_HTTP, PUSH] {
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
    let server = Server::start(PUSH, &[]);
    for program in [MINI_HTTP, PUSH] {
        Command::new(program)
            .args(["--listen", &server.addr.to_string()])
            .timeout(WAIT)
            .assert()
            .code(1)
            .stderr(contains("cannot serve on").and(contains("in use")));
    }
}

#[test]
fn print_lines_hands_over_each_whole_line_and_keeps_half_a_line() {
    // What chapter 1 shows with strace: into a pipe, today's std writes `line 1` out at its
    // newline, while the program still sleeps; `print!` without a newline stays in the
    // buffer until the line ends. If std starts to buffer pipes more (as its own source
    // says it might), this test fails, and the chapter's output is out of date.
    let mut child = std::process::Command::new(PRINT_LINES)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = tx.send(line.unwrap());
        }
    });
    // The first line comes at once; the second waits for its newline, two seconds in.
    assert_eq!(
        lines.recv_timeout(Duration::from_millis(900)).unwrap(),
        "line 1"
    );
    assert!(
        lines.recv_timeout(Duration::from_millis(500)).is_err(),
        "half a line came out before its newline"
    );
    assert_eq!(lines.recv_timeout(WAIT).unwrap(), "line 2 starts, and ends");
    assert!(child.wait().unwrap().success());
}
