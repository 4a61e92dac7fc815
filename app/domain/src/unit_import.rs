//! Units imported from a CSV file into a committee and a campaign's blocks.
//! Like the baseline import, a file is taken whole or not at all, and every
//! row's errors are reported together so the office fixes them in one pass.
//!
//! ```text
//! name,short_name,kind,block
//! Xã Tân Phú,Tân Phú,commune,Khối xã, thị trấn
//! ```
//! A name holding a comma is quoted, as spreadsheets do: `"Khối xã, thị trấn"`.

use crate::baseline_import::RowError;
use crate::csv_file::{data_lines, no_lines, normalise};
use crate::types::{Id, UnitKind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The header the file must start with; columns in this order.
pub const UNIT_HEADER: [&str; 4] = ["name", "short_name", "kind", "block"];

/// Names longer than this are refused (they do not fit a ranking's row).
pub const MAX_NAME_CHARS: usize = 120;

/// One checked row, ready to be stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRow {
    pub name: String,
    pub short_name: String,
    pub kind: UnitKind,
    /// The block the unit is registered in; none leaves it out of the campaign.
    pub block_id: Option<Id>,
}

/// A block the file may name.
#[derive(Clone, Debug)]
pub struct BlockName {
    pub id: Id,
    pub name: String,
}

/// Parses and checks the whole file against the committee's `existing` unit
/// names (a name is taken once) and the campaign's `blocks`.
pub fn parse_units_csv(text: &str, existing: &[String], blocks: &[BlockName]) -> Result<Vec<UnitRow>, Vec<RowError>> {
    let lines = data_lines(text, &UNIT_HEADER)?;
    let blocks: BTreeMap<String, Id> = blocks.iter().map(|b| (normalise(&b.name), b.id)).collect();
    let mut taken: BTreeSet<String> = existing.iter().map(|n| normalise(n)).collect();
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    for (line, record) in lines {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        match parse_row(&record, &blocks) {
            Ok(row) if !taken.insert(normalise(&row.name)) => errors.push(RowError {
                line,
                message: format!("Đơn vị \"{}\" đã có (trong danh sách hoặc ở dòng phía trên)", row.name),
            }),
            Ok(row) => rows.push(row),
            Err(messages) => errors.extend(messages.into_iter().map(|message| RowError { line, message })),
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(no_lines("đơn vị"));
    }
    if errors.is_empty() { Ok(rows) } else { Err(errors) }
}

fn parse_row(record: &csv::StringRecord, blocks: &BTreeMap<String, Id>) -> Result<UnitRow, Vec<String>> {
    if record.len() != UNIT_HEADER.len() {
        return Err(vec![format!(
            "Dòng có {} cột, cần đúng {} cột",
            record.len(),
            UNIT_HEADER.len()
        )]);
    }
    let mut errors = Vec::new();
    let name = record[0].split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        errors.push("Thiếu tên đơn vị".into());
    } else if name.chars().count() > MAX_NAME_CHARS {
        errors.push(format!("Tên đơn vị dài quá {MAX_NAME_CHARS} ký tự"));
    }
    let short_name = match record[1].split_whitespace().collect::<Vec<_>>().join(" ") {
        s if s.is_empty() => name.clone(),
        s => s,
    };
    let kind = UnitKind::from_code(&normalise(&record[2]));
    if kind.is_none() {
        let known: Vec<&str> = UnitKind::ALL.iter().map(|k| k.code()).collect();
        errors.push(format!(
            "Loại đơn vị \"{}\" không có; dùng một trong: {}",
            &record[2],
            known.join(", ")
        ));
    }
    let block_id = match normalise(&record[3]) {
        b if b.is_empty() => Ok(None),
        b => blocks.get(&b).copied().map(Some).ok_or(()),
    };
    if block_id.is_err() {
        errors.push(format!("Không có khối thi đua tên \"{}\"", &record[3]));
    }
    match (kind, block_id) {
        (Some(kind), Ok(block_id)) if errors.is_empty() => Ok(UnitRow {
            name,
            short_name,
            kind,
            block_id,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests;
