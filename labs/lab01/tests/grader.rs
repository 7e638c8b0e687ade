//! The grader of lab01: `cargo test -p lab01`.
//!
//! To grade another program (any language) that keeps lab01's contract:
//! `LAB01_BIN=/path/to/program cargo test -p lab01`. Messages are in Korean when
//! `LAB_LANG=ko` or the locale is Korean.

mod checks;

fn main() {
    harness::grade(&checks::LAB, env!("CARGO_BIN_EXE_lab01"));
}
