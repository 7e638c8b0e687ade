//! A test client that talks to the program over loopback.
//!
//! Every read and write has a deadline, and every failure says what this connection has
//! sent since the last answer, what the check expected back, and what came back, including
//! how the exchange ended: silence, EOF or a reset. Those three endings mean very different
//! bugs, so they are never lumped together as "timeout".

use std::io::{self, ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use crate::Lang;
use crate::failure::Failure;
use crate::text::{describe_difference, show};

/// How long connecting may take on loopback before the program counts as not accepting.
const CONNECT_LIMIT: Duration = Duration::from_secs(5);
/// How long one write may block: a program that stops reading shows up here.
const WRITE_LIMIT: Duration = Duration::from_secs(5);
/// How long a bulk transfer may make no progress at all before it counts as stalled.
const STALL_LIMIT: Duration = Duration::from_secs(5);

/// How a read ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ending {
    /// As many bytes as were asked for arrived.
    Complete,
    /// The peer closed its sending side: `read` returned 0.
    Eof,
    /// Nothing more came before the deadline; the connection is still open.
    Silence(Duration),
    /// The connection failed (reset, most often).
    Error(String),
}

impl Ending {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Ending::Complete => lang.pick("", "").to_string(),
            Ending::Eof => lang
                .pick(
                    "then the program closed the connection (EOF)",
                    "그다음 프로그램이 연결을 닫았습니다(EOF)",
                )
                .to_string(),
            Ending::Silence(limit) => lang.pick(
                format!(
                    "then nothing for {:.1} s; the connection is still open",
                    limit.as_secs_f64()
                ),
                format!(
                    "그다음 {:.1}초 동안 아무것도 오지 않았고, 연결은 열려 있습니다",
                    limit.as_secs_f64()
                ),
            ),
            Ending::Error(e) => lang.pick(
                format!("then the connection failed: {e}"),
                format!("그다음 연결이 실패했습니다: {e}"),
            ),
        }
    }
}

/// One connection to the program under test.
pub struct Client {
    lang: Lang,
    stream: TcpStream,
    /// What was sent since the last successful `expect`, for failure reports.
    unanswered: Vec<u8>,
    /// Bytes received but not handed out yet (a read can bring more than one line).
    pending: Pending,
}

/// Bytes received and not handed out yet. Lines are handed out from the front by moving an
/// offset, not by copying the rest: a read that brings hundreds of short lines (the joins of
/// a crowd) would otherwise be copied once per line.
#[derive(Default)]
struct Pending {
    bytes: Vec<u8>,
    /// Where the bytes not handed out yet start.
    start: usize,
    /// How far from `start` a `\n` has been looked for already.
    searched: usize,
}

impl Pending {
    fn as_slice(&self) -> &[u8] {
        &self.bytes[self.start..]
    }

    fn len(&self) -> usize {
        self.bytes.len() - self.start
    }

    fn extend(&mut self, data: &[u8]) {
        // Drop what was handed out before growing, so the buffer stays the size of what is
        // really pending.
        if self.start > 0 && self.start >= self.bytes.len() / 2 {
            self.bytes.drain(..self.start);
            self.start = 0;
        }
        self.bytes.extend_from_slice(data);
    }

    /// Hands out the first `n` pending bytes.
    fn take(&mut self, n: usize) -> Vec<u8> {
        let taken = self.bytes[self.start..self.start + n].to_vec();
        self.start += n;
        self.searched = 0;
        if self.start == self.bytes.len() {
            self.bytes.clear();
            self.start = 0;
        }
        taken
    }

    fn take_all(&mut self) -> Vec<u8> {
        self.take(self.len())
    }

    /// Hands out the first line, `\n` included, if a whole one is pending.
    fn take_line(&mut self) -> Option<Vec<u8>> {
        let from = self.start + self.searched;
        match self.bytes[from..].iter().position(|&b| b == b'\n') {
            Some(at) => Some(self.take(self.searched + at + 1)),
            None => {
                self.searched = self.len();
                None
            }
        }
    }
}

impl Client {
    /// Connects to `addr`, failing with an explanation if the program does not accept.
    pub fn connect(lang: Lang, addr: SocketAddr) -> Result<Client, Failure> {
        Client::connect_within(lang, addr, CONNECT_LIMIT)
    }

    /// [`Client::connect`] with a time limit of its own. A check that connects while the
    /// program cannot accept (it holds the program still) uses a short one: the kernel
    /// completes connections for a listening socket only until its backlog is full, and the
    /// program chose the backlog.
    pub fn connect_within(
        lang: Lang,
        addr: SocketAddr,
        limit: Duration,
    ) -> Result<Client, Failure> {
        let stream = TcpStream::connect_timeout(&addr, limit).map_err(|e| {
            Failure::new(lang.pick(
                format!("could not connect to {addr}: {e}"),
                format!("{addr}에 연결하지 못했습니다: {e}"),
            ))
            .cause(lang.pick(
                "The program announced this address but does not accept connections on it. Did it call listen(), and is it still running?",
                "프로그램이 이 주소를 알렸지만 연결을 받지 않습니다. listen()을 호출했는지, 아직 실행 중인지 확인하세요.",
            ))
        })?;
        stream.set_nodelay(true).ok();
        stream.set_write_timeout(Some(WRITE_LIMIT)).ok();
        Ok(Client {
            lang,
            stream,
            unanswered: Vec::new(),
            pending: Pending::default(),
        })
    }

    /// Connects to `addr` with a receive buffer of about `bytes` (the kernel may round it up),
    /// set before connecting so that the window it offers the program is small from the
    /// start. A client like this that stops reading holds back the program's writes to it
    /// after a few KiB: whatever else the program means to send it has to stay in the
    /// program.
    pub fn connect_with_receive_buffer(
        lang: Lang,
        addr: SocketAddr,
        bytes: usize,
    ) -> Result<Client, Failure> {
        use socket2::{Domain, Socket, Type};
        let connected =
            Socket::new(Domain::for_address(addr), Type::STREAM, None).and_then(|socket| {
                socket.set_recv_buffer_size(bytes)?;
                socket.connect_timeout(&addr.into(), CONNECT_LIMIT)?;
                Ok(TcpStream::from(socket))
            });
        let stream = connected.map_err(|e| {
            Failure::new(lang.pick(
                format!("could not connect to {addr}: {e}"),
                format!("{addr}에 연결하지 못했습니다: {e}"),
            ))
        })?;
        stream.set_nodelay(true).ok();
        stream.set_write_timeout(Some(WRITE_LIMIT)).ok();
        Ok(Client {
            lang,
            stream,
            unanswered: Vec::new(),
            pending: Pending::default(),
        })
    }

    /// The local address of this connection: the client's address as the program sees it.
    pub fn local_addr(&self) -> SocketAddr {
        self.stream
            .local_addr()
            .expect("a connected socket has a local address")
    }

    /// The socket itself, for checks that need to split reading and writing across threads.
    pub fn stream(&self) -> &TcpStream {
        &self.stream
    }

    /// Writes all of `data`.
    pub fn send(&mut self, data: &[u8]) -> Result<(), Failure> {
        self.unanswered.extend_from_slice(data);
        write_all_or_explain(self.lang, &mut self.stream, data)
    }

    /// The connection itself, for helpers that speak a protocol over it (see `http`).
    pub fn into_stream(self) -> TcpStream {
        self.stream
    }

    /// Reads until `want` bytes have arrived, the peer closes, or `limit` passes.
    pub fn read_up_to(&mut self, want: usize, limit: Duration) -> (Vec<u8>, Ending) {
        let deadline = Instant::now() + limit;
        let mut got = self.pending.take(want.min(self.pending.len()));
        let mut buf = vec![0u8; 64 * 1024];
        while got.len() < want {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return (got, Ending::Silence(limit));
            }
            self.stream.set_read_timeout(Some(left)).ok();
            match self.stream.read(&mut buf) {
                Ok(0) => return (got, Ending::Eof),
                Ok(n) => got.extend_from_slice(&buf[..n]),
                Err(e) if is_timeout(&e) => return (got, Ending::Silence(limit)),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return (got, Ending::Error(e.to_string())),
            }
        }
        (got, Ending::Complete)
    }

    /// Reads one line (up to and including `\n`). `None` with the ending when the line did
    /// not complete: what arrived of it stays unread.
    pub fn read_line(&mut self, limit: Duration) -> (Option<Vec<u8>>, Ending) {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(line) = self.pending.take_line() {
                return (Some(line), Ending::Complete);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return (None, Ending::Silence(limit));
            }
            self.stream.set_read_timeout(Some(left)).ok();
            let mut buf = [0u8; 16 * 1024];
            match self.stream.read(&mut buf) {
                Ok(0) => return (None, Ending::Eof),
                Ok(n) => self.pending.extend(&buf[..n]),
                Err(e) if is_timeout(&e) => return (None, Ending::Silence(limit)),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return (None, Ending::Error(e.to_string())),
            }
        }
    }

    /// Reads one line and checks that it is `expected` (which ends with `\n`).
    pub fn expect_line(&mut self, expected: &[u8], limit: Duration) -> Result<(), Failure> {
        let lang = self.lang;
        let (line, ending) = self.read_line(limit);
        if line.as_deref() == Some(expected) {
            self.unanswered.clear();
            return Ok(());
        }
        let got = match &line {
            Some(line) => show(lang, line),
            None => format!(
                "{}; {}",
                show(lang, self.pending.as_slice()),
                ending.describe(lang)
            ),
        };
        Err(Failure::new(lang.pick(
            "the program did not send the expected line",
            "프로그램이 기대한 줄을 보내지 않았습니다",
        ))
        .sent_bytes(lang, &self.unanswered)
        .expected(lang.pick(
            format!(
                "{} within {:.1} s",
                show(lang, expected),
                limit.as_secs_f64()
            ),
            format!("{:.1}초 안에 {}", limit.as_secs_f64(), show(lang, expected)),
        ))
        .got(got))
    }

    /// Reads until `expected.len()` bytes have arrived and checks that they are `expected`.
    pub fn expect(&mut self, expected: &[u8], limit: Duration) -> Result<(), Failure> {
        let lang = self.lang;
        let (got, ending) = self.read_up_to(expected.len(), limit);
        if got == expected {
            self.unanswered.clear();
            return Ok(());
        }
        let mut failure = Failure::new(lang.pick(
            "the program did not send back the expected bytes",
            "프로그램이 기대한 바이트를 보내지 않았습니다",
        ))
        .sent_bytes(lang, &self.unanswered)
        .expected(lang.pick(
            format!(
                "{} within {:.1} s",
                show(lang, expected),
                limit.as_secs_f64()
            ),
            format!("{:.1}초 안에 {}", limit.as_secs_f64(), show(lang, expected)),
        ));
        let mut got_text = show(lang, &got);
        if ending != Ending::Complete {
            got_text = format!("{got_text}; {}", ending.describe(lang));
        }
        failure = failure.got(got_text);
        if !got.is_empty()
            && let Some(diff) = describe_difference(lang, expected, &got)
        {
            failure = failure.note(diff);
        }
        Err(failure)
    }

    /// Checks that the program closes its sending side (a read returns 0) within `limit`,
    /// sending nothing more first.
    pub fn expect_eof(&mut self, limit: Duration) -> Result<(), Failure> {
        let lang = self.lang;
        let (got, ending) = self.read_up_to(usize::MAX, limit);
        if got.is_empty() && ending == Ending::Eof {
            return Ok(());
        }
        Err(Failure::new(lang.pick(
            "the program did not close the connection when it should have",
            "프로그램이 연결을 닫아야 할 때 닫지 않았습니다",
        ))
        .expected(lang.pick(
            format!("EOF (read returns 0) within {:.1} s", limit.as_secs_f64()),
            format!("{:.1}초 안에 EOF(read가 0을 반환)", limit.as_secs_f64()),
        ))
        .got(format!("{}; {}", show(lang, &got), ending.describe(lang))))
    }

    /// Checks that the program ends the connection (EOF or a reset) within `limit`, and
    /// returns what it sent before that. Unlike [`Client::expect_eof`], bytes before the end
    /// are allowed, and so is a reset: a program that closes a socket with unread data in it
    /// (the rest of what this client sent) makes the kernel send a reset instead of a FIN.
    pub fn expect_disconnected(&mut self, limit: Duration) -> Result<Vec<u8>, Failure> {
        let lang = self.lang;
        let (got, ending) = self.read_up_to(usize::MAX, limit);
        match ending {
            Ending::Eof | Ending::Error(_) => Ok(got),
            Ending::Complete | Ending::Silence(_) => Err(Failure::new(lang.pick(
                "the program did not end the connection when it should have",
                "프로그램이 연결을 끊어야 할 때 끊지 않았습니다",
            ))
            .expected(lang.pick(
                format!(
                    "the connection closed (EOF or reset) within {:.1} s",
                    limit.as_secs_f64()
                ),
                format!("{:.1}초 안에 연결이 닫힘(EOF나 리셋)", limit.as_secs_f64()),
            ))
            .got(format!("{}; {}", show(lang, &got), ending.describe(lang)))),
        }
    }

    /// Closes the sending side only: the program's next read returns 0 (EOF), and the
    /// connection stays open for the program's answer.
    pub fn shutdown_write(&mut self) -> Result<(), Failure> {
        self.stream.shutdown(Shutdown::Write).map_err(|e| {
            Failure::new(self.lang.pick(
                format!("shutting down the sending side failed: {e}"),
                format!("보내는 쪽을 닫는(shutdown) 데 실패했습니다: {e}"),
            ))
        })
    }

    /// Aborts the connection with a reset (RST) instead of the orderly FIN: `SO_LINGER` set to
    /// zero, then close. A server sees the same when a client closes (or its process dies)
    /// with data it never read still in its receive buffer, or when the client's kernel gets a
    /// segment for a connection it no longer knows (after a reboot). A crashed process whose
    /// buffer was empty looks like a normal close: its kernel sends a FIN. A machine that loses
    /// power, or a pulled cable, sends nothing at all; no client here can imitate that, which
    /// is why a server needs an idle timeout or keepalive to notice it.
    pub fn reset(self) {
        let sock = socket2::SockRef::from(&self.stream);
        sock.set_linger(Some(Duration::ZERO)).ok();
        drop(self);
    }

    /// Sends `data` in pieces of the given sizes (cycled) while reading everything the program
    /// sends back, at the same time, until the program closes, `limit` passes, or nothing
    /// arrives for 5 s. The client
    /// shuts down its sending side after the last piece. Writing and reading at once is what
    /// keeps a large exchange from deadlocking when both sides' buffers fill up.
    pub fn exchange_full_duplex(
        &mut self,
        data: Vec<u8>,
        pieces: &[usize],
        limit: Duration,
    ) -> Result<(Vec<u8>, Ending), Failure> {
        let lang = self.lang;
        let mut writer = self
            .stream
            .try_clone()
            .map_err(|e| Failure::new(e.to_string()))?;
        let pieces: Vec<usize> = pieces.iter().copied().filter(|&n| n > 0).collect();
        let sender = thread::spawn(move || -> io::Result<()> {
            let mut at = 0;
            let mut sizes = pieces.iter().cycle();
            while at < data.len() {
                let n = (*sizes.next().unwrap_or(&65536)).min(data.len() - at);
                writer.write_all(&data[at..at + n])?;
                at += n;
            }
            writer.shutdown(Shutdown::Write)
        });
        // Read until EOF, the overall limit, or a stall: on loopback a transfer that makes
        // no progress for STALL_LIMIT has stopped, and waiting out the whole limit would
        // only make a hung program cost more time.
        let deadline = Instant::now() + limit;
        let mut got = self.pending.take_all();
        let mut buf = vec![0u8; 64 * 1024];
        let ending = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break Ending::Silence(limit);
            }
            let wait = left.min(STALL_LIMIT);
            self.stream.set_read_timeout(Some(wait)).ok();
            match self.stream.read(&mut buf) {
                Ok(0) => break Ending::Eof,
                Ok(n) => got.extend_from_slice(&buf[..n]),
                Err(e) if is_timeout(&e) => break Ending::Silence(wait),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => break Ending::Error(e.to_string()),
            }
        };
        // If reading stopped early, the writer may be blocked; closing both directions
        // unblocks it so the thread ends.
        if ending != Ending::Eof {
            self.stream.shutdown(Shutdown::Both).ok();
        }
        // How the reading ended tells the story; a write error after that (the program
        // closed early, or the shutdown above) adds nothing to it.
        match sender.join() {
            Ok(_) => Ok((got, ending)),
            Err(_) => Err(Failure::new(lang.pick(
                "the grader's writer thread panicked",
                "채점기의 쓰기 스레드가 패닉했습니다",
            ))),
        }
    }
}

/// Writes all of `data`, or explains why it could not: a write that blocks for
/// WRITE_LIMIT means the program stopped reading.
pub(crate) fn write_all_or_explain(
    lang: Lang,
    stream: &mut TcpStream,
    data: &[u8],
) -> Result<(), Failure> {
    stream.write_all(data).map_err(|e| {
        let problem = if is_timeout(&e) {
            lang.pick(
                format!(
                    "a write of {} bytes blocked for {} s: the program stopped reading",
                    data.len(),
                    WRITE_LIMIT.as_secs()
                ),
                format!(
                    "{}바이트 쓰기가 {}초 동안 막혔습니다. 프로그램이 읽기를 멈췄습니다",
                    data.len(),
                    WRITE_LIMIT.as_secs()
                ),
            )
        } else {
            lang.pick(
                format!("sending to the program failed: {e}"),
                format!("프로그램에 보내는 데 실패했습니다: {e}"),
            )
        };
        Failure::new(problem).sent(show(lang, data))
    })
}

pub(crate) fn is_timeout(e: &io::Error) -> bool {
    matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut)
}
