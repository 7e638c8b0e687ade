//! What the chapter 5 examples share: the accept loop of their servers (with a cap on open
//! connections and a backoff after failed accepts), reading a request head, closing a
//! connection so that the client still reads the last response, percent-decoding, and
//! reading their command lines.
//!
//! Bad input becomes a one-line message and exit code 2, never a panic: the programs read
//! `std::env::args_os`, because `std::env::args` panics on an argument that is not UTF-8.

use std::ffi::OsString;
use std::io::{self, ErrorKind, Read};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: accept
/// How long to wait after a failed accept: the first time, and at most (as in chapter 2).
const FIRST_PAUSE: Duration = Duration::from_millis(10);
const LONGEST_PAUSE: Duration = Duration::from_secs(1);

/// Accepts connections forever, each served by `handle` on a thread of its own, with at
/// most `max_open` connections open at once.
pub fn serve_forever<F>(listener: TcpListener, max_open: usize, handle: F) -> !
where
    F: Fn(TcpStream, SocketAddr) + Clone + Send + 'static,
{
    let limit = Limit::new(max_open);
    let mut pause = FIRST_PAUSE;
    loop {
        // The cap: wait for a free place before taking the next connection. Clients beyond
        // it wait in the kernel's accept queue (chapter 2), and cost us nothing meanwhile.
        let permit = limit.acquire();
        let (stream, peer) = match listener.accept() {
            Ok(accepted) => accepted,
            Err(e) => {
                // A failed accept is about one connection, or a shortage that passes (out
                // of file descriptors): back off, twice as long after each failure in a row.
                eprintln!("accept failed: {e}; next try in {pause:?}");
                thread::sleep(pause);
                pause = (pause * 2).min(LONGEST_PAUSE);
                continue;
            }
        };
        pause = FIRST_PAUSE;
        let handle = handle.clone();
        // The permit moves into the thread: the place is free again when the thread ends.
        let spawned = thread::Builder::new().spawn(move || {
            handle(stream, peer);
            drop(permit);
        });
        if let Err(e) = spawned {
            // The closure never ran; dropping it closed the stream and gave back the place.
            eprintln!("no thread for {peer}: {e}");
        }
    }
}
// ANCHOR_END: accept

// ANCHOR: limit
/// A cap on how many connections are open at once: a count, and a condition variable to
/// wait on while the count is at the cap.
pub struct Limit {
    max: usize,
    open: Mutex<usize>,
    freed: Condvar,
}

/// One open connection's place under a [`Limit`]; dropping it frees the place.
pub struct Permit(Arc<Limit>);

impl Limit {
    pub fn new(max: usize) -> Arc<Limit> {
        Arc::new(Limit {
            max,
            open: Mutex::new(0),
            freed: Condvar::new(),
        })
    }

    /// Waits until fewer than `max` connections are open, then takes a place.
    pub fn acquire(self: &Arc<Self>) -> Permit {
        // A thread that panicked while holding the lock left a count that is still right.
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        while *open >= self.max {
            open = self
                .freed
                .wait(open)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *open += 1;
        Permit(Arc::clone(self))
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        let limit = &self.0;
        *limit.open.lock().unwrap_or_else(PoisonError::into_inner) -= 1;
        limit.freed.notify_one();
    }
}
// ANCHOR_END: limit

/// The largest request head the example servers read.
pub const MAX_HEAD: usize = 8 * 1024;

/// How reading a request head ended without a head.
#[derive(Debug)]
pub enum NoHead {
    /// The client closed the connection (or never sent a byte).
    Closed,
    /// The head grew past [`MAX_HEAD`] bytes without ending.
    TooLarge,
    /// A read failed; a read timeout is one way.
    Failed(io::Error),
}

// ANCHOR: read_head
/// Reads the next request head from `stream` into `buf`, and returns it; the bytes after it
/// stay in `buf`. A head ends with an empty line. One read() returns whatever has arrived,
/// maybe less than a line, maybe more than a head, so read until the buffer holds
/// "\r\n\r\n".
pub fn read_head(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Result<Vec<u8>, NoHead> {
    let mut chunk = [0u8; 1024];
    loop {
        if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            return Ok(buf.drain(..at + 4).collect());
        }
        if buf.len() > MAX_HEAD {
            return Err(NoHead::TooLarge); // not a request we will read to the end
        }
        match stream.read(&mut chunk) {
            Ok(0) => return Err(NoHead::Closed), // the client left before finishing
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(NoHead::Failed(e)),
        }
    }
}
// ANCHOR_END: read_head

// ANCHOR: linger
/// How long a closing connection goes on reading what the client still sends.
const LINGER: Duration = Duration::from_secs(1);

/// Closes a connection so that the client can read our last response. Closing a socket
/// whose received bytes were not all read makes the kernel send a reset (RST) instead of a
/// FIN, and a client still busy sending gets an error instead of our answer. So: send FIN
/// after the response (shutdown the writing side), then read and throw away whatever still
/// comes, until the client closes too or LINGER passes, and only then close.
pub fn close_gently(mut stream: TcpStream) {
    if stream.shutdown(Shutdown::Write).is_err() {
        return; // the connection is gone already
    }
    let deadline = Instant::now() + LINGER;
    let mut sink = [0u8; 16 * 1024];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => return, // the client closed too, or time is up
            Ok(_) => {}
        }
    }
}
// ANCHOR_END: linger

// ANCHOR: percent_decode
/// Decodes `%XX` escapes into bytes: `a%20b` is `a b`, `%ED%95%9C` is the UTF-8 of `한`.
/// `None` for a broken escape (`%zz`, or `%4` at the end). `+` stays `+`: it means a
/// space only in HTML form data, not in a path.
pub fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let high = (hex[0] as char).to_digit(16)?;
            let low = (hex[1] as char).to_digit(16)?;
            out.push((high * 16 + low) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}
// ANCHOR_END: percent_decode

/// The arguments as UTF-8 strings, or the message that says which one is not.
pub fn utf8_args(args: impl IntoIterator<Item = OsString>) -> Result<Vec<String>, String> {
    args.into_iter()
        .map(|a| {
            a.into_string()
                .map_err(|bad| format!("argument {bad:?} is not valid UTF-8"))
        })
        .collect()
}

/// Turns `IP:PORT` (or `localhost:PORT`) into an address.
pub fn resolve(text: &str) -> Result<SocketAddr, String> {
    lab_support::resolve(text, 8080)
}

/// A whole number from `min` to `max`, or the message that says why `text` is not one.
pub fn number(flag: &str, text: &str, min: u64, max: u64) -> Result<u64, String> {
    match text.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(format!(
            "{flag} '{text}' is not a whole number from {min} to {max}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes() {
        assert_eq!(percent_decode("a%20b").unwrap(), b"a b");
        assert_eq!(percent_decode("%ED%95%9C").unwrap(), "한".as_bytes());
        assert_eq!(percent_decode("%2e%2E").unwrap(), b"..");
        assert_eq!(percent_decode("a+b").unwrap(), b"a+b");
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%4"), None);
    }

    #[test]
    fn a_limit_waits_for_a_free_place() {
        use std::sync::atomic::{AtomicBool, Ordering};
        let limit = Limit::new(1);
        let first = limit.acquire();
        let released = Arc::new(AtomicBool::new(false));
        let waiter = {
            let (limit, released) = (Arc::clone(&limit), Arc::clone(&released));
            // It can only get its place once the first one is given back.
            thread::spawn(move || {
                let _second = limit.acquire();
                released.load(Ordering::SeqCst)
            })
        };
        thread::sleep(Duration::from_millis(50));
        released.store(true, Ordering::SeqCst);
        drop(first);
        assert!(waiter.join().unwrap());
        assert_eq!(*limit.open.lock().unwrap(), 0);
    }

    #[test]
    fn numbers_have_bounds() {
        assert_eq!(number("--max", "3", 1, 9), Ok(3));
        assert!(
            number("--max", "0", 1, 9)
                .unwrap_err()
                .contains("from 1 to 9")
        );
        assert!(number("--max", "x", 1, 9).is_err());
    }
}
