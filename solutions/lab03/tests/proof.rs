//! Proof that lab03's grader is right: it passes the reference solution and a correct
//! variant written in another style, and it catches every classic-bug variant in `bugs/`
//! with the check named for that mistake.

#[path = "../../../labs/lab03/tests/checks.rs"]
mod checks;

use checks::LAB;
use harness::proof::{caught_by, passes_every_check};
use harness::{Check, Lang, render_failure, run_checks};

#[test]
fn the_reference_passes_every_check() {
    passes_every_check(&LAB, env!("CARGO_BIN_EXE_lab03-solution"));
}

#[test]
fn a_tokio_variant_passes_every_check() {
    passes_every_check(&LAB, env!("CARGO_BIN_EXE_lab03-variant-tokio"));
}

// send

#[test]
fn joining_the_messages_into_one_datagram_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-joins-messages"),
        &["send_three_messages_in_order"],
    );
}

#[test]
fn skipping_empty_messages_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-skips-empty"),
        &["send_empty_message_as_empty_datagram"],
    );
}

#[test]
fn trimming_the_messages_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-trims-messages"),
        &["send_keeps_every_byte"],
    );
}

#[test]
fn checking_the_size_only_when_sending_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-checks-size-late"),
        &[
            "send_refuses_65508_bytes_and_sends_nothing",
            "send_over_ipv6_refuses_65528_bytes",
        ],
    );
}

#[test]
fn a_size_check_at_65535_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-limit-65535"),
        &[
            "send_refuses_65508_bytes_and_sends_nothing",
            "send_over_ipv6_refuses_65528_bytes",
        ],
    );
}

#[test]
fn the_ipv4_limit_for_ipv6_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-ipv4-limit-for-ipv6"),
        &["send_over_ipv6"],
    );
}

#[test]
fn a_connected_socket_that_fails_when_nothing_listens_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-connected-socket"),
        &["send_without_a_receiver_exits_0"],
    );
}

#[test]
fn connecting_only_with_from_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-connects-with-from"),
        &["send_without_a_receiver_exits_0"],
    );
}

// the socket and its buffer

#[test]
fn a_1024_byte_receive_buffer_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-small-buffer"),
        &[
            "recv_prints_a_65507_byte_datagram_whole",
            "echo_keeps_datagram_boundaries",
            "echo_returns_empty_and_binary_datagrams",
        ],
    );
}

#[test]
fn a_receive_buffer_sized_for_ipv4_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-buffer-65507"),
        &["recv_over_ipv6", "echo_over_ipv6"],
    );
}

#[test]
fn sockets_fixed_to_ipv4_are_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-ipv4-only"),
        &["send_over_ipv6", "recv_over_ipv6", "echo_over_ipv6"],
    );
}

#[test]
fn binding_the_wildcard_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-binds-wildcard"),
        &["recv_prints_each_datagram", "echo_answers_each_client"],
    );
}

// recv

#[test]
fn printing_the_whole_buffer_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-whole-buffer"),
        &["recv_prints_each_datagram"],
    );
}

#[test]
fn trimming_the_payload_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-trims-payload"),
        &["recv_prints_the_payload_exactly"],
    );
}

#[test]
fn printing_bytes_that_are_not_utf8_as_they_came_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-raw-bytes"),
        &["recv_stdout_is_exact_bytes"],
    );
}

#[test]
fn printing_the_receivers_own_address_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-prints-own-address"),
        &["recv_prints_each_datagram"],
    );
}

#[test]
fn recv_stopping_at_an_empty_datagram_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-recv-stops-on-empty"),
        &["recv_prints_each_datagram"],
    );
}

#[test]
fn count_zero_running_forever_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-count-zero-forever"),
        &["recv_count_0_exits_at_once"],
    );
}

// echo

#[test]
fn echoing_to_the_first_client_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-first-client"),
        &["echo_answers_each_client"],
    );
}

#[test]
fn replying_from_another_socket_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-replies-from-new-socket"),
        &[
            "echo_answers_each_client",
            "echo_keeps_datagram_boundaries",
            "echo_returns_empty_and_binary_datagrams",
            "echo_over_ipv6",
        ],
    );
}

#[test]
fn echo_stopping_at_an_empty_datagram_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab03-bug-echo-stops-on-empty"),
        &["echo_returns_empty_and_binary_datagrams"],
    );
}

/// A program that never answers fails each check that waits for it by the check's own
/// deadline on a receive, within the check's time limit, and the report says what was
/// sent and that nothing came back; the runner never has to stop a stuck check.
#[test]
fn a_program_that_never_answers_fails_in_time() {
    let program = env!("CARGO_BIN_EXE_lab03-bug-never-answers");
    let checks: Vec<&Check> = [
        "recv_prints_each_datagram",
        "recv_prints_the_payload_exactly",
        "recv_stdout_is_exact_bytes",
        "recv_prints_a_65507_byte_datagram_whole",
        "recv_exits_after_count",
        "recv_count_0_exits_at_once",
        "recv_over_ipv6",
        "echo_answers_each_client",
        "echo_keeps_datagram_boundaries",
        "echo_returns_empty_and_binary_datagrams",
        "echo_over_ipv6",
    ]
    .into_iter()
    .map(|id| LAB.check(id))
    .collect();
    let results = run_checks(
        &checks,
        Lang::En,
        program.as_ref(),
        checks.len(),
        &|_, _| {},
    );
    for (check, result) in checks.iter().zip(&results) {
        let id = check.id;
        let report = render_failure(&LAB, check, result, Lang::En);
        assert!(!result.passed(), "{id} passes a program that never answers");
        assert!(
            result.elapsed < check.limit,
            "{id} took {:?}, its whole time limit",
            result.elapsed
        );
        assert!(
            !report.contains("did not finish within its time limit"),
            "{id} was stopped by the runner instead of failing by its own deadline:\n{report}"
        );
        for step in ["sent", "expected", "got"] {
            assert!(
                report.contains(&format!("  {step} ")),
                "{id}: the report does not show what was {step}:\n{report}"
            );
        }
        println!("{report}");
    }
}
