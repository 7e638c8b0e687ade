//! Proof that lab05's grader is right: it passes the reference solution and a correct
//! server written in another style, and it catches every classic-bug variant in `bugs/`
//! with the check named for that mistake.

#[path = "../../../labs/lab05/tests/checks.rs"]
mod checks;
#[path = "../../../labs/lab05/tests/site.rs"]
mod site;

use checks::LAB;
use harness::proof::Proof;

#[test]
fn the_grader_passes_every_correct_program_and_catches_every_classic_bug() {
    Proof::new(&LAB)
        .passes(env!("CARGO_BIN_EXE_lab05-solution"))
        .passes(env!("CARGO_BIN_EXE_lab05-variant-tokio"))
        .caught(
            "joining without checking for dotdot",
            env!("CARGO_BIN_EXE_lab05-bug-naive-join"),
            &["traversal_never_escapes_root"],
        )
        .caught(
            "decoding after the check",
            env!("CARGO_BIN_EXE_lab05-bug-decode-after-check"),
            &["traversal_never_escapes_root"],
        )
        .caught(
            "decoding twice",
            env!("CARGO_BIN_EXE_lab05-bug-double-decode"),
            &["traversal_never_escapes_root"],
        )
        .caught(
            "content length in characters",
            env!("CARGO_BIN_EXE_lab05-bug-char-length"),
            &["serves_index_exactly"],
        )
        .caught(
            "answering head with a body",
            env!("CARGO_BIN_EXE_lab05-bug-head-with-body"),
            &["head_sends_headers_only"],
        )
        .caught(
            "answering head of an error with a body",
            env!("CARGO_BIN_EXE_lab05-bug-head-error-with-body"),
            &["head_sends_headers_only"],
        )
        .caught(
            "taking one read as the request",
            env!("CARGO_BIN_EXE_lab05-bug-read-once"),
            &["serves_a_request_sent_in_pieces"],
        )
        .caught(
            "a head limit off by one",
            env!("CARGO_BIN_EXE_lab05-bug-head-limit-off-by-one"),
            &["head_limit_is_exact"],
        )
        .caught(
            "a head limit on the whole buffer",
            env!("CARGO_BIN_EXE_lab05-bug-head-limit-on-buffer"),
            &["head_limit_is_exact"],
        )
        .caught(
            "serving one client at a time",
            env!("CARGO_BIN_EXE_lab05-bug-serial"),
            &[
                "a_slow_client_does_not_delay_others",
                "serves_100_concurrent_clients",
                "large_and_small_transfers_at_once",
            ],
        )
        .caught(
            "a fixed pool of threads",
            env!("CARGO_BIN_EXE_lab05-bug-fixed-pool"),
            &["serves_100_concurrent_clients"],
        )
        .caught(
            "listening on ipv4 only",
            env!("CARGO_BIN_EXE_lab05-bug-ipv4-only"),
            &["serves_over_ipv6"],
        )
        .caught(
            "leaking connections",
            env!("CARGO_BIN_EXE_lab05-bug-leaks-connections"),
            &["serves_200_connections_under_64_open_files"],
        )
        .caught(
            "closing after every response",
            env!("CARGO_BIN_EXE_lab05-bug-no-keep-alive"),
            &["keeps_the_connection_open"],
        )
        .caught(
            "matching close case sensitively",
            env!("CARGO_BIN_EXE_lab05-bug-close-case-sensitive"),
            &["connection_close_closes"],
        )
        .caught(
            "matching the whole connection value",
            env!("CARGO_BIN_EXE_lab05-bug-close-whole-value"),
            &["connection_close_closes"],
        )
        .caught(
            "deciding keep alive once per connection",
            env!("CARGO_BIN_EXE_lab05-bug-keep-alive-decided-once"),
            &["connection_close_closes"],
        )
        .caught(
            "keeping a connection with an unread body",
            env!("CARGO_BIN_EXE_lab05-bug-body-kept-alive"),
            &["request_body_is_never_a_request"],
        )
        .caught(
            "matching content length case sensitively",
            env!("CARGO_BIN_EXE_lab05-bug-content-length-case-sensitive"),
            &["request_body_is_never_a_request"],
        )
        .caught(
            "believing the first content length",
            env!("CARGO_BIN_EXE_lab05-bug-first-content-length"),
            &["conflicting_framing_gets_400"],
        )
        .caught(
            "unwrapping malformed input",
            env!("CARGO_BIN_EXE_lab05-bug-unwrap-parse"),
            &["bad_requests_get_400", "survives_bad_input"],
        )
        .caught(
            "no timeout between requests",
            env!("CARGO_BIN_EXE_lab05-bug-no-idle-timeout"),
            &["idle_and_trickling_clients_are_closed"],
        )
        .caught(
            "ignoring host",
            env!("CARGO_BIN_EXE_lab05-bug-ignores-host"),
            &["host_must_be_present_once_and_valid"],
        )
        .caught(
            "refusing the absolute form",
            env!("CARGO_BIN_EXE_lab05-bug-origin-form-only"),
            &["absolute_form_targets_are_served"],
        )
        .caught(
            "two writes without nodelay",
            env!("CARGO_BIN_EXE_lab05-bug-two-writes"),
            &["small_responses_are_not_delayed"],
        )
        .caught(
            "a timeout per write",
            env!("CARGO_BIN_EXE_lab05-bug-write-timeout-per-write"),
            &["a_slow_reader_is_cut_off"],
        )
        .run();
}
