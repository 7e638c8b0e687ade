//! A machine-readable report of a grading run, written when `LAB_REPORT=path` is set, for
//! tools that summarise a class (CI job summaries, JUnit converters, the lab runner).

use std::path::Path;

use crate::Lang;
use crate::book;
use crate::failure::Verdict;
use crate::runner::{Check, CheckResult, Lab, render_failure, to_pass};

/// The run as a JSON object. Written by hand: the format is small and fixed, and a JSON
/// library would be the heaviest thing in the grader's build.
pub fn json(
    lab: &Lab,
    program: &Path,
    lang: Lang,
    checks: &[&Check],
    results: &[CheckResult],
) -> String {
    let mut items = Vec::new();
    for (check, result) in checks.iter().zip(results) {
        let (message, cause, diagnosis, todo, measured) = match &result.outcome {
            Ok(()) => (
                "null".to_string(),
                "null".to_string(),
                "null".to_string(),
                check.todo.get(lang).to_string(),
                true,
            ),
            Err(f) => (
                string(&f.problem),
                f.diagnosis
                    .as_ref()
                    .map(|d| &d.cause)
                    .or(f.cause.as_ref())
                    .map_or("null".to_string(), |c| string(c)),
                f.diagnosis.as_ref().map_or("null".to_string(), |d| {
                    format!(
                        "{{\"key\":{},\"title\":{}}}",
                        string(&d.key),
                        string(&d.title)
                    )
                }),
                to_pass(check, f, lang),
                f.verdict != Verdict::NotMeasured,
            ),
        };
        let report = if result.passed() {
            "null".to_string()
        } else {
            string(&render_failure(lab, check, result, lang))
        };
        items.push(format!(
            "{{\"id\":{},\"stage\":{},\"title\":{},\"points\":{},\"max_points\":{},\"passed\":{},\"measured\":{measured},\"elapsed_ms\":{},\"message\":{},\"cause\":{},\"diagnosis\":{diagnosis},\"todo\":{},\"section\":{},\"page\":{},\"report\":{}}}",
            string(check.id),
            lab.stage_of(check.id).map_or("null".to_string(), |s| (s + 1).to_string()),
            string(check.title.get(lang)),
            if result.passed() { check.points } else { 0 },
            check.points,
            result.passed(),
            result.elapsed.as_millis(),
            message,
            cause,
            string(&todo),
            string(
                result
                    .outcome
                    .as_ref()
                    .err()
                    .and_then(|f| f.diagnosis.as_ref())
                    .and_then(|d| d.section)
                    .unwrap_or(check.section)
            ),
            string(&book::page_path(lang, lab.chapter_file)),
            report,
        ));
    }
    let points: u32 = results
        .iter()
        .filter(|r| r.passed())
        .map(|r| r.points)
        .sum();
    let max: u32 = checks.iter().map(|c| c.points).sum();
    // Each stage: its title and section, its checks, and how many of them passed.
    let stages: Vec<String> = lab
        .stages
        .iter()
        .map(|stage| {
            let passed = stage
                .checks
                .iter()
                .filter(|id| {
                    checks
                        .iter()
                        .zip(results)
                        .any(|(c, r)| c.id == **id && r.passed())
                })
                .count();
            format!(
                "{{\"title\":{},\"section\":{},\"checks\":[{}],\"passed\":{passed}}}",
                string(stage.title.get(lang)),
                string(stage.section),
                stage
                    .checks
                    .iter()
                    .map(|id| string(id))
                    .collect::<Vec<_>>()
                    .join(",")
            )
        })
        .collect();
    format!(
        "{{\"lab\":{},\"chapter\":{},\"chapter_file\":{},\"program\":{},\"lang\":{},\"points\":{points},\"max_points\":{max},\"stages\":[{}],\"checks\":[{}]}}\n",
        string(lab.name),
        lab.chapter,
        string(lab.chapter_file),
        string(&program.display().to_string()),
        string(lang.book_dir()),
        stages.join(","),
        items.join(",")
    )
}

/// A JSON string literal.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_json_strings() {
        assert_eq!(
            super::string("a\"b\\c\n\u{1}한"),
            "\"a\\\"b\\\\c\\n\\u0001한\""
        );
    }
}
