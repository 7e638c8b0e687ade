//! `backpressure`: a bounded queue makes a fast producer wait for a slow consumer. That is
//! right when there is one consumer, and wrong when one producer feeds many.
//!
//! Usage: `backpressure` (no arguments).
//!
//! Three short runs, each with queues of 2 messages (`tokio::sync::mpsc`):
//!
//! 1. one producer, one consumer that takes 100 ms per message: `send().await` waits for
//!    room, so the producer goes at the consumer's pace and the queue never grows. That is
//!    backpressure, and it is what you want between the parts of one pipeline;
//! 2. one producer, two consumers, one of which never reads: `send().await` to each in turn
//!    waits on the stuck one's full queue, and the consumer that does read gets nothing more;
//! 3. the same two consumers with `try_send`, which never waits: the reader gets everything,
//!    and the stuck one's messages are dropped (a chat server could disconnect it instead).

use std::time::Duration;

use tokio::sync::mpsc::{self, error::TrySendError};
use tokio::time::{Instant, sleep, timeout};

const QUEUE: usize = 2;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    let at = move || format!("{:.1} s", start.elapsed().as_secs_f64());

    println!("1. one consumer that takes 100 ms a message; send().await");
    // ANCHOR: one-consumer
    let (tx, mut rx) = mpsc::channel::<u32>(QUEUE);
    let consumer = tokio::spawn(async move {
        while let Some(n) = rx.recv().await {
            sleep(Duration::from_millis(100)).await; // the work
            println!("{}  consumer done with {n}", at());
        }
    });
    for n in 1..=5 {
        // Waits while the queue is full: the producer slows down to the consumer's pace.
        tx.send(n).await.expect("the consumer is alive");
        println!("{}  producer sent {n}", at());
    }
    // ANCHOR_END: one-consumer
    drop(tx);
    consumer.await.expect("the consumer ran");

    let start = Instant::now();
    let at = move || format!("{:.1} s", start.elapsed().as_secs_f64());
    println!("2. two consumers, one never reads; send().await to each");
    // ANCHOR: fan-out-waits
    let (fast, mut fast_rx) = mpsc::channel::<u32>(QUEUE);
    let (stuck, _stuck_rx) = mpsc::channel::<u32>(QUEUE); // nobody ever reads this one
    let reader = tokio::spawn(async move {
        while let Some(n) = fast_rx.recv().await {
            println!("{}  fast consumer got {n}", at());
        }
    });
    'publish: for n in 1..=5 {
        for (name, queue) in [("fast", &fast), ("stuck", &stuck)] {
            // One full queue stops this loop, and with it every other consumer.
            if timeout(Duration::from_secs(1), queue.send(n))
                .await
                .is_err()
            {
                println!(
                    "{}  producer waited 1 s to give {n} to {name}: giving up",
                    at()
                );
                break 'publish;
            }
        }
    }
    // ANCHOR_END: fan-out-waits
    drop(fast);
    reader.await.expect("the reader ran");

    let start = Instant::now();
    let at = move || format!("{:.1} s", start.elapsed().as_secs_f64());
    println!("3. the same two consumers; try_send, which never waits");
    // ANCHOR: fan-out-drops
    let (fast, mut fast_rx) = mpsc::channel::<u32>(QUEUE);
    let (stuck, _stuck_rx) = mpsc::channel::<u32>(QUEUE);
    let reader = tokio::spawn(async move {
        while let Some(n) = fast_rx.recv().await {
            println!("{}  fast consumer got {n}", at());
        }
    });
    for n in 1..=5 {
        for (name, queue) in [("fast", &fast), ("stuck", &stuck)] {
            match queue.try_send(n) {
                Ok(()) => {}
                // The policy for a consumer that falls behind: here, it loses this message.
                Err(TrySendError::Full(_)) => println!("{}  {name} is full: dropped {n}", at()),
                Err(TrySendError::Closed(_)) => {}
            }
        }
        // Let the fast consumer run, as a real producer would between messages.
        tokio::task::yield_now().await;
    }
    // ANCHOR_END: fan-out-drops
    drop(fast);
    reader.await.expect("the reader ran");
}
