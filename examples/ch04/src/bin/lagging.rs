//! `lagging`: what a broadcast channel does with a receiver that falls behind.
//!
//! Usage: `lagging` (no arguments).
//!
//! A channel with room for 4 messages gets 10 while its one receiver reads none. The channel
//! does not grow and does not make the sender wait: it keeps the newest 4, and the
//! receiver's next `recv` says how many it missed. This is the bound that keeps a chat
//! server's memory in check when a client stops reading.

use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: lagging
    let (sender, mut receiver) = broadcast::channel::<u32>(4);
    for n in 1..=10 {
        // send never waits: it puts the message in the ring, over the oldest if full.
        sender.send(n).expect("the receiver is alive");
    }
    println!("sent 1 to 10 into a channel of capacity 4");
    drop(sender); // no more messages: recv returns Closed once the ring is empty
    loop {
        match receiver.recv().await {
            Ok(n) => println!("received {n}"),
            Err(RecvError::Lagged(missed)) => println!("lagged: the {missed} oldest were dropped"),
            Err(RecvError::Closed) => break,
        }
    }
    // ANCHOR_END: lagging
}
