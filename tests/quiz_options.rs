//! The chapter quizzes must not give their answers away by their shape.
//!
//! A reader who does not know an answer picks the longest option, and in most books that
//! works: the author qualifies the right answer carefully and writes the wrong ones quickly.
//! In this course's quizzes the right option was the longest in 21 of 27 single-answer
//! questions. theme/quiz.js shuffles the options (so their place says nothing), and this
//! test keeps their length from saying anything: in each language, the share of
//! single-answer questions whose right option is the longest (ties included) stays under
//! one third, about what chance gives with three or four options of similar length.
//!
//! It prints the share per language and names each question whose right option is the
//! longest, so that an author knows where to make the distractors as long and as plausible
//! as the answer.

use std::fs;
use std::path::PathBuf;

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// One multiple-choice question: its prompt, and its options with whether each is right.
struct Question {
    prompt: String,
    options: Vec<(String, bool)>,
}

/// The multiple-choice questions of every ```text,quiz block of a page, parsed as
/// theme/quiz.js parses them.
fn questions(page: &str) -> Vec<Question> {
    let mut found = Vec::new();
    let mut inside = false;
    for line in page.lines() {
        let trimmed = line.trim();
        if !inside {
            inside = trimmed == "```text,quiz";
            continue;
        }
        if trimmed == "```" {
            inside = false;
        } else if let Some(prompt) = trimmed.strip_prefix("? ") {
            found.push(Question {
                prompt: prompt.to_string(),
                options: Vec::new(),
            });
        } else if let (Some(rest), Some(q)) = (trimmed.strip_prefix("- ["), found.last_mut()) {
            let right = rest.starts_with('x') || rest.starts_with('X');
            let text = rest.get(3..).unwrap_or("").trim().to_string();
            q.options.push((text, right));
        }
    }
    found
}

/// The length a reader sees: characters, with the backticks of inline code left out.
fn length(option: &str) -> usize {
    option.chars().filter(|&c| c != '`').count()
}

#[test]
fn the_right_option_is_the_longest_in_under_a_third_of_the_questions() {
    let mut report = Vec::new();
    let mut over = Vec::new();
    for lang in ["en", "ko"] {
        let dir = src().join(lang);
        let mut pages: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        pages.sort();
        let (mut single, mut longest) = (0, 0);
        let mut named = Vec::new();
        for path in pages {
            let page = fs::read_to_string(&path).unwrap();
            let file = path.file_name().unwrap().to_string_lossy().to_string();
            for q in questions(&page) {
                let right: Vec<_> = q.options.iter().filter(|(_, r)| *r).collect();
                if right.len() != 1 || q.options.len() < 2 {
                    continue;
                }
                single += 1;
                let answer = length(&right[0].0);
                if q.options.iter().all(|(o, r)| *r || length(o) <= answer) {
                    longest += 1;
                    named.push(format!("  {lang}/{file}: {}", q.prompt));
                }
            }
        }
        assert!(
            single > 0,
            "src/{lang}: no single-answer quiz question found"
        );
        let share = longest as f64 / single as f64;
        report.push(format!(
            "{lang}: the right option is the longest in {longest} of {single} single-answer questions ({:.0}%)",
            share * 100.0
        ));
        report.extend(named);
        if 3 * longest >= single {
            over.push(lang);
        }
    }
    let report = report.join("\n");
    println!("{report}");
    assert!(
        over.is_empty(),
        "{report}\nin {over:?} that is a third or more: make the distractors of the questions above as long and as plausible as the answer"
    );
}
