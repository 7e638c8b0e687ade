//! Proof that lab01's grader is right: it passes the reference solution and a correct
//! variant written in another style, and it catches every classic-bug variant in `bugs/`
//! with the check named for that mistake.
//!
//! A check that cannot measure on this machine (no IPv6 loopback, no permission to listen on
//! port 80) proves nothing here, either way: `harness::proof` reports it and skips its proof.

#[path = "../../../labs/lab01/tests/checks.rs"]
mod checks;

use checks::LAB;
use harness::proof::Proof;

#[test]
fn the_grader_passes_every_correct_program_and_catches_every_classic_bug() {
    Proof::new(&LAB)
        .passes(env!("CARGO_BIN_EXE_lab01-solution"))
        .passes(env!("CARGO_BIN_EXE_lab01-variant-tokio"))
        .caught(
            "lf line endings are caught",
            env!("CARGO_BIN_EXE_lab01-bug-lf-line-endings"),
            &["get_frames_the_request_with_crlf"],
        )
        .caught(
            "a missing host header",
            env!("CARGO_BIN_EXE_lab01-bug-no-host-header"),
            &["get_sends_the_host_header"],
        )
        .caught(
            "a host header from the resolved address",
            env!("CARGO_BIN_EXE_lab01-bug-host-from-resolved-address"),
            &["get_sends_the_host_as_written"],
        )
        .caught(
            "a default port written into host",
            env!("CARGO_BIN_EXE_lab01-bug-host-with-default-port"),
            &["get_uses_port_80_by_default"],
        )
        .caught(
            "an ipv6 url refused",
            env!("CARGO_BIN_EXE_lab01-bug-ipv4-only-url"),
            &["get_connects_over_ipv6"],
        )
        .caught(
            "a default port other than 80",
            env!("CARGO_BIN_EXE_lab01-bug-default-port-8080"),
            &["get_uses_port_80_by_default"],
        )
        .caught(
            "sending the fragment",
            env!("CARGO_BIN_EXE_lab01-bug-sends-the-fragment"),
            &["get_sends_the_request_line"],
        )
        .caught(
            "header names matched case sensitively are caught",
            env!("CARGO_BIN_EXE_lab01-bug-case-sensitive-header-names"),
            &["get_reads_content_length_in_any_spelling"],
        )
        .caught(
            "header values without their whitespace trimmed are caught",
            env!("CARGO_BIN_EXE_lab01-bug-exact-header-spacing"),
            &["get_reads_content_length_in_any_spelling"],
        )
        .caught(
            "the first of two content lengths winning",
            env!("CARGO_BIN_EXE_lab01-bug-first-content-length-wins"),
            &["get_reports_a_malformed_response"],
        )
        .caught(
            "ignoring transfer encoding",
            env!("CARGO_BIN_EXE_lab01-bug-ignores-transfer-encoding"),
            &["get_handles_a_chunked_response"],
        )
        .caught(
            "refusing an empty reason phrase",
            env!("CARGO_BIN_EXE_lab01-bug-requires-reason-phrase"),
            &["get_accepts_any_reason_phrase"],
        )
        .caught(
            "a fixed 8 kib head buffer",
            env!("CARGO_BIN_EXE_lab01-bug-fixed-head-buffer"),
            &["get_reads_a_64_kib_head"],
        )
        .caught(
            "exit 0 for a redirect",
            env!("CARGO_BIN_EXE_lab01-bug-exit-0-below-400"),
            &["get_exits_1_on_any_other_status"],
        )
        .caught(
            "taking one read as the whole response",
            env!("CARGO_BIN_EXE_lab01-bug-one-read"),
            &["get_prints_the_body_byte_for_byte"],
        )
        .caught(
            "printing the body as lossy text",
            env!("CARGO_BIN_EXE_lab01-bug-lossy-utf8"),
            &["get_prints_the_body_byte_for_byte"],
        )
        .caught(
            "ignoring content length",
            env!("CARGO_BIN_EXE_lab01-bug-ignores-content-length"),
            &["get_stops_at_content_length"],
        )
        .caught(
            "content length 0 taken for no length",
            env!("CARGO_BIN_EXE_lab01-bug-content-length-0-as-none"),
            &["get_stops_at_content_length_0"],
        )
        .caught(
            "a short body exiting 0",
            env!("CARGO_BIN_EXE_lab01-bug-short-body-exits-0"),
            &["get_fails_on_a_body_cut_short"],
        )
        .caught(
            "a read error taken for eof",
            env!("CARGO_BIN_EXE_lab01-bug-read-error-as-eof"),
            &["get_fails_on_a_body_cut_short"],
        )
        .caught(
            "bytes past the length in the first read are caught",
            env!("CARGO_BIN_EXE_lab01-bug-start-not-cut-at-length"),
            &["get_stops_at_content_length"],
        )
        .caught(
            "the status line on stdout",
            env!("CARGO_BIN_EXE_lab01-bug-status-line-on-stdout"),
            &[
                "get_reports_the_status_line",
                "get_prints_the_body_byte_for_byte",
            ],
        )
        .caught(
            "stdout buffered until exit",
            env!("CARGO_BIN_EXE_lab01-bug-buffered-stdout"),
            &["talk_prints_each_pushed_line_as_it_arrives"],
        )
        .caught(
            "waiting for stdin before reading the server",
            env!("CARGO_BIN_EXE_lab01-bug-stdin-first"),
            &["talk_prints_a_line_pushed_first"],
        )
        .caught(
            "closing the whole socket at stdin eof",
            env!("CARGO_BIN_EXE_lab01-bug-closes-at-eof"),
            &["talk_half_closes_at_stdin_eof"],
        )
        .caught(
            "printing each read as a line",
            env!("CARGO_BIN_EXE_lab01-bug-prints-each-read"),
            &["talk_prints_lines_that_arrive_in_pieces"],
        )
        .caught(
            "dropping the unterminated last line",
            env!("CARGO_BIN_EXE_lab01-bug-drops-unterminated-last-line"),
            &["talk_prints_lines_that_arrive_in_pieces"],
        )
        .caught(
            "waiting for stdin after the server closed",
            env!("CARGO_BIN_EXE_lab01-bug-waits-for-stdin"),
            &["talk_exits_when_the_server_closes"],
        )
        .caught(
            "talk requiring an ip address",
            env!("CARGO_BIN_EXE_lab01-bug-talk-needs-an-ip"),
            &["talk_connects_by_host_name"],
        )
        .caught(
            "talk keeping only ipv4 addresses",
            env!("CARGO_BIN_EXE_lab01-bug-talk-ipv4-only"),
            &["talk_connects_over_ipv6"],
        )
        .caught(
            "talk taking a reset for a close",
            env!("CARGO_BIN_EXE_lab01-bug-talk-reset-as-close"),
            &["talk_reports_a_reset"],
        )
        .caught(
            "taking the first read for the whole head",
            env!("CARGO_BIN_EXE_lab01-bug-head-in-one-read"),
            &["get_prints_the_body_byte_for_byte"],
        )
        .caught(
            "taking an interim response for the final one",
            env!("CARGO_BIN_EXE_lab01-bug-interim-as-final"),
            &["get_skips_interim_responses"],
        )
        .caught(
            "a body read after a 204 or 304",
            env!("CARGO_BIN_EXE_lab01-bug-body-for-every-status"),
            &["get_reads_no_body_after_204_or_304"],
        )
        .run();
}
