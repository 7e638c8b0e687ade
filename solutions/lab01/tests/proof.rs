//! Proof that lab01's grader is right: it passes the reference solution, and it catches
//! every classic-bug variant in `bugs/` with the check named for that mistake.

#[path = "../../../labs/lab01/tests/checks.rs"]
mod checks;

use checks::LAB;
use harness::proof::{caught_by, passes_every_check};

#[test]
fn the_reference_passes_every_check() {
    passes_every_check(&LAB, env!("CARGO_BIN_EXE_lab01-solution"));
}

#[test]
fn lf_line_endings_are_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab01-bug-lf-line-endings"),
        &["get_frames_the_request_with_crlf"],
    );
}

#[test]
fn a_missing_host_header_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab01-bug-no-host-header"),
        &["get_sends_the_host_header"],
    );
}

#[test]
fn taking_one_read_as_the_whole_response_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab01-bug-one-read"),
        &["get_prints_the_body_byte_for_byte"],
    );
}

#[test]
fn printing_the_body_as_lossy_text_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab01-bug-lossy-utf8"),
        &["get_prints_the_body_byte_for_byte"],
    );
}

#[test]
fn ignoring_content_length_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab01-bug-ignores-content-length"),
        &["get_stops_at_content_length"],
    );
}

#[test]
fn stdout_buffered_until_exit_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab01-bug-buffered-stdout"),
        &["talk_prints_each_pushed_line_as_it_arrives"],
    );
}

#[test]
fn waiting_for_stdin_before_reading_the_server_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab01-bug-stdin-first"),
        &["talk_prints_a_line_pushed_first"],
    );
}

#[test]
fn closing_the_whole_socket_at_stdin_eof_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab01-bug-closes-at-eof"),
        &["talk_half_closes_at_stdin_eof"],
    );
}
