//! `cargo lab hint N`: a hint for the first failing check, a little more each time.
//!
//! It reads the lab's last saved grading (no regrade when nothing changed) and climbs the
//! check's written ladder (`crate::hints`): the concept, then the API to look up with the
//! book's paragraph on it, then the shape of a solution. Each call shows one step more, and
//! says when the ladder is exhausted. The step is kept per check in
//! `target/lab-runner/hints.json`, so a new failure starts over.

use std::collections::BTreeMap;
use std::fs;

use harness::Lang;

use crate::grade::{self, Outcome, Show};
use crate::hints;
use crate::labs::LabDir;
use crate::output::colour;

const LEVELS: u32 = hints::STEPS as u32;

fn levels_path() -> std::path::PathBuf {
    grade::state_dir().join("hints.json")
}

fn load() -> BTreeMap<String, u32> {
    fs::read_to_string(levels_path())
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v.as_object().cloned())
        .map(|m| {
            m.into_iter()
                .filter_map(|(k, v)| v.as_u64().map(|n| (k, n as u32)))
                .collect()
        })
        .unwrap_or_default()
}

fn save(levels: &BTreeMap<String, u32>) {
    let path = levels_path();
    if let Some(dir) = path.parent() {
        let _ = fs::create_dir_all(dir);
    }
    let _ = fs::write(
        path,
        serde_json::to_string_pretty(levels).unwrap_or_default(),
    );
}

pub fn hint(lang: Lang, lab: LabDir) -> Result<bool, String> {
    // The last grading, when nothing changed since: a hint answers at once. Otherwise grade.
    let outcome = match grade::saved(&lab, lang) {
        grade::Saved::Current(report) => Outcome::Graded(report),
        _ => grade::run(&lab, lang, Show::Progress),
    };
    let report = match outcome {
        Outcome::Graded(r) => r,
        Outcome::DoesNotCompile(e) => {
            println!(
                "{}",
                lang.pick(
                    format!("{} does not compile yet. The compiler says: {e}\nFix that first: `cargo build -p {}` shows the whole message.", lab.name, lab.name),
                    format!("{} 아직 컴파일되지 않습니다. 컴파일러의 메시지: {e}\n먼저 이것을 고치세요. `cargo build -p {}`로 전체 메시지를 볼 수 있습니다.", harness::with_josa(&lab.name, harness::Particle::Subject), lab.name),
                )
            );
            return Ok(false);
        }
        Outcome::Broken(e) => return Err(e),
    };
    let Some(check) = report.first_failure() else {
        println!(
            "{}",
            lang.pick(
                format!(
                    "{}: every check passes ({}/{} points). Nothing to hint at!",
                    lab.name, report.points, report.max_points
                ),
                format!(
                    "{}: 모든 검사 항목을 통과했습니다({}/{}점). 더 드릴 힌트가 없습니다!",
                    lab.name, report.points, report.max_points
                ),
            )
        );
        return Ok(true);
    };
    let key = format!("{}:{}", lab.name, check.id);
    let mut levels = load();
    let before = levels.get(&key).copied().unwrap_or(0);
    let exhausted = before >= LEVELS;
    let level = (before + 1).min(LEVELS);
    levels.insert(key, level);
    save(&levels);

    let ladder = hints::ladder(&lab.dir, lang, &check.id);
    let title = lang.pick(
        format!(
            "hint {level} of {LEVELS} for {}, check `{}`",
            lab.name, check.id
        ),
        format!(
            "{} 힌트 {level}/{LEVELS}, 검사 항목 `{}`",
            lab.name, check.id
        ),
    );
    println!("{}", colour("1", &title));
    println!();
    println!(
        "{}",
        lang.pick(
            format!("The first failing check: {}.", check.title),
            format!("처음 실패한 검사 항목: {}.", check.title)
        )
    );
    if let Some(message) = &check.message {
        let first = message.lines().next().unwrap_or_default();
        println!(
            "{}",
            lang.pick(
                format!("What went wrong: {first}"),
                format!("무엇이 잘못되었나: {first}")
            )
        );
    }
    match &ladder {
        Some(ladder) => {
            for (n, step) in ladder.steps.iter().enumerate().take(level as usize) {
                println!();
                println!("{}", colour("1", step_title(lang, n)));
                println!("{}", indent(step));
                if n == 1 {
                    quote_the_book(lang, &report, check);
                }
            }
        }
        // A check without written hints (a lab whose ladders are not written yet): the
        // report's own parts, a step at a time.
        None => {
            println!();
            println!(
                "{}",
                lang.pick(
                    format!("To pass it: {}", check.todo),
                    format!("통과하려면: {}", check.todo)
                )
            );
            if level >= 2 {
                if let Some(cause) = &check.cause {
                    println!(
                        "{}",
                        lang.pick(
                            format!("Likely cause: {cause}"),
                            format!("원인 추정: {cause}")
                        )
                    );
                }
                quote_the_book(lang, &report, check);
            }
            if level >= 3
                && let Some(full) = &check.report
            {
                println!();
                println!(
                    "{}",
                    lang.pick("The grader's full report:", "채점기의 전체 보고서:")
                );
                print!("{full}");
            }
        }
    }
    println!();
    if level < LEVELS {
        println!(
            "{}",
            lang.pick(
                format!(
                    "Still stuck? Run `cargo lab hint {}` again for the next step.",
                    lab.number
                ),
                format!(
                    "그래도 막히면 `cargo lab hint {}`{} 다시 실행하세요. 다음 단계가 나옵니다.",
                    lab.number,
                    harness::josa(&lab.number.to_string(), harness::Particle::Object)
                ),
            )
        );
    } else {
        let again = if exhausted {
            lang.pick(
                "You have seen every hint for this check; asking again shows the same.",
                "이 검사 항목의 힌트를 모두 보았습니다. 다시 실행해도 같은 힌트가 나옵니다.",
            )
        } else {
            lang.pick(
                "That was the last hint for this check.",
                "이 검사 항목의 마지막 힌트였습니다.",
            )
        };
        println!("{again}");
        println!(
            "{}",
            lang.pick(
                format!(
                    "What is left: the grader's whole report (`cargo test -p {}`), and the book ({}#{}).",
                    lab.name, check.page, check.section
                ),
                format!(
                    "이제 채점기의 전체 보고서(`cargo test -p {}`)와 책({}#{})을 보세요.",
                    lab.name, check.page, check.section
                ),
            )
        );
    }
    Ok(false)
}

fn step_title(lang: Lang, n: usize) -> &'static str {
    match n {
        0 => lang.pick("1. Think about it", "1. 생각해 볼 것"),
        1 => lang.pick("2. Where to look", "2. 찾아볼 곳"),
        _ => lang.pick("3. The shape of a solution", "3. 해답의 윤곽"),
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("  {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Quotes the section of the book the check names: whole paragraphs, as many as fit in
/// about 900 characters, and always at least the first.
fn quote_the_book(lang: Lang, report: &grade::Report, check: &grade::CheckReport) {
    let section = harness::book::section_title(lang, &report.chapter_file, &check.section)
        .unwrap_or_default();
    let text =
        harness::book::section_text(lang, &report.chapter_file, &check.section).unwrap_or_default();
    if text.is_empty() {
        return;
    }
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let mut shown = 0;
    let mut length = 0;
    for p in &paragraphs {
        // A paragraph that ends in a colon introduces the next one: never stop after it.
        let introduces = shown > 0 && paragraphs[shown - 1].ends_with(':');
        if shown > 0 && !introduces && length + p.chars().count() > 900 {
            break;
        }
        length += p.chars().count();
        shown += 1;
    }
    println!();
    println!(
        "{}",
        lang.pick(
            format!(
                "  The book explains it in “{section}” ({}#{}):",
                check.page, check.section
            ),
            format!(
                "  책의 「{section}」 절({}#{})에 설명이 있습니다:",
                check.page, check.section
            )
        )
    );
    for paragraph in &paragraphs[..shown] {
        println!("  > {paragraph}");
    }
    if shown < paragraphs.len() {
        println!(
            "  > {}",
            lang.pick(
                "(the section goes on in the book)",
                "(이어지는 내용은 책에 있습니다)"
            )
        );
    }
}
