//! The grading harness shared by every lab.
//!
//! A lab's grader is a table of [`Check`]s and a `main` that calls [`grade`]. Each check is
//! black-box: it starts the program under test ([`Ctx::start_server`], [`Ctx::run`]), talks
//! to it over loopback ([`Client`]), and returns `Ok(())` or a [`Failure`] that says what was
//! sent, what was expected and what came back. The harness does the rest: time limits,
//! killing every program a check started, running checks in parallel, and reporting in the
//! learner's language with the book section to read.
//!
//! The harness depends on no async runtime, so a grader builds in seconds; tokio belongs to
//! the labs that teach it.

pub mod book;
pub mod client;
pub mod ctx;
pub mod diagnose;
pub mod failure;
pub mod http;
pub mod lang;
pub mod memory;
pub mod process;
pub mod proof;
pub mod report;
pub mod runner;
pub mod saved;
pub mod tcp_peer;
pub mod text;
pub mod udp;

pub use client::{Client, Ending};
pub use ctx::{Ctx, Finished, Server};
pub use failure::{Diagnosis, Failure, Outcome, Step, Verdict};
pub use lang::{Lang, Particle, josa, with_josa};
pub use process::Limits;
pub use runner::{
    Check, CheckResult, Lab, Stage, Text, grade, render_failure, run_check, run_checks,
};
pub use text::show;

/// Shorthand for durations in check tables and limits.
pub const fn secs(n: u64) -> std::time::Duration {
    std::time::Duration::from_secs(n)
}

/// Shorthand for short waits.
pub const fn millis(n: u64) -> std::time::Duration {
    std::time::Duration::from_millis(n)
}

/// Reproducible bytes that look random: every byte value occurs, and a shifted or repeated
/// chunk shows up as a difference. The same `seed` gives the same bytes on every run.
pub fn pattern(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            // xorshift64: tiny, fast, and good enough to make every byte count.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}
