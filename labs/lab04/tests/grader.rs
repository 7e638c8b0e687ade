//! The grader of lab04: `cargo test -p lab04`.
//!
//! To grade another program (any language) that keeps lab04's contract:
//! `LAB04_BIN=/path/to/program cargo test -p lab04`. Messages are in Korean when
//! `LAB_LANG=ko` or the locale is Korean.

mod checks;

fn main() {
    harness::grade(&checks::LAB, env!("CARGO_BIN_EXE_lab04"));
}
