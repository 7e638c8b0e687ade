//! `blocking`: what a blocking call inside a task does to every other task.
//!
//! Usage: `blocking` (no arguments).
//!
//! A ticker task prints every 200 ms. Then the main task calls `std::thread::sleep` for a
//! second, which blocks the thread, and then `tokio::time::sleep` for a second, which does
//! not. The runtime here has one thread, so the first stops the ticker dead; on a runtime
//! with N worker threads, N tasks blocking at once do the same.

use std::time::{Duration, Instant};

// ANCHOR: blocking
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    let at = move || start.elapsed().as_secs_f64();
    tokio::spawn(async move {
        loop {
            println!("{:.1} s  tick", at());
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    });
    tokio::time::sleep(Duration::from_millis(500)).await;

    println!("{:.1} s  std::thread::sleep(1 s): blocks the thread", at());
    std::thread::sleep(Duration::from_secs(1));

    println!(
        "{:.1} s  tokio::time::sleep(1 s): gives the thread back",
        at()
    );
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("{:.1} s  done", at());
}
// ANCHOR_END: blocking
