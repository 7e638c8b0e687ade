//! The command line of lab02: `lab02 [--listen ADDR]`.
//!
//! This part is done for you (the starter and the reference solution both use it): it is the
//! part of the contract that is not the lesson. The parsing itself is shared by every lab;
//! bad input becomes an error message, never a panic.

use std::ffi::OsString;

pub use crate::Command;

/// Where the server listens when `--listen` is not given.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:7878";

pub const USAGE: &str = "usage: lab02 [--listen ADDR]   (default 127.0.0.1:7878)";

/// Reads the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    crate::parse_listen(DEFAULT_LISTEN, USAGE, args)
}
