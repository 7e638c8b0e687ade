//! The mistakes behind lab03's failures that a check can recognise from what it observed.
//!
//! One mistake often breaks several checks: a receive buffer that is too small cuts the
//! largest datagram in `recv`, in `echo` and over IPv6. Each function here names one such
//! mistake as a [`Diagnosis`]; the runner reports it once, with every check it explains,
//! instead of each failure sending the learner to a different TODO. A check attaches one
//! only when what it saw points at that mistake and no other (a line that is the expected
//! one with its payload trimmed, a datagram that is a prefix of the one sent).

use harness::{Ctx, Diagnosis};

/// `recv` printed the payload with the whitespace at its ends removed.
pub fn payload_trimmed(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab03 payload trimmed".into(),
        title: cx.t(
            "recv trims the payload: spaces, tabs or line breaks at its ends are lost",
            "recv가 내용을 trim함: 양 끝의 공백, 탭, 줄바꿈이 사라짐",
        ),
        cause: cx.t(
            "The line is the expected one without the whitespace at the ends of the payload. The payload is what the sender sent, byte for byte, and the length printed before it counts those bytes too: print String::from_utf8_lossy(&buf[..n]) as it is, without trim().",
            "출력한 줄이 기대한 줄에서 내용 양 끝의 공백 문자만 빠진 것입니다. 내용은 보낸 쪽이 보낸 바이트 그대로이고, 앞에 출력하는 길이에도 그 바이트가 들어갑니다. String::from_utf8_lossy(&buf[..n])를 trim() 없이 그대로 출력하세요.",
        ),
        to_pass: cx.t(
            "Print the payload exactly as it came: no trim(), no trim_end().",
            "내용을 trim()이나 trim_end() 없이 받은 그대로 출력하기.",
        ),
        section: Some("lab-contract"),
    }
}

/// `send` sent a message with the whitespace at its ends removed.
pub fn message_trimmed(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab03 message trimmed".into(),
        title: cx.t(
            "send trims the messages: spaces, tabs or line breaks at their ends are not sent",
            "send가 메시지를 trim함: 양 끝의 공백, 탭, 줄바꿈을 보내지 않음",
        ),
        cause: cx.t(
            "The datagram is the message without the whitespace at its ends. A MESSAGE is bytes to send, all of them: the spaces, tabs and line breaks at its ends are part of it.",
            "도착한 데이터그램이 메시지에서 양 끝의 공백 문자만 빠진 것입니다. MESSAGE는 보낼 바이트 전부이고, 양 끝의 공백, 탭, 줄바꿈도 그 일부입니다.",
        ),
        to_pass: cx.t(
            "Send each message's bytes as they are, with no trim().",
            "메시지의 바이트를 trim() 없이 그대로 보내기.",
        ),
        section: Some("message-boundaries"),
    }
}

/// `recv` printed more than the datagram: the whole receive buffer.
pub fn whole_buffer(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab03 whole buffer".into(),
        title: cx.t(
            "recv prints the whole receive buffer, not the n bytes recv_from returned",
            "recv가 recv_from이 돌려준 n바이트가 아니라 수신 버퍼 전체를 출력함",
        ),
        cause: cx.t(
            "The line goes on after the payload (zero bytes, or what an earlier datagram left in the buffer). recv_from returns n, the length of this datagram; only buf[..n] is this datagram.",
            "줄이 내용 뒤로 계속 이어집니다(값이 0인 바이트나 이전 데이터그램이 버퍼에 남긴 바이트). recv_from이 돌려주는 n이 이 데이터그램의 길이이고, 이 데이터그램은 buf[..n]뿐입니다.",
        ),
        to_pass: cx.t(
            "Print the length n and String::from_utf8_lossy(&buf[..n]), not the whole buffer.",
            "버퍼 전체가 아니라 길이 n과 String::from_utf8_lossy(&buf[..n])를 출력하기.",
        ),
        section: Some("udp-in-rust"),
    }
}

/// A datagram came out shorter than it went in: the receive buffer cut it.
pub fn buffer_too_small(cx: &Ctx, kept: usize) -> Diagnosis {
    Diagnosis {
        key: "lab03 buffer too small".into(),
        title: cx.t(
            "the receive buffer is too small: large datagrams are cut short",
            "수신 버퍼가 작아서 큰 데이터그램이 잘림",
        ),
        cause: cx.t(
            format!("Only the first {kept} bytes of a larger datagram came through: recv_from copies what fits in the buffer and throws the rest away, with no error. The next recv_from returns the next datagram, not the rest."),
            format!("더 큰 데이터그램에서 앞의 {kept}바이트만 나왔습니다. recv_from은 버퍼에 들어가는 만큼만 복사하고 나머지는 오류 없이 버립니다. 다음 recv_from은 나머지가 아니라 다음 데이터그램을 돌려줍니다."),
        ),
        to_pass: cx.t(
            "Receive into a buffer of 64 KiB (65,536 bytes), which holds any datagram, over IPv4 and IPv6.",
            "IPv4든 IPv6든 어떤 데이터그램이든 들어가는 64 KiB(65,536바이트) 버퍼로 받기.",
        ),
        section: Some("datagram-size"),
    }
}

/// An IPv6 datagram of 65,527 bytes lost its last 20: a buffer sized for IPv4.
pub fn buffer_sized_for_ipv4(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab03 buffer sized for ipv4".into(),
        title: cx.t(
            "the receive buffer holds 65,507 bytes, IPv4's largest datagram; IPv6's are larger",
            "수신 버퍼가 IPv4의 최대 데이터그램 크기인 65,507바이트라서 더 큰 IPv6 데이터그램이 잘림",
        ),
        cause: cx.t(
            "A 65,527-byte datagram over IPv6 came through as 65,507 bytes. 65,507 is the most one datagram carries over IPv4; over IPv6 it is 65,527, because IPv6's length field does not count the IPv6 header. recv_from silently cut the last 20 bytes.",
            "IPv6로 보낸 65,527바이트 데이터그램이 65,507바이트로 나왔습니다. 65,507바이트는 IPv4에서 데이터그램 하나가 담을 수 있는 최대 크기이고, IPv6에서는 65,527바이트입니다. IPv6의 길이 필드는 IPv6 헤더를 세지 않기 때문입니다. recv_from이 마지막 20바이트를 경고 없이 잘라 냈습니다.",
        ),
        to_pass: cx.t(
            "Size the receive buffer for any datagram (64 KiB), not with the sender's IPv4 limit.",
            "수신 버퍼는 보내는 쪽의 IPv4 한도가 아니라 어떤 데이터그램이든 들어가는 크기(64 KiB)로 잡기.",
        ),
        section: Some("datagram-size"),
    }
}

/// `send` sent the messages before a too-long one, then failed on it.
pub fn sizes_checked_while_sending(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab03 sizes checked while sending".into(),
        title: cx.t(
            "a message too long for one datagram is found only after the ones before it were sent",
            "데이터그램 하나에 담기에 너무 긴 메시지를 앞의 메시지를 보낸 뒤에야 알아챔",
        ),
        cause: cx.t(
            "The message before the too-long one arrived: the program found the problem only when it got to it, as the kernel refused that datagram (EMSGSIZE, \"Message too long\"). Either it checks no size itself, or it checks against a limit above the real one: 65,535 is the largest IP packet, not the largest payload (65,507 bytes over IPv4, 65,527 over IPv6).",
            "너무 긴 메시지 앞의 메시지가 도착했습니다. 프로그램은 그 메시지에 이르러 커널이 데이터그램을 거부(EMSGSIZE, \"Message too long\")했을 때에야 문제를 알았습니다. 크기를 직접 검사하지 않거나, 실제보다 큰 한도로 검사하고 있습니다. 65,535는 IP 패킷의 최대 크기이지 내용의 최대 크기가 아닙니다(IPv4에서 65,507바이트, IPv6에서 65,527바이트).",
        ),
        to_pass: cx.t(
            "Before the first send_to, compare every message with the limit for the destination's family (65,507 for IPv4, 65,527 for IPv6).",
            "첫 send_to 전에 모든 메시지를 목적지 주소 체계의 한도(IPv4는 65,507, IPv6는 65,527)와 비교하기.",
        ),
        section: Some("datagram-size"),
    }
}

/// `send` refused a 65,527-byte message to an IPv6 address.
pub fn ipv4_limit_for_ipv6(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab03 ipv4 limit for ipv6".into(),
        title: cx.t(
            "send uses IPv4's limit (65,507 bytes) for IPv6 destinations too",
            "send가 IPv6 목적지에도 IPv4 한도(65,507바이트)를 씀",
        ),
        cause: cx.t(
            "A 65,527-byte message to [::1] was refused, but one datagram over IPv6 carries up to 65,527 bytes: IPv6's payload length does not count the 40-byte IPv6 header, so only the 8-byte UDP header comes off 65,535.",
            "[::1]로 보내는 65,527바이트 메시지가 거부되었습니다. 그러나 IPv6에서는 데이터그램 하나에 65,527바이트까지 담을 수 있습니다. IPv6의 페이로드 길이는 40바이트 IPv6 헤더를 세지 않으므로, 65,535에서 8바이트 UDP 헤더만 빠집니다.",
        ),
        to_pass: cx.t(
            "Take the limit from the destination's family: 65,507 bytes to an IPv4 address, 65,527 to an IPv6 address.",
            "목적지의 주소 체계에 따라 한도 정하기(IPv4 주소로는 65,507바이트, IPv6 주소로는 65,527바이트).",
        ),
        section: Some("datagram-size"),
    }
}

/// `send` failed with "Connection refused": its socket is connected.
pub fn connected_socket(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab03 connected socket".into(),
        title: cx.t(
            "send connects its UDP socket, so a missing receiver becomes an error",
            "send가 UDP 소켓을 connect해서 받는 쪽이 없으면 오류가 남",
        ),
        cause: cx.t(
            "The program failed with \"Connection refused\". UDP has no connection to refuse: on a connected UDP socket, the ICMP \"port unreachable\" that answered one datagram fails the next call with ECONNREFUSED. An unconnected socket never reports it.",
            "프로그램이 \"Connection refused\"로 실패했습니다. UDP에는 거부될 연결이 없습니다. connect한 UDP 소켓에서는 데이터그램 하나에 ICMP \"port unreachable\"이 돌아오면 다음 호출이 ECONNREFUSED로 실패합니다. connect하지 않은 소켓에서는 이 오류가 보고되지 않습니다.",
        ),
        to_pass: cx.t(
            "Send with send_to on a socket you never connect (with --from too).",
            "connect하지 않은 소켓에서 send_to로 보내기(--from이 있을 때도).",
        ),
        section: Some("udp-connect"),
    }
}

/// A program stopped at an empty datagram, as if it were an end of file.
pub fn empty_is_not_eof(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab03 empty datagram as eof".into(),
        title: cx.t(
            "an empty datagram is taken for an end of file: the program stops",
            "빈 데이터그램을 EOF로 여겨 프로그램이 멈춤",
        ),
        cause: cx.t(
            "The program ended right after an empty datagram. recv_from returning 0 means a datagram of 0 bytes arrived, not that anyone is done: UDP has no connection that could end.",
            "프로그램이 빈 데이터그램을 받자마자 끝났습니다. recv_from이 0을 돌려주면 0바이트짜리 데이터그램이 왔다는 뜻이지, 누가 보내기를 마쳤다는 뜻이 아닙니다. UDP에는 끝날 연결이 없습니다.",
        ),
        to_pass: cx.t(
            "Treat n == 0 like any other datagram: print it (recv) or echo it (echo), and go on.",
            "n == 0도 다른 데이터그램처럼 출력하거나(recv) 돌려보내고(echo) 계속 받기.",
        ),
        section: Some("empty-datagrams"),
    }
}

/// `recv` printed bytes that are not UTF-8 as they came.
pub fn raw_bytes(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab03 raw bytes".into(),
        title: cx.t(
            "recv prints bytes that are not UTF-8 as they came, instead of U+FFFD",
            "recv가 UTF-8이 아닌 바이트를 U+FFFD로 바꾸지 않고 그대로 출력함",
        ),
        cause: cx.t(
            "The program's stdout is not valid UTF-8: a byte of the payload that is not UTF-8 went out as it came. The contract prints the payload as text, with each invalid byte replaced by U+FFFD (�), so that whatever reads the lines gets valid UTF-8.",
            "프로그램의 stdout이 올바른 UTF-8이 아닙니다. 내용 가운데 UTF-8이 아닌 바이트가 그대로 나갔습니다. 계약에 따라 내용은 텍스트로 출력하고, 잘못된 바이트는 U+FFFD(�)로 바꿔야 합니다. 그래야 줄을 읽는 쪽이 늘 올바른 UTF-8을 받습니다.",
        ),
        to_pass: cx.t(
            "Print the payload as String::from_utf8_lossy(&buf[..n]) (or your language's decoding with replacement).",
            "내용을 String::from_utf8_lossy(&buf[..n])로(다른 언어라면 대체 문자를 쓰는 디코딩으로) 출력하기.",
        ),
        section: Some("lab-contract"),
    }
}

/// `recv --count 0` received, or waited to receive.
pub fn count_checked_after_receiving(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab03 count checked after receiving".into(),
        title: cx.t(
            "recv checks the count only after a datagram, so --count 0 never ends",
            "recv가 데이터그램을 받은 뒤에야 개수를 확인해서 --count 0이 끝나지 않음",
        ),
        cause: cx.t(
            "With --count 0 the program waited for a datagram (or printed one) instead of exiting at once. A loop that receives first and compares after never sees 0: check the count before each receive.",
            "--count 0인데 프로그램이 바로 끝나지 않고 데이터그램을 기다렸습니다(또는 출력했습니다). 먼저 받고 나중에 비교하는 루프는 0을 만나지 못합니다. 받기 전에 개수를 확인하세요.",
        ),
        to_pass: cx.t(
            "Test the count before each recv_from (while received < count), so that 0 receives nothing.",
            "개수가 0이면 아무것도 받지 않도록, 매번 recv_from을 호출하기 전에 개수 확인하기(while received < count).",
        ),
        section: Some("lab-contract"),
    }
}

/// `recv` printed another address than the datagram's sender.
pub fn wrong_sender(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab03 wrong sender".into(),
        title: cx.t(
            "recv prints another address than the one the datagram came from",
            "recv가 데이터그램을 보낸 주소가 아닌 다른 주소를 출력함",
        ),
        cause: cx.t(
            "The line names another address than the datagram's sender. Only recv_from knows who sent a datagram: it returns (n, from), and `from` is different for each client. The socket's own address (local_addr) is where datagrams arrive, not where they come from.",
            "줄에 적힌 주소가 데이터그램을 보낸 주소가 아닙니다. 데이터그램을 누가 보냈는지는 recv_from만 압니다. recv_from은 (n, from)을 돌려주고, from은 클라이언트마다 다릅니다. 소켓 자신의 주소(local_addr)는 데이터그램이 도착하는 곳이지 출발한 곳이 아닙니다.",
        ),
        to_pass: cx.t(
            "Print the address recv_from returned with this datagram.",
            "이 데이터그램과 함께 recv_from이 돌려준 주소를 출력하기.",
        ),
        section: Some("one-socket-many-peers"),
    }
}

/// `echo` answered from another address than the one the client sent to.
pub fn reply_from_another_socket(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab03 reply from another socket".into(),
        title: cx.t(
            "echo replies from another socket than the one the datagram came to",
            "echo가 데이터그램을 받은 소켓이 아닌 다른 소켓에서 응답함",
        ),
        cause: cx.t(
            "The echo came back with the right bytes but from another address than the server's. A client that checks where replies come from (every connected UDP socket does, nc -u among them) drops it. Reply with send_to on the socket that received the datagram.",
            "에코는 바이트가 맞지만 서버 주소가 아닌 다른 주소에서 왔습니다. 응답이 어디서 오는지 확인하는 클라이언트는 이 응답을 버립니다. connect한 UDP 소켓은 모두 이렇게 확인하며, nc -u도 마찬가지입니다. 데이터그램을 받은 바로 그 소켓에서 send_to로 응답하세요.",
        ),
        to_pass: cx.t(
            "Send each reply from the socket the datagram arrived on.",
            "응답은 데이터그램이 도착한 소켓에서 보내기.",
        ),
        section: Some("one-socket-many-peers"),
    }
}

/// The program fails with an IPv6 address, and works with an IPv4 one: the harness's
/// diagnosis, pointed at the section that says where a socket's family comes from.
pub fn ipv4_only(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        section: Some("udp-in-rust"),
        ..harness::diagnose::ipv4_only(cx.lang())
    }
}

/// `recv` or `echo` announced another IP address than the one it was asked to listen on.
pub fn binds_another_address(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab03 binds another address".into(),
        title: cx.t(
            "recv and echo bind another address than --listen (a wildcard?)",
            "recv와 echo가 --listen이 아닌 다른 주소(와일드카드?)에 바인드함",
        ),
        cause: cx.t(
            "Asked to listen on one address, the program bound (or announced) another. Bind exactly the address given: a wildcard (0.0.0.0 or ::) takes datagrams from every network interface of the machine, which nobody asked for, and `listening on` must name the address really bound.",
            "한 주소에서 수신 대기하라고 했는데 프로그램이 다른 주소에 바인드했습니다(또는 다른 주소를 알렸습니다). 주어진 주소에 그대로 바인드하세요. 와일드카드(0.0.0.0이나 ::)에 바인드하면 아무도 요청하지 않았는데 컴퓨터의 모든 네트워크 인터페이스에서 데이터그램을 받게 됩니다. 그리고 `listening on`에는 실제로 바인드된 주소가 나와야 합니다.",
        ),
        to_pass: cx.t(
            "Bind the --listen address as it is, and print local_addr() of that socket.",
            "--listen 주소에 그대로 바인드하고, 그 소켓의 local_addr()를 출력하기.",
        ),
        section: Some("udp-in-rust"),
    }
}
