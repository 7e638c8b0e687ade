//! Proof that lab04's grader is right: it passes the reference solution, and it catches
//! every classic-bug variant in `bugs/` with the check named for that mistake.

#[path = "../../../labs/lab04/tests/checks.rs"]
mod checks;

use checks::LAB;
use harness::proof::{caught_by, passes_every_check};

#[test]
fn the_reference_passes_every_check() {
    passes_every_check(&LAB, env!("CARGO_BIN_EXE_lab04-solution"));
}

#[test]
fn echoing_the_line_to_its_sender_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-echo-to-sender"),
        &["delivers_to_everyone_but_the_sender"],
    );
}

#[test]
fn serving_one_client_at_a_time_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-serial"),
        &["announces_joins_and_leaves"],
    );
}

#[test]
fn treating_each_read_as_a_line_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-read-is-a-line"),
        &[
            "delivers_a_line_sent_in_pieces_once",
            "delivers_several_lines_from_one_write",
        ],
    );
}

#[test]
fn an_unbounded_queue_per_client_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-unbounded-queue"),
        &["never_reading_client_slows_no_one_and_memory_stays_bounded"],
    );
}

#[test]
fn writing_to_everyone_under_one_lock_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-writes-under-a-lock"),
        &["never_reading_client_slows_no_one_and_memory_stays_bounded"],
    );
}

#[test]
fn a_blocking_read_inside_a_task_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-blocking-read"),
        &["keeps_serving_while_clients_wait_mid_line"],
    );
}

#[test]
fn forgetting_left_on_a_reset_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-no-left-on-reset"),
        &["announces_a_reset_client_leaving"],
    );
}

#[test]
fn reading_lines_without_a_limit_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-no-line-limit"),
        &["disconnects_only_the_sender_of_a_line_over_8_kib"],
    );
}

#[test]
fn failing_on_invalid_utf8_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-strict-utf8"),
        &["replaces_invalid_utf8"],
    );
}
