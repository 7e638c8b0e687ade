//! The hint ladders: for each check of a lab, three written hints that go beyond the
//! grader's report, in `labs/labNN/hints.en.md` and `labs/labNN/hints.ko.md`.
//!
//! The ladder climbs from the idea to the code without reaching it:
//! 1. the concept, as a question that makes the learner look at their own program;
//! 2. the API to look up, with where its documentation is;
//! 3. a sketch of the shape of a solution (not the solution).
//!
//! The files are Markdown, so that an author reads them as text and a reviewer sees a diff:
//!
//! ```text
//! ## check_id
//!
//! ### 1
//!
//! The concept question.
//!
//! ### 2
//! ...
//! ```
//!
//! They are read by `cargo lab hint` without grading or compiling anything, and a course test
//! (`tests/hints.rs` at the root) keeps them complete: every check of every lab, both
//! languages, three steps each, the same ids in the same order as the check table.

use std::fs;
use std::path::Path;

use harness::Lang;

/// The steps of one check's ladder.
pub const STEPS: usize = 3;

/// One check's ladder, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ladder {
    pub id: String,
    pub steps: Vec<String>,
}

/// The hints file of a lab in `lang`.
pub fn file(lab_dir: &Path, lang: Lang) -> std::path::PathBuf {
    lab_dir.join(format!("hints.{}.md", lang.book_dir()))
}

/// Reads every ladder of a hints file; an unreadable file has none.
pub fn read(lab_dir: &Path, lang: Lang) -> Vec<Ladder> {
    fs::read_to_string(file(lab_dir, lang))
        .map(|text| parse(&text))
        .unwrap_or_default()
}

/// The ladder of one check, if it is written and has every step.
pub fn ladder(lab_dir: &Path, lang: Lang, id: &str) -> Option<Ladder> {
    read(lab_dir, lang)
        .into_iter()
        .find(|l| l.id == id)
        .filter(|l| l.steps.len() == STEPS && l.steps.iter().all(|s| !s.is_empty()))
}

/// Parses a hints file: `## id` starts a check, `### N` its N-th step; anything before the
/// first `##` (a title, a comment for authors) is not a hint. Code blocks are kept as they
/// are, and a `#` line inside one starts nothing.
pub fn parse(text: &str) -> Vec<Ladder> {
    let mut ladders: Vec<Ladder> = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            in_code = !in_code;
        }
        if !in_code {
            if let Some(id) = line.strip_prefix("## ") {
                ladders.push(Ladder {
                    id: id.trim().trim_matches('`').to_string(),
                    steps: Vec::new(),
                });
                continue;
            }
            if let Some(_n) = line.strip_prefix("### ") {
                if let Some(ladder) = ladders.last_mut() {
                    ladder.steps.push(String::new());
                }
                continue;
            }
        }
        if let Some(step) = ladders.last_mut().and_then(|l| l.steps.last_mut()) {
            step.push_str(line);
            step.push('\n');
        }
    }
    for ladder in &mut ladders {
        for step in &mut ladder.steps {
            *step = step.trim().to_string();
        }
    }
    ladders
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gives_each_check_its_steps_in_order() {
        let text = "# lab02\n\nFor authors.\n\n## `echoes`\n\n### 1\n\nWhat is a stream?\n\n### 2\n\nSee `TcpStream::read`.\n\n### 3\n\n```rust\n### not a step\nloop {}\n```\n\n## other\n\n### 1\n\nA.\n";
        let ladders = parse(text);
        assert_eq!(ladders.len(), 2);
        assert_eq!(ladders[0].id, "echoes");
        assert_eq!(
            ladders[0].steps,
            vec![
                "What is a stream?".to_string(),
                "See `TcpStream::read`.".to_string(),
                "```rust\n### not a step\nloop {}\n```".to_string(),
            ]
        );
        assert_eq!(ladders[1].steps, vec!["A.".to_string()]);
    }
}
