//! `print-lines`: when does a line printed with `println!` leave the program?
//!
//! Usage: `print-lines`. It prints a line, waits a second, prints half a line with `print!`,
//! waits another second, ends that line, and exits. Run it with its stdout going into a pipe
//! and watch its `write` system calls with `strace`: each shows when the bytes left the
//! program's buffer for the kernel, that is, when whoever reads the pipe can see them.
//!
//! It is the experiment behind chapter 1's advice to flush: what `std::io::Stdout` promises,
//! what it does today, and why a program that talks to another program should not depend on
//! the difference.

use std::thread;
use std::time::Duration;

// ANCHOR: main
fn main() {
    println!("line 1");
    thread::sleep(Duration::from_secs(1));
    print!("line 2 starts, ");
    thread::sleep(Duration::from_secs(1));
    println!("and ends");
}
// ANCHOR_END: main
