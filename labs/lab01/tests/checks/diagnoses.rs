//! The mistakes lab01's checks recognise from what they observed.
//!
//! A check sees one exchange; a mistake often breaks several. When what a check saw points
//! at one cause (the head printed on stdout, the body waited for past its length, a header
//! name compared case-sensitively), it names it with one of these, and the grader reports
//! the cause once, with every check it explains, instead of one guess per check.

use harness::{Diagnosis, Lang};

fn diagnosis(
    key: &str,
    lang: Lang,
    title: (&str, &str),
    cause: (&str, &str),
    to_pass: (&str, &str),
    section: &'static str,
) -> Diagnosis {
    Diagnosis {
        key: key.to_string(),
        title: lang.pick(title.0, title.1).to_string(),
        cause: lang.pick(cause.0, cause.1).to_string(),
        to_pass: lang.pick(to_pass.0, to_pass.1).to_string(),
        section: Some(section),
    }
}

/// stdout began with `HTTP/`: the status line or the whole head went to stdout.
pub fn head_on_stdout(lang: Lang) -> Diagnosis {
    diagnosis(
        "head on stdout",
        lang,
        (
            "the status line (or the head) is printed on stdout",
            "상태 줄(또는 헤드)을 stdout에 출력함",
        ),
        (
            "stdout begins with `HTTP/`: the response's head, or its status line, was printed there. stdout carries the body alone, so that `lab01 get URL > file` saves exactly what the server sent; the status line goes to stderr.",
            "stdout이 `HTTP/`로 시작합니다. 응답의 헤드나 상태 줄을 stdout에 출력한 것입니다. `lab01 get URL > file`이 서버가 보낸 것만 그대로 저장하도록 stdout에는 본문만 쓰고, 상태 줄은 stderr에 씁니다.",
        ),
        (
            "Print the status line with eprintln!, and write only the body's bytes to stdout.",
            "상태 줄은 eprintln!으로 출력하고, stdout에는 본문 바이트만 쓰기.",
        ),
        "reading-the-response",
    )
}

/// The body came out with U+FFFD where the server sent other bytes.
pub fn body_as_text(lang: Lang) -> Diagnosis {
    diagnosis(
        "body as text",
        lang,
        (
            "the body is turned into text on its way out (U+FFFD in the output)",
            "본문을 텍스트로 바꿔서 출력함(출력에 U+FFFD)",
        ),
        (
            "The output contains EF BF BD, the UTF-8 replacement character, where the server sent other bytes: the bytes went through a String (from_utf8_lossy, println!). A body is bytes, and not every body is UTF-8; a character can also be split between two reads.",
            "서버가 보내지 않은 EF BF BD(UTF-8 대체 문자)가 출력에 있습니다. 바이트가 String을 거쳤다는 뜻입니다(from_utf8_lossy, println!). 본문은 바이트이고, 모든 본문이 UTF-8은 아니며, 한 글자가 두 번의 read에 나뉘어 올 수도 있습니다.",
        ),
        (
            "Copy the body's bytes as they are, with write_all on stdout.",
            "본문 바이트를 그대로 stdout에 write_all로 복사하기.",
        ),
        "reading-the-response",
    )
}

/// The whole body came out, and then the program waited for the close that a server
/// keeping the connection open never sends.
pub fn waits_for_close(lang: Lang) -> Diagnosis {
    diagnosis(
        "waits for close",
        lang,
        (
            "the body is read until the server closes, past its Content-Length",
            "Content-Length를 넘어 서버가 닫을 때까지 본문을 읽음",
        ),
        (
            "The program printed the whole body and then kept reading, until the grader stopped it: it waits for the server to close the connection. With a Content-Length, the body ends after that many bytes, and a server may keep the connection open after them.",
            "프로그램이 본문을 다 출력한 뒤에도 채점기가 멈출 때까지 계속 읽었습니다. 서버가 연결을 닫기를 기다린 것입니다. Content-Length가 있으면 본문은 그 바이트 수에서 끝나고, 서버는 그 뒤에도 연결을 열어 둘 수 있습니다.",
        ),
        (
            "With a Content-Length, copy exactly that many bytes (counting those that came with the head), then stop reading.",
            "Content-Length가 있으면 헤드와 함께 온 바이트까지 세어 정확히 그만큼만 복사하고 읽기를 멈추기.",
        ),
        "reading-the-response",
    )
}

/// `Content-Length: 0` failed where `Content-Length: 3` passed: zero taken for "no length".
pub fn zero_as_no_length(lang: Lang) -> Diagnosis {
    diagnosis(
        "content-length 0 as none",
        lang,
        (
            "`Content-Length: 0` is taken for \"no length\"",
            "`Content-Length: 0`을 \"길이 없음\"으로 처리함",
        ),
        (
            "A response with `Content-Length: 3` was read and ended correctly, but with `Content-Length: 0` the program waited for the server to close. Zero is a length: the body is empty, and the response is complete right after the head.",
            "`Content-Length: 3`인 응답은 제대로 읽고 끝냈지만, `Content-Length: 0`에서는 서버가 닫기를 기다렸습니다. 0도 길이입니다. 본문이 비어 있고, 응답은 헤드 바로 뒤에서 끝납니다.",
        ),
        (
            "Keep the length as an Option<u64>: Some(0) means an empty body, None means \"until the close\".",
            "길이를 Option<u64>로 다루기(Some(0)은 빈 본문, None은 \"닫힐 때까지\").",
        ),
        "reading-the-response",
    )
}

/// `Content-Length` worked, another case of the same name did not.
pub fn header_name_case(lang: Lang) -> Diagnosis {
    diagnosis(
        "header name case",
        lang,
        (
            "header names are compared case-sensitively",
            "헤더 이름을 대소문자를 구분해 비교함",
        ),
        (
            "The same response was read correctly with `Content-Length:` and not with another spelling of the name (`content-length:`, `CONTENT-LENGTH:`). Header names are case-insensitive (RFC 9110 §5.1); many servers send them in lower case.",
            "같은 응답을 `Content-Length:`로 보내면 제대로 읽었지만, 이름의 대소문자만 다르게(`content-length:`, `CONTENT-LENGTH:`) 보내면 읽지 못했습니다. 헤더 이름은 대소문자를 구분하지 않습니다(RFC 9110 §5.1). 소문자로 보내는 서버도 많습니다.",
        ),
        (
            "Compare header names with eq_ignore_ascii_case.",
            "헤더 이름을 eq_ignore_ascii_case로 비교하기.",
        ),
        "reading-the-response",
    )
}

/// `Content-Length: N` worked, the same with other spaces or tabs did not.
pub fn header_value_whitespace(lang: Lang) -> Diagnosis {
    diagnosis(
        "header whitespace",
        lang,
        (
            "the spaces around a header's value are not handled",
            "헤더 값 앞뒤의 공백을 처리하지 않음",
        ),
        (
            "The same response was read correctly with `Content-Length: N` and not with other whitespace around the value (`Content-Length:N`, tabs, a space after it). The spaces and tabs around a field value are optional and not part of it (RFC 9110 §5.5).",
            "같은 응답을 `Content-Length: N`으로 보내면 제대로 읽었지만, 값 앞뒤의 공백만 다르게(`Content-Length:N`, 탭, 값 뒤의 공백) 보내면 읽지 못했습니다. 헤더 값 앞뒤의 공백과 탭은 있어도 되고 없어도 되며, 값에 속하지 않습니다(RFC 9110 §5.5).",
        ),
        (
            "Split the line at its first colon and trim spaces and tabs from both ends of the value.",
            "줄을 첫 콜론에서 나누고 값의 양 끝에서 공백과 탭을 잘라 내기.",
        ),
        "reading-the-response",
    )
}

/// An incomplete body ended in exit 0.
pub fn incomplete_body_accepted(lang: Lang) -> Diagnosis {
    diagnosis(
        "incomplete body accepted",
        lang,
        (
            "a body cut short by the server is taken as complete (exit 0)",
            "서버가 중간에 끊은 본문을 완전한 것으로 처리함(종료 코드 0)",
        ),
        (
            "The connection ended before all the bytes the Content-Length announced had come, and the program exited 0. That response is incomplete (RFC 9112 §8): the user must learn that what was saved is not the whole body.",
            "Content-Length가 알린 바이트가 다 오기 전에 연결이 끝났는데, 프로그램이 종료 코드 0으로 끝났습니다. 그 응답은 온전하지 않습니다(RFC 9112 §8). 사용자는 저장된 내용이 본문 전체가 아니라는 사실을 알아야 합니다.",
        ),
        (
            "Count the body's bytes; if the connection ends before the Content-Length is reached, return an error (exit 2).",
            "본문 바이트를 세다가 Content-Length에 닿기 전에 연결이 끝나면 오류를 돌려주기(종료 코드 2).",
        ),
        "reading-the-response",
    )
}

/// A reset in the middle of a body ended in exit 0.
pub fn reset_as_eof(lang: Lang) -> Diagnosis {
    diagnosis(
        "reset as eof",
        lang,
        (
            "a failed read (connection reset) is taken for the end of the body",
            "read 실패(연결 리셋)를 본문의 끝으로 처리함",
        ),
        (
            "The server reset the connection in the middle of a body that ends at the close, and the program exited 0. A reset is not a close: read returns an error, not 0, and the body is incomplete.",
            "닫힐 때 끝나는 본문을 보내던 도중에 서버가 연결을 리셋했는데, 프로그램이 종료 코드 0으로 끝났습니다. 리셋은 정상적인 닫기가 아닙니다. read는 0이 아니라 오류를 돌려주고, 본문은 온전하지 않습니다.",
        ),
        (
            "Pass read errors on with ? (io::copy does): only read returning 0 ends the body.",
            "read 오류는 ?로 넘기고(io::copy도 그렇게 함), read가 0을 돌려줄 때만 본문을 끝내기.",
        ),
        "reading-the-response",
    )
}

/// Given `http://[::1]:PORT/`, the program never connected.
pub fn ipv6_url(lang: Lang) -> Diagnosis {
    diagnosis(
        "ipv6 url",
        lang,
        (
            "a URL with an IPv6 address (`http://[::1]:PORT/`) does not work",
            "IPv6 주소가 든 URL(`http://[::1]:PORT/`)이 동작하지 않음",
        ),
        (
            "Given http://[::1]:PORT/, the program did not connect to [::1]. An IPv6 address has colons of its own, so a URL writes it in brackets (RFC 3986 §3.2.2), and the port is what follows the `]`. Splitting the authority at its first colon breaks it.",
            "http://[::1]:PORT/를 주었더니 프로그램이 [::1]에 연결하지 않았습니다. IPv6 주소에는 콜론이 들어 있어서 URL에서는 대괄호로 감쌉니다(RFC 3986 §3.2.2). 포트는 `]` 뒤에 옵니다. 호스트 부분을 첫 콜론에서 나누면 이 주소가 깨집니다.",
        ),
        (
            "In parse_url, when the host starts with `[`, take everything up to the `]` as the host (brackets included, as Host wants it) and the port after it.",
            "parse_url에서 호스트가 `[`로 시작하면 `]`까지를 호스트로 잡고(Host 헤더에 쓸 수 있게 대괄호 포함), 그 뒤에서 포트를 읽기.",
        ),
        "request",
    )
}

/// A line the server sent in pieces came out split, or damaged.
pub fn read_as_line(lang: Lang) -> Diagnosis {
    diagnosis(
        "read as line",
        lang,
        (
            "`talk` takes each read for a line",
            "`talk`가 read 한 번을 한 줄로 여김",
        ),
        (
            "A line the server sent in two pieces came out as two lines, or with U+FFFD where a character was split between the pieces. TCP keeps no message boundaries: one read returns what has arrived, part of a line or several lines.",
            "서버가 두 조각으로 보낸 한 줄이 두 줄로 나오거나, 조각 사이에서 나뉜 글자가 U+FFFD로 나왔습니다. TCP는 메시지 경계를 지키지 않습니다. read 한 번은 그때까지 도착한 만큼만 돌려주므로, 줄의 일부일 수도 있고 여러 줄일 수도 있습니다.",
        ),
        (
            "Read the server's side through a BufReader and print each line read_until(b'\\n') returns, as bytes.",
            "서버 쪽을 BufReader로 감싸 read_until(b'\\n')이 돌려주는 줄을 바이트 그대로 출력하기.",
        ),
        "two-way-client",
    )
}
