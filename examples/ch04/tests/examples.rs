//! The chapter 4 examples do what the chapter says they do.
//!
//! Every server here listens on 127.0.0.1:0 (the kernel picks a free port, so tests can run
//! in parallel), is killed when the test ends, even by a panic, and every wait has a deadline.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::Duration;

use assert_cmd::Command;
use harness::Server;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const ASYNC_ECHO: &str = env!("CARGO_BIN_EXE_async-echo");
const THREAD_ECHO: &str = env!("CARGO_BIN_EXE_thread-echo");
const FRAMES: &str = env!("CARGO_BIN_EXE_frames");
const IDLE_CLIENTS: &str = env!("CARGO_BIN_EXE_idle-clients");
const LAGGING: &str = env!("CARGO_BIN_EXE_lagging");
const BLOCKING: &str = env!("CARGO_BIN_EXE_blocking");

/// Generous for loopback on a busy machine; a passing run takes milliseconds.
const WAIT: Duration = Duration::from_secs(5);

/// The server's next stdout line that contains `wanted`.
fn wait_for(server: &mut Server, wanted: &str) -> String {
    loop {
        match server.process.next_line(WAIT) {
            Ok(Some(line)) if line.contains(wanted) => return line,
            Ok(Some(_)) => {}
            Ok(None) => panic!("the server exited before printing {wanted:?}"),
            Err(_) => panic!("no line with {wanted:?} within {WAIT:?}"),
        }
    }
}

fn echoes(program: &str) {
    let server = Server::start(program, &[]);
    let mut clients: Vec<TcpStream> = (0..3).map(|_| server.stream(WAIT)).collect();
    // Several clients at once, each answered while the others stay connected.
    for (i, client) in clients.iter_mut().enumerate() {
        let line = format!("client {i}\n");
        client.write_all(line.as_bytes()).unwrap();
        let mut back = vec![0u8; line.len()];
        client.read_exact(&mut back).unwrap();
        assert_eq!(back, line.as_bytes());
    }
    // EOF from the client: the rest comes back, then EOF.
    let client = &mut clients[0];
    client.write_all(b"last words").unwrap();
    client.shutdown(Shutdown::Write).unwrap();
    let mut rest = Vec::new();
    client.read_to_end(&mut rest).unwrap();
    assert_eq!(rest, b"last words");
}

#[test]
fn async_echo_echoes_many_clients_at_once() {
    echoes(ASYNC_ECHO);
}

#[test]
fn thread_echo_echoes_many_clients_at_once() {
    echoes(THREAD_ECHO);
}

#[test]
fn frames_shows_reads_and_the_lines_cut_from_them() {
    let mut server = Server::start(FRAMES, &[]);
    let mut client = server.stream(WAIT);
    client.write_all(b"hel").unwrap();
    // The first piece is read on its own before the rest is sent.
    wait_for(&mut server, "read 3 bytes: \"hel\"");
    client.write_all(b"lo\none\r\ntwo\n").unwrap();
    assert!(wait_for(&mut server, "line:").ends_with("line: \"hello\""));
    assert!(wait_for(&mut server, "line:").ends_with("line: \"one\""));
    assert!(wait_for(&mut server, "line:").ends_with("line: \"two\""));
    // Not UTF-8: replaced, not fatal.
    client.write_all(b"caf\xe9\n").unwrap();
    assert!(wait_for(&mut server, "line:").ends_with("line: \"caf\u{FFFD}\""));
    client.shutdown(Shutdown::Write).unwrap();
    wait_for(&mut server, "EOF");
}

#[test]
fn frames_closes_a_client_whose_line_is_too_long() {
    let mut server = Server::start(FRAMES, &[]);
    let mut client = server.stream(WAIT);
    // More than 8 KiB and no newline: the server closes the connection.
    let _ = client.write_all(&vec![b'x'; 9000]);
    wait_for(&mut server, "longer than 8192 bytes, closing");
    let mut rest = Vec::new();
    // EOF, or a reset because the server closed with unread data: either way it ends.
    let _ = client.read_to_end(&mut rest);
}

#[test]
fn idle_clients_holds_connections_and_reports_the_server() {
    let server = Server::start(ASYNC_ECHO, &[]);
    let pid = server.process.pid().to_string();
    let to = server.addr.to_string();
    let assert = Command::new(IDLE_CLIENTS)
        .args(["--to", &to, "--count", "20", "--report", &pid])
        .timeout(WAIT)
        .assert()
        .success()
        .stdout(contains(format!("20 connections open to {to}")));
    if cfg!(target_os = "linux") {
        assert.stdout(
            contains(format!("from /proc/{pid}/status:"))
                .and(contains("VmRSS:"))
                .and(contains("Threads:")),
        );
    }
    Command::new(IDLE_CLIENTS)
        .args(["--to", &to, "--count", "3", "--seconds", "0"])
        .timeout(WAIT)
        .assert()
        .success()
        .stdout(contains("3 connections open"));
}

#[test]
fn lagging_drops_the_oldest_messages() {
    Command::new(LAGGING)
        .timeout(WAIT)
        .assert()
        .success()
        .stdout(
            "sent 1 to 10 into a channel of capacity 4\n\
         lagged: the 6 oldest were dropped\n\
         received 7\nreceived 8\nreceived 9\nreceived 10\n",
        );
}

#[test]
fn blocking_stops_the_ticker_and_tokio_sleep_does_not() {
    let output = Command::new(BLOCKING).timeout(WAIT).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let at = |line: &str| -> f64 { line.split(' ').next().unwrap().parse().unwrap() };
    let lines: Vec<&str> = text.lines().collect();
    let blocked = lines
        .iter()
        .position(|l| l.contains("std::thread::sleep"))
        .unwrap();
    let yielded = lines
        .iter()
        .position(|l| l.contains("tokio::time::sleep"))
        .unwrap();
    // Nothing ran while the thread was blocked, for about a second...
    assert_eq!(yielded, blocked + 1, "{text}");
    assert!(at(lines[yielded]) - at(lines[blocked]) >= 0.9, "{text}");
    // ...and the ticker went on while the main task awaited tokio's sleep.
    let ticks_after = lines[yielded..]
        .iter()
        .filter(|l| l.ends_with("tick"))
        .count();
    assert!(ticks_after >= 3, "{text}");
}

#[test]
fn bad_arguments_are_one_line_errors() {
    for program in [ASYNC_ECHO, THREAD_ECHO, FRAMES] {
        for (args, message) in [
            (&["--listen", "not-an-address"][..], "not an address"),
            (&["--listen"][..], "needs a value"),
            (&["--bogus"][..], "unexpected argument"),
        ] {
            Command::new(program)
                .args(args)
                .timeout(WAIT)
                .assert()
                .code(2)
                .stderr(contains(message).and(contains("usage:")));
        }
    }
    for (args, message) in [
        (&[][..], "--to ADDR is required"),
        (
            &["--to", "127.0.0.1:1", "--count", "0"][..],
            "not a number from 1",
        ),
        (&["--to", "nowhere"][..], "not an address"),
    ] {
        Command::new(IDLE_CLIENTS)
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
    for program in [ASYNC_ECHO, THREAD_ECHO, FRAMES, IDLE_CLIENTS] {
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
    let server = Server::start(ASYNC_ECHO, &[]);
    for program in [ASYNC_ECHO, THREAD_ECHO, FRAMES] {
        Command::new(program)
            .args(["--listen", &server.addr.to_string()])
            .timeout(WAIT)
            .assert()
            .code(1)
            .stderr(contains("cannot serve on").and(contains("in use")));
    }
}

const CANCEL: &str = env!("CARGO_BIN_EXE_cancel");
const BACKPRESSURE: &str = env!("CARGO_BIN_EXE_backpressure");
const DEAD_PEER: &str = env!("CARGO_BIN_EXE_dead-peer");
const CAREFUL_ECHO: &str = env!("CARGO_BIN_EXE_careful-echo");

/// Sends `hel`, waits past a tick, sends `lo\n`, and returns the line the server logged.
fn line_across_a_tick(args: &[&str]) -> String {
    let mut server = Server::start(CANCEL, args);
    let mut client = server.stream(WAIT);
    client.write_all(b"hel").unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    client.write_all(b"lo\n").unwrap();
    wait_for(&mut server, "line:")
}

#[test]
fn cancel_loses_half_a_line_in_a_select_loop_and_the_fix_keeps_it() {
    assert!(line_across_a_tick(&[]).ends_with("line: \"lo\""));
    assert!(line_across_a_tick(&["--fixed"]).ends_with("line: \"hello\""));
}

#[test]
fn backpressure_waits_for_one_consumer_and_stalls_fan_out() {
    Command::new(BACKPRESSURE).assert().success().stdout(
        contains("consumer done with 5")
            .and(contains(
                "producer waited 1 s to give 3 to stuck: giving up",
            ))
            .and(contains("stuck is full: dropped 5"))
            .and(contains("fast consumer got 5")),
    );
}

#[test]
fn dead_peer_sees_eof_from_a_closed_client_and_closes_an_idle_one() {
    let mut server = Server::start(DEAD_PEER, &["--idle", "1"]);
    let mut client = server.stream(WAIT);
    client.write_all(b"hi\n").unwrap();
    wait_for(&mut server, "read 3 bytes");
    drop(client);
    wait_for(&mut server, "read returned 0 (EOF)");
    let _silent = server.stream(WAIT);
    wait_for(&mut server, "nothing from the client for the idle timeout");
}

#[test]
fn careful_echo_caps_its_clients() {
    let mut server = Server::start(CAREFUL_ECHO, &["--max-clients", "1"]);
    let mut first = server.stream(WAIT);
    wait_for(&mut server, "connected (1 of 1)");
    // The second connects (the kernel completes it) but is not served while the first stays.
    let mut second = server.stream(WAIT);
    second.write_all(b"wait\n").unwrap();
    second
        .set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let mut buf = [0u8; 16];
    assert!(second.read(&mut buf).is_err(), "served beyond the cap");
    first.write_all(b"hi\n").unwrap();
    let mut back = [0u8; 3];
    first.read_exact(&mut back).unwrap();
    drop(first);
    // Once the first leaves, the second is accepted and its waiting line echoed.
    second.set_read_timeout(Some(WAIT)).unwrap();
    let mut echoed = [0u8; 5];
    second.read_exact(&mut echoed).unwrap();
    assert_eq!(&echoed, b"wait\n");
}
