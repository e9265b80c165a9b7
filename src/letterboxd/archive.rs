//! An export's zip as downloaded: its directory checked against what an export can be, and the
//! tables read from it into memory.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use super::{EXPECTED, Export, TABLE_NAMES, not_an_export, read_table};
use crate::diagnostics::{Error, Result};

/// Nor is an export's zip larger than this, nor has it more members (its directory is read whole
/// to find them; an export has a few dozen).
const MAX_ZIP_BYTES: u64 = 256 << 20;
const MAX_ZIP_MEMBERS: u64 = 10_000;

/// How many members the zip's directory says it has, read from its end record before the
/// directory itself is read.
fn zip_members(file: &mut File) -> Option<u64> {
    let size = file.metadata().ok()?.len();
    let tail = size.min(22 + 65_535);
    file.seek(SeekFrom::Start(size - tail)).ok()?;
    let mut end = Vec::new();
    file.take(tail).read_to_end(&mut end).ok()?;
    let at = end.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let record = end.get(at..at + 22)?;
    let members = u16::from_le_bytes([record[10], record[11]]);
    // 0xFFFF says the count is in a ZIP64 record: far more than an export has.
    Some(if members == u16::MAX {
        u64::MAX
    } else {
        u64::from(members)
    })
}

/// The tables of an export's zip, each member read by its name into memory (never written out).
/// Only the top level, or a single folder holding the tables, is read: `deleted/` and
/// `orphaned/` hold entries no longer on the account.
pub(super) fn read_zip(path: &Path, mut file: File) -> Result<Export> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let size = file.metadata().map_err(read_error)?.len();
    if size > MAX_ZIP_BYTES {
        return Err(not_an_export(
            path,
            "is larger than any Letterboxd export (256 MiB); not read",
        ));
    }
    let damaged = || not_an_export(path, "is a zip that cannot be read (damaged or cut short)");
    match zip_members(&mut file) {
        None => return Err(damaged()),
        Some(n) if n > MAX_ZIP_MEMBERS => {
            return Err(not_an_export(
                path,
                "has more members than any Letterboxd export (10,000); not read",
            ));
        }
        Some(_) => {}
    }
    let mut zip = zip::ZipArchive::new(file).map_err(|_| damaged())?;
    // Member names by what they would be called at the top: `reviews.csv`, whatever its case,
    // at the top or in one folder that is not `deleted/` or `orphaned/`.
    let mut found: Vec<(usize, String)> = Vec::new();
    for i in 0..zip.len() {
        let Some(name) = zip.name_for_index(i) else {
            continue;
        };
        let lower = name.to_lowercase();
        let parts: Vec<&str> = lower.split('/').collect();
        let table = match parts.as_slice() {
            [table] => *table,
            [folder, table] if !matches!(*folder, "deleted" | "orphaned" | "lists" | "likes") => {
                table
            }
            _ => continue,
        };
        if TABLE_NAMES.contains(&table) {
            found.push((i, table.to_string()));
        }
    }
    // The top level's tables before a folder's, each name once.
    found.sort_by_key(|(i, _)| zip.name_for_index(*i).map(|n| n.contains('/')));
    let mut export = Export {
        tables: Vec::new(),
        errors: Vec::new(),
    };
    let mut taken = Vec::new();
    for name in TABLE_NAMES {
        let Some((i, _)) = found.iter().find(|(_, t)| t == name) else {
            continue;
        };
        if taken.contains(&name) {
            continue;
        }
        taken.push(name);
        let member = path.join(name);
        let text = match zip.by_index(*i) {
            Ok(reader) => {
                let size = reader.size();
                read_table(reader, &member, size, Vec::new())
            }
            Err(_) => Err(not_an_export(
                &member,
                "cannot be read from the zip (damaged)",
            )),
        };
        match text {
            Ok(text) => export.add(member, text),
            Err(error) => export.errors.push(error),
        }
    }
    if export.tables.is_empty() && export.errors.is_empty() {
        return Err(not_an_export(path, EXPECTED));
    }
    Ok(export)
}
