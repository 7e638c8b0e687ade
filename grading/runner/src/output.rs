//! The reports: a table for a learner, and JSON, JUnit XML and Markdown for CI.

use std::fs;
use std::io::IsTerminal;
use std::path::PathBuf;

use harness::Lang;
use serde_json::json;

use crate::grade::{self, Outcome, Show, Standing};
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
fn next_step(lang: Lang, lab: &LabDir, standing: &Standing) -> String {
    match standing {
        Standing::Graded(Outcome::Graded(r)) => match r.first_failure() {
            None => lang.pick("done ✓", "완료 ✓").to_string(),
            Some(c) => c.todo.clone(),
        },
        Standing::Graded(Outcome::DoesNotCompile(e)) => lang.pick(
            format!("fix the compile error: {e}"),
            format!("컴파일 오류를 고치세요: {e}"),
        ),
        Standing::Graded(Outcome::Broken(e)) => e.clone(),
        // Short enough for an 80-column terminal; the line under the table says more.
        Standing::Changed(_) => lang.pick(
            format!("changed: cargo lab check {}", lab.number),
            format!("바뀜: cargo lab check {}", lab.number),
        ),
        Standing::NotChecked => lang.pick(
            format!("not checked: cargo lab check {}", lab.number),
            format!("채점 전: cargo lab check {}", lab.number),
        ),
    }
}

/// How many terminal columns `text` takes: Hangul and other wide characters take two.
fn columns(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` cut to at most `width` columns, with `…` where it was cut.
fn fit(text: &str, width: usize) -> String {
    if columns(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if columns(&out) + columns(&c.to_string()) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// `text` padded with spaces to `width` columns (on the right, or on the left).
fn pad(text: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(columns(text)));
    if right {
        format!("{fill}{text}")
    } else {
        format!("{text}{fill}")
    }
}

/// The terminal's width: `COLUMNS` when the shell exports it, else 80.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&c: &usize| c >= 40)
        .unwrap_or(80)
}

/// The status table: a line per lab that fits the terminal (80 columns unless `COLUMNS`
/// says more). Totals are out of what every lab is worth, graded or not.
pub fn status_table(lang: Lang, rows: &[(LabDir, Standing)]) -> String {
    const CHAPTER: usize = 18;
    let (h_lab, h_chapter, h_stages, h_checks, h_points, h_next) = lang.pick(
        ("lab", "chapter", "stages", "checks", "points", "next"),
        ("실습", "장", "단계", "검사", "점수", "다음에 할 일"),
    );
    let next_width = terminal_width().saturating_sub(6 + 1 + CHAPTER + 1 + 6 + 1 + 7 + 1 + 7 + 2);
    let mut out = format!(
        "{} {} {} {} {}  {}\n",
        pad(h_lab, 6, false),
        pad(h_chapter, CHAPTER, false),
        pad(h_stages, 6, true),
        pad(h_checks, 7, true),
        pad(h_points, 7, true),
        h_next
    );
    let mut total = (0, 0);
    for (lab, standing) in rows {
        let (_, chapter) = labs::chapter(lab, lang);
        let worth = labs::max_points(lab);
        total.1 += worth;
        let stages = |r: &grade::Report| {
            if r.stages.is_empty() {
                "-".to_string()
            } else {
                format!("{}/{}", r.stages_passed(), r.stages.len())
            }
        };
        let (stages, checks, points) = match standing {
            Standing::Graded(Outcome::Graded(r)) => {
                total.0 += r.points;
                (
                    stages(r),
                    format!("{}/{}", r.passed(), r.checks.len()),
                    format!("{}/{}", r.points, worth),
                )
            }
            // The old numbers, for what they are worth; the next column says they are old.
            Standing::Changed(r) => (
                stages(r),
                format!("({}/{})", r.passed(), r.checks.len()),
                format!("({}/{worth})", r.points),
            ),
            _ => ("-".into(), "-".into(), format!("-/{worth}")),
        };
        let next = fit(&next_step(lang, lab, standing), next_width.max(10));
        let next = match standing {
            Standing::Graded(Outcome::Graded(r)) if r.first_failure().is_none() => {
                colour("32", &next)
            }
            _ => next,
        };
        out.push_str(&format!(
            "{} {} {} {} {}  {next}\n",
            pad(&lab.name, 6, false),
            pad(&fit(&chapter, CHAPTER), CHAPTER, false),
            pad(&stages, 6, true),
            pad(&checks, 7, true),
            pad(&points, 7, true),
        ));
    }
    out.push_str(&lang.pick(
        format!("total: {}/{} points\n", total.0, total.1),
        format!("합계: {}/{}점\n", total.0, total.1),
    ));
    // A compile error or a grader that refused to start does not fit in a column: in full.
    for (lab, standing) in rows {
        if let Standing::Graded(Outcome::DoesNotCompile(e) | Outcome::Broken(e)) = standing {
            let e = e.strip_prefix(&format!("{}: ", lab.name)).unwrap_or(e);
            out.push_str(&format!("{}: {e}\n", lab.name));
        }
    }
    if rows.iter().any(|(_, s)| matches!(s, Standing::Changed(_))) {
        out.push_str(lang.pick(
            "Numbers in (parentheses) are from before the lab changed.\n",
            "괄호 안의 숫자는 실습 파일이 바뀌기 전의 결과입니다.\n",
        ));
    }
    if rows.iter().any(|(_, s)| !matches!(s, Standing::Graded(_))) {
        out.push_str(lang.pick(
            "`cargo lab status --regrade` grades every lab that changed or was never checked.\n",
            "`cargo lab status --regrade`: 바뀌었거나 채점 전인 실습을 모두 채점합니다.\n",
        ));
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    Human,
    Json,
    Junit,
    Markdown,
    /// GitHub Classroom's autograding results, a line `labNN=BASE64` per lab, to append to
    /// `$GITHUB_OUTPUT` (see `classroom`).
    Classroom,
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
                    Some("classroom") => Format::Classroom,
                    Some(other) => {
                        return Err(lang.pick(
                            format!("--format takes human, json, junit, markdown or classroom, not `{other}`"),
                            format!("--format에 `{other}`{} 쓸 수 없습니다. human, json, junit, markdown, classroom 가운데 하나를 쓰세요", harness::josa(other, harness::Particle::Topic)),
                        ));
                    }
                    None => {
                        return Err(lang.pick(
                            "--format needs a value: human, json, junit, markdown or classroom".to_string(),
                            "--format 뒤에 human, json, junit, markdown, classroom 가운데 하나를 쓰세요".to_string(),
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
            ("classroom.txt", crate::classroom::outputs(&results)),
        ] {
            let path = dir.join(name);
            fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let text = match opts.format {
        Format::Human => {
            let rows: Vec<(LabDir, Standing)> = results
                .into_iter()
                .map(|(lab, outcome)| (lab, Standing::Graded(outcome)))
                .collect();
            return print_or_write(status_table(lang, &rows), opts.out);
        }
        Format::Classroom => crate::classroom::outputs(&results),
        Format::Json => to_json(lang, &results),
        Format::Junit => to_junit(&results),
        Format::Markdown => to_markdown(lang, &results),
    };
    print_or_write(text, opts.out)
}

fn print_or_write(text: String, out: Option<PathBuf>) -> Result<bool, String> {
    match out {
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
                    "lab": lab.name, "chapter": chapter, "points": 0,
                    "max_points": labs::max_points(lab), "error": e,
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
            Outcome::DoesNotCompile(_) => {
                total.1 += labs::max_points(lab);
                (
                    lang.pick("does not compile", "컴파일 안 됨").to_string(),
                    format!("0/{}", labs::max_points(lab)),
                )
            }
            Outcome::Broken(_) => {
                total.1 += labs::max_points(lab);
                ("-".into(), format!("0/{}", labs::max_points(lab)))
            }
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
