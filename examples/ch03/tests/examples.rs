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
fn retries_back_off_and_give_up_after_four_tries() {
    let out = run(env!("CARGO_BIN_EXE_retry"));
    for line in [
        "#3: answered on try 2, by the reply to try 1: late, not lost",
        "#4: try 1: ignored #3/2, a reply to an earlier question",
        "#7: try 1: no reply within 100 ms",
        "#7: try 2: no reply within 200 ms",
        "#7: try 3: no reply within 400 ms",
        "#7: try 4: no reply within 800 ms",
        "#7: no reply after 4 tries (1500 ms), giving up",
        "#8: answered on try 1",
        "7 of 8 answered, 13 datagrams sent",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
}

/// A number from a `/proc/sys` file, or None where there is none (not Linux).
fn sysctl(path: &str) -> Option<usize> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

#[cfg(target_os = "linux")]
#[test]
fn so_rcvbuf_is_capped_at_rmem_max_and_doubled() {
    let out = run(env!("CARGO_BIN_EXE_rcvbuf"));
    let max = sysctl("/proc/sys/net/core/rmem_max").expect("Linux has rmem_max");
    let default = sysctl("/proc/sys/net/core/rmem_default").expect("Linux has rmem_default");
    let reads = |asked: &str| -> usize {
        let line = out
            .lines()
            .find(|l| l.contains(&format!("asked for {asked}")))
            .unwrap_or_else(|| panic!("no line for {asked} in:\n{out}"));
        let after = line.split("SO_RCVBUF reads").nth(1).expect("a size");
        after
            .split(',')
            .next()
            .unwrap()
            .trim()
            .parse()
            .expect("a number")
    };
    assert_eq!(reads("       nothing"), default, "{out}");
    assert_eq!(reads("  100000 bytes"), 2 * 100_000.min(max), "{out}");
    assert_eq!(reads(" 8000000 bytes"), 2 * 8_000_000.min(max), "{out}");
}

#[cfg(target_os = "linux")]
#[test]
fn peek_with_msg_trunc_tells_the_size_and_msg_trunc_marks_a_cut_datagram() {
    let out = run(env!("CARGO_BIN_EXE_peek"));
    for line in [
        "recvmsg into 1024 bytes: returned 1024, MSG_TRUNC set: true",
        "peek_from into an empty buffer (MSG_PEEK): returned 0",
        "peek with MSG_PEEK | MSG_TRUNC: returned 3000, the next datagram's size",
        "recv_from into a buffer of exactly 3000 bytes: returned 3000",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn broadcast_needs_so_broadcast_and_multicast_reaches_the_group() {
    let out = run(env!("CARGO_BIN_EXE_broadcast"));
    let line = |start: &str| -> &str {
        out.lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no line starting {start:?} in:\n{out}"))
    };
    assert!(
        line("without SO_BROADCAST:").contains("Permission denied"),
        "{out}"
    );
    assert!(
        line("A (0.0.0.0):").contains("got b\"to everyone\""),
        "{out}"
    );
    assert!(
        line("B (0.0.0.0):").contains("got b\"to everyone\""),
        "{out}"
    );
    assert!(line("C (127.0.0.1):").ends_with("nothing"), "{out}");
    assert!(
        line("A (joined):").contains("got b\"to the group\""),
        "{out}"
    );
    assert!(
        line("B (joined):").contains("got b\"to the group\""),
        "{out}"
    );
    assert!(line("C (not joined").ends_with("nothing"), "{out}");
    assert!(
        line("D (not joined):").contains("got b\"to the group\""),
        "{out}"
    );
}

/// Runs `program` as root of a network namespace of its own, with its loopback up, the way
/// the chapter runs `reflect`. None where this machine does not allow that (no `unshare`, or
/// user namespaces turned off, as on some CI runners).
#[cfg(target_os = "linux")]
fn in_own_namespace(program: &str) -> Option<String> {
    let probe = std::process::Command::new("unshare")
        .args(["-rn", "true"])
        .output()
        .ok()?;
    if !probe.status.success() {
        return None;
    }
    let output = Command::new("unshare")
        .args([
            "-rn",
            "sh",
            "-c",
            "ip link set lo up && exec \"$0\"",
            program,
        ])
        .timeout(LIMIT)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    Some(String::from_utf8(output).expect("the examples print UTF-8"))
}

#[cfg(target_os = "linux")]
#[test]
fn a_forged_source_is_reflected_and_two_echo_servers_loop() {
    let Some(out) = in_own_namespace(env!("CARGO_BIN_EXE_reflect")) else {
        eprintln!("skipped: this machine cannot run `unshare -rn`");
        return;
    };
    assert!(
        out.contains("victim: received b\"who asked?\" from 127.0.0.1:7"),
        "{out}"
    );
    // The loop: both servers echoed many times from one forged datagram.
    let echoed: Vec<u64> = out
        .lines()
        .filter(|l| l.contains(" echoed "))
        .map(|l| {
            let after = l.split(" echoed ").nth(1).unwrap();
            after.split(',').next().unwrap().parse().unwrap()
        })
        .collect();
    assert_eq!(echoed.len(), 4, "{out}");
    assert!(echoed[0] > 100 && echoed[1] > 100, "no loop in:\n{out}");
    // The guard: nothing echoed, one datagram ignored.
    assert_eq!(&echoed[2..], [0, 0], "{out}");
    assert!(out.contains("echoed 0, ignored 1"), "{out}");
}

#[cfg(target_os = "linux")]
#[test]
fn reflect_without_a_raw_socket_says_how_to_run_it() {
    // Outside a namespace of its own, an unprivileged run cannot open a raw socket. (Root
    // can, so this only runs where the test itself is not root.)
    if runs_as_root() {
        return;
    }
    Command::new(env!("CARGO_BIN_EXE_reflect"))
        .timeout(LIMIT)
        .assert()
        .code(1)
        .stderr(contains("CAP_NET_RAW").and(contains("unshare -rn")));
}

/// Whether this test runs as root (its effective user id, from /proc).
fn runs_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(2) == Some("0"))
        })
        .unwrap_or(false)
}

#[test]
fn pmtu_takes_a_mode_and_an_address() {
    let pmtu = env!("CARGO_BIN_EXE_pmtu");
    for args in [
        &[][..],
        &["send"],
        &["send", "nowhere"],
        &["fly", "127.0.0.1:9"],
    ] {
        Command::new(pmtu)
            .args(args)
            .timeout(LIMIT)
            .assert()
            .code(2)
            .stderr(contains("usage: pmtu"));
    }
    // Over loopback (MTU 65,536) nothing is fragmented, and a strict socket sends too.
    Command::new(pmtu)
        .args(["send", "127.0.0.1:9"])
        .timeout(LIMIT)
        .assert()
        .success()
        .stdout(
            contains("send #3: sent 1472, the kernel made 0 fragments")
                .and(contains("    send: sent 1472")),
        );
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
        env!("CARGO_BIN_EXE_rcvbuf"),
        env!("CARGO_BIN_EXE_peek"),
        env!("CARGO_BIN_EXE_broadcast"),
        env!("CARGO_BIN_EXE_reflect"),
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
