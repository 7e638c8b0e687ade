//! The grader of lab05: `cargo test -p lab05`.
//!
//! To grade another program (any language) that keeps lab05's contract:
//! `LAB05_BIN=/path/to/program cargo test -p lab05`. Messages are in Korean when
//! `LAB_LANG=ko` or the locale is Korean.

mod checks;
mod site;

fn main() {
    harness::grade(&checks::LAB, env!("CARGO_BIN_EXE_lab05"));
}
