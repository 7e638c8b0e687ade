//! Proof that lab02's grader is right: it passes the reference solution, and it catches
//! every classic-bug variant in `bugs/` with the check named for that mistake.

#[path = "../../../labs/lab02/tests/checks.rs"]
mod checks;

use checks::LAB;
use harness::proof::Proof;

#[test]
fn the_grader_passes_every_correct_program_and_catches_every_classic_bug() {
    Proof::new(&LAB)
        .passes(env!("CARGO_BIN_EXE_lab02-solution"))
        .caught(
            "serving one client at a time",
            env!("CARGO_BIN_EXE_lab02-bug-serial"),
            &["serves_second_client_while_first_idle"],
        )
        .caught(
            "reading once and closing",
            env!("CARGO_BIN_EXE_lab02-bug-read-once"),
            &["echoes_many_writes_on_one_connection"],
        )
        .caught(
            "waiting for eof before echoing",
            env!("CARGO_BIN_EXE_lab02-bug-waits-for-eof"),
            &["echoes_interactively"],
        )
        .caught(
            "treating bytes as text lines",
            env!("CARGO_BIN_EXE_lab02-bug-text-lines"),
            &["echoes_binary_exactly"],
        )
        .caught(
            "forgetting so reuseaddr",
            env!("CARGO_BIN_EXE_lab02-bug-no-reuseaddr"),
            &["restarts_on_the_same_port"],
        )
        .caught(
            "unwrapping on a reset connection",
            env!("CARGO_BIN_EXE_lab02-bug-unwrap-reset"),
            &["survives_a_client_reset"],
        )
        .caught(
            "echoing the whole buffer",
            env!("CARGO_BIN_EXE_lab02-bug-whole-buffer"),
            &["echoes_one_line", "echoes_binary_exactly"],
        )
        .caught(
            "a socket fixed to ipv4",
            env!("CARGO_BIN_EXE_lab02-bug-ipv4-only"),
            &["serves_over_ipv6"],
        )
        .caught(
            "a fixed pool of four threads",
            env!("CARGO_BIN_EXE_lab02-bug-thread-pool-of-four"),
            &["serves_eight_clients_at_once"],
        )
        .caught(
            "one buffer shared by all connections",
            env!("CARGO_BIN_EXE_lab02-bug-shared-buffer"),
            &["a_client_that_stops_reading_delays_no_one"],
        )
        .caught(
            "closing at eof with echo bytes unwritten",
            env!("CARGO_BIN_EXE_lab02-bug-closes-at-eof-mid-echo"),
            &["finishes_echoing_after_the_clients_eof"],
        )
        .caught(
            "sockets shut down but never closed are caught",
            env!("CARGO_BIN_EXE_lab02-bug-shutdown-never-closed"),
            &["closes_every_connection"],
        )
        .caught(
            "logging only clean disconnections",
            env!("CARGO_BIN_EXE_lab02-bug-logs-clean-ends-only"),
            &["logs_connects_and_disconnects"],
        )
        // One thread and poll(2) instead of a thread per client: a correct server in another
        // style. The checks judge behaviour, so it must pass them all.
        .passes(env!("CARGO_BIN_EXE_lab02-variant-poll-loop"))
        .run();
}

#[test]
fn a_server_that_never_answers_fails_fast() {
    // Every check that talks to the server must fail on its own deadline; only the two
    // that never wait for an answer (the address line, bad arguments) pass. All checks run
    // at once, as `cargo test -p lab02` runs them, and the whole grader ends within 30 s.
    let checks: Vec<_> = LAB.checks.iter().collect();
    let started = std::time::Instant::now();
    let results = harness::run_checks(
        &checks,
        harness::Lang::En,
        env!("CARGO_BIN_EXE_lab02-bug-never-answers").as_ref(),
        checks.len(),
        &|_, _| {},
    );
    let elapsed = started.elapsed();
    assert!(
        elapsed < std::time::Duration::from_secs(30),
        "the grader took {elapsed:?}"
    );
    for (check, result) in checks.iter().zip(&results) {
        let expected_to_pass = ["announces_address", "refuses_bad_addresses"].contains(&check.id);
        assert_eq!(
            result.passed(),
            expected_to_pass,
            "{} against a server that never answers",
            check.id
        );
    }
}
