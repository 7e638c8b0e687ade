//! `cargo lab hint N`: a hint for the first failing check, a little more each time.
//!
//! Level 1 says which check fails and what it needs; level 2 adds what went wrong and the
//! likely cause; level 3 quotes the section of the book that explains it; level 4 shows the
//! grader's whole report. The level is kept per check in `target/lab-runner/hints.json`, so
//! asking again about the same failure goes one step further, and a new failure starts over.

use std::collections::BTreeMap;
use std::fs;

use harness::Lang;

use crate::grade::{self, Outcome, Show};
use crate::labs::LabDir;
use crate::output::colour;

const LEVELS: u32 = 4;

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
                    format!("{}이(가) 아직 컴파일되지 않습니다. 컴파일러의 메시지: {e}\n먼저 이것을 고치세요. `cargo build -p {}`로 전체 메시지를 볼 수 있습니다.", lab.name, lab.name),
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
    let level = (levels.get(&key).copied().unwrap_or(0) + 1).min(LEVELS);
    levels.insert(key, level);
    save(&levels);

    let title = lang.pick(
        format!(
            "hint {level} of {LEVELS} for {}, check `{}`",
            lab.name, check.id
        ),
        format!(
            "{} 힌트 {LEVELS}개 중 {level}번째, 검사 항목 `{}`",
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
    println!(
        "{}",
        lang.pick(
            format!("To pass it: {}", check.todo),
            format!("통과하려면: {}", check.todo)
        )
    );
    if level >= 2 {
        println!();
        if let Some(message) = &check.message {
            println!(
                "{}",
                lang.pick(
                    format!("What went wrong: {message}"),
                    format!("무엇이 잘못되었나: {message}")
                )
            );
        }
        if let Some(cause) = &check.cause {
            println!(
                "{}",
                lang.pick(
                    format!("Likely cause: {cause}"),
                    format!("원인 추정: {cause}")
                )
            );
        }
    }
    if level >= 3 {
        let section = harness::book::section_title(lang, &report.chapter_file, &check.section)
            .unwrap_or_default();
        let text = harness::book::section_text(lang, &report.chapter_file, &check.section)
            .unwrap_or_default();
        let quoted: String = text.chars().take(900).collect();
        println!();
        println!(
            "{}",
            lang.pick(
                format!(
                    "The book explains it in “{section}” ({}#{}):",
                    check.page, check.section
                ),
                format!(
                    "책의 「{section}」 절에 설명이 있습니다({}#{}):",
                    check.page, check.section
                )
            )
        );
        for paragraph in quoted.split("\n\n") {
            println!("  > {paragraph}");
        }
        if text.chars().count() > 900 {
            println!("  > …");
        }
    }
    if level >= 4
        && let Some(full) = &check.report
    {
        println!();
        println!(
            "{}",
            lang.pick("The grader's full report:", "채점기의 전체 보고서:")
        );
        print!("{full}");
    }
    if level < LEVELS {
        println!();
        println!(
            "{}",
            lang.pick(
                format!(
                    "Still stuck? Run `cargo lab hint {}` again for more.",
                    lab.number
                ),
                format!(
                    "아직 막히나요? `cargo lab hint {}`를 다시 실행하면 더 알려 줍니다.",
                    lab.number
                ),
            )
        );
    }
    Ok(false)
}
