//! What the CLI reads on the host: the folder walk that finds rulebooks,
//! tests and cases (which files, following which links).

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

/// Folders below this depth are not searched.
const MAX_DEPTH: usize = 64;

/// What a folder walk found.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    /// Files whose name was wanted, as found (below the folder given).
    pub files: Vec<PathBuf>,
    /// Files whose name was wanted but that are not read, with the reason.
    pub skipped: Vec<(PathBuf, &'static str)>,
}

impl Walk {
    /// Tell the user on standard error which files were skipped and why.
    pub(crate) fn report_skipped(&self) {
        for (path, why) in &self.skipped {
            errln!("note: skipped `{}`: {why}", path.to_string_lossy());
        }
    }
}

/// Files under `root` whose name `wanted` accepts, recursively. Folders
/// whose name `skip_folder` accepts are not entered, nor are links to
/// folders. A link to a file is followed only when the file it leads to is
/// a regular file inside `root`; anything that is not a regular file
/// (a pipe, a device) is skipped. Names need not be UTF-8.
pub(crate) fn walk(
    root: &Path,
    wanted: &dyn Fn(&OsStr) -> bool,
    skip_folder: &dyn Fn(&OsStr) -> bool,
) -> Walk {
    let mut found = Walk::default();
    let inside = root.canonicalize().ok();
    walk_into(root, inside.as_deref(), wanted, skip_folder, 0, &mut found);
    found
}

fn walk_into(
    dir: &Path,
    root: Option<&Path>,
    wanted: &dyn Fn(&OsStr) -> bool,
    skip_folder: &dyn Fn(&OsStr) -> bool,
    depth: usize,
    found: &mut Walk,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name();
        let path = entry.path();
        if kind.is_dir() {
            if !skip_folder(&name) {
                walk_into(&path, root, wanted, skip_folder, depth + 1, found);
            }
        } else if wanted(&name) {
            if kind.is_file() {
                found.files.push(path);
            } else if kind.is_symlink() {
                match path.canonicalize() {
                    Ok(target) if !root.is_some_and(|r| target.starts_with(r)) => found
                        .skipped
                        .push((path, "a symbolic link to a file outside the folder given")),
                    Ok(target) if target.is_file() => found.files.push(path),
                    Ok(_) => found.skipped.push((path, "not a regular file")),
                    Err(_) => found
                        .skipped
                        .push((path, "a symbolic link to a file that does not exist")),
                }
            } else {
                found.skipped.push((path, "not a regular file"));
            }
        }
    }
}
