//! Proof that lab04's grader is right: it passes the reference solution and a correct
//! server of another design, and it catches every classic-bug variant in `bugs/` with the
//! check named for that mistake.

#[path = "../../../labs/lab04/tests/checks.rs"]
mod checks;

use checks::LAB;
use harness::proof::{caught_by, passes_every_check};

#[test]
fn the_reference_passes_every_check() {
    passes_every_check(&LAB, env!("CARGO_BIN_EXE_lab04-solution"));
}

/// Threads instead of tasks, a queue per client instead of a broadcast channel, and a slow
/// client disconnected instead of losing its oldest messages: the contract allows all of it.
#[test]
fn a_server_on_std_threads_passes_every_check() {
    passes_every_check(&LAB, env!("CARGO_BIN_EXE_lab04-variant-threads"));
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
fn joining_in_the_clients_task_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-joins-in-the-task"),
        &["announces_joins_in_the_order_clients_connected"],
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
fn trimming_the_line_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-trims-the-line"),
        &["relays_each_line_byte_for_byte"],
    );
}

#[test]
fn skipping_empty_lines_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-skips-empty-lines"),
        &["relays_each_line_byte_for_byte"],
    );
}

#[test]
fn decoding_each_read_on_its_own_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-decodes-each-read"),
        &["keeps_a_character_split_across_two_reads"],
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

#[test]
fn reading_lines_without_a_limit_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-no-line-limit"),
        &["disconnects_only_the_sender_of_a_line_over_8_kib"],
    );
}

#[test]
fn counting_the_newline_in_the_limit_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-limit-counts-the-newline"),
        &["enforces_the_line_limit_at_exactly_8192_bytes"],
    );
}

#[test]
fn counting_the_cr_in_the_limit_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-limit-counts-the-cr"),
        &["enforces_the_line_limit_at_exactly_8192_bytes"],
    );
}

#[test]
fn a_limit_one_byte_late_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-limit-one-byte-late"),
        &["enforces_the_line_limit_at_exactly_8192_bytes"],
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
fn a_writer_that_outlives_its_client_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-writer-outlives-the-client"),
        &[
            "serves_clients_in_turn_under_a_low_fd_limit",
            "announces_joins_and_leaves",
        ],
    );
}

#[test]
fn an_unbounded_queue_per_client_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-unbounded-queue"),
        &["memory_stays_bounded_past_a_client_that_never_reads"],
    );
}

#[test]
fn writing_to_everyone_under_one_lock_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-writes-under-a-lock"),
        &["a_client_that_never_reads_slows_no_one"],
    );
}

#[test]
fn dropping_a_slow_client_without_a_word_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-drops-a-slow-client-silently"),
        &["a_client_that_never_reads_slows_no_one"],
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
fn no_idle_timeout_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-no-idle-timeout"),
        &["disconnects_a_silent_member_after_the_idle_timeout"],
    );
}

#[test]
fn an_idle_clock_that_never_restarts_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab04-bug-idle-clock-never-restarts"),
        &["disconnects_a_silent_member_after_the_idle_timeout"],
    );
}
