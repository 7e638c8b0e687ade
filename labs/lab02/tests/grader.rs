//! The grader of lab02: `cargo test -p lab02`.
//!
//! To grade another program (any language) that keeps lab02's contract:
//! `LAB02_BIN=/path/to/program cargo test -p lab02`. Messages are in Korean when
//! `LAB_LANG=ko` or the locale is Korean.

mod checks;

fn main() {
    harness::grade(&checks::LAB, env!("CARGO_BIN_EXE_lab02"));
}
