//! UDP for checks: a test socket on loopback that sends datagrams to the program under test
//! and receives the ones it sends, and a way to read the lines a receiving program prints.
//!
//! Every receive has a deadline, so a program that never answers fails the check that waited
//! for it (with what was sent, what was expected and the silence that came back) instead of
//! hanging the grader. A datagram is shown with its length, because with UDP the length *is*
//! part of the message: two datagrams `b"ab"` and `b"c"` are a different exchange from one
//! datagram `b"abc"`, and an empty datagram is a datagram, not nothing.

use std::io::ErrorKind;
use std::net::{IpAddr, SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

use crate::Lang;
use crate::failure::Failure;
use crate::process::Spawned;
use crate::text::{describe_difference, show};

/// The largest payload one UDP datagram can carry over IPv4: 65,535 bytes (the most an IPv4
/// packet can hold) minus 20 bytes of IPv4 header and 8 bytes of UDP header.
pub const MAX_PAYLOAD_V4: usize = 65_507;

/// The largest payload one UDP datagram can carry over IPv6 (without jumbograms): IPv6's
/// 16-bit payload length does not count the 40-byte IPv6 header, so only the 8 bytes of the
/// UDP header come off 65,535 (RFC 8200 §3, RFC 768).
pub const MAX_PAYLOAD_V6: usize = 65_527;

/// Room for any datagram that can arrive, so that a check never truncates what the program
/// sent and then blames the program for it. (recv_from silently cuts a datagram that does
/// not fit the buffer.)
const RECEIVE_BUFFER: usize = 64 * 1024;

/// The kernel buffer asked for, so that nothing the program sends is dropped while the check
/// is busy elsewhere. Linux does not grant it as asked (socket(7), chapter 3's `rcvbuf`): it
/// caps the request at `net.core.rmem_max` and doubles what is left, for its bookkeeping.
/// With the kernel's default cap, 212,992, the buffer is 425,984 bytes, which holds 6 of the
/// largest datagrams (measured on loopback, IPv4 and IPv6): more than any check has on its
/// way to one peer at a time.
const SOCKET_BUFFER: usize = 1024 * 1024;

/// What one receive brought.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// A datagram: its bytes (possibly none) and who sent it.
    Datagram { data: Vec<u8>, from: SocketAddr },
    /// Nothing came before the deadline.
    Silence(Duration),
    /// The receive failed.
    Error(String),
}

impl Arrival {
    /// The arrival in words, for a failure report.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Arrival::Datagram { data, from } => lang.pick(
                format!("{}, from {from}", show_datagram(lang, data)),
                format!("{}, 보낸 곳 {from}", show_datagram(lang, data)),
            ),
            Arrival::Silence(limit) => lang.pick(
                format!("no datagram within {:.1} s", limit.as_secs_f64()),
                format!(
                    "{:.1}초 동안 데이터그램이 오지 않았습니다",
                    limit.as_secs_f64()
                ),
            ),
            Arrival::Error(e) => lang.pick(
                format!("receiving failed: {e}"),
                format!("수신이 실패했습니다: {e}"),
            ),
        }
    }
}

/// Shows one datagram as its length and bytes: `5 bytes: b"hello"`.
pub fn show_datagram(lang: Lang, data: &[u8]) -> String {
    if data.is_empty() {
        return lang
            .pick("an empty datagram (0 bytes)", "빈 데이터그램(0바이트)")
            .to_string();
    }
    let shown = show(lang, data);
    // `show` already names the length of long data.
    if shown.starts_with('b') {
        lang.pick(
            format!("{} bytes: {shown}", data.len()),
            format!("{}바이트: {shown}", data.len()),
        )
    } else {
        shown
    }
}

/// A UDP socket of the grader's own, bound to a free port on 127.0.0.1.
pub struct Peer {
    lang: Lang,
    socket: UdpSocket,
    /// What this peer sent since the last datagram it expected, for failure reports.
    unanswered: Vec<String>,
}

impl Peer {
    /// Binds a new socket to `127.0.0.1:0`: the kernel picks the port.
    pub fn bind(lang: Lang) -> Result<Peer, Failure> {
        Self::bind_on(lang, IpAddr::from([127, 0, 0, 1]))
    }

    /// Binds a new socket to port 0 of `ip` (`::1` for IPv6).
    pub fn bind_on(lang: Lang, ip: IpAddr) -> Result<Peer, Failure> {
        let socket = UdpSocket::bind(SocketAddr::new(ip, 0)).map_err(|e| {
            Failure::new(lang.pick(
                format!("the grader could not bind a UDP socket on {ip}: {e}"),
                format!("채점기가 {ip}에 UDP 소켓을 바인드하지 못했습니다: {e}"),
            ))
        })?;
        socket2::SockRef::from(&socket)
            .set_recv_buffer_size(SOCKET_BUFFER)
            .ok();
        Ok(Peer {
            lang,
            socket,
            unanswered: Vec::new(),
        })
    }

    /// The peer's own address: where the program's replies must go.
    pub fn addr(&self) -> SocketAddr {
        self.socket
            .local_addr()
            .expect("a bound socket has a local address")
    }

    /// Sends `data` as one datagram to `to`.
    pub fn send_to(&mut self, data: &[u8], to: SocketAddr) -> Result<(), Failure> {
        let lang = self.lang;
        let what = lang.pick(
            format!("{} to {to}", show_datagram(lang, data)),
            format!("{to}(으)로 {}", show_datagram(lang, data)),
        );
        self.unanswered.push(what.clone());
        match self.socket.send_to(data, to) {
            Ok(n) if n == data.len() => Ok(()),
            Ok(n) => Err(Failure::new(lang.pick(
                format!("the grader sent only {n} of {} bytes", data.len()),
                format!(
                    "채점기가 {}바이트 가운데 {n}바이트만 보냈습니다",
                    data.len()
                ),
            ))
            .sent(what)),
            Err(e) => Err(Failure::new(lang.pick(
                format!("the grader could not send a datagram: {e}"),
                format!("채점기가 데이터그램을 보내지 못했습니다: {e}"),
            ))
            .sent(what)),
        }
    }

    /// Waits up to `limit` for the next datagram.
    pub fn receive(&self, limit: Duration) -> Arrival {
        let deadline = Instant::now() + limit;
        let mut buf = vec![0u8; RECEIVE_BUFFER];
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Arrival::Silence(limit);
            }
            // A zero timeout would mean "block forever": `left` is never zero here.
            self.socket.set_read_timeout(Some(left)).ok();
            match self.socket.recv_from(&mut buf) {
                Ok((n, from)) => {
                    return Arrival::Datagram {
                        data: buf[..n].to_vec(),
                        from,
                    };
                }
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    return Arrival::Silence(limit);
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Arrival::Error(e.to_string()),
            }
        }
    }

    /// Waits up to `limit` for a datagram and checks that it is exactly `expected`; returns
    /// the address it came from.
    pub fn expect_datagram(
        &mut self,
        expected: &[u8],
        limit: Duration,
    ) -> Result<SocketAddr, Failure> {
        let arrival = self.receive(limit);
        self.judge_arrival(expected, &arrival, limit)
    }

    /// The second half of [`Peer::expect_datagram`], for a check that wants to look at what
    /// arrived itself (to recognise a cut or trimmed datagram, say): checks that `arrival`,
    /// received within `limit`, is exactly `expected`, and returns the address it came from.
    pub fn judge_arrival(
        &mut self,
        expected: &[u8],
        arrival: &Arrival,
        limit: Duration,
    ) -> Result<SocketAddr, Failure> {
        let lang = self.lang;
        if let Arrival::Datagram { data, from } = arrival
            && data == expected
        {
            self.unanswered.clear();
            return Ok(*from);
        }
        let mut failure = Failure::new(lang.pick(
            "the expected datagram did not arrive",
            "기대한 데이터그램이 오지 않았습니다",
        ));
        if !self.unanswered.is_empty() {
            failure = failure.sent(self.unanswered.join("; "));
        }
        failure = failure
            .expected(lang.pick(
                format!(
                    "{} within {:.1} s",
                    show_datagram(lang, expected),
                    limit.as_secs_f64()
                ),
                format!(
                    "{:.1}초 안에 {}",
                    limit.as_secs_f64(),
                    show_datagram(lang, expected)
                ),
            ))
            .got(arrival.describe(lang));
        if let Arrival::Datagram { data, .. } = arrival
            && let Some(diff) = describe_datagram_difference(lang, expected, data)
        {
            failure = failure.note(diff);
        }
        Err(failure)
    }

    /// Checks that `from` is `expected_from` too: a datagram must come from the right socket.
    pub fn expect_datagram_from(
        &mut self,
        expected: &[u8],
        expected_from: SocketAddr,
        limit: Duration,
    ) -> Result<(), Failure> {
        let lang = self.lang;
        let unanswered = self.unanswered.join("; ");
        let from = self.expect_datagram(expected, limit)?;
        if from == expected_from {
            return Ok(());
        }
        Err(Failure::new(lang.pick(
            "the datagram came from another address than expected",
            "데이터그램이 기대한 주소가 아닌 다른 주소에서 왔습니다",
        ))
        .sent(unanswered)
        .expected(lang.pick(
            format!("{} from {expected_from}", show_datagram(lang, expected)),
            format!("{expected_from}에서 온 {}", show_datagram(lang, expected)),
        ))
        .got(lang.pick(
            format!("the same bytes, from {from}"),
            format!("같은 바이트, 보낸 곳은 {from}"),
        )))
    }

    /// Checks that no datagram arrives within `wait`.
    pub fn expect_silence(&mut self, wait: Duration) -> Result<(), Failure> {
        let lang = self.lang;
        match self.receive(wait) {
            Arrival::Silence(_) => Ok(()),
            other => {
                let mut failure = Failure::new(lang.pick(
                    "a datagram arrived where none should have",
                    "오지 말아야 할 데이터그램이 왔습니다",
                ));
                if !self.unanswered.is_empty() {
                    failure = failure.sent(self.unanswered.join("; "));
                }
                Err(failure
                    .expected(lang.pick(
                        format!("no datagram within {:.1} s", wait.as_secs_f64()),
                        format!("{:.1}초 동안 데이터그램 없음", wait.as_secs_f64()),
                    ))
                    .got(other.describe(lang)))
            }
        }
    }
}

/// Says how a received datagram differs from the expected one, in the words of datagrams:
/// a truncated datagram, a merged one and a padded one are three different mistakes.
pub fn describe_datagram_difference(lang: Lang, expected: &[u8], got: &[u8]) -> Option<String> {
    if expected == got {
        return None;
    }
    if got.is_empty() {
        return Some(
            lang.pick(
                "an empty datagram came instead",
                "대신 빈 데이터그램이 왔습니다",
            )
            .to_string(),
        );
    }
    if expected.is_empty() {
        return Some(
            lang.pick(
                "an empty datagram was expected: zero bytes are a valid datagram",
                "빈 데이터그램을 기대했습니다. 0바이트도 올바른 데이터그램입니다",
            )
            .to_string(),
        );
    }
    describe_difference(lang, expected, got)
}

/// An address on 127.0.0.1 where no UDP socket is bound right now: a datagram sent there is
/// answered by an ICMP "port unreachable". Found by binding port 0 and closing the socket
/// again; the kernel hands out ephemeral ports at random, so no other check is likely to
/// take the same port in the moment it is in use.
pub fn unused_address(lang: Lang) -> Result<SocketAddr, Failure> {
    unused_address_on(lang, IpAddr::from([127, 0, 0, 1]))
}

/// [`unused_address`] on `ip` (`::1` for IPv6).
pub fn unused_address_on(lang: Lang, ip: IpAddr) -> Result<SocketAddr, Failure> {
    let socket = UdpSocket::bind(SocketAddr::new(ip, 0)).map_err(|e| {
        Failure::new(lang.pick(
            format!("the grader could not bind a UDP socket on {ip}: {e}"),
            format!("채점기가 {ip}에 UDP 소켓을 바인드하지 못했습니다: {e}"),
        ))
    })?;
    let addr = socket
        .local_addr()
        .map_err(|e| Failure::new(e.to_string()))?;
    drop(socket);
    Ok(addr)
}

impl Spawned {
    /// Reads the next line the program prints on stdout and checks that it is exactly
    /// `expected`, every space and tab included: a receiver prints a payload as it came, and
    /// whitespace at either end of it is part of it. `sent` says what led up to it.
    pub fn expect_output_line(
        &mut self,
        lang: Lang,
        sent: &str,
        expected: &str,
        limit: Duration,
    ) -> Result<(), Failure> {
        let line = self.next_output_line(lang, sent, expected, limit)?;
        match line_difference(lang, sent, expected, &line) {
            Some(failure) => Err(failure),
            None => Ok(()),
        }
    }

    /// Reads the next line the program prints on stdout (without its `\n`), waiting up to
    /// `limit`, for a check that compares it itself. The failure, when no line comes, says
    /// that `expected` was awaited after `sent`, and why nothing came (the program exited,
    /// with its panic or error, or printed nothing more).
    pub fn next_output_line(
        &mut self,
        lang: Lang,
        sent: &str,
        expected: &str,
        limit: Duration,
    ) -> Result<String, Failure> {
        match self.next_line(limit) {
            Ok(Some(line)) => Ok(line),
            Ok(None) => {
                // exit_failure reads the program's stderr for the cause (a todo!(), a panic).
                Err(self
                    .exit_failure(lang.pick(
                        "the program exited before it printed the expected line",
                        "프로그램이 기대한 줄을 출력하기 전에 끝났습니다",
                    ))
                    .sent(sent.to_string())
                    .expected(show(lang, expected.as_bytes())))
            }
            Err(limit) => Err(Failure::new(lang.pick(
                "the program printed nothing more on stdout",
                "프로그램이 stdout에 더 이상 아무것도 출력하지 않았습니다",
            ))
            .sent(sent.to_string())
            .expected(lang.pick(
                format!(
                    "the line {} within {:.1} s",
                    show(lang, expected.as_bytes()),
                    limit.as_secs_f64()
                ),
                format!(
                    "{:.1}초 안에 {} 줄",
                    limit.as_secs_f64(),
                    show(lang, expected.as_bytes())
                ),
            ))
            .got(lang.pick(
                format!("no new line for {:.1} s", limit.as_secs_f64()),
                format!("{:.1}초 동안 새 줄 없음", limit.as_secs_f64()),
            ))
            .cause(lang.pick(
                "The program printed no line for what was sent. Does it receive in a loop, and print each line as soon as it has it (println!, or write! and flush)?",
                "데이터그램을 보냈는데도 프로그램이 아무 줄도 출력하지 않았습니다. 루프를 돌며 계속 수신하는지, 받는 즉시 줄을 출력하는지(println!, 또는 write! 후 flush) 확인하세요.",
            ))),
        }
    }
}

/// The failure of a printed line that is not exactly `expected`, or `None` when it is.
pub fn line_difference(lang: Lang, sent: &str, expected: &str, line: &str) -> Option<Failure> {
    if line == expected {
        return None;
    }
    let mut failure = Failure::new(lang.pick(
        "the program printed a different line than expected",
        "프로그램이 기대와 다른 줄을 출력했습니다",
    ))
    .sent(sent.to_string())
    .expected(show(lang, expected.as_bytes()))
    .got(show(lang, line.as_bytes()));
    if let Some(diff) = describe_difference(lang, expected.as_bytes(), line.as_bytes()) {
        failure = failure.note(diff);
    }
    Some(failure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_peer_receives_what_it_is_sent_and_times_out_otherwise() {
        let mut a = Peer::bind(Lang::En).unwrap();
        let mut b = Peer::bind(Lang::En).unwrap();
        a.send_to(b"", b.addr()).unwrap();
        a.send_to(b"two", b.addr()).unwrap();
        assert_eq!(
            b.expect_datagram(b"", Duration::from_secs(2)).unwrap(),
            a.addr()
        );
        b.expect_datagram_from(b"two", a.addr(), Duration::from_secs(2))
            .unwrap();
        let started = Instant::now();
        b.expect_silence(Duration::from_millis(100)).unwrap();
        let failure = b
            .expect_datagram(b"three", Duration::from_millis(100))
            .unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(2));
        let got = format!("{:?}", failure.steps);
        assert!(got.contains("no datagram within 0.1 s"), "{got}");
    }

    #[test]
    fn a_printed_line_must_match_exactly() {
        assert!(line_difference(Lang::En, "", "a 1  ", "a 1  ").is_none());
        for wrong in ["a 1 ", "a 1", "a 1  \t"] {
            assert!(
                line_difference(Lang::En, "", "a 1  ", wrong).is_some(),
                "{wrong:?} passed"
            );
        }
    }

    #[test]
    fn datagrams_are_shown_with_their_length() {
        assert_eq!(show_datagram(Lang::En, b"hi"), "2 bytes: b\"hi\"");
        assert_eq!(show_datagram(Lang::En, b""), "an empty datagram (0 bytes)");
        assert!(show_datagram(Lang::En, &[b'x'; 1000]).starts_with("1000 bytes: b\"xx"));
        let said = describe_datagram_difference(Lang::En, b"one", b"onetwo").unwrap();
        assert!(said.contains("3 extra bytes"), "{said}");
    }
}
