//! What the CLI reads and writes on the host: the folder walk that finds
//! rulebooks, tests and cases (which files, following which links), the
//! check that a path stays inside a folder, and the atomic replacement of a
//! file by `fmt`. See docs/security.md.

use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
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
            let lossy = path.to_string_lossy();
            let path = redress::report::visible_inline(&lossy);
            let why = super::words::say(why, &[]);
            super::words::note(&super::words::say(
                "cli-skipped",
                &[("path", &path), ("why", &why)],
            ));
        }
    }
}

/// Files under `root` whose name `wanted` accepts, recursively. Hidden
/// folders (`.git`, …) and `target` (a build's output) are not entered, nor
/// are links to folders: one rule for every command that walks a folder. A link to a file is followed only when the file it leads to is
/// a regular file inside `root`; anything that is not a regular file
/// (a pipe, a device) is skipped. Names need not be UTF-8.
pub(crate) fn walk(root: &Path, wanted: &dyn Fn(&OsStr) -> bool) -> Walk {
    let mut found = Walk::default();
    let inside = root.canonicalize().ok();
    walk_into(root, inside.as_deref(), wanted, 0, &mut found);
    found
}

/// The folders no walk enters: hidden ones and `target`.
fn skip_folder(name: &OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".") || name == "target"
}

fn walk_into(
    dir: &Path,
    root: Option<&Path>,
    wanted: &dyn Fn(&OsStr) -> bool,
    depth: usize,
    found: &mut Walk,
) {
    if depth > MAX_DEPTH {
        found
            .skipped
            .push((dir.to_path_buf(), "cli-skipped-too-deep"));
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        found
            .skipped
            .push((dir.to_path_buf(), "a folder that cannot be read"));
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
                walk_into(&path, root, wanted, depth + 1, found);
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
                    Ok(_) => found.skipped.push((path, "cli-skipped-not-regular")),
                    Err(_) => found
                        .skipped
                        .push((path, "a symbolic link to a file that does not exist")),
                }
            } else {
                found.skipped.push((path, "cli-skipped-not-regular"));
            }
        }
    }
}

/// Whether `path`, with every link resolved, is inside one of `folders`
/// (themselves resolved).
pub(crate) fn inside(path: &Path, folders: &[PathBuf]) -> bool {
    path.canonicalize()
        .is_ok_and(|p| folders.iter().any(|f| p.starts_with(f)))
}

/// How [`replace`] ended.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Replaced {
    /// The file now holds the new text.
    Done,
    /// The file no longer held the text it was read with (an editor saved
    /// it meanwhile); it was left as it is.
    Changed,
}

/// Replace the file at `path`, which was read as `old`, by `new`, so that
/// the file holds one or the other whatever happens: `new` goes to a
/// temporary file in the same folder, with the file's permissions, is
/// flushed to disk and renamed over the file, if the file still holds
/// `old` just before. A link is followed, so it stays a link to the file
/// it names. On an error the file is unchanged and the temporary file is
/// removed.
pub(crate) fn replace(path: &Path, old: &[u8], new: &[u8]) -> io::Result<Replaced> {
    replace_with(path, old, new, &mut |file, bytes| file.write_all(bytes))
}

/// [`replace`], writing the temporary file through `write` (which a test
/// can make fail as a full disk does).
pub(crate) fn replace_with(
    path: &Path,
    old: &[u8],
    new: &[u8],
    write: &mut dyn FnMut(&mut File, &[u8]) -> io::Result<()>,
) -> io::Result<Replaced> {
    let target = path.canonicalize()?;
    let (Some(folder), Some(name)) = (target.parent(), target.file_name()) else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            super::words::say("cli-io-not-a-file", &[]),
        ));
    };
    let permissions = fs::metadata(&target)?.permissions();
    // Renaming needs only the folder's permission: a file made read-only on
    // purpose (vendored, generated) is refused as writing it would be.
    if permissions.readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            super::words::say("cli-io-file-read-only", &[]),
        ));
    }
    let (mut file, temp) = temporary(folder, name)?;
    let result = (|| {
        file.set_permissions(permissions)?;
        write(&mut file, new)?;
        file.sync_all()?;
        drop(file);
        if fs::read(&target)? != old {
            return Ok(Replaced::Changed);
        }
        fs::rename(&temp, &target)?;
        // the rename itself reaches the disk with the folder
        if let Ok(dir) = File::open(folder) {
            let _ = dir.sync_all();
        }
        Ok(Replaced::Done)
    })();
    if !matches!(result, Ok(Replaced::Done)) {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// A new file in `folder`, hidden and named after `name`, that did not
/// exist before.
fn temporary(folder: &Path, name: &OsStr) -> io::Result<(File, PathBuf)> {
    let mut last = None;
    for n in 0..100 {
        let mut temp = std::ffi::OsString::from(".");
        temp.push(name);
        temp.push(format!(".{}.{n}.redress-fmt", std::process::id()));
        let temp = folder.join(temp);
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((file, temp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last
        .unwrap_or_else(|| io::Error::other(super::words::say("cli-io-no-temporary-name", &[]))))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    /// A fresh folder for one test, removed when dropped.
    struct Folder(PathBuf);

    impl Folder {
        fn new(name: &str) -> Folder {
            let dir =
                std::env::temp_dir().join(format!("redress-files-{name}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            Folder(dir)
        }
    }

    impl Drop for Folder {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn rulebook_saved_by_an_editor_while_being_formatted() {
        let dir = Folder::new("changed");
        let path = dir.0.join("book.rules");
        fs::write(&path, "read by fmt\n").unwrap();
        // the editor saves between fmt's reading and its writing
        fs::write(&path, "saved by the editor\n").unwrap();
        let r = replace(&path, b"read by fmt\n", b"formatted\n").unwrap();
        assert_eq!(r, Replaced::Changed);
        assert_eq!(fs::read_to_string(&path).unwrap(), "saved by the editor\n");
        assert_eq!(names(&dir.0), ["book.rules"], "no temporary file is left");
    }

    #[test]
    fn rulebook_formatted_onto_a_full_disk() {
        let dir = Folder::new("full");
        let path = dir.0.join("book.rules");
        fs::write(&path, "the original\n").unwrap();
        let mut full = |file: &mut File, bytes: &[u8]| {
            file.write_all(bytes.get(..3).unwrap_or(bytes))?;
            Err(io::Error::from_raw_os_error(28)) // ENOSPC
        };
        let e = replace_with(&path, b"the original\n", b"formatted\n", &mut full).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(28));
        assert_eq!(fs::read_to_string(&path).unwrap(), "the original\n");
        assert_eq!(names(&dir.0), ["book.rules"], "no temporary file is left");
    }

    #[test]
    fn rulebook_formatted_in_place() {
        let dir = Folder::new("done");
        let path = dir.0.join("book.rules");
        fs::write(&path, "old\n").unwrap();
        assert_eq!(replace(&path, b"old\n", b"new\n").unwrap(), Replaced::Done);
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(names(&dir.0), ["book.rules"]);
    }
}
