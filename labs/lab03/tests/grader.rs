//! The grader of lab03: `cargo test -p lab03`.
//!
//! To grade another program (any language) that keeps lab03's contract:
//! `LAB03_BIN=/path/to/program cargo test -p lab03`. Messages are in Korean when
//! `LAB_LANG=ko` or the locale is Korean.

mod checks;

fn main() {
    harness::grade(&checks::LAB, env!("CARGO_BIN_EXE_lab03"));
}
