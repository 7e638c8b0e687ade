//! The grader's test runner.
//!
//! A lab's grader is a test target with `harness = false` whose `main` hands its table of
//! checks to [`grade`]. Writing our own runner instead of `#[test]` functions buys three
//! things: every check has its own time limit (a hung program fails that check, and the
//! programs it started are killed, instead of hanging `cargo test`); failures are explained
//! in the learner's language with the book section to read; and the table of checks, with
//! their points, is one value that the grader, the course's own proof tests and the reports
//! all read. It still behaves like libtest where it matters: `cargo test -p lab02 -- FILTER`,
//! `--exact`, `--skip`, `--list`, `--test-threads`, and the `--list --format terse` that
//! cargo-nextest asks for.

use std::collections::VecDeque;
use std::io::{IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::Lang;
use crate::book;
use crate::ctx::Ctx;
use crate::failure::{Diagnosis, Failure, Outcome, Step, Verdict};
use crate::process::{describe_exit, lock, tail};

/// A text written in both languages.
#[derive(Clone, Copy, Debug)]
pub struct Text {
    pub en: &'static str,
    pub ko: &'static str,
}

impl Text {
    pub const fn new(en: &'static str, ko: &'static str) -> Text {
        Text { en, ko }
    }

    pub fn get(&self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.ko)
    }
}

/// One check of a lab.
pub struct Check {
    /// A stable name: what `cargo test -p labNN -- NAME` filters on, and what reports use.
    pub id: &'static str,
    /// What passing it is worth.
    pub points: u32,
    /// The longest it may take; past that it fails and the programs it started are killed.
    pub limit: Duration,
    /// What the check verifies, as a learner would say it.
    pub title: Text,
    /// What to implement for it to pass: the TODO it depends on.
    pub todo: Text,
    /// The id of the chapter section that explains it (`{#id}` on the heading).
    pub section: &'static str,
    /// The check itself.
    pub run: fn(&Ctx) -> Outcome,
    /// A timing-sensitive check (an answer within 1 s, 500 clients in 5 s, a memory bound)
    /// runs alone, after the others, so that the load of other checks cannot fail it.
    pub serial: bool,
}

/// A stage of a lab: one idea, a few checks, a few minutes of work. The grader reports a lab
/// stage by stage, so a learner sees the first thing to do, not every failure at once.
pub struct Stage {
    /// What the stage is about, as a learner would say it.
    pub title: Text,
    /// The id of the chapter section that teaches it.
    pub section: &'static str,
    /// Its checks, by id.
    pub checks: &'static [&'static str],
}

/// A lab: its checks, and where its chapter is.
pub struct Lab {
    /// `lab02`.
    pub name: &'static str,
    /// The chapter number, for hints.
    pub chapter: u8,
    /// The chapter's file name, the same in `src/en` and `src/ko`.
    pub chapter_file: &'static str,
    /// The variable that points the grader at another program (`LAB02_BIN`).
    pub bin_env: &'static str,
    pub checks: &'static [Check],
    /// The checks grouped in the order a learner meets them; every check is in one stage.
    pub stages: &'static [Stage],
}

impl Lab {
    /// The stage (0-based) that holds check `id`.
    pub fn stage_of(&self, id: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.checks.contains(&id))
    }

    /// Every check in exactly one stage, every stage 1 to 4 checks of this lab, and every
    /// stage's section a real id: what a lab's table must keep. Checked by each lab's proof.
    pub fn check_stages(&self) -> Result<(), String> {
        let mut problems = Vec::new();
        for check in self.checks {
            let n = self
                .stages
                .iter()
                .filter(|s| s.checks.contains(&check.id))
                .count();
            if n != 1 {
                problems.push(format!("`{}` is in {n} stages (one, exactly)", check.id));
            }
        }
        for (i, stage) in self.stages.iter().enumerate() {
            if !(1..=4).contains(&stage.checks.len()) {
                problems.push(format!(
                    "stage {} has {} checks (1 to 4)",
                    i + 1,
                    stage.checks.len()
                ));
            }
            for id in stage.checks {
                if !self.checks.iter().any(|c| c.id == *id) {
                    problems.push(format!("stage {} names no check `{id}`", i + 1));
                }
            }
            for lang in [Lang::En, Lang::Ko] {
                if crate::book::section_title(lang, self.chapter_file, stage.section).is_none() {
                    problems.push(format!(
                        "stage {}: no section {{#{}}} in src/{}/{}",
                        i + 1,
                        stage.section,
                        lang.book_dir(),
                        self.chapter_file
                    ));
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!("{}'s stages: {}", self.name, problems.join("; ")))
        }
    }

    /// The check named `id`. Panics on a name that is not in the table: that is a mistake
    /// in a proof test, not something a learner can cause.
    pub fn check(&self, id: &str) -> &Check {
        self.checks
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("{} has no check named {id}", self.name))
    }

    pub fn max_points(&self) -> u32 {
        self.checks.iter().map(|c| c.points).sum()
    }
}

/// How one check went.
pub struct CheckResult {
    pub id: &'static str,
    pub points: u32,
    pub outcome: Outcome,
    pub elapsed: Duration,
    /// The tail of the stderr of the last program the check started.
    pub stderr: Option<String>,
}

impl CheckResult {
    pub fn passed(&self) -> bool {
        self.outcome.is_ok()
    }
}

/// Runs one check against `program`, within the check's time limit.
pub fn run_check(check: &Check, lang: Lang, program: PathBuf) -> CheckResult {
    let ctx = Arc::new(Ctx::new(lang, program));
    let started = Instant::now();
    let (tx, rx) = mpsc::channel();
    let run = check.run;
    let worker_ctx = ctx.clone();
    let spawned = thread::Builder::new()
        .name(check.id.to_string())
        .spawn(move || {
            let result = panic::catch_unwind(AssertUnwindSafe(|| run(&worker_ctx)));
            let _ = tx.send(result);
        });
    let outcome = match spawned {
        Err(e) => Err(Failure::new(format!("could not start a thread: {e}"))),
        Ok(_) => {
            match rx.recv_timeout(check.limit) {
                Ok(Ok(outcome)) => outcome,
                Ok(Err(panic)) => {
                    let message = panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    Err(Failure::new(lang.pick(
                    format!("the check itself failed (a bug in the grader, please report it): {message}"),
                    format!("검사 항목 자체가 실패했습니다(채점기의 버그이니 알려 주세요): {message}"),
                )))
                }
                Err(_) => {
                    // The check is stuck waiting on the program. Killing the program unblocks it;
                    // the check's thread then ends on its own.
                    ctx.registry().kill_all();
                    Err(Failure::new(lang.pick(
                    format!(
                        "the check did not finish within its time limit of {} s, so the program was stopped",
                        check.limit.as_secs()
                    ),
                    format!(
                        "검사 항목이 제한 시간 {}초 안에 끝나지 않아 프로그램을 멈췄습니다",
                        check.limit.as_secs()
                    ),
                ))
                .cause(lang.pick(
                    "The program stopped responding in the middle of an exchange: it accepted a connection and then never answered, or never closed it.",
                    "프로그램이 주고받기 도중에 응답을 멈췄습니다. 연결을 수락한 뒤 답하지 않았거나, 연결을 닫지 않았습니다.",
                )))
                }
            }
        }
    };
    let outcome = judge_the_programs(&ctx, outcome, lang);
    let stderr = if outcome.is_err() {
        ctx.registry().last_stderr()
    } else {
        None
    };
    CheckResult {
        id: check.id,
        points: check.points,
        outcome,
        elapsed: started.elapsed(),
        stderr,
    }
}

/// What every check also demands, whatever it looked at: the programs it started did not
/// panic (a panic in one connection's thread can look like a closed connection, which some
/// checks expect), and a server did not exit before the check stopped it. A passing check
/// that saw either fails; a failing one gets the panic as its diagnosis, since it is the
/// likeliest reason for what the check saw.
fn judge_the_programs(ctx: &Ctx, outcome: Outcome, lang: Lang) -> Outcome {
    let registry = ctx.registry();
    // The check's programs were stopped when it returned; what they wrote last is needed.
    registry.wait_for_stderr(Duration::from_secs(1));
    let panic = registry.first_panic();
    match outcome {
        Err(failure) => Err(match panic {
            Some(panic) if failure.diagnosis.is_none() => {
                crate::process::with_panic(lang, failure, &panic)
            }
            _ => failure,
        }),
        Ok(()) => {
            if let Some(panic) = panic {
                let failure = Failure::new(lang.pick(
                    "the program panicked during this check, although the exchange looked right",
                    "주고받은 내용은 맞아 보였지만, 이 검사 도중에 프로그램이 패닉했습니다",
                ))
                .got(panic.summary());
                return Err(crate::process::with_panic(lang, failure, &panic));
            }
            if let Some(early) = registry.early_exit() {
                let failure = Failure::new(lang.pick(
                    "the server exited during this check; a server serves until it is stopped",
                    "이 검사 도중에 서버가 종료되었습니다. 서버는 누군가 멈출 때까지 계속 클라이언트를 처리해야 합니다",
                ))
                .got(describe_exit(lang, early.status));
                return Err(match crate::process::explain_stderr(lang, &early.stderr) {
                    Some(cause) => failure.cause(cause),
                    None => failure,
                });
            }
            Ok(())
        }
    }
}

/// Runs `checks` against `program` on `threads` worker threads, calling `done` as each one
/// finishes. The checks marked `serial` run afterwards, one at a time, with nothing else
/// running. Results come back in the order of `checks`.
pub fn run_checks(
    checks: &[&'static Check],
    lang: Lang,
    program: &std::path::Path,
    threads: usize,
    done: &(dyn Fn(&Check, &CheckResult) + Sync),
) -> Vec<CheckResult> {
    crate::process::raise_open_file_limit();
    let results: Mutex<Vec<Option<CheckResult>>> =
        Mutex::new((0..checks.len()).map(|_| None).collect());
    let batch = |serial: bool, threads: usize| {
        let queue: Mutex<VecDeque<(usize, &'static Check)>> = Mutex::new(
            checks
                .iter()
                .copied()
                .enumerate()
                .filter(|(_, c)| c.serial == serial)
                .collect(),
        );
        let count = lock(&queue).len();
        thread::scope(|scope| {
            for _ in 0..threads.clamp(1, count.max(1)) {
                scope.spawn(|| {
                    loop {
                        let next = lock(&queue).pop_front();
                        let Some((index, check)) = next else { break };
                        let result = run_check(check, lang, program.to_path_buf());
                        done(check, &result);
                        lock(&results)[index] = Some(result);
                    }
                });
            }
        });
    };
    batch(false, threads);
    batch(true, 1);
    results
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .map(|r| r.expect("every check ran"))
        .collect()
}

/// Command-line options, libtest-style.
#[derive(Default)]
struct Options {
    filters: Vec<String>,
    skip: Vec<String>,
    exact: bool,
    list: bool,
    ignored: bool,
    threads: Option<usize>,
}

fn parse_options(args: impl Iterator<Item = String>) -> Options {
    let mut opts = Options::default();
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--exact" => opts.exact = true,
            "--list" => opts.list = true,
            "--ignored" => opts.ignored = true,
            "--skip" => opts.skip.extend(args.next()),
            "--test-threads" => opts.threads = args.next().and_then(|n| n.parse().ok()),
            // Options that take a value and change nothing here.
            "--format" | "--color" | "-Z" | "--logfile" | "--report-time" => {
                args.next();
            }
            a if a.starts_with("--test-threads=") => {
                opts.threads = a["--test-threads=".len()..].parse().ok();
            }
            a if a.starts_with('-') => {} // --nocapture, --quiet, --show-output, ...
            _ => opts.filters.push(arg),
        }
    }
    opts
}

impl Options {
    fn selects(&self, id: &str) -> bool {
        let matches = |f: &String| {
            if self.exact {
                id == f
            } else {
                id.contains(f.as_str())
            }
        };
        (self.filters.is_empty() || self.filters.iter().any(matches))
            && !self.skip.iter().any(|s| id.contains(s.as_str()))
    }
}

/// Colours for a terminal that wants them: never with NO_COLOR set or into a pipe.
struct Paint(bool);

impl Paint {
    fn detect() -> Paint {
        let off = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Paint(!off && std::io::stdout().is_terminal())
    }
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn green(&self, t: &str) -> String {
        self.wrap("32", t)
    }
    fn red(&self, t: &str) -> String {
        self.wrap("31", t)
    }
    fn bold(&self, t: &str) -> String {
        self.wrap("1", t)
    }
}

/// The grader's `main`: grades the program named by `lab.bin_env`, or `default_program`,
/// prints the report, and exits with 0 when every selected check passed, 101 otherwise.
pub fn grade(lab: &'static Lab, default_program: &str) -> ! {
    let opts = parse_options(std::env::args().skip(1));
    let lang = Lang::detect();
    let selected: Vec<&'static Check> = lab.checks.iter().filter(|c| opts.selects(c.id)).collect();

    if opts.list {
        // No check is ignored, so the list of ignored checks is empty.
        if !opts.ignored {
            for check in &selected {
                println!("{}: test", check.id);
            }
        }
        std::process::exit(0);
    }

    let program = match std::env::var_os(lab.bin_env) {
        Some(path) if !path.is_empty() => resolve_program(PathBuf::from(path)),
        _ => PathBuf::from(default_program),
    };
    if !program.is_file() {
        eprintln!(
            "{}",
            lang.pick(
                format!(
                    "{}: {} is not a file; set {} to the program to grade",
                    lab.name,
                    program.display(),
                    lab.bin_env
                ),
                format!(
                    "{}: {}은(는) 파일이 아닙니다. {}에 채점할 프로그램 경로를 지정하세요",
                    lab.name,
                    program.display(),
                    lab.bin_env
                ),
            )
        );
        std::process::exit(2);
    }

    let paint = Paint::detect();
    println!();
    println!(
        "{}",
        paint.bold(&lang.pick(
            format!(
                "grading {}: {} checks against {}",
                lab.name,
                selected.len(),
                program.display()
            ),
            format!(
                "{} 채점: 검사 항목 {}개, 대상 {}",
                lab.name,
                selected.len(),
                program.display()
            ),
        ))
    );
    let threads = opts.threads.unwrap_or_else(|| {
        thread::available_parallelism()
            .map_or(4, |n| n.get() * 4)
            .min(16)
    });
    let out = Mutex::new(());
    let results = run_checks(&selected, lang, &program, threads, &|check, result| {
        let _guard = lock(&out);
        let verdict = match &result.outcome {
            Ok(()) => paint.green(lang.pick("ok", "통과")),
            Err(f) if f.verdict == Verdict::NotMeasured => {
                paint.bold(lang.pick("NOT MEASURED", "측정 불가"))
            }
            Err(_) => paint.red(lang.pick("FAILED", "실패")),
        };
        let secs = result.elapsed.as_secs_f64();
        println!(
            "{}",
            lang.pick(
                format!("check {} ... {verdict} ({secs:.1} s)", check.id),
                format!("검사 항목 {} ... {verdict} ({secs:.1}초)", check.id),
            )
        );
    });

    let failures: Vec<(&Check, &CheckResult)> = selected
        .iter()
        .copied()
        .zip(&results)
        .filter(|(_, r)| !r.passed())
        .collect();
    // A whole grading is reported stage by stage: which stages pass, then the full reports
    // of the first stage that does not, and one line for each later one. A run of chosen
    // checks (`cargo test -p labNN -- ID`) or LAB_VERBOSE=1 shows every report.
    let verbose = std::env::var_os("LAB_VERBOSE").is_some_and(|v| !v.is_empty() && v != "0");
    let staged = selected.len() == lab.checks.len() && !lab.stages.is_empty() && !verbose;
    let mut shown: Vec<(&Check, &CheckResult)> = failures.clone();
    if staged {
        let passed_in = |stage: &Stage| {
            stage
                .checks
                .iter()
                .filter(|id| {
                    selected
                        .iter()
                        .zip(&results)
                        .any(|(c, r)| c.id == **id && r.passed())
                })
                .count()
        };
        let first_open = lab
            .stages
            .iter()
            .position(|s| passed_in(s) < s.checks.len());
        println!();
        println!("{}", paint.bold(lang.pick("stages:", "단계:")));
        for (i, stage) in lab.stages.iter().enumerate() {
            let passed = passed_in(stage);
            let total = stage.checks.len();
            let (mark, note) = if passed == total {
                (paint.green("✓"), String::new())
            } else if Some(i) == first_open {
                (
                    paint.red("✗"),
                    lang.pick(" ← the reports below", " ← 보고서는 아래에")
                        .to_string(),
                )
            } else {
                ("·".to_string(), String::new())
            };
            println!(
                "  {mark} {}. {} ({passed}/{total}){note}",
                i + 1,
                stage.title.get(lang)
            );
        }
        if let Some(open) = first_open {
            let stage = &lab.stages[open];
            shown = stage
                .checks
                .iter()
                .filter_map(|id| failures.iter().find(|(c, _)| c.id == *id).copied())
                .collect();
            // A failing check in no stage (a table being edited) is never hidden.
            shown.extend(
                failures
                    .iter()
                    .filter(|(c, _)| lab.stage_of(c.id).is_none())
                    .copied(),
            );
            let later = failures.len() - shown.len();
            if later > 0 {
                println!(
                    "  {}",
                    lang.pick(
                        format!("Stage {} first: the {later} other failing check(s) are in later stages (LAB_VERBOSE=1 shows every report).", open + 1),
                        format!("{}단계부터 고치세요. 실패한 검사 항목 {later}개가 더 있지만 모두 뒤 단계에 속합니다(보고서를 모두 보려면 LAB_VERBOSE=1을 주세요).", open + 1),
                    )
                );
            }
        }
    }
    if !shown.is_empty() {
        println!();
        println!(
            "{}",
            paint.bold(lang.pick("failures:", "실패한 검사 항목:"))
        );
        for (check, result) in &shown {
            println!();
            print!("{}", render_failure(lab, check, result, lang));
        }
    }

    let causes = root_causes(&selected, &results);
    if !causes.is_empty() {
        println!();
        println!(
            "{}",
            paint.bold(lang.pick(
                "root causes (one fix can pass several checks):",
                "근본 원인(한 곳을 고치면 여러 검사 항목이 통과할 수 있습니다):",
            ))
        );
        for (n, (diagnosis, ids)) in causes.iter().enumerate() {
            println!("  {}. {}", n + 1, diagnosis.title);
            println!(
                "     {}",
                lang.pick(
                    format!("explains {} failed check(s): {}", ids.len(), ids.join(", ")),
                    format!(
                        "실패한 검사 항목 {}개의 원인: {}",
                        ids.len(),
                        ids.join(", ")
                    ),
                )
            );
            println!("     {}", diagnosis.to_pass);
        }
    }

    let passed = results.iter().filter(|r| r.passed()).count();
    let unmeasured: Vec<&str> = selected
        .iter()
        .zip(&results)
        .filter(|(_, r)| matches!(&r.outcome, Err(f) if f.verdict == Verdict::NotMeasured))
        .map(|(c, _)| c.id)
        .collect();
    let points: u32 = results
        .iter()
        .filter(|r| r.passed())
        .map(|r| r.points)
        .sum();
    let max: u32 = results.iter().map(|r| r.points).sum();
    println!();
    // The summary line is what CI reads (`.ci/run` greps it in both languages).
    let failed = results.len() - passed;
    println!(
        "{}",
        lang.pick(
            format!("{}: {passed} passed, {failed} failed", lab.name),
            format!("{}: 통과 {passed}개, 실패 {failed}개", lab.name),
        )
    );
    if !unmeasured.is_empty() {
        println!(
            "{}",
            lang.pick(
                format!(
                    "not measured on this machine (no points; grade on Linux with IPv6 loopback): {}",
                    unmeasured.join(", ")
                ),
                format!(
                    "이 컴퓨터에서 측정하지 못한 검사 항목(점수 없음, IPv6 루프백이 있는 리눅스에서 채점하세요): {}",
                    unmeasured.join(", ")
                ),
            )
        );
    }
    println!(
        "{}",
        lang.pick(
            format!("points: {points}/{max}"),
            format!("점수: {points}/{max}"),
        )
    );
    if !failures.is_empty() {
        println!(
            "{}",
            if causes.is_empty() {
                lang.pick(
                    "Start with the first failure above: it says what to implement and where the book explains it.",
                    "위의 첫 번째 실패부터 보세요. 무엇을 구현해야 하는지, 책의 어느 부분에 설명이 있는지 적혀 있습니다.",
                )
            } else {
                lang.pick(
                    "Start with root cause 1 above, then grade again.",
                    "위의 근본 원인 1부터 고친 뒤 다시 채점하세요.",
                )
            }
        );
    }
    // A full run (no filter) is kept as the lab's last grading, for `cargo lab status`.
    let full_run = opts.filters.is_empty() && opts.skip.is_empty();
    let wanted = std::env::var_os("LAB_REPORT");
    if full_run || wanted.is_some() {
        let report = crate::report::json(lab, &program, lang, &selected, &results);
        if let Some(path) = wanted
            && let Err(e) = std::fs::write(&path, &report)
        {
            eprintln!("{}: could not write LAB_REPORT: {e}", lab.name);
        }
        if full_run {
            // Both languages: `cargo lab status` answers in the language it is asked in.
            let other = lang.pick(Lang::Ko, Lang::En);
            let other_report = crate::report::json(lab, &program, other, &selected, &results);
            let (en, ko) = lang.pick((&report, &other_report), (&other_report, &report));
            crate::saved::save(lab.name, en, ko);
        }
    }
    let _ = std::io::stdout().flush();
    std::process::exit(if failures.is_empty() { 0 } else { 101 });
}

/// Cargo runs a test in its package's folder, not where you typed the command, so a relative
/// `LABNN_BIN` is looked up from the repository root (where the README tells you to run
/// things) when it is not found from the package folder.
fn resolve_program(path: PathBuf) -> PathBuf {
    if path.is_absolute() || path.is_file() {
        return path;
    }
    let from_root = book::repo_root().join(&path);
    match from_root.canonicalize() {
        Ok(found) if found.is_file() => found,
        _ => path,
    }
}

/// Pads `text` with spaces to `width` terminal columns. Hangul and other wide characters
/// take two columns, so Korean labels line up with English ones.
fn pad(text: &str, width: usize) -> String {
    let columns: usize = text
        .chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFF00..=0xFF60 => 2,
            _ => 1,
        })
        .sum();
    format!("{text}{}", " ".repeat(width.saturating_sub(columns)))
}

/// What to do for a failed check to pass: the diagnosis's advice when the grader recognised
/// the mistake, else the check's own.
pub fn to_pass(check: &Check, failure: &Failure, lang: Lang) -> String {
    match &failure.diagnosis {
        Some(d) => d.to_pass.clone(),
        None => check.todo.get(lang).to_string(),
    }
}

/// The root causes among `results`, each with the checks it explains, in the order they
/// were first seen.
pub fn root_causes<'a>(
    checks: &[&'a Check],
    results: &'a [CheckResult],
) -> Vec<(&'a Diagnosis, Vec<&'a str>)> {
    let mut found: Vec<(&Diagnosis, Vec<&str>)> = Vec::new();
    for (check, result) in checks.iter().zip(results) {
        let Err(Failure {
            diagnosis: Some(d), ..
        }) = &result.outcome
        else {
            continue;
        };
        match found.iter_mut().find(|(known, _)| known.key == d.key) {
            Some((_, ids)) => ids.push(check.id),
            None => found.push((d, vec![check.id])),
        }
    }
    found
}

/// The full explanation of one failed check.
pub fn render_failure(lab: &Lab, check: &Check, result: &CheckResult, lang: Lang) -> String {
    let Err(failure) = &result.outcome else {
        return String::new();
    };
    let label = |en: &str, ko: &str| pad(lang.pick(en, ko), 10);
    let mut out = String::new();
    let unmeasured = match failure.verdict {
        Verdict::NotMeasured => lang.pick(" (not measured here)", " (여기서는 측정 불가)"),
        Verdict::Failed => "",
    };
    out.push_str(&format!(
        "---- {}: {} ----{unmeasured}\n",
        check.id,
        check.title.get(lang)
    ));
    out.push_str(&format!("  {}\n", failure.problem));
    // The situation, what was sent, expected, got, then notes: the order a reader follows
    // an exchange in.
    let mut steps: Vec<&Step> = failure.steps.iter().collect();
    steps.sort_by_key(|step| match step {
        Step::Situation(_) => 0,
        Step::Sent(_) => 1,
        Step::Expected(_) => 2,
        Step::Got(_) => 3,
        Step::Note(_) => 4,
    });
    for step in steps {
        let (name, text) = match step {
            Step::Situation(t) => (label("situation", "상황"), t),
            Step::Sent(t) => (label("sent", "보낸 것"), t),
            Step::Expected(t) => (label("expected", "기대한 것"), t),
            Step::Got(t) => (label("got", "받은 것"), t),
            Step::Note(t) => (label("note", "참고"), t),
        };
        out.push_str(&format!("  {name} {text}\n"));
    }
    // A recognised root cause speaks for what was observed; the check's fixed advice is
    // only the fallback.
    let diagnosis = failure.diagnosis.as_ref();
    if let Some(cause) = diagnosis.map(|d| &d.cause).or(failure.cause.as_ref()) {
        out.push_str(&format!("  {} {cause}\n", label("cause", "원인 추정")));
    }
    out.push_str(&format!(
        "  {} {}\n",
        label("to pass", "해야 할 일"),
        to_pass(check, failure, lang)
    ));
    let section_id = diagnosis.and_then(|d| d.section).unwrap_or(check.section);
    let chapter = book::chapter_title(lang, lab.chapter_file).unwrap_or_default();
    let section = book::section_title(lang, lab.chapter_file, section_id).unwrap_or_default();
    out.push_str(&format!(
        "  {} {}\n  {} {}#{}\n",
        label("read", "읽을 곳"),
        lang.pick(
            format!("chapter {} “{chapter}”, section “{section}”", lab.chapter),
            format!("{}장 「{chapter}」의 「{section}」 절", lab.chapter),
        ),
        pad("", 10),
        book::page_path(lang, lab.chapter_file),
        section_id
    ));
    if let Some(stderr) = &result.stderr {
        let lines = tail(stderr, 8);
        if !lines.is_empty() {
            out.push_str(&format!(
                "  {}\n",
                lang.pick(
                    "the program's stderr, last lines:",
                    "프로그램 stderr의 마지막 줄:"
                )
            ));
            for line in lines {
                out.push_str(&format!("    | {line}\n"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(args: &[&str]) -> Options {
        parse_options(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn filters_like_libtest() {
        let o = opts(&["echo", "--skip", "binary", "--nocapture"]);
        assert!(o.selects("echoes_one_line"));
        assert!(!o.selects("echoes_binary_exactly"));
        assert!(!o.selects("announces_address"));
        let o = opts(&["echo", "--exact"]);
        assert!(!o.selects("echoes_one_line"));
        assert!(opts(&[]).selects("anything"));
        let o = opts(&["--list", "--format", "terse", "--test-threads=3"]);
        assert!(o.list && o.threads == Some(3) && o.filters.is_empty());
    }
}

#[cfg(test)]
mod stage_tests {
    use super::*;

    fn pass(_: &Ctx) -> Outcome {
        Ok(())
    }

    const fn check(id: &'static str) -> Check {
        Check {
            id,
            points: 1,
            limit: Duration::from_secs(1),
            title: Text::new("t", "t"),
            todo: Text::new("t", "t"),
            section: "goals",
            run: pass,
            serial: false,
        }
    }

    static CHECKS: [Check; 2] = [check("a"), check("b")];

    #[test]
    fn every_check_must_be_in_exactly_one_stage() {
        let lab = |stages: &'static [Stage]| Lab {
            name: "lab01",
            chapter: 1,
            chapter_file: "ch01-sockets-vs-http.md",
            bin_env: "LAB01_BIN",
            checks: &CHECKS,
            stages,
        };
        const GOOD: &[Stage] = &[Stage {
            title: Text::new("t", "t"),
            section: "goals",
            checks: &["a", "b"],
        }];
        const MISSING: &[Stage] = &[Stage {
            title: Text::new("t", "t"),
            section: "goals",
            checks: &["a"],
        }];
        const TWICE: &[Stage] = &[
            Stage {
                title: Text::new("t", "t"),
                section: "goals",
                checks: &["a", "b"],
            },
            Stage {
                title: Text::new("t", "t"),
                section: "no-such-section",
                checks: &["b", "c"],
            },
        ];
        assert_eq!(lab(GOOD).check_stages(), Ok(()));
        assert!(
            lab(MISSING)
                .check_stages()
                .unwrap_err()
                .contains("`b` is in 0 stages")
        );
        let twice = lab(TWICE).check_stages().unwrap_err();
        assert!(twice.contains("`b` is in 2 stages"), "{twice}");
        assert!(twice.contains("names no check `c`"), "{twice}");
        assert!(twice.contains("no section {#no-such-section}"), "{twice}");
    }
}
