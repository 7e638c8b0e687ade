//! `cargo lab`: where a learner stands, and how an instructor grades a class.
//!
//! A thin layer over the graders: every command runs `cargo test -p labNN --test grader`
//! (the same command a learner types) and reads the JSON report the grader writes when
//! `LAB_REPORT` is set. Points, titles and explanations therefore come from one place, the
//! check tables next to the checks, and `cargo lab`, `cargo test -p labNN` and the CI
//! reports can never disagree.
//!
//! ```text
//! cargo lab status [--regrade]     every lab: checks passed, points, what to do next
//! cargo lab check 2                grade lab02, with the grader's explanations
//! cargo lab hint 2                 a hint for the first failing check; more each time
//! cargo lab watch 2                grade lab02 again whenever its files are saved
//! cargo lab grade [--format F]     all labs: human (default), json, junit, markdown or classroom
//!                 [--out FILE] [--save DIR]   (--save: all three reports from one run)
//! cargo lab export-student DIR     the course without its solutions, for a class
//! ```

mod classroom;
mod export;
mod grade;
mod hint;
mod hints;
mod labs;
mod output;
mod watch;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use harness::Lang;

const USAGE_EN: &str = "usage: cargo lab <command>

commands:
  status [--regrade]          every lab: checks passed, points, what to do next, from
                              each lab's last grading (--regrade: grade what changed)
  check N                     grade lab N (e.g. `cargo lab check 2`), with explanations
  hint N                      a hint for lab N's first failing check; ask again for more
  watch N                     grade lab N again whenever you save one of its files
  grade [--format FORMAT] [--out FILE] [--save DIR]
                              grade every lab; FORMAT is human, json, junit, markdown or
                              classroom (GitHub Classroom results, one test per check);
                              --save DIR writes report.json, report.xml, report.md and
                              classroom.txt
  export-student DIR          write the course without its solutions into DIR

Messages are in Korean with LAB_LANG=ko (or a Korean locale).";

const USAGE_KO: &str = "사용법: cargo lab <명령>

명령:
  status [--regrade]          모든 실습: 통과한 검사 항목, 점수, 다음에 할 일. 실습마다
                              마지막 채점 결과를 보여 줍니다(--regrade: 바뀐 실습을 다시 채점)
  check N                     N번 실습을 채점하고 설명을 보여 줍니다(예: `cargo lab check 2`)
  hint N                      N번 실습에서 처음 실패한 검사 항목의 힌트. 다시 물으면 더 알려 줍니다
  watch N                     N번 실습의 파일을 저장할 때마다 다시 채점합니다
  grade [--format 형식] [--out 파일] [--save 폴더]
                              모든 실습을 채점합니다. 형식은 human, json, junit, markdown,
                              classroom(GitHub Classroom 결과, 검사 항목마다 테스트 하나).
                              --save 폴더: report.json, report.xml, report.md, classroom.txt를
                              한 번에 씁니다
  export-student 폴더         참조 구현을 뺀 과정을 폴더에 씁니다

LAB_LANG=en이면 메시지가 영어로 나옵니다.";

/// The repository root: the runner lives in `grading/runner`.
pub fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .canonicalize()
        .unwrap_or_else(|_| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")))
}

/// Lets a closed pipe end the runner quietly, as it ends `ls | head`. Rust ignores SIGPIPE,
/// so `cargo lab hint 5 | head` would panic in `println!` once `head` has read enough. Safe
/// here: the runner writes only to its own stdout and stderr (never to a child's stdin), so
/// the signal can only come from the reader of its output going away.
fn quiet_on_a_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to its default, before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    quiet_on_a_closed_pipe();
    let lang = Lang::detect();
    let args: Vec<String> = match std::env::args_os()
        .skip(1)
        .map(|a| a.into_string())
        .collect::<Result<_, _>>()
    {
        Ok(args) => args,
        Err(bad) => {
            eprintln!("cargo lab: argument {bad:?} is not valid UTF-8");
            return ExitCode::from(2);
        }
    };
    let usage = lang.pick(USAGE_EN, USAGE_KO);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        [] | ["help"] | ["-h"] | ["--help"] => {
            println!("{usage}");
            Ok(true)
        }
        ["status"] => grade::status(lang, false),
        ["status", "--regrade"] => grade::status(lang, true),
        ["check", n] => labs::number(n, lang).and_then(|n| grade::check(lang, n)),
        ["hint", n] => labs::number(n, lang).and_then(|n| hint::hint(lang, n)),
        ["watch", n] => labs::number(n, lang).and_then(|n| watch::watch(lang, n)),
        ["grade", rest @ ..] => {
            output::parse_grade_options(rest, lang).and_then(|opts| output::grade_all(lang, opts))
        }
        ["export-student", dir] => export::export_student(lang, &PathBuf::from(dir)),
        _ => Err(lang.pick(
            format!("unknown command `{}`\n\n{usage}", args.join(" ")),
            format!("알 수 없는 명령 `{}`\n\n{usage}", args.join(" ")),
        )),
    };
    let _ = std::io::stdout().flush();
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("cargo lab: {message}");
            ExitCode::from(2)
        }
    }
}
