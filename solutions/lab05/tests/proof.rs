//! Proof that lab05's grader is right: it passes the reference solution and a correct
//! server written in another style, and it catches every classic-bug variant in `bugs/`
//! with the check named for that mistake.

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
fn a_tokio_server_passes_every_check() {
    passes_every_check(&LAB, env!("CARGO_BIN_EXE_lab05-variant-tokio"));
}

/// One test per bug: the program, and the checks that must fail on it.
macro_rules! caught {
    ($($test:ident: $bin:literal by [$($check:literal),+ $(,)?];)+) => {
        $(
            #[test]
            fn $test() {
                caught_by(&LAB, env!(concat!("CARGO_BIN_EXE_lab05-bug-", $bin)), &[$($check),+]);
            }
        )+
    };
}

caught! {
    joining_without_checking_for_dotdot_is_caught:
        "naive-join" by ["traversal_never_escapes_root"];
    decoding_after_the_check_is_caught:
        "decode-after-check" by ["traversal_never_escapes_root"];
    decoding_twice_is_caught:
        "double-decode" by ["traversal_never_escapes_root"];
    content_length_in_characters_is_caught:
        "char-length" by ["serves_index_exactly"];
    answering_head_with_a_body_is_caught:
        "head-with-body" by ["head_sends_headers_only"];
    answering_head_of_an_error_with_a_body_is_caught:
        "head-error-with-body" by ["head_sends_headers_only"];
    taking_one_read_as_the_request_is_caught:
        "read-once" by ["serves_a_request_sent_in_pieces"];
    a_head_limit_off_by_one_is_caught:
        "head-limit-off-by-one" by ["head_limit_is_exact"];
    a_head_limit_on_the_whole_buffer_is_caught:
        "head-limit-on-buffer" by ["head_limit_is_exact"];
    serving_one_client_at_a_time_is_caught:
        "serial" by [
            "a_slow_client_does_not_delay_others",
            "serves_100_concurrent_clients",
            "large_and_small_transfers_at_once",
        ];
    a_fixed_pool_of_threads_is_caught:
        "fixed-pool" by ["serves_100_concurrent_clients"];
    listening_on_ipv4_only_is_caught:
        "ipv4-only" by ["serves_over_ipv6"];
    leaking_connections_is_caught:
        "leaks-connections" by ["serves_200_connections_under_64_open_files"];
    closing_after_every_response_is_caught:
        "no-keep-alive" by ["keeps_the_connection_open"];
    matching_close_case_sensitively_is_caught:
        "close-case-sensitive" by ["connection_close_closes"];
    matching_the_whole_connection_value_is_caught:
        "close-whole-value" by ["connection_close_closes"];
    deciding_keep_alive_once_per_connection_is_caught:
        "keep-alive-decided-once" by ["connection_close_closes"];
    keeping_a_connection_with_an_unread_body_is_caught:
        "body-kept-alive" by ["request_body_is_never_a_request"];
    matching_content_length_case_sensitively_is_caught:
        "content-length-case-sensitive" by ["request_body_is_never_a_request"];
    believing_the_first_content_length_is_caught:
        "first-content-length" by ["conflicting_framing_gets_400"];
    unwrapping_malformed_input_is_caught:
        "unwrap-parse" by ["bad_requests_get_400", "survives_bad_input"];
    no_timeout_between_requests_is_caught:
        "no-idle-timeout" by ["idle_and_trickling_clients_are_closed"];
    ignoring_host_is_caught:
        "ignores-host" by ["host_must_be_present_once_and_valid"];
    refusing_the_absolute_form_is_caught:
        "origin-form-only" by ["absolute_form_targets_are_served"];
    two_writes_without_nodelay_are_caught:
        "two-writes" by ["small_responses_are_not_delayed"];
    a_timeout_per_write_is_caught:
        "write-timeout-per-write" by ["a_slow_reader_is_cut_off"];
}
