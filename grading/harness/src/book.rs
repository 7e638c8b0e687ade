//! Where the book explains a check.
//!
//! Every check names a section of its chapter by the heading's explicit id (`{#half-close}`),
//! which is the same in both languages. The grader reads the heading's title from the book
//! in the learner's language, so a hint always quotes the words the learner will see on the
//! page, and the course's own tests make sure every id a grader names exists in both.

use std::fs;
use std::path::PathBuf;

use crate::Lang;

/// The repository's root: the harness lives in `grading/harness`.
pub fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The path of a chapter page, relative to the repository root.
pub fn page_path(lang: Lang, chapter_file: &str) -> String {
    format!("src/{}/{chapter_file}", lang.book_dir())
}

/// The explicit id of a Markdown heading line (`## Title {#id}`), if it has one.
pub fn heading_id(line: &str) -> Option<&str> {
    let line = line.trim_end();
    if !line.starts_with('#') || !line.ends_with('}') {
        return None;
    }
    let open = line.rfind("{#")?;
    Some(&line[open + 2..line.len() - 1])
}

/// The text of a heading line without its hashes and its `{#id}`.
pub fn heading_text(line: &str) -> String {
    let text = line.trim_start_matches('#').trim();
    match text.rfind("{#") {
        Some(open) => text[..open].trim().to_string(),
        None => text.to_string(),
    }
}

/// The chapter's title (its first `# ` heading) in the learner's language, without the
/// chapter number the heading starts with ("2. The life of a socket" gives "The life of a
/// socket"): hints say "chapter 2" themselves.
pub fn chapter_title(lang: Lang, chapter_file: &str) -> Option<String> {
    let page = fs::read_to_string(repo_root().join(page_path(lang, chapter_file))).ok()?;
    let title = heading_text(page.lines().find(|l| l.starts_with("# "))?);
    let unnumbered = title
        .split_once(". ")
        .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        .map(|(_, rest)| rest.to_string());
    Some(unnumbered.unwrap_or(title))
}

/// The title of the section whose heading has the id `anchor`.
pub fn section_title(lang: Lang, chapter_file: &str, anchor: &str) -> Option<String> {
    let page = fs::read_to_string(repo_root().join(page_path(lang, chapter_file))).ok()?;
    page.lines()
        .find(|l| heading_id(l) == Some(anchor))
        .map(heading_text)
}

/// The prose of a section: its paragraphs up to the next heading, without code blocks,
/// includes, HTML or tables. Used for hints that quote the book.
pub fn section_text(lang: Lang, chapter_file: &str, anchor: &str) -> Option<String> {
    let page = fs::read_to_string(repo_root().join(page_path(lang, chapter_file))).ok()?;
    let mut lines = page.lines().skip_while(|l| heading_id(l) != Some(anchor));
    lines.next()?;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_code = false;
    for line in lines {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if trimmed.starts_with('#') {
            break;
        }
        let skip = trimmed.starts_with('<')
            || trimmed.starts_with('|')
            || trimmed.starts_with("{{")
            || trimmed.starts_with("![")
            || trimmed.starts_with("> [!");
        if trimmed.is_empty() || skip {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        // Each item of a list is a paragraph of its own: a quote can then stop between two
        // items instead of printing a whole contract, or cutting one mid-sentence.
        let item = trimmed.starts_with("- ")
            || trimmed.starts_with("* ")
            || trimmed
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if item && !current.is_empty() {
            paragraphs.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(trimmed.trim_start_matches("> "));
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    if paragraphs.is_empty() {
        None
    } else {
        Some(paragraphs.join("\n\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_explicit_heading_ids() {
        assert_eq!(
            heading_id("## EOF and half-close {#half-close}"),
            Some("half-close")
        );
        assert_eq!(heading_id("## No id here"), None);
        assert_eq!(heading_id("text {#not-a-heading}"), None);
        assert_eq!(
            heading_text("## EOF와 반쪽 닫기 {#half-close}"),
            "EOF와 반쪽 닫기"
        );
    }
}
