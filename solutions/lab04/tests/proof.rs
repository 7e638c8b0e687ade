//! Proof that lab04's grader is right: it passes the reference solution and a correct
//! server of another design, and it catches every classic-bug variant in `bugs/` with the
//! check named for that mistake.

#[path = "../../../labs/lab04/tests/checks.rs"]
mod checks;

use checks::LAB;
use harness::proof::Proof;

#[test]
fn the_grader_passes_every_correct_program_and_catches_every_classic_bug() {
    Proof::new(&LAB)
        .passes(env!("CARGO_BIN_EXE_lab04-solution"))
        .passes(env!("CARGO_BIN_EXE_lab04-variant-threads"))
        .caught(
            "echoing the line to its sender",
            env!("CARGO_BIN_EXE_lab04-bug-echo-to-sender"),
            &["delivers_to_everyone_but_the_sender"],
        )
        .caught(
            "serving one client at a time",
            env!("CARGO_BIN_EXE_lab04-bug-serial"),
            &["announces_joins_and_leaves"],
        )
        .caught(
            "joining in the clients task",
            env!("CARGO_BIN_EXE_lab04-bug-joins-in-the-task"),
            &["announces_joins_in_the_order_clients_connected"],
        )
        .caught(
            "treating each read as a line",
            env!("CARGO_BIN_EXE_lab04-bug-read-is-a-line"),
            &[
                "delivers_a_line_sent_in_pieces_once",
                "delivers_several_lines_from_one_write",
            ],
        )
        .caught(
            "trimming the line",
            env!("CARGO_BIN_EXE_lab04-bug-trims-the-line"),
            &["relays_each_line_byte_for_byte"],
        )
        .caught(
            "skipping empty lines",
            env!("CARGO_BIN_EXE_lab04-bug-skips-empty-lines"),
            &["relays_each_line_byte_for_byte"],
        )
        .caught(
            "decoding each read on its own",
            env!("CARGO_BIN_EXE_lab04-bug-decodes-each-read"),
            &["keeps_a_character_split_across_two_reads"],
        )
        .caught(
            "failing on invalid utf8",
            env!("CARGO_BIN_EXE_lab04-bug-strict-utf8"),
            &["replaces_invalid_utf8"],
        )
        .caught(
            "reading lines without a limit",
            env!("CARGO_BIN_EXE_lab04-bug-no-line-limit"),
            &["disconnects_only_the_sender_of_a_line_over_8_kib"],
        )
        .caught(
            "counting the newline in the limit",
            env!("CARGO_BIN_EXE_lab04-bug-limit-counts-the-newline"),
            &["enforces_the_line_limit_at_exactly_8192_bytes"],
        )
        .caught(
            "counting the cr in the limit",
            env!("CARGO_BIN_EXE_lab04-bug-limit-counts-the-cr"),
            &["enforces_the_line_limit_at_exactly_8192_bytes"],
        )
        .caught(
            "a limit one byte late",
            env!("CARGO_BIN_EXE_lab04-bug-limit-one-byte-late"),
            &["enforces_the_line_limit_at_exactly_8192_bytes"],
        )
        .caught(
            "forgetting left on a reset",
            env!("CARGO_BIN_EXE_lab04-bug-no-left-on-reset"),
            &["announces_a_reset_client_leaving"],
        )
        .caught(
            "a writer that outlives its client",
            env!("CARGO_BIN_EXE_lab04-bug-writer-outlives-the-client"),
            &[
                "serves_clients_in_turn_under_a_low_fd_limit",
                "announces_joins_and_leaves",
            ],
        )
        .caught(
            "an unbounded queue per client",
            env!("CARGO_BIN_EXE_lab04-bug-unbounded-queue"),
            &["memory_stays_bounded_past_a_client_that_never_reads"],
        )
        .caught(
            "writing to everyone under one lock",
            env!("CARGO_BIN_EXE_lab04-bug-writes-under-a-lock"),
            &["a_client_that_never_reads_slows_no_one"],
        )
        .caught(
            "dropping a slow client without a word",
            env!("CARGO_BIN_EXE_lab04-bug-drops-a-slow-client-silently"),
            &["a_client_that_never_reads_slows_no_one"],
        )
        .caught(
            "a blocking read inside a task",
            env!("CARGO_BIN_EXE_lab04-bug-blocking-read"),
            &["keeps_serving_while_clients_wait_mid_line"],
        )
        .caught(
            "no idle timeout",
            env!("CARGO_BIN_EXE_lab04-bug-no-idle-timeout"),
            &["disconnects_a_silent_member_after_the_idle_timeout"],
        )
        .caught(
            "an idle clock that never restarts",
            env!("CARGO_BIN_EXE_lab04-bug-idle-clock-never-restarts"),
            &["disconnects_a_silent_member_after_the_idle_timeout"],
        )
        .run();
}
