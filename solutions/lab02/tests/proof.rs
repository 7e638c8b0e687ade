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
