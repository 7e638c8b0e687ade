//! The chapter 3 examples do what the chapter says they do.
//!
//! Each example is a self-contained experiment on loopback (ports the kernel picks), so the
//! tests run them as the reader does and check the lines the chapter explains. Every run has
//! a time limit.

use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

/// Generous for a busy machine; each experiment takes well under a second.
const LIMIT: Duration = Duration::from_secs(20);

fn run(program: &str) -> String {
    let output = Command::new(program)
        .timeout(LIMIT)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(output).expect("the examples print UTF-8")
}

#[test]
fn tcp_merges_writes_and_udp_keeps_datagrams_apart() {
    let out = run(env!("CARGO_BIN_EXE_boundaries"));
    assert!(
        out.contains("server: one read returned 11 bytes: b\"hello world\""),
        "{out}"
    );
    assert!(
        out.contains("client: one write_all of 200000 bytes"),
        "{out}"
    );
    assert!(out.contains("recv_from returned 6 bytes from"), "{out}");
    assert!(out.contains("recv_from returned 5 bytes from"), "{out}");
}

#[test]
fn the_largest_the_empty_and_the_truncated_datagram() {
    let out = run(env!("CARGO_BIN_EXE_sizes"));
    for line in [
        "send_to of 65507 bytes: sent 65507, received 65507",
        "send_to of 65508 bytes: error: ",
        "send_to of 0 bytes: received a datagram of 0 bytes from 127.0.0.1:",
        "2000 bytes into a 1024-byte buffer: recv_from returned 1024",
        "the next recv_from returned 4 bytes: b\"next\"",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn fragments_are_counted() {
    let out = run(env!("CARGO_BIN_EXE_fragments"));
    assert!(
        out.contains("datagram of 65507 bytes:") && out.contains("65507 bytes received"),
        "{out}"
    );
}

#[test]
fn a_connected_udp_socket_hears_the_icmp_error_and_an_unconnected_one_does_not() {
    let out = run(env!("CARGO_BIN_EXE_connected"));
    for line in [
        "  send_to #3: ok (5 bytes)",
        "  connect:  ok",
        "  send #1:  ok (5 bytes)",
        "  send #2:  error: ",
        "  recv:     error: ",
        "the first datagram received is \"from the peer\"",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
    assert!(!out.contains("send_to #2: error"), "{out}");
}

#[test]
fn a_flood_is_accounted_for_by_sequence_numbers() {
    let out = run(env!("CARGO_BIN_EXE_flood"));
    assert!(
        out.contains("sender:   2000 datagrams sent, 0 send errors"),
        "{out}"
    );
    // received + missing = 2000, however many the receive buffer held.
    let line = out
        .lines()
        .find(|l| l.starts_with("receiver:") && l.contains("received"))
        .unwrap_or_else(|| panic!("no receiver line in:\n{out}"));
    let numbers: Vec<u32> = line
        .split_whitespace()
        .filter_map(|w| w.trim_end_matches(',').parse().ok())
        .collect();
    assert_eq!(numbers[0] + numbers[1], 2000, "{line}");
    assert_eq!(numbers[2], 0, "loopback does not reorder: {line}");
}

#[test]
fn retries_get_every_question_answered() {
    let out = run(env!("CARGO_BIN_EXE_retry"));
    let answered = out
        .lines()
        .filter(|l| l.contains("answered on try"))
        .count();
    assert_eq!(answered, 8, "{out}");
    assert!(out.contains("retries in all"), "{out}");
}

#[test]
fn examples_take_no_arguments() {
    for program in [
        env!("CARGO_BIN_EXE_boundaries"),
        env!("CARGO_BIN_EXE_sizes"),
        env!("CARGO_BIN_EXE_fragments"),
        env!("CARGO_BIN_EXE_connected"),
        env!("CARGO_BIN_EXE_flood"),
        env!("CARGO_BIN_EXE_retry"),
    ] {
        Command::new(program)
            .arg("--bogus")
            .timeout(LIMIT)
            .assert()
            .code(2)
            .stderr(contains("unexpected argument").and(contains("--help")));
        Command::new(program)
            .arg("--help")
            .timeout(LIMIT)
            .assert()
            .success()
            .stdout(contains("usage:"));
    }
}

#[cfg(unix)]
#[test]
fn non_utf8_arguments_are_refused_not_panicked_on() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    Command::new(env!("CARGO_BIN_EXE_sizes"))
        .arg(OsStr::from_bytes(b"\xff"))
        .timeout(LIMIT)
        .assert()
        .code(2)
        .stderr(contains("unexpected argument"));
}
