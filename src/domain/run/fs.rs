//! The folder a program sees: files the visitor adds before a run, in memory, and what
//! the program made of them afterwards.
//!
//! Paths are kept without a leading slash (`""` is the folder itself, `"out/a.txt"` a
//! file below it). A path that climbs above the folder is refused, as WASI's
//! capability rules say.

use std::collections::BTreeMap;

use super::errno::Errno;

/// The most bytes the folder holds in all, so a program that writes without end
/// gets "no space" rather than taking the tab's memory.
pub const CAPACITY: u64 = 256 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Dir,
    File(Vec<u8>),
}

/// What became of a path during a run.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Change {
    Created,
    Changed,
    Removed,
}

#[derive(Clone, Debug)]
pub struct Fs {
    nodes: BTreeMap<String, Node>,
    before: BTreeMap<String, Node>,
    used: u64,
}

impl Default for Fs {
    fn default() -> Self {
        Fs::new(Vec::new())
    }
}

/// Splits `path` into its folder and its last name (`"a/b"` → `("a", "b")`).
pub fn parent(path: &str) -> (&str, &str) {
    path.rsplit_once('/').unwrap_or(("", path))
}

impl Fs {
    /// A folder holding `files` (their folders made as needed). A name that is not a
    /// plain relative path (`../x`, `/etc/passwd`) is put at the top under its last part.
    pub fn new(files: Vec<(String, Vec<u8>)>) -> Fs {
        let mut fs = Fs {
            nodes: BTreeMap::from([(String::new(), Node::Dir)]),
            before: BTreeMap::new(),
            used: 0,
        };
        for (name, bytes) in files {
            let path = match resolve("", &name) {
                Ok(path) if !path.is_empty() => path,
                _ => {
                    let last = name
                        .rsplit(['/', '\\'])
                        .find(|p| !p.is_empty() && *p != "..");
                    last.unwrap_or("file").to_owned()
                }
            };
            let mut folder = String::new();
            for part in parent(&path).0.split('/').filter(|p| !p.is_empty()) {
                if !folder.is_empty() {
                    folder.push('/');
                }
                folder.push_str(part);
                fs.nodes.entry(folder.clone()).or_insert(Node::Dir);
            }
            fs.used += bytes.len() as u64;
            fs.nodes.insert(path, Node::File(bytes));
        }
        fs.before = fs.nodes.clone();
        fs
    }

    pub fn get(&self, path: &str) -> Option<&Node> {
        self.nodes.get(path)
    }

    /// The names directly inside folder `path`, in order.
    pub fn children(&self, path: &str) -> Vec<String> {
        let prefix = if path.is_empty() {
            String::new()
        } else {
            format!("{path}/")
        };
        self.nodes
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .filter(|(k, _)| !k.is_empty() && !k[prefix.len()..].contains('/'))
            .map(|(k, _)| k[prefix.len()..].to_owned())
            .collect()
    }

    /// A new empty folder at `path`, whose parent must be a folder.
    pub fn mkdir(&mut self, path: &str) -> Result<(), Errno> {
        if self.nodes.contains_key(path) {
            return Err(Errno::Exist);
        }
        self.parent_is_dir(path)?;
        self.nodes.insert(path.to_owned(), Node::Dir);
        Ok(())
    }

    fn parent_is_dir(&self, path: &str) -> Result<(), Errno> {
        match self.nodes.get(parent(path).0) {
            Some(Node::Dir) => Ok(()),
            Some(Node::File(_)) => Err(Errno::Notdir),
            None => Err(Errno::Noent),
        }
    }

    /// An empty file at `path` if there is none (the parent must be a folder).
    pub fn create(&mut self, path: &str) -> Result<(), Errno> {
        match self.nodes.get(path) {
            Some(Node::File(_)) => Ok(()),
            Some(Node::Dir) => Err(Errno::Isdir),
            None => {
                self.parent_is_dir(path)?;
                self.nodes.insert(path.to_owned(), Node::File(Vec::new()));
                Ok(())
            }
        }
    }

    pub fn file(&self, path: &str) -> Result<&[u8], Errno> {
        match self.nodes.get(path) {
            Some(Node::File(bytes)) => Ok(bytes),
            Some(Node::Dir) => Err(Errno::Isdir),
            None => Err(Errno::Noent),
        }
    }

    /// Sets the size of file `path`: cut, or padded with zeros.
    pub fn truncate(&mut self, path: &str, size: u64) -> Result<(), Errno> {
        let current = self.file(path)?.len() as u64;
        if size > current && size - current > CAPACITY.saturating_sub(self.used) {
            return Err(Errno::Nospc);
        }
        let Some(Node::File(bytes)) = self.nodes.get_mut(path) else {
            return Err(Errno::Noent);
        };
        self.used = self.used - current + size;
        bytes.resize(size as usize, 0);
        Ok(())
    }

    /// Writes `data` into file `path` at `at` (past the end, the gap reads as zeros).
    pub fn write_at(&mut self, path: &str, at: u64, data: &[u8]) -> Result<(), Errno> {
        let end = at.checked_add(data.len() as u64).ok_or(Errno::Fbig)?;
        let current = self.file(path)?.len() as u64;
        if end > current {
            self.truncate(path, end)?;
        }
        let Some(Node::File(bytes)) = self.nodes.get_mut(path) else {
            return Err(Errno::Noent);
        };
        bytes[at as usize..end as usize].copy_from_slice(data);
        Ok(())
    }

    /// Removes file `path`.
    pub fn unlink(&mut self, path: &str) -> Result<(), Errno> {
        match self.nodes.get(path) {
            Some(Node::File(bytes)) => {
                self.used -= bytes.len() as u64;
                self.nodes.remove(path);
                Ok(())
            }
            Some(Node::Dir) => Err(Errno::Isdir),
            None => Err(Errno::Noent),
        }
    }

    /// Removes empty folder `path` (never the top one).
    pub fn rmdir(&mut self, path: &str) -> Result<(), Errno> {
        match self.nodes.get(path) {
            Some(Node::Dir) if path.is_empty() => Err(Errno::Busy),
            Some(Node::Dir) if !self.children(path).is_empty() => Err(Errno::Notempty),
            Some(Node::Dir) => {
                self.nodes.remove(path);
                Ok(())
            }
            Some(Node::File(_)) => Err(Errno::Notdir),
            None => Err(Errno::Noent),
        }
    }

    /// Moves `from` to `to`, as POSIX `rename` does: a file replaces a file, a folder
    /// an empty folder; a folder cannot move into itself.
    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), Errno> {
        if from.is_empty() || to.is_empty() {
            return Err(Errno::Busy);
        }
        let moving = self.nodes.get(from).cloned().ok_or(Errno::Noent)?;
        if from == to {
            return Ok(());
        }
        self.parent_is_dir(to)?;
        match (&moving, self.nodes.get(to)) {
            (Node::File(_), Some(Node::Dir)) => return Err(Errno::Isdir),
            (Node::Dir, Some(Node::File(_))) => return Err(Errno::Notdir),
            (Node::Dir, Some(Node::Dir)) if !self.children(to).is_empty() => {
                return Err(Errno::Notempty);
            }
            (Node::Dir, _) if to.starts_with(&format!("{from}/")) => return Err(Errno::Inval),
            (_, Some(Node::File(bytes))) => self.used -= bytes.len() as u64,
            _ => {}
        }
        let below = format!("{from}/");
        let moved: Vec<(String, Node)> = self
            .nodes
            .range(from.to_owned()..)
            .take_while(|(k, _)| k.starts_with(from))
            .filter(|(k, _)| *k == from || k.starts_with(&below))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (key, _) in &moved {
            self.nodes.remove(key);
        }
        self.nodes.remove(to);
        for (key, node) in moved {
            self.nodes
                .insert(format!("{to}{}", &key[from.len()..]), node);
        }
        Ok(())
    }

    /// The files that were made, changed or removed since the folder was made, by path.
    pub fn changes(&self) -> Vec<(String, Change)> {
        let mut changes = Vec::new();
        for (path, node) in &self.nodes {
            if let Node::File(_) = node {
                match self.before.get(path) {
                    None | Some(Node::Dir) => changes.push((path.clone(), Change::Created)),
                    Some(old) if old != node => changes.push((path.clone(), Change::Changed)),
                    Some(_) => {}
                }
            }
        }
        for (path, node) in &self.before {
            if matches!(node, Node::File(_)) && !matches!(self.nodes.get(path), Some(Node::File(_)))
            {
                changes.push((path.clone(), Change::Removed));
            }
        }
        changes.sort();
        changes
    }
}

/// `rel` from folder `dir`, as a path of the folder: `.` and empty parts are skipped,
/// `..` goes up; climbing above the top, or an absolute path, is not allowed.
pub fn resolve(dir: &str, rel: &str) -> Result<String, Errno> {
    if rel.starts_with('/') {
        return Err(Errno::Notcapable);
    }
    if rel.contains('\0') {
        return Err(Errno::Inval);
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(Errno::Notcapable);
                }
            }
            name => parts.push(name),
        }
    }
    Ok(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> Fs {
        Fs::new(vec![
            ("in.txt".into(), b"hello".to_vec()),
            ("data/a.csv".into(), b"1,2".to_vec()),
            ("data-x".into(), b"beside".to_vec()),
            ("../../etc/passwd".into(), b"x".to_vec()),
        ])
    }

    #[test]
    fn paths_resolve_inside_the_folder_only() {
        assert_eq!(resolve("", "a/./b/../c"), Ok("a/c".into()));
        assert_eq!(resolve("data", "../in.txt"), Ok("in.txt".into()));
        assert_eq!(resolve("", "."), Ok(String::new()));
        assert_eq!(resolve("", ".."), Err(Errno::Notcapable));
        assert_eq!(resolve("data", "../../x"), Err(Errno::Notcapable));
        assert_eq!(resolve("", "/etc"), Err(Errno::Notcapable));
    }

    #[test]
    fn files_given_are_placed_with_their_folders() {
        let fs = folder();
        assert_eq!(fs.children(""), ["data", "data-x", "in.txt", "passwd"]);
        assert_eq!(fs.children("data"), ["a.csv"]);
        assert_eq!(fs.get("data"), Some(&Node::Dir));
        assert!(fs.changes().is_empty());
    }

    #[test]
    fn changes_are_listed_after_writes_renames_and_removals() {
        let mut fs = folder();
        fs.create("out.txt").unwrap();
        fs.write_at("out.txt", 3, b"x").unwrap();
        assert_eq!(fs.file("out.txt"), Ok(&b"\0\0\0x"[..]));
        fs.write_at("in.txt", 0, b"J").unwrap();
        fs.rename("data", "moved").unwrap();
        fs.unlink("passwd").unwrap();
        assert_eq!(fs.children("moved"), ["a.csv"]);
        assert_eq!(
            fs.changes(),
            [
                ("data/a.csv".into(), Change::Removed),
                ("in.txt".into(), Change::Changed),
                ("moved/a.csv".into(), Change::Created),
                ("out.txt".into(), Change::Created),
                ("passwd".into(), Change::Removed),
            ]
        );
    }

    #[test]
    fn what_posix_refuses_is_refused() {
        let mut fs = folder();
        assert_eq!(fs.mkdir("data"), Err(Errno::Exist));
        assert_eq!(fs.mkdir("no/such"), Err(Errno::Noent));
        assert_eq!(fs.create("in.txt/x"), Err(Errno::Notdir));
        assert_eq!(fs.rmdir("data"), Err(Errno::Notempty));
        assert_eq!(fs.rmdir(""), Err(Errno::Busy));
        assert_eq!(fs.unlink("data"), Err(Errno::Isdir));
        assert_eq!(fs.rename("data", "data/inner"), Err(Errno::Inval));
        assert_eq!(fs.rename("in.txt", "data"), Err(Errno::Isdir));
        assert_eq!(fs.file("nothing"), Err(Errno::Noent));
        assert_eq!(fs.truncate("in.txt", CAPACITY + 1), Err(Errno::Nospc));
        assert_eq!(fs.write_at("in.txt", u64::MAX, b"x"), Err(Errno::Fbig));
    }
}
