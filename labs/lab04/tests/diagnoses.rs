//! The mistakes behind lab04's failures that a check can recognise from what it observed.
//!
//! One mistake often breaks several checks: a server that sends a client its own lines back
//! fails every check in which that client reads, and each failure on its own would send the
//! learner to a different TODO. Each function here names one such mistake as a
//! [`Diagnosis`]; the runner reports it once, with every check it explains. A check attaches
//! one only when what it saw points at that mistake and no other (a line that is the
//! expected one trimmed, a character that came back as U+FFFD where it was split).

use harness::{Ctx, Diagnosis};

/// A client got its own line (or its own notice) back.
pub fn own_message(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab04 own message".into(),
        title: cx.t(
            "a client gets its own messages back",
            "클라이언트가 자기 메시지를 돌려받음",
        ),
        cause: cx.t(
            "A client received a line that it sent itself (or the notice of its own joining). Every client's inbox sees every message in the chat, its own included: the writing half must skip the messages whose sender is the client itself.",
            "클라이언트가 자기가 보낸 줄(또는 자기 입장 알림)을 받았습니다. 클라이언트의 수신함에는 자기가 보낸 것까지 채팅의 모든 메시지가 옵니다. 쓰는 쪽은 그 클라이언트가 직접 보낸 메시지를 건너뛰어야 합니다.",
        ),
        to_pass: cx.t(
            "TODO 5: in forward, skip every message whose `from` is the client itself.",
            "TODO 5: forward에서 `from`이 그 클라이언트 자신인 메시지는 건너뛰기.",
        ),
        section: Some("broadcast"),
    }
}

/// A line came through with the whitespace at its ends removed.
pub fn line_trimmed(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab04 line trimmed".into(),
        title: cx.t(
            "lines are trimmed: spaces and tabs at their ends are lost",
            "줄을 trim함: 양 끝의 공백과 탭이 사라짐",
        ),
        cause: cx.t(
            "The line arrived as the one sent without the spaces or tabs at its ends. trim() removes the line ending, and with it everything else that looks like whitespace, which was part of what the client said. Only the `\\n`, and one `\\r` right before it, are the line's ending.",
            "보낸 줄이 양 끝의 공백이나 탭만 빠진 채 도착했습니다. trim()은 줄 끝과 함께 공백처럼 보이는 것을 모두 없앱니다. 하지만 그 공백도 클라이언트가 보낸 내용의 일부입니다. 줄 끝은 `\\n`과 그 바로 앞의 `\\r` 하나뿐입니다.",
        ),
        to_pass: cx.t(
            "TODO 3: remove the `\\n` and one `\\r` before it, nothing else (no trim()).",
            "TODO 3: `\\n`과 그 앞의 `\\r` 하나만 떼기(trim() 쓰지 않기).",
        ),
        section: Some("framing"),
    }
}

/// A line ending in `\r\r\n` lost both `\r`s.
pub fn every_cr_stripped(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab04 every cr stripped".into(),
        title: cx.t(
            "every `\\r` at the end of a line is removed, not only the one of its `\\r\\n`",
            "`\\r\\n`의 `\\r` 하나만이 아니라 줄 끝의 `\\r`을 모두 떼어 냄",
        ),
        cause: cx.t(
            "A line sent as `...\\r\\r\\n` arrived without either `\\r`. The ending is `\\n` or `\\r\\n`; a `\\r` before that belongs to the line. trim_end_matches(['\\r', '\\n']) removes them all.",
            "`...\\r\\r\\n`으로 보낸 줄이 `\\r` 둘 다 빠진 채 도착했습니다. 줄 끝은 `\\n`이나 `\\r\\n`이고, 그 앞의 `\\r`은 줄의 일부입니다. trim_end_matches(['\\r', '\\n'])는 그 `\\r`까지 모두 떼어 냅니다.",
        ),
        to_pass: cx.t(
            "TODO 3: pop the `\\n`, then pop one `\\r` if the line ends with one.",
            "TODO 3: `\\n`을 떼고, 그다음 줄이 `\\r`로 끝나면 그 하나만 떼기.",
        ),
        section: Some("framing"),
    }
}

/// An empty line was not published.
pub fn empty_lines_dropped(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab04 empty lines dropped".into(),
        title: cx.t(
            "empty lines are not published",
            "빈 줄을 발행하지 않음",
        ),
        cause: cx.t(
            "The client sent an empty line (`\\n` or `\\r\\n`), and the next line the others got was the one after it. An empty line is a line: the others get `PEER: ` and a `\\n`.",
            "클라이언트가 빈 줄(`\\n`이나 `\\r\\n`)을 보냈는데, 다른 클라이언트에게는 빈 줄을 건너뛰고 그 뒤의 줄이 왔습니다. 빈 줄도 줄입니다. 다른 클라이언트는 `PEER: `와 `\\n`을 받아야 합니다.",
        ),
        to_pass: cx.t(
            "TODO 4: publish every line, the empty ones too.",
            "TODO 4: 빈 줄을 포함해 모든 줄을 발행하기.",
        ),
        section: Some("lab-contract"),
    }
}

/// A character split across two reads came out as U+FFFD.
pub fn decoded_per_read(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab04 decoded per read".into(),
        title: cx.t(
            "bytes become text one read at a time: a character split across two reads is lost",
            "read마다 따로 바이트를 텍스트로 바꿈: 두 번의 read에 나뉜 글자가 깨짐",
        ),
        cause: cx.t(
            "A valid UTF-8 character whose bytes arrived in two reads came out as U+FFFD. Converting each read's bytes on its own sees half a character, which is invalid. Collect the bytes of the whole line first (read_until), then convert the line once.",
            "바이트가 두 번의 read에 나뉘어 도착한 올바른 UTF-8 글자가 U+FFFD로 바뀌었습니다. read마다 따로 변환하면 글자의 절반만 보게 되고, 그 절반은 잘못된 UTF-8입니다. 한 줄의 바이트를 먼저 모두 모은 뒤(read_until) 줄 전체를 한 번에 변환하세요.",
        ),
        to_pass: cx.t(
            "TODO 3: read the line's bytes up to its `\\n`, then convert them once with String::from_utf8_lossy.",
            "TODO 3: `\\n`까지 줄의 바이트를 읽은 뒤 String::from_utf8_lossy로 한 번에 바꾸기.",
        ),
        section: Some("framing"),
    }
}

/// Clients joined in another order than they connected.
pub fn joins_out_of_order(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab04 joins out of order".into(),
        title: cx.t(
            "clients join in the order their tasks run, not the order they connected",
            "클라이언트가 연결한 순서가 아니라 태스크가 실행되는 순서로 채팅에 들어감",
        ),
        cause: cx.t(
            "Clients that connected one after the other joined the chat in another order: one heard of a client that connected before it, or missed one that connected after it. That happens when a client becomes a member (subscribes its inbox, publishes its `joined`) in its own task: a spawned task runs whenever the runtime gets to it, and tokio often runs the task spawned last first.",
            "차례로 연결한 클라이언트들이 다른 순서로 채팅에 들어갔습니다. 어떤 클라이언트가 자기보다 먼저 연결한 클라이언트의 입장 소식을 들었거나, 나중에 연결한 클라이언트의 소식을 놓쳤습니다. 클라이언트를 채팅에 넣는 일(수신함 구독, `joined` 발행)을 그 클라이언트의 태스크에서 하면 이렇게 됩니다. 띄운 태스크는 런타임이 처리할 차례가 되어야 실행되고, tokio는 마지막에 띄운 태스크를 먼저 실행하는 일이 많습니다.",
        ),
        to_pass: cx.t(
            "TODO 2: right after accept, in the accept loop, subscribe the client's inbox and publish its `joined`; only then spawn its task.",
            "TODO 2: accept 직후 accept 루프 안에서 수신함을 구독하고 `joined`를 발행한 다음에 태스크를 띄우기.",
        ),
        section: Some("broadcast"),
    }
}

/// A line within the limit disconnected its sender.
pub fn limit_too_strict(cx: &Ctx, with_cr: bool) -> Diagnosis {
    let (en, ko) = if with_cr {
        (
            "The line ended in `\\r\\n`, and the `\\r` was counted as part of the line: take(MAX_LINE + 1) leaves room for a `\\n` only.",
            "줄이 `\\r\\n`으로 끝났는데 `\\r`을 줄의 일부로 셌습니다. take(MAX_LINE + 1)은 `\\n` 하나 들어갈 자리만 남깁니다.",
        )
    } else {
        (
            "The line's `\\n` was counted as part of the line: take(MAX_LINE) stops before the `\\n` of a line of exactly MAX_LINE bytes.",
            "줄의 `\\n`을 줄의 일부로 셌습니다. take(MAX_LINE)은 정확히 MAX_LINE바이트인 줄의 `\\n` 앞에서 멈춥니다.",
        )
    };
    Diagnosis {
        key: "lab04 limit too strict".into(),
        title: cx.t(
            "a line of exactly 8,192 bytes disconnects its sender",
            "정확히 8,192바이트인 줄을 보낸 클라이언트의 연결을 끊음",
        ),
        cause: cx.t(
            format!("A line may have 8,192 bytes, not counting its ending (`\\n` or `\\r\\n`), and this one had exactly that many, yet its sender was disconnected. {en}"),
            format!("줄은 줄 끝(`\\n`이나 `\\r\\n`)을 빼고 8,192바이트까지 허용됩니다. 이 줄은 정확히 그만큼이었는데도 보낸 클라이언트의 연결이 끊겼습니다. {ko}"),
        ),
        to_pass: cx.t(
            "TODO 3: read at most MAX_LINE + 2 bytes (room for `\\r\\n`), and decide \"too long\" on the line without its ending.",
            "TODO 3: 최대 MAX_LINE + 2바이트까지 읽고(`\\r\\n`이 들어갈 자리), 너무 긴지는 줄 끝을 뗀 줄로 판단하기.",
        ),
        section: Some("framing"),
    }
}

/// A line one byte over the limit was relayed.
pub fn limit_too_lenient(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab04 limit too lenient".into(),
        title: cx.t(
            "a line of 8,193 bytes is relayed instead of disconnecting its sender",
            "8,193바이트인 줄을 보낸 클라이언트를 끊지 않고 줄을 전달함",
        ),
        cause: cx.t(
            "A line of 8,193 bytes (one more than the limit, not counting its ending) was published. Reading at most MAX_LINE + 2 bytes leaves room for `\\r\\n`; a `\\n` that arrives in that room ends a line that is already too long. Check the length of the line after removing its ending.",
            "줄 끝을 빼고 8,193바이트인 줄, 곧 한도보다 1바이트 긴 줄이 발행되었습니다. 최대 MAX_LINE + 2바이트까지 읽으면 `\\r\\n`이 들어갈 자리가 남는데, 그 자리에 온 `\\n`은 이미 너무 긴 줄을 끝낸 것입니다. 줄 끝을 떼고 나서 줄의 길이를 확인하세요.",
        ),
        to_pass: cx.t(
            "TODO 3: after removing the ending, a line longer than MAX_LINE is Line::TooLong.",
            "TODO 3: 줄 끝을 뗀 줄이 MAX_LINE보다 길면 Line::TooLong 돌려주기.",
        ),
        section: Some("framing"),
    }
}

/// The server closed a client's connection and told no one.
pub fn left_unannounced(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab04 left unannounced".into(),
        title: cx.t(
            "a client the server disconnects is never announced as left",
            "서버가 끊은 클라이언트가 떠났다는 알림이 나가지 않음",
        ),
        cause: cx.t(
            "The server ended a client's connection on its own (the client fell behind), and the others were never told `* PEER left`: to them it is still in the chat. A client leaves however its connection ends, and the server's own decision is one of the ways.",
            "서버가 스스로 클라이언트의 연결을 끊었는데(그 클라이언트가 뒤처져서), 다른 클라이언트에게 `* PEER left`가 가지 않았습니다. 다른 클라이언트들이 보기에는 그 클라이언트가 아직 채팅방에 있습니다. 연결이 어떻게 끝나든 클라이언트는 떠난 것이고, 서버가 끊는 것도 그 가운데 하나입니다.",
        ),
        to_pass: cx.t(
            "TODO 4: publish `* PEER left` after select! whichever half ended, in one place that every way out passes.",
            "TODO 4: select!가 끝난 뒤, 어느 쪽이 끝났든 모든 경로가 지나가는 한 곳에서 `* PEER left` 발행하기.",
        ),
        section: Some("disconnects"),
    }
}

/// A client that left never saw its connection close.
pub fn connection_left_open(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab04 connection left open".into(),
        title: cx.t(
            "the connection of a client that left stays open",
            "떠난 클라이언트의 연결이 열린 채로 남음",
        ),
        cause: cx.t(
            "A client shut down its sending side, the others were told it left, but its connection was never closed. Something still holds the socket: usually the writing half, in a task of its own that nobody stops. It leaks a file descriptor for every client that leaves, and keeps writing the chat to someone who left.",
            "클라이언트가 보내는 방향을 닫았고 다른 클라이언트들은 떠났다는 알림을 받았는데, 그 연결은 끝내 닫히지 않았습니다. 무언가가 아직 소켓을 붙잡고 있습니다. 대개는 따로 띄운 태스크에 들어 있어 아무도 멈추지 않는 쓰는 쪽입니다. 그러면 클라이언트가 떠날 때마다 파일 디스크립터가 하나씩 새고, 그 태스크는 떠난 클라이언트에게 채팅을 계속 씁니다.",
        ),
        to_pass: cx.t(
            "TODO 4: run both halves in the client's task with select!, so that when one ends the other is dropped and the socket closes.",
            "TODO 4: 두 쪽을 클라이언트의 태스크 안에서 select!로 함께 실행해, 한쪽이 끝나면 다른 쪽이 drop되고 소켓이 닫히게 하기.",
        ),
        section: Some("select"),
    }
}

/// The server stopped accepting clients under a low limit on open files.
pub fn fd_leak(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab04 fd leak".into(),
        title: cx.t(
            "connections are never closed: the server runs out of file descriptors",
            "연결을 닫지 않아 서버의 파일 디스크립터가 바닥남",
        ),
        cause: cx.t(
            "Under a limit of 64 open files, the server stopped accepting clients after a few dozen had come and gone. Every connection holds a file descriptor until both halves of its socket are dropped; a server that keeps either half (in a map, in a task nobody stops) runs out (EMFILE, \"Too many open files\").",
            "열 수 있는 파일을 64개로 제한하자, 클라이언트 수십 개가 들어왔다 나간 뒤 서버가 더 이상 연결을 수락하지 못했습니다. 연결은 소켓의 두 쪽이 모두 drop될 때까지 파일 디스크립터를 하나씩 차지합니다. 어느 한쪽이라도 붙잡아 두는 서버(맵에 넣어 두거나, 아무도 멈추지 않는 태스크에 두거나)는 디스크립터가 바닥납니다(EMFILE, \"Too many open files\").",
        ),
        to_pass: cx.t(
            "TODO 4: when a client leaves, drop both halves of its connection.",
            "TODO 4: 클라이언트가 떠나면 연결의 두 쪽을 모두 drop하기.",
        ),
        section: Some("disconnects"),
    }
}

/// A member that sent nothing was never disconnected.
pub fn no_idle_timeout(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab04 no idle timeout".into(),
        title: cx.t(
            "no idle timeout: a member that vanished stays in the chat forever",
            "유휴 시간 제한이 없음: 사라진 참여자가 영원히 채팅방에 남음",
        ),
        cause: cx.t(
            "A member sent nothing for longer than --idle, and the server kept it. When a client's machine loses power or its cable is pulled, no FIN and no reset ever arrive: a read with no time limit waits forever, and the others see that member in the chat forever. The server must count the time since the member's last line (its own writes to the member do not count) and disconnect it when --idle has passed.",
            "참여자가 --idle보다 오래 아무것도 보내지 않았는데 서버가 그 참여자를 그대로 두었습니다. 클라이언트 컴퓨터의 전원이 나가거나 케이블이 뽑히면 FIN도 리셋도 오지 않습니다. 시간 제한 없는 read는 영원히 기다리고, 다른 참여자들에게는 그 참여자가 영원히 채팅방에 있는 것으로 보입니다. 서버는 참여자가 마지막 줄을 보낸 뒤 흐른 시간을 재고(서버가 그 참여자에게 쓴 것은 세지 않습니다), --idle초가 지나면 연결을 끊어야 합니다.",
        ),
        to_pass: cx.t(
            "TODO 6: tokio::time::timeout(idle, read_line(...)) for every line; when it runs out, end read_lines with an error.",
            "TODO 6: 줄마다 tokio::time::timeout(idle, read_line(...))으로 읽고, 시간이 다 되면 오류로 read_lines를 끝내기.",
        ),
        section: Some("dead-peers"),
    }
}

/// A member that kept talking was disconnected: the deadline was set once, not per line.
pub fn idle_clock_never_restarts(cx: &Ctx) -> Diagnosis {
    Diagnosis {
        key: "lab04 idle clock never restarts".into(),
        title: cx.t(
            "the idle timeout is a time limit on membership: a member that keeps talking is disconnected",
            "유휴 시간 제한이 참여 시간 제한이 됨: 계속 줄을 보내는 참여자의 연결도 끊김",
        ),
        cause: cx.t(
            "A member that sent a line every 0.2 s was disconnected about --idle seconds after it joined. The deadline was set once, for the whole conversation (tokio::time::timeout around the loop that reads every line), where it should start again with every line: put the timeout around each read_line.",
            "0.2초마다 한 줄씩 보낸 참여자의 연결이 들어온 지 --idle초쯤 지나 끊겼습니다. 마감 시각을 대화 전체에 한 번만 정했기 때문입니다(모든 줄을 읽는 루프 전체에 tokio::time::timeout을 씌움). 마감 시각은 줄이 올 때마다 새로 정해야 합니다. timeout을 read_line 하나하나에 씌우세요.",
        ),
        to_pass: cx.t(
            "TODO 6: the timeout goes around each read_line, inside the loop, not around read_lines.",
            "TODO 6: timeout은 read_lines 전체가 아니라 루프 안의 read_line 하나하나에 씌우기.",
        ),
        section: Some("dead-peers"),
    }
}
