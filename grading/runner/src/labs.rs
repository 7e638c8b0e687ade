//! Which labs exist, and what the book calls their chapters.

use std::fs;
use std::path::PathBuf;

use harness::Lang;

use crate::repo_root;

/// A lab crate: `labs/labNN`.
#[derive(Clone, Debug)]
pub struct LabDir {
    pub number: u8,
    pub name: String,
    pub dir: PathBuf,
}

/// Every lab in `labs/`, in order.
pub fn discover() -> Vec<LabDir> {
    let mut labs: Vec<LabDir> = fs::read_dir(repo_root().join("labs"))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let digits = name.strip_prefix("lab")?;
            let number: u8 = (digits.len() == 2).then(|| digits.parse().ok()).flatten()?;
            e.path().join("Cargo.toml").is_file().then(|| LabDir {
                number,
                name: name.clone(),
                dir: e.path(),
            })
        })
        .collect();
    labs.sort_by_key(|l| l.number);
    labs
}

/// Reads a lab number (`2`, `02` or `lab02`) and checks that the lab exists.
pub fn number(text: &str, lang: Lang) -> Result<LabDir, String> {
    let digits = text.trim_start_matches("lab");
    let labs = discover();
    let names: Vec<String> = labs.iter().map(|l| l.number.to_string()).collect();
    digits
        .parse::<u8>()
        .ok()
        .and_then(|n| labs.into_iter().find(|l| l.number == n))
        .ok_or_else(|| {
            lang.pick(
                format!(
                    "there is no lab `{text}`; the labs are {}",
                    names.join(", ")
                ),
                format!("`{text}` 실습은 없습니다. 있는 실습: {}", names.join(", ")),
            )
        })
}

/// The chapter of a lab, `chNN-*.md`, as its file name and its title in `lang`.
pub fn chapter(lab: &LabDir, lang: Lang) -> (String, String) {
    let prefix = format!("ch{:02}-", lab.number);
    let file = fs::read_dir(repo_root().join("src").join(lang.book_dir()))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .find(|n| n.starts_with(&prefix) && n.ends_with(".md"))
        .unwrap_or_default();
    let title = harness::book::chapter_title(lang, &file).unwrap_or_else(|| file.clone());
    (file, title)
}

/// What a lab is worth: the sum of the `points:` of its check table, read from the grader's
/// source. It is known without compiling anything, so a lab that does not build (or was never
/// graded) still counts for its full worth in every total.
pub fn max_points(lab: &LabDir) -> u64 {
    fs::read_to_string(lab.dir.join("tests").join("checks.rs"))
        .unwrap_or_default()
        .split("points: ")
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            digits.parse::<u64>().ok()
        })
        .sum()
}
