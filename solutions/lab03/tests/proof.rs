//! Proof that lab03's grader is right: it passes the reference solution and a correct
//! variant written in another style, and it catches every classic-bug variant in `bugs/`
//! with the check named for that mistake.

#[path = "../../../labs/lab03/tests/checks.rs"]
mod checks;

use checks::LAB;
use harness::proof::Proof;
use harness::{Check, Lang, render_failure, run_checks};

#[test]
fn the_grader_passes_every_correct_program_and_catches_every_classic_bug() {
    Proof::new(&LAB)
        .passes(env!("CARGO_BIN_EXE_lab03-solution"))
        .passes(env!("CARGO_BIN_EXE_lab03-variant-tokio"))
        .caught(
            "joining the messages into one datagram",
            env!("CARGO_BIN_EXE_lab03-bug-joins-messages"),
            &["send_three_messages_in_order"],
        )
        .caught(
            "skipping empty messages",
            env!("CARGO_BIN_EXE_lab03-bug-skips-empty"),
            &["send_empty_message_as_empty_datagram"],
        )
        .caught(
            "trimming the messages",
            env!("CARGO_BIN_EXE_lab03-bug-trims-messages"),
            &["send_keeps_every_byte"],
        )
        .caught(
            "checking the size only when sending",
            env!("CARGO_BIN_EXE_lab03-bug-checks-size-late"),
            &[
                "send_refuses_65508_bytes_and_sends_nothing",
                "send_over_ipv6_refuses_65528_bytes",
            ],
        )
        .caught(
            "a size check at 65535",
            env!("CARGO_BIN_EXE_lab03-bug-limit-65535"),
            &[
                "send_refuses_65508_bytes_and_sends_nothing",
                "send_over_ipv6_refuses_65528_bytes",
            ],
        )
        .caught(
            "the ipv4 limit for ipv6",
            env!("CARGO_BIN_EXE_lab03-bug-ipv4-limit-for-ipv6"),
            &["send_over_ipv6"],
        )
        .caught(
            "a connected socket that fails when nothing listens",
            env!("CARGO_BIN_EXE_lab03-bug-connected-socket"),
            &["send_without_a_receiver_exits_0"],
        )
        .caught(
            "connecting only with from",
            env!("CARGO_BIN_EXE_lab03-bug-connects-with-from"),
            &["send_without_a_receiver_exits_0"],
        )
        .caught(
            "a 1024 byte receive buffer",
            env!("CARGO_BIN_EXE_lab03-bug-small-buffer"),
            &[
                "recv_prints_a_65507_byte_datagram_whole",
                "echo_keeps_datagram_boundaries",
                "echo_returns_empty_and_binary_datagrams",
            ],
        )
        .caught(
            "a receive buffer sized for ipv4",
            env!("CARGO_BIN_EXE_lab03-bug-buffer-65507"),
            &["recv_over_ipv6", "echo_over_ipv6"],
        )
        .caught(
            "sockets fixed to ipv4 are caught",
            env!("CARGO_BIN_EXE_lab03-bug-ipv4-only"),
            &["send_over_ipv6", "recv_over_ipv6", "echo_over_ipv6"],
        )
        .caught(
            "binding the wildcard",
            env!("CARGO_BIN_EXE_lab03-bug-binds-wildcard"),
            &["recv_prints_each_datagram", "echo_answers_each_client"],
        )
        .caught(
            "printing the whole buffer",
            env!("CARGO_BIN_EXE_lab03-bug-whole-buffer"),
            &["recv_prints_each_datagram"],
        )
        .caught(
            "trimming the payload",
            env!("CARGO_BIN_EXE_lab03-bug-trims-payload"),
            &["recv_prints_the_payload_exactly"],
        )
        .caught(
            "printing bytes that are not utf8 as they came",
            env!("CARGO_BIN_EXE_lab03-bug-raw-bytes"),
            &["recv_stdout_is_exact_bytes"],
        )
        .caught(
            "printing the receivers own address",
            env!("CARGO_BIN_EXE_lab03-bug-prints-own-address"),
            &["recv_prints_each_datagram"],
        )
        .caught(
            "recv stopping at an empty datagram",
            env!("CARGO_BIN_EXE_lab03-bug-recv-stops-on-empty"),
            &["recv_prints_each_datagram"],
        )
        .caught(
            "count zero running forever",
            env!("CARGO_BIN_EXE_lab03-bug-count-zero-forever"),
            &["recv_count_0_exits_at_once"],
        )
        .caught(
            "echoing to the first client",
            env!("CARGO_BIN_EXE_lab03-bug-first-client"),
            &["echo_answers_each_client"],
        )
        .caught(
            "replying from another socket",
            env!("CARGO_BIN_EXE_lab03-bug-replies-from-new-socket"),
            &[
                "echo_answers_each_client",
                "echo_keeps_datagram_boundaries",
                "echo_returns_empty_and_binary_datagrams",
                "echo_over_ipv6",
            ],
        )
        .caught(
            "echo stopping at an empty datagram",
            env!("CARGO_BIN_EXE_lab03-bug-echo-stops-on-empty"),
            &["echo_returns_empty_and_binary_datagrams"],
        )
        .run();
}

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
