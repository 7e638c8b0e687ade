//! `cargo lab export-student DIR`: the course as an instructor hands it to a class.
//!
//! It writes every file of the repository (as git sees it: tracked and not ignored) except
//! what reveals the solutions: `solutions/` (reference solutions, classic-bug variants and
//! the proof tests that run them) and the files listed in `.student-exclude`. The root
//! Cargo.toml loses its `solutions/*` workspace entries. The result builds, its
//! `cargo test -p labNN` grades the learner's starters, and its own `cargo test` passes:
//! the book checks, the harness and the examples need no solution.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use harness::Lang;

use crate::repo_root;

/// Paths (relative, `/`-separated) that never leave for a class.
fn excluded(root: &Path) -> Vec<String> {
    let mut list = vec!["solutions/".to_string()];
    if let Ok(text) = fs::read_to_string(root.join(".student-exclude")) {
        list.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from),
        );
    }
    list
}

/// The files of the course: what git tracks or would track, else every file but build
/// output.
fn course_files(root: &Path) -> Vec<String> {
    let git = Command::new("git")
        .current_dir(root)
        .args([
            "ls-files",
            "--cached",
            "--others",
            "--exclude-standard",
            "-z",
        ])
        .output();
    if let Ok(out) = git
        && out.status.success()
    {
        return out
            .stdout
            .split(|&b| b == 0)
            .filter(|p| !p.is_empty())
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .filter(|p| root.join(p).is_file())
            .collect();
    }
    let mut files = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        for entry in fs::read_dir(root.join(&rel))
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = entry.file_name();
            let path = rel.join(&name);
            if ["target", "book", ".git"].iter().any(|s| name == *s) {
                continue;
            }
            if entry.path().is_dir() {
                stack.push(path);
            } else {
                files.push(path.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    files
}

/// The root manifest without the solutions in the workspace.
fn student_manifest(text: &str) -> String {
    text.replace(", \"solutions/*\"", "")
        .replace("\"solutions/*\", ", "")
}

pub fn export_student(lang: Lang, dir: &Path) -> Result<bool, String> {
    let root = repo_root();
    if dir.exists()
        && fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(lang.pick(
            format!(
                "{} exists and is not empty; give a new or empty folder",
                dir.display()
            ),
            format!(
                "{} 이미 있고 비어 있지 않습니다. 새 폴더나 빈 폴더를 지정하세요",
                harness::with_josa(dir.display(), harness::Particle::Subject)
            ),
        ));
    }
    let dir_abs = std::path::absolute(dir).map_err(|e| e.to_string())?;
    if dir_abs.starts_with(&root) {
        return Err(lang.pick(
            "the export must go outside the course's own folder".to_string(),
            "내보낼 폴더는 과정 폴더 바깥에 있어야 합니다".to_string(),
        ));
    }
    let skip = excluded(&root);
    let mut written = 0;
    for file in course_files(&root) {
        if skip
            .iter()
            .any(|s| file == *s || (s.ends_with('/') && file.starts_with(s.as_str())))
        {
            continue;
        }
        let target = dir_abs.join(&file);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        if file == "Cargo.toml" {
            let text = fs::read_to_string(root.join(&file)).map_err(|e| e.to_string())?;
            fs::write(&target, student_manifest(&text)).map_err(|e| e.to_string())?;
        } else {
            fs::copy(root.join(&file), &target).map_err(|e| format!("{file}: {e}"))?;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if let Ok(meta) = fs::metadata(root.join(&file)) {
                let _ = fs::set_permissions(
                    &target,
                    fs::Permissions::from_mode(meta.permissions().mode()),
                );
            }
        }
        written += 1;
    }
    println!(
        "{}",
        lang.pick(
            format!("wrote {written} files to {} (without solutions/). Next: cd there, `git init`, commit, and push as the class template.", dir_abs.display()),
            format!("{}에 파일 {written}개를 썼습니다(solutions/ 제외). 다음 단계: 그 폴더에서 `git init` 후 커밋하고, 수업용 템플릿 저장소로 push하세요.", dir_abs.display()),
        )
    );
    Ok(true)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_manifest_loses_only_the_solutions() {
        let manifest = "members = [\".\", \"grading/*\", \"labs/*\", \"solutions/*\", \"examples/*\"]\ndefault-members = [\".\", \"grading/*\", \"solutions/*\", \"examples/*\"]\n";
        let student = super::student_manifest(manifest);
        assert!(!student.contains("solutions"), "{student}");
        assert!(student.contains("\"labs/*\", \"examples/*\""), "{student}");
    }
}
