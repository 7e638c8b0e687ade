//! Root causes the harness recognises in any lab.
//!
//! A check sees one exchange; a mistake often breaks many. A program that stops at the
//! starter's `todo!()`, panics in a connection's thread, never flushes its `listening on`
//! line or fixes its socket to IPv4 fails most checks, and each failure on its own would
//! send the learner to a different TODO. These functions name such a mistake as a
//! [`Diagnosis`], which the runner reports once, with the checks it explains. Labs build
//! their own the same way (Content-Length counted in characters, the whole buffer echoed).

use std::net::SocketAddr;

use crate::Lang;
use crate::failure::Diagnosis;
use crate::process::Panic;

/// The program reached a `todo!()` (or `unimplemented!()`) of the starter.
pub fn todo(lang: Lang, panic: &Panic) -> Diagnosis {
    let summary = panic.summary();
    Diagnosis {
        key: format!("todo {}", panic.location),
        title: lang.pick(
            format!("the program stops at a todo!() of the starter: {summary}"),
            format!("프로그램이 스타터의 todo!()에서 멈춤: {}", crate::process::todo_place_ko(panic)),
        ),
        cause: lang.pick(
            format!("The program stopped at a todo!() of the starter ({summary}). That part is yours to write: work through the TODO list at the top of the lab's src/main.rs."),
            crate::process::todo_cause_ko(panic),
        ),
        to_pass: {
            let what = panic
                .message
                .trim_start_matches("not yet implemented")
                .trim_start_matches("not implemented")
                .trim_start_matches(':')
                .trim();
            match (what.is_empty(), lang) {
                (true, Lang::En) => format!("Write the part that is still todo!() at {}.", panic.location),
                (true, Lang::Ko) => format!("{}에 남아 있는 todo!() 부분을 작성하기.", panic.location),
                (false, Lang::En) => format!("{what} (the todo!() at {}).", panic.location),
                (false, Lang::Ko) => match crate::process::todo_number(&panic.message) {
                    Some(todo) => format!("{} 구현하기(src/main.rs 맨 위 TODO 목록, {}의 todo!()).", crate::lang::with_josa(&todo, crate::lang::Particle::Object), panic.location),
                    None => format!("{}에 남아 있는 todo!() 부분을 작성하기.", panic.location),
                },
            }
        },
        section: None,
    }
}

/// The program panicked (its main thread, or a thread or task of one connection).
pub fn panicked(lang: Lang, panic: &Panic) -> Diagnosis {
    let summary = panic.summary();
    Diagnosis {
        key: format!("panic {}", panic.location),
        title: lang.pick(
            format!("the program panics: {summary}"),
            format!("프로그램이 패닉함: {summary}"),
        ),
        cause: lang.pick(
            format!("The program panicked: {summary}. Every program in this course turns errors into messages instead (a server drops the one connection). In a server, a panic in a connection's thread also closes that connection, so its client sees the connection end instead of an answer."),
            format!("프로그램이 패닉(panic)했습니다: {summary}. 이 과정의 실습 프로그램은 모두 패닉하는 대신 오류를 메시지로 바꿉니다(서버라면 그 연결 하나만 정리합니다). 서버에서 연결을 맡은 스레드가 패닉하면 그 연결도 닫히므로, 클라이언트는 응답을 받지 못하고 연결이 끝납니다."),
        ),
        to_pass: lang.pick(
            format!("Find what panics at {} and handle that case without a panic (no unwrap() or expect() on what a peer sends or on a read or write).", panic.location),
            format!("{}에서 패닉하는 원인을 찾아 패닉 없이 처리하기(상대가 보낸 것이나 read, write 결과에 unwrap(), expect() 쓰지 않기).", panic.location),
        ),
        section: None,
    }
}

/// The program runs but its `listening on ADDR` line never reached the grader.
pub fn no_listening_line(lang: Lang) -> Diagnosis {
    Diagnosis {
        key: "no listening line".into(),
        title: lang
            .pick(
                "the `listening on ADDR` line never arrives (stdout not flushed?)",
                "`listening on ADDR` 줄이 오지 않음(stdout을 flush하지 않았나요?)",
            )
            .into(),
        cause: lang.pick(
            "The program is running but printed no `listening on ADDR` line within 10 s. When stdout is a pipe (as under the grader) its output may wait in a buffer: Rust's std flushes stdout at every newline today, but does not promise to, and C's stdio and many other languages buffer a pipe in blocks. Flush right after printing the line.",
            "프로그램은 실행 중인데 10초 안에 `listening on ADDR` 줄을 출력하지 않았습니다. stdout이 파이프이면(채점기에서 실행할 때처럼) 출력이 버퍼에 머물 수 있습니다. Rust 표준 라이브러리는 지금은 줄바꿈마다 flush하지만 앞으로도 그렇다고 보장하지는 않고, C의 stdio와 여러 다른 언어는 파이프를 블록 단위로 버퍼링합니다. 줄을 출력한 직후 flush하세요.",
        ).into(),
        to_pass: lang
            .pick(
                "Print `listening on ADDR` as the first line of stdout right after listen(), then flush stdout.",
                "listen() 직후 stdout 첫 줄로 `listening on ADDR` 줄을 출력하고 stdout을 flush하기.",
            )
            .into(),
        section: None,
    }
}

/// Asked to listen on an IPv6 address, the program failed or listened on IPv4.
pub fn ipv4_only(lang: Lang) -> Diagnosis {
    Diagnosis {
        key: "ipv4 only".into(),
        title: lang
            .pick(
                "the program only works with IPv4 addresses",
                "프로그램이 IPv4 주소에서만 동작함",
            )
            .into(),
        cause: lang.pick(
            "Given an IPv6 address ([::1]), the program failed or used IPv4. A socket's address family must match the address it is bound or connected to: take it from the address (socket2's Domain::for_address, or let std/tokio's bind and connect choose), never fix it to IPv4.",
            "IPv6 주소([::1])를 주었더니 프로그램이 실패하거나 IPv4를 썼습니다. 소켓의 주소 체계는 바인드하거나 연결할 주소와 같아야 합니다. 주소 체계를 IPv4로 못 박지 말고 주소에서 가져오세요. socket2라면 Domain::for_address를 쓰고, std나 tokio라면 bind와 connect가 알아서 고르게 두면 됩니다.",
        ).into(),
        to_pass: lang
            .pick(
                "Take the socket's address family from the address you were given.",
                "소켓의 주소 체계를 주어진 주소에서 가져오기.",
            )
            .into(),
        section: None,
    }
}

/// The program announced an address, is still running, and refuses connections there.
pub fn not_listening(lang: Lang, addr: SocketAddr) -> Diagnosis {
    Diagnosis {
        key: "not listening".into(),
        title: lang.pick(
            format!("nothing accepts connections at the announced address {addr}"),
            format!("알린 주소 {addr}에서 연결을 받는 소켓이 없음"),
        ),
        cause: lang.pick(
            format!("The program printed `listening on {addr}` and is still running, but connecting there is refused: no socket listens at that address. The line must come after listen() succeeded, and name the address the listening socket really has (local_addr() of that very socket)."),
            format!("프로그램이 `listening on {addr}` 줄을 출력했고 아직 실행 중인데, 그 주소로 연결하면 거절됩니다. 그 주소에서 수신 대기하는 소켓이 없다는 뜻입니다. 이 줄은 listen()이 성공한 뒤에, 수신 대기하는 바로 그 소켓의 실제 주소(local_addr())로 출력해야 합니다."),
        ),
        to_pass: lang
            .pick(
                "Print `listening on ADDR` only after listen(), with the listening socket's own local_addr().",
                "listen()이 끝난 뒤에, 수신 대기 소켓의 local_addr()로 `listening on ADDR` 줄을 출력하기.",
            )
            .into(),
        section: None,
    }
}
