//! The reports: a table for a learner, and JSON, JUnit XML and Markdown for CI.

use std::fs;
use std::io::IsTerminal;
use std::path::PathBuf;

use harness::Lang;
use serde_json::json;

use crate::grade::{self, Outcome, Show};
use crate::labs::{self, LabDir};

/// Colour only for a terminal that wants it (NO_COLOR, https://no-color.org).
pub fn colour(code: &str, text: &str) -> String {
    let off = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if off || !std::io::stdout().is_terminal() {
        text.to_string()
    } else {
        format!("\x1b[{code}m{text}\x1b[0m")
    }
}

/// What to do next in a lab, in a line.
fn next_step(lang: Lang, outcome: &Outcome) -> String {
    match outcome {
        Outcome::Graded(r) => match r.first_failure() {
            None => colour("32", lang.pick("done ✓", "완료 ✓")),
            Some(c) => format!("{} — {}", c.title, c.todo),
        },
        Outcome::DoesNotCompile(e) => lang.pick(
            format!("fix the compile error: {e}"),
            format!("컴파일 오류를 고치세요: {e}"),
        ),
        Outcome::Broken(e) => e.clone(),
    }
}

pub fn status_table(lang: Lang, results: &[(LabDir, Outcome)]) -> String {
    let mut out = String::new();
    let (h_lab, h_chapter, h_checks, h_points, h_next) = lang.pick(
        ("lab", "chapter", "checks", "points", "next"),
        ("실습", "장", "검사 항목", "점수", "다음에 할 일"),
    );
    out.push_str(&format!(
        "{h_lab:<6} {h_chapter:<30} {h_checks:>9} {h_points:>7}  {h_next}\n"
    ));
    let mut total = (0, 0);
    for (lab, outcome) in results {
        let (_, chapter) = labs::chapter(lab, lang);
        let (checks, points) = match outcome {
            Outcome::Graded(r) => {
                total.0 += r.points;
                total.1 += r.max_points;
                (
                    format!("{}/{}", r.passed(), r.checks.len()),
                    format!("{}/{}", r.points, r.max_points),
                )
            }
            _ => ("-".into(), "-".into()),
        };
        let chapter: String = chapter.chars().take(30).collect();
        out.push_str(&format!(
            "{:<6} {chapter:<30} {checks:>9} {points:>7}  {}\n",
            lab.name,
            next_step(lang, outcome)
        ));
    }
    out.push_str(&lang.pick(
        format!("total: {}/{} points\n", total.0, total.1),
        format!("합계: {}/{}점\n", total.0, total.1),
    ));
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    Human,
    Json,
    Junit,
    Markdown,
}

pub struct GradeOptions {
    pub format: Format,
    pub out: Option<PathBuf>,
    /// Writes report.json, report.xml (JUnit) and report.md into this folder, from one run.
    pub save: Option<PathBuf>,
}

pub fn parse_grade_options(args: &[&str], lang: Lang) -> Result<GradeOptions, String> {
    let mut opts = GradeOptions {
        format: Format::Human,
        out: None,
        save: None,
    };
    let mut args = args.iter().copied();
    while let Some(arg) = args.next() {
        let (key, inline) = match arg.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (arg, None),
        };
        let mut value = || inline.or_else(|| args.next());
        match key {
            "--format" => {
                opts.format = match value() {
                    Some("human") => Format::Human,
                    Some("json") => Format::Json,
                    Some("junit") => Format::Junit,
                    Some("markdown") => Format::Markdown,
                    other => {
                        return Err(lang.pick(
                            format!("--format takes human, json, junit or markdown, not {other:?}"),
                            format!("--format에는 human, json, junit, markdown 가운데 하나를 쓰세요({other:?}는 안 됩니다)"),
                        ));
                    }
                }
            }
            "--save" => {
                opts.save = Some(PathBuf::from(value().ok_or_else(|| {
                    lang.pick(
                        "--save needs a folder".to_string(),
                        "--save에는 폴더 이름이 필요합니다".to_string(),
                    )
                })?));
            }
            "--out" => {
                opts.out = Some(PathBuf::from(value().ok_or_else(|| {
                    lang.pick(
                        "--out needs a file name".to_string(),
                        "--out에는 파일 이름이 필요합니다".to_string(),
                    )
                })?));
            }
            other => {
                return Err(lang.pick(
                    format!("unexpected argument `{other}` for grade"),
                    format!("grade에 쓸 수 없는 인자 `{other}`"),
                ));
            }
        }
    }
    Ok(opts)
}

/// `cargo lab grade`: every lab, in the format asked for. Exits 0 when the report was
/// written, whatever the points: grading is not failing.
pub fn grade_all(lang: Lang, opts: GradeOptions) -> Result<bool, String> {
    let results: Vec<(LabDir, Outcome)> = labs::discover()
        .into_iter()
        .map(|lab| {
            let outcome = grade::run(&lab, lang, Show::Progress);
            (lab, outcome)
        })
        .collect();
    if let Some(dir) = &opts.save {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for (name, text) in [
            ("report.json", to_json(lang, &results)),
            ("report.xml", to_junit(&results)),
            ("report.md", to_markdown(lang, &results)),
        ] {
            let path = dir.join(name);
            fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let text = match opts.format {
        Format::Human => status_table(lang, &results),
        Format::Json => to_json(lang, &results),
        Format::Junit => to_junit(&results),
        Format::Markdown => to_markdown(lang, &results),
    };
    match opts.out {
        Some(path) => fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(true)
}

fn to_json(lang: Lang, results: &[(LabDir, Outcome)]) -> String {
    let labs: Vec<_> = results
        .iter()
        .map(|(lab, outcome)| {
            let (_, chapter) = labs::chapter(lab, lang);
            match outcome {
                Outcome::Graded(r) => json!({
                    "lab": lab.name,
                    "chapter": chapter,
                    "points": r.points,
                    "max_points": r.max_points,
                    "passed": r.passed(),
                    "checks": r.checks.iter().map(|c| json!({
                        "id": c.id, "title": c.title, "passed": c.passed,
                        "points": c.points, "max_points": c.max_points, "message": c.message,
                    })).collect::<Vec<_>>(),
                }),
                Outcome::DoesNotCompile(e) | Outcome::Broken(e) => json!({
                    "lab": lab.name, "chapter": chapter, "points": 0, "max_points": null, "error": e,
                }),
            }
        })
        .collect();
    let points: u64 = results
        .iter()
        .filter_map(|(_, o)| match o {
            Outcome::Graded(r) => Some(r.points),
            _ => None,
        })
        .sum();
    format!("{}\n", json!({ "points": points, "labs": labs }))
}

fn xml(s: &str) -> String {
    s.chars()
        .filter(|&c| c == '\n' || c == '\t' || c >= ' ')
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

fn to_junit(results: &[(LabDir, Outcome)]) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"labs\">\n");
    for (lab, outcome) in results {
        match outcome {
            Outcome::Graded(r) => {
                let failures = r.checks.len() - r.passed();
                out.push_str(&format!(
                    "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\">\n",
                    lab.name,
                    r.checks.len()
                ));
                out.push_str(&format!(
                    "    <properties><property name=\"points\" value=\"{}\"/><property name=\"max_points\" value=\"{}\"/></properties>\n",
                    r.points, r.max_points
                ));
                for c in &r.checks {
                    out.push_str(&format!(
                        "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\">",
                        lab.name,
                        xml(&c.id),
                        c.elapsed_ms as f64 / 1000.0
                    ));
                    if !c.passed {
                        out.push_str(&format!(
                            "<failure message=\"{}\">{}</failure>",
                            xml(c.message.as_deref().unwrap_or("")),
                            xml(c.report.as_deref().unwrap_or(""))
                        ));
                    }
                    out.push_str("</testcase>\n");
                }
                out.push_str("  </testsuite>\n");
            }
            Outcome::DoesNotCompile(e) | Outcome::Broken(e) => {
                out.push_str(&format!(
                    "  <testsuite name=\"{0}\" tests=\"1\" errors=\"1\">\n    <testcase classname=\"{0}\" name=\"build\"><error message=\"{1}\"/></testcase>\n  </testsuite>\n",
                    lab.name,
                    xml(e)
                ));
            }
        }
    }
    out.push_str("</testsuites>\n");
    out
}

fn to_markdown(lang: Lang, results: &[(LabDir, Outcome)]) -> String {
    let mut out = String::new();
    out.push_str(&lang.pick(
        "| lab | chapter | checks | points |\n|---|---|---:|---:|\n".to_string(),
        "| 실습 | 장 | 검사 항목 | 점수 |\n|---|---|---:|---:|\n".to_string(),
    ));
    let mut total = (0, 0);
    for (lab, outcome) in results {
        let (_, chapter) = labs::chapter(lab, lang);
        let (checks, points) = match outcome {
            Outcome::Graded(r) => {
                total.0 += r.points;
                total.1 += r.max_points;
                (
                    format!("{}/{}", r.passed(), r.checks.len()),
                    format!("{}/{}", r.points, r.max_points),
                )
            }
            Outcome::DoesNotCompile(_) => (
                lang.pick("does not compile", "컴파일 안 됨").to_string(),
                "0".into(),
            ),
            Outcome::Broken(_) => ("-".into(), "0".into()),
        };
        out.push_str(&format!(
            "| {} | {} | {checks} | {points} |\n",
            lab.name,
            chapter.replace('|', "\\|")
        ));
    }
    out.push_str(&lang.pick(
        format!("| **total** | | | **{}/{}** |\n", total.0, total.1),
        format!("| **합계** | | | **{}/{}** |\n", total.0, total.1),
    ));
    out
}
