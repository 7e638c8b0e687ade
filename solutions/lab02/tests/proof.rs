//! Proof that lab02's grader is right: it passes the reference solution, and it catches
//! every classic-bug variant in `bugs/` with the check named for that mistake.

#[path = "../../../labs/lab02/tests/checks.rs"]
mod checks;

use checks::LAB;
use harness::proof::{caught_by, passes_every_check};

#[test]
fn the_reference_passes_every_check() {
    passes_every_check(&LAB, env!("CARGO_BIN_EXE_lab02-solution"));
}

#[test]
fn serving_one_client_at_a_time_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab02-bug-serial"),
        &["serves_second_client_while_first_idle"],
    );
}

#[test]
fn reading_once_and_closing_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab02-bug-read-once"),
        &["echoes_many_writes_on_one_connection"],
    );
}

#[test]
fn waiting_for_eof_before_echoing_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab02-bug-waits-for-eof"),
        &["echoes_interactively"],
    );
}

#[test]
fn treating_bytes_as_text_lines_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab02-bug-text-lines"),
        &["echoes_binary_exactly"],
    );
}

#[test]
fn forgetting_so_reuseaddr_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab02-bug-no-reuseaddr"),
        &["restarts_on_the_same_port"],
    );
}

#[test]
fn unwrapping_on_a_reset_connection_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab02-bug-unwrap-reset"),
        &["survives_a_client_reset"],
    );
}

#[test]
fn echoing_the_whole_buffer_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab02-bug-whole-buffer"),
        &["echoes_one_line", "echoes_binary_exactly"],
    );
}

#[test]
fn a_socket_fixed_to_ipv4_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab02-bug-ipv4-only"),
        &["serves_over_ipv6"],
    );
}

#[test]
fn a_fixed_pool_of_four_threads_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab02-bug-thread-pool-of-four"),
        &["serves_eight_clients_at_once"],
    );
}

#[test]
fn one_buffer_shared_by_all_connections_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab02-bug-shared-buffer"),
        &["a_client_that_stops_reading_delays_no_one"],
    );
}

#[test]
fn closing_at_eof_with_echo_bytes_unwritten_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab02-bug-closes-at-eof-mid-echo"),
        &["finishes_echoing_after_the_clients_eof"],
    );
}

#[test]
fn sockets_shut_down_but_never_closed_are_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab02-bug-shutdown-never-closed"),
        &["closes_every_connection"],
    );
}

#[test]
fn logging_only_clean_disconnections_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab02-bug-logs-clean-ends-only"),
        &["logs_connects_and_disconnects"],
    );
}

#[test]
fn a_poll_loop_server_passes_every_check() {
    // One thread and poll(2) instead of a thread per client: a correct server in another
    // style. The checks judge behaviour, so it must pass them all.
    passes_every_check(&LAB, env!("CARGO_BIN_EXE_lab02-variant-poll-loop"));
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
