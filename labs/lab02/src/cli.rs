//! The command line of lab02: `lab02 [--listen ADDR]`.
//!
//! This part is done for you (and shared with the reference solution): it is the contract's
//! part that is not the lesson. The parsing itself lives in the `lab-cli` crate, which every
//! lab shares; bad input becomes an error message, never a panic.

use std::ffi::OsString;

pub use lab_cli::Command;

/// Where the server listens when `--listen` is not given.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:7878";

pub const USAGE: &str = "usage: lab02 [--listen ADDR]   (default 127.0.0.1:7878)";

/// Reads the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    lab_cli::parse_listen(DEFAULT_LISTEN, USAGE, args)
}
