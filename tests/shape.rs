//! Every lab chapter has the same shape, in both languages (STYLE.md, "Every chapter has the
//! same shape"): the chapter's title and opening paragraph; `## What you will learn {#goals}`
//! (`## 학습 목표 {#goals}`) with its list; the body; `## Lab N: … {#lab}` (`## 실습 N: …`)
//! with exactly `### The contract {#lab-contract}`, `### How to work {#lab-work}` and
//! `### The checks {#lab-checks}`, in that order; then `## Check yourself {#quiz}`
//! (`## 스스로 확인하기 {#quiz}`), the last section, holding the quiz.
//!
//! The checks section holds a table whose last column is the points (`points` / `점수`), one
//! row per check of the lab's check table (`labs/labNN/tests/checks.rs`), in its order, with
//! its points: the table is where a reader sees what the grader will give.
//!
//! The lab chapters are the pages `chNN-*.md` with NN from 01; chapter 0 and the appendix have
//! no lab. These tests read the Markdown sources, so they run without mdBook.

use std::fs;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The words a lab chapter's shared headings use in one language.
struct Words {
    lang: &'static str,
    goals: &'static str,
    /// The lab heading starts with this, then the chapter's number, `: ` and a title.
    lab: &'static str,
    contract: &'static str,
    work: &'static str,
    checks: &'static str,
    quiz: &'static str,
    /// The header of the checks table's last column.
    points: &'static str,
}

const LANGS: [Words; 2] = [
    Words {
        lang: "en",
        goals: "What you will learn",
        lab: "Lab",
        contract: "The contract",
        work: "How to work",
        checks: "The checks",
        quiz: "Check yourself",
        points: "points",
    },
    Words {
        lang: "ko",
        goals: "학습 목표",
        lab: "실습",
        contract: "계약",
        work: "작업 방법",
        checks: "검사 항목",
        quiz: "스스로 확인하기",
        points: "점수",
    },
];

/// A heading outside code: its level, text (without `{#id}`), id and line number.
#[derive(Debug)]
struct Heading {
    level: usize,
    text: String,
    id: Option<String>,
    line: usize,
}

/// A page's lines, each with whether it is inside a fenced code block (fences included).
fn code_lines(page: &str) -> Vec<(&str, bool)> {
    let mut fence: Option<&str> = None;
    let mut out = Vec::new();
    for text in page.lines() {
        let trimmed = text.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => {
                fence = Some(m);
                out.push((text, true));
            }
            (Some(open), Some(m)) if open == m && trimmed.trim_end() == m => {
                fence = None;
                out.push((text, true));
            }
            _ => out.push((text, fence.is_some())),
        }
    }
    out
}

fn headings(page: &str) -> Vec<Heading> {
    code_lines(page)
        .into_iter()
        .enumerate()
        .filter(|(_, (_, in_code))| !in_code)
        .filter_map(|(i, (text, _))| {
            let level = text.chars().take_while(|&c| c == '#').count();
            if level == 0 || !text[level..].starts_with(' ') {
                return None;
            }
            Some(Heading {
                level,
                text: harness::book::heading_text(text),
                id: harness::book::heading_id(text).map(String::from),
                line: i + 1,
            })
        })
        .collect()
}

/// The lab chapters, as `(number, file name)`: `chNN-*.md` in src/en with NN ≥ 1.
fn lab_chapters() -> Vec<(u32, String)> {
    let mut found: Vec<(u32, String)> = fs::read_dir(root().join("src/en"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.ends_with(".md"))
        .filter_map(|name| {
            let digits = name.strip_prefix("ch")?.get(..2)?;
            let n: u32 = digits.parse().ok()?;
            (n >= 1 && name[4..].starts_with('-')).then_some((n, name))
        })
        .collect();
    found.sort();
    found
}

/// A lab's checks, `(id, points)` in the order of its check table.
fn lab_checks(n: u32) -> Vec<(String, u32)> {
    let path = root().join(format!("labs/lab{n:02}/tests/checks.rs"));
    let table = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    table
        .split("Check {")
        .skip(1)
        .filter_map(|entry| {
            let id = entry.split("id: \"").nth(1)?.split('"').next()?;
            let points = entry.split("points: ").nth(1)?;
            let digits: String = points.chars().take_while(|c| c.is_ascii_digit()).collect();
            Some((id.to_string(), digits.parse().ok()?))
        })
        .collect()
}

/// The lines of the section under the heading at `line` (1-based), up to the next heading
/// of any level, with whether each is in code.
fn section<'a>(page: &'a str, headings: &[Heading], line: usize) -> Vec<(&'a str, bool)> {
    let end = headings
        .iter()
        .find(|h| h.line > line)
        .map_or(usize::MAX, |h| h.line - 1);
    code_lines(page)
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i + 1 > line && *i < end)
        .map(|(_, l)| l)
        .collect()
}

fn cells(row: &str) -> Vec<String> {
    row.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().to_string())
        .collect()
}

/// What is wrong with the shape of one chapter page, as messages.
fn problems(n: u32, file: &str, words: &Words) -> Vec<String> {
    let path = format!("src/{}/{file}", words.lang);
    let page = fs::read_to_string(root().join(&path)).unwrap();
    page_problems(n, &page, words, &lab_checks(n))
        .into_iter()
        .map(|m| format!("{path}: {m}"))
        .collect()
}

/// What is wrong with the shape of chapter `n`'s page `page`, whose lab has `checks`.
fn page_problems(n: u32, page: &str, words: &Words, checks: &[(String, u32)]) -> Vec<String> {
    let all = headings(page);
    let mut out = Vec::new();
    let mut fail = |msg: String| out.push(msg);

    // The title, then the opening paragraph before the first section.
    match all.first() {
        Some(h) if h.level == 1 && h.text.starts_with(&format!("{n}. ")) => {
            let opening = section(page, &all, h.line);
            if !opening
                .iter()
                .any(|(l, code)| !code && !l.trim().is_empty() && !l.starts_with('<'))
            {
                fail("no opening paragraph between the title and the first section".into());
            }
        }
        _ => fail(format!("the first heading must be the title `# {n}. …`")),
    }

    let h2: Vec<&Heading> = all.iter().filter(|h| h.level == 2).collect();
    let shown = |h: &Heading| {
        format!(
            "`## {}{}` (line {})",
            h.text,
            h.id.as_ref()
                .map_or(String::new(), |id| format!(" {{#{id}}}")),
            h.line
        )
    };
    let is = |h: &Heading, text: &str, id: &str| h.text == text && h.id.as_deref() == Some(id);

    // Goals first, with the list of what the reader will be able to do.
    match h2.first() {
        Some(h) if is(h, words.goals, "goals") => {
            let items = section(page, &all, h.line)
                .iter()
                .filter(|(l, code)| !code && l.starts_with("- "))
                .count();
            if items == 0 {
                fail(format!("`## {} {{#goals}}` has no list", words.goals));
            }
        }
        Some(h) => fail(format!(
            "the first section must be `## {} {{#goals}}`, not {}",
            words.goals,
            shown(h)
        )),
        None => fail("no sections".into()),
    }

    // Then the body, then the lab, then the quiz, last.
    let lab_prefix = format!("{} {n}: ", words.lab);
    let lab_at = h2.iter().position(|h| h.id.as_deref() == Some("lab"));
    let quiz_at = h2.iter().position(|h| h.id.as_deref() == Some("quiz"));
    match lab_at {
        None => fail(format!("no `## {lab_prefix}… {{#lab}}`")),
        Some(i) => {
            let h = h2[i];
            if !h.text.starts_with(&lab_prefix) || h.text.len() == lab_prefix.len() {
                fail(format!(
                    "the lab heading must be `## {lab_prefix}… {{#lab}}`, not {}",
                    shown(h)
                ));
            }
            if i < 2 {
                fail("no body between the goals and the lab".into());
            }
            if i + 2 != h2.len() || quiz_at != Some(i + 1) {
                fail(format!(
                    "the lab must be followed by `## {} {{#quiz}}`, the last section; after {} come {}",
                    words.quiz,
                    shown(h),
                    if i + 1 == h2.len() {
                        "no more sections".to_string()
                    } else {
                        h2[i + 1..]
                            .iter()
                            .map(|h| shown(h))
                            .collect::<Vec<_>>()
                            .join(", ")
                    }
                ));
            }
            // Exactly the three subsections, in order.
            let next = h2.get(i + 1).map_or(usize::MAX, |h| h.line);
            let subs: Vec<&Heading> = all
                .iter()
                .filter(|s| s.line > h.line && s.line < next)
                .collect();
            let want = [
                (words.contract, "lab-contract"),
                (words.work, "lab-work"),
                (words.checks, "lab-checks"),
            ];
            let got: Vec<(usize, &str, Option<&str>)> = subs
                .iter()
                .map(|s| (s.level, s.text.as_str(), s.id.as_deref()))
                .collect();
            let expected: Vec<(usize, &str, Option<&str>)> =
                want.iter().map(|(t, id)| (3, *t, Some(*id))).collect();
            if got != expected {
                fail(format!(
                    "the lab's subsections must be {}; they are {}",
                    want.map(|(t, id)| format!("`### {t} {{#{id}}}`"))
                        .join(", "),
                    subs.iter()
                        .map(|s| format!(
                            "`{} {}{}`",
                            "#".repeat(s.level),
                            s.text,
                            s.id.as_ref()
                                .map_or(String::new(), |id| format!(" {{#{id}}}"))
                        ))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            if let Some(table) = subs.iter().find(|s| s.id.as_deref() == Some("lab-checks")) {
                table_problems(n, page, &all, table.line, words, checks)
                    .into_iter()
                    .for_each(&mut fail);
            }
        }
    }
    match quiz_at {
        Some(i) => {
            let h = h2[i];
            if !is(h, words.quiz, "quiz") {
                fail(format!(
                    "the quiz heading must be `## {} {{#quiz}}`, not {}",
                    words.quiz,
                    shown(h)
                ));
            }
            if all.iter().any(|s| s.line > h.line) {
                fail(format!(
                    "{} must be the last section, with no subsections",
                    shown(h)
                ));
            }
            let quiz_block = page.lines().position(|l| l.trim() == "```text,quiz");
            if quiz_block.is_none_or(|at| at + 1 < h.line) {
                fail(format!("the quiz block must be under {}", shown(h)));
            }
        }
        None => fail(format!("no `## {} {{#quiz}}`", words.quiz)),
    }
    out
}

/// What is wrong with the checks table under the heading at `line`.
fn table_problems(
    n: u32,
    page: &str,
    all: &[Heading],
    line: usize,
    words: &Words,
    checks: &[(String, u32)],
) -> Vec<String> {
    let rows: Vec<&str> = section(page, all, line)
        .into_iter()
        .filter(|(l, code)| !code && l.trim_start().starts_with('|'))
        .map(|(l, _)| l)
        .collect();
    let Some(header) = rows.first() else {
        return vec!["the checks section has no table".into()];
    };
    let header = cells(header);
    if header.last().map(String::as_str) != Some(words.points) {
        return vec![format!(
            "the checks table has no points column: its last column must be `{}`, the header is {header:?}",
            words.points
        )];
    }
    let mut out = Vec::new();
    let shown: Vec<(String, Option<u32>)> = rows
        .iter()
        .skip(2)
        .map(|row| {
            let cells = cells(row);
            let id = cells
                .first()
                .map_or("", |c| c.trim_matches('`'))
                .to_string();
            (id, cells.last().and_then(|p| p.parse().ok()))
        })
        .collect();
    for (id, points) in &shown {
        if points.is_none_or(|p| p == 0) {
            out.push(format!("the checks table gives `{id}` no points"));
        }
    }
    let want: Vec<(String, Option<u32>)> = checks
        .iter()
        .map(|(id, p)| (id.clone(), Some(*p)))
        .collect();
    if shown != want {
        out.push(format!(
            "the checks table must list lab{n:02}'s checks with their points, in the order of labs/lab{n:02}/tests/checks.rs: {}",
            describe(&shown, &want)
        ));
    }
    out
}

/// The first difference between the table's rows and the lab's checks.
fn describe(shown: &[(String, Option<u32>)], want: &[(String, Option<u32>)]) -> String {
    for (i, (s, w)) in shown.iter().zip(want).enumerate() {
        if s != w {
            return format!("row {} is {s:?}, the check table has {w:?}", i + 1);
        }
    }
    format!(
        "the table has {} rows, the check table {} checks",
        shown.len(),
        want.len()
    )
}

#[test]
fn every_lab_chapter_has_the_shared_shape_in_both_languages() {
    let chapters = lab_chapters();
    assert!(
        chapters.len() >= 5,
        "found only {} lab chapters: {chapters:?}",
        chapters.len()
    );
    let mut all = Vec::new();
    for (n, file) in &chapters {
        for words in &LANGS {
            all.extend(problems(*n, file, words));
        }
    }
    assert!(
        all.is_empty(),
        "{} problems with the chapters' shape (STYLE.md, \"Every chapter has the same shape\"):\n{}",
        all.len(),
        all.join("\n")
    );
}

/// The checker itself: a page with the right shape passes, and each kind of mistake is named.
#[test]
fn the_shape_check_catches_each_kind_of_mistake() {
    let good = "\
<p class=\"twin\"></p>

# 1. Title

Opening.

## What you will learn {#goals}

- one

## Body {#body}

```text
## Lab 1: not a heading {#lab}
```

## Lab 1: a thing {#lab}

### The contract {#lab-contract}

### How to work {#lab-work}

### The checks {#lab-checks}

| check | what it verifies | points |
|---|---|---|
| `a` | a | 2 |

## Check yourself {#quiz}

```text,quiz
? q
```
";
    let checks = [("a".to_string(), 2)];
    let en = &LANGS[0];
    let check = |page: &str| page_problems(1, page, en, &checks).join("\n");
    assert_eq!(check(good), "");
    let bad = |page: String, expected: &str| {
        let found = check(&page);
        assert!(
            found.contains(expected),
            "expected a problem with {expected:?}, found:\n{found}\nin:\n{page}"
        );
    };
    // A missing or misnamed goals section.
    bad(
        good.replace("{#goals}", "{#aims}"),
        "the first section must be",
    );
    bad(
        good.replace("What you will learn", "What you will be able to do"),
        "the first section must be",
    );
    bad(good.replace("- one", "One."), "has no list");
    // The quiz before the lab.
    bad(
        good.replace("## Check yourself {#quiz}\n", "")
            .replace("## Lab 1:", "## Check yourself {#quiz}\n\n## Lab 1:"),
        "the lab must be followed by",
    );
    bad(
        good.replace("## Check yourself", "## Quiz"),
        "the quiz heading must be",
    );
    // The lab's title and subsections.
    bad(
        good.replace("## Lab 1: a thing", "## The lab"),
        "the lab heading must be",
    );
    bad(
        good.replace("{#lab-work}", "{#lab-grading}"),
        "the lab's subsections must be",
    );
    bad(
        good.replace("How to work", "Grading"),
        "the lab's subsections must be",
    );
    bad(
        good.replace("### How to work {#lab-work}\n", ""),
        "the lab's subsections must be",
    );
    // The checks table: no points, wrong points, a check missing.
    bad(good.replace("| points |", "| TODO |"), "no points column");
    bad(good.replace("| a | 2 |", "| a | 3 |"), "with their points");
    bad(good.replace("| `a` | a | 2 |", ""), "with their points");
    // In Korean, the Korean headings.
    let ko = page_problems(1, good, &LANGS[1], &checks).join("\n");
    assert!(ko.contains("학습 목표"), "{ko}");
}
