//! Proof that lab01's grader is right: it passes the reference solution and a correct
//! variant written in another style, and it catches every classic-bug variant in `bugs/`
//! with the check named for that mistake.
//!
//! A check that cannot measure on this machine (no IPv6 loopback, no permission to listen on
//! port 80) proves nothing here, either way: `harness::proof` reports it and skips its proof.

#[path = "../../../labs/lab01/tests/checks.rs"]
mod checks;

use checks::LAB;

fn passes_every_check(program: &str) {
    harness::proof::passes_every_check(&LAB, program);
}

fn caught_by(program: &str, ids: &[&str]) {
    harness::proof::caught_by(&LAB, program, ids);
}

#[test]
fn the_reference_passes_every_check() {
    passes_every_check(env!("CARGO_BIN_EXE_lab01-solution"));
}

#[test]
fn an_async_variant_passes_every_check() {
    passes_every_check(env!("CARGO_BIN_EXE_lab01-variant-tokio"));
}

#[test]
fn lf_line_endings_are_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-lf-line-endings"),
        &["get_frames_the_request_with_crlf"],
    );
}

#[test]
fn a_missing_host_header_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-no-host-header"),
        &["get_sends_the_host_header"],
    );
}

#[test]
fn a_host_header_from_the_resolved_address_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-host-from-resolved-address"),
        &["get_sends_the_host_as_written"],
    );
}

#[test]
fn a_default_port_written_into_host_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-host-with-default-port"),
        &["get_uses_port_80_by_default"],
    );
}

#[test]
fn an_ipv6_url_refused_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-ipv4-only-url"),
        &["get_connects_over_ipv6"],
    );
}

#[test]
fn a_default_port_other_than_80_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-default-port-8080"),
        &["get_uses_port_80_by_default"],
    );
}

#[test]
fn sending_the_fragment_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-sends-the-fragment"),
        &["get_sends_the_request_line"],
    );
}

#[test]
fn header_names_matched_case_sensitively_are_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-case-sensitive-header-names"),
        &["get_reads_content_length_in_any_spelling"],
    );
}

#[test]
fn header_values_without_their_whitespace_trimmed_are_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-exact-header-spacing"),
        &["get_reads_content_length_in_any_spelling"],
    );
}

#[test]
fn the_first_of_two_content_lengths_winning_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-first-content-length-wins"),
        &["get_reports_a_malformed_response"],
    );
}

#[test]
fn ignoring_transfer_encoding_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-ignores-transfer-encoding"),
        &["get_handles_a_chunked_response"],
    );
}

#[test]
fn refusing_an_empty_reason_phrase_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-requires-reason-phrase"),
        &["get_accepts_any_reason_phrase"],
    );
}

#[test]
fn a_fixed_8_kib_head_buffer_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-fixed-head-buffer"),
        &["get_reads_a_64_kib_head"],
    );
}

#[test]
fn exit_0_for_a_redirect_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-exit-0-below-400"),
        &["get_exits_1_on_any_other_status"],
    );
}

#[test]
fn taking_one_read_as_the_whole_response_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-one-read"),
        &["get_prints_the_body_byte_for_byte"],
    );
}

#[test]
fn printing_the_body_as_lossy_text_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-lossy-utf8"),
        &["get_prints_the_body_byte_for_byte"],
    );
}

#[test]
fn ignoring_content_length_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-ignores-content-length"),
        &["get_stops_at_content_length"],
    );
}

#[test]
fn content_length_0_taken_for_no_length_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-content-length-0-as-none"),
        &["get_stops_at_content_length_0"],
    );
}

#[test]
fn a_short_body_exiting_0_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-short-body-exits-0"),
        &["get_fails_on_a_body_cut_short"],
    );
}

#[test]
fn a_read_error_taken_for_eof_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-read-error-as-eof"),
        &["get_fails_on_a_body_cut_short"],
    );
}

#[test]
fn bytes_past_the_length_in_the_first_read_are_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-start-not-cut-at-length"),
        &["get_stops_at_content_length"],
    );
}

#[test]
fn the_status_line_on_stdout_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-status-line-on-stdout"),
        &[
            "get_reports_the_status_line",
            "get_prints_the_body_byte_for_byte",
        ],
    );
}

#[test]
fn stdout_buffered_until_exit_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-buffered-stdout"),
        &["talk_prints_each_pushed_line_as_it_arrives"],
    );
}

#[test]
fn waiting_for_stdin_before_reading_the_server_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-stdin-first"),
        &["talk_prints_a_line_pushed_first"],
    );
}

#[test]
fn closing_the_whole_socket_at_stdin_eof_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-closes-at-eof"),
        &["talk_half_closes_at_stdin_eof"],
    );
}

#[test]
fn printing_each_read_as_a_line_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-prints-each-read"),
        &["talk_prints_lines_that_arrive_in_pieces"],
    );
}

#[test]
fn dropping_the_unterminated_last_line_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-drops-unterminated-last-line"),
        &["talk_prints_lines_that_arrive_in_pieces"],
    );
}

#[test]
fn waiting_for_stdin_after_the_server_closed_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-waits-for-stdin"),
        &["talk_exits_when_the_server_closes"],
    );
}

#[test]
fn talk_requiring_an_ip_address_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-talk-needs-an-ip"),
        &["talk_connects_by_host_name"],
    );
}

#[test]
fn talk_keeping_only_ipv4_addresses_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-talk-ipv4-only"),
        &["talk_connects_over_ipv6"],
    );
}

#[test]
fn talk_taking_a_reset_for_a_close_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-talk-reset-as-close"),
        &["talk_reports_a_reset"],
    );
}

#[test]
fn taking_the_first_read_for_the_whole_head_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-head-in-one-read"),
        &["get_prints_the_body_byte_for_byte"],
    );
}

#[test]
fn taking_an_interim_response_for_the_final_one_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-interim-as-final"),
        &["get_skips_interim_responses"],
    );
}

#[test]
fn a_body_read_after_a_204_or_304_is_caught() {
    caught_by(
        env!("CARGO_BIN_EXE_lab01-bug-body-for-every-status"),
        &["get_reads_no_body_after_204_or_304"],
    );
}
