//! Proof that lab05's grader is right: it passes the reference solution, and it catches
//! every classic-bug variant in `bugs/` with the check named for that mistake.

#[path = "../../../labs/lab05/tests/checks.rs"]
mod checks;
#[path = "../../../labs/lab05/tests/site.rs"]
mod site;

use checks::LAB;
use harness::proof::{caught_by, passes_every_check};

#[test]
fn the_reference_passes_every_check() {
    passes_every_check(&LAB, env!("CARGO_BIN_EXE_lab05-solution"));
}

#[test]
fn joining_without_checking_for_dotdot_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab05-bug-naive-join"),
        &["traversal_never_escapes_root"],
    );
}

#[test]
fn decoding_after_the_check_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab05-bug-decode-after-check"),
        &["traversal_never_escapes_root"],
    );
}

#[test]
fn content_length_in_characters_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab05-bug-char-length"),
        &["serves_index_exactly"],
    );
}

#[test]
fn taking_one_read_as_the_request_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab05-bug-read-once"),
        &["serves_a_request_sent_in_pieces"],
    );
}

#[test]
fn serving_one_client_at_a_time_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab05-bug-serial"),
        &[
            "a_slow_client_does_not_delay_others",
            "serves_100_concurrent_clients",
        ],
    );
}

#[test]
fn closing_after_every_response_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab05-bug-no-keep-alive"),
        &["keeps_the_connection_open"],
    );
}

#[test]
fn answering_head_with_a_body_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab05-bug-head-with-body"),
        &["head_sends_headers_only"],
    );
}

#[test]
fn unwrapping_malformed_input_is_caught() {
    caught_by(
        &LAB,
        env!("CARGO_BIN_EXE_lab05-bug-unwrap-parse"),
        &["bad_requests_get_400", "survives_bad_input"],
    );
}
