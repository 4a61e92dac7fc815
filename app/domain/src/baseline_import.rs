//! The baseline-year (cùng kỳ) import: monthly totals per commune from a CSV
//! file. The format is documented in the README; a file is taken whole or
//! not at all, so every row's errors are reported together.
//!
//! ```text
//! commune,year,month,accidents,deaths,injuries,drink_driving,particularly_serious,commercial_car
//! Xã Long Hưng,2023,7,2,1,2,0,0,1
//! ```

use crate::csv_file::{data_lines, no_lines, normalise};
use crate::figures::AccidentFigures;
use crate::types::{Id, Measure};
use crate::validation::figures_from_row;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The header the file must start with; columns in this order.
pub const BASELINE_HEADER: [&str; 9] = [
    "commune",
    "year",
    "month",
    "accidents",
    "deaths",
    "injuries",
    "drink_driving",
    "particularly_serious",
    "commercial_car",
];

/// One checked row, ready to be stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineRow {
    pub commune_unit_id: Id,
    pub year: i32,
    pub month: u32,
    pub figures: AccidentFigures,
}

/// What is wrong with one line of the file (line 1 is the header).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub line: usize,
    pub message: String,
}

/// A commune the file may name, by its full or short name.
#[derive(Clone, Debug)]
pub struct CommuneName {
    pub id: Id,
    pub name: String,
    pub short_name: String,
}

/// Parses and checks the whole file. `years` are the years a baseline may
/// be for (the campaign's baseline year, usually one).
pub fn parse_baseline_csv(
    text: &str,
    communes: &[CommuneName],
    years: &[i32],
) -> Result<Vec<BaselineRow>, Vec<RowError>> {
    let by_name: BTreeMap<String, Id> = communes
        .iter()
        .flat_map(|c| [(normalise(&c.name), c.id), (normalise(&c.short_name), c.id)])
        .collect();
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let mut seen = BTreeSet::new();
    for (line, record) in data_lines(text, &BASELINE_HEADER)? {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        match parse_row(&record, &by_name, years) {
            Ok(row) if !seen.insert((row.commune_unit_id, row.year, row.month)) => errors.push(RowError {
                line,
                message: "Trùng xã và tháng với một dòng phía trên".into(),
            }),
            Ok(row) => rows.push(row),
            Err(messages) => errors.extend(messages.into_iter().map(|message| RowError { line, message })),
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(no_lines("số liệu"));
    }
    if errors.is_empty() { Ok(rows) } else { Err(errors) }
}

fn parse_row(
    record: &csv::StringRecord,
    by_name: &BTreeMap<String, Id>,
    years: &[i32],
) -> Result<BaselineRow, Vec<String>> {
    if record.len() != BASELINE_HEADER.len() {
        return Err(vec![format!(
            "Dòng có {} cột, cần đúng {} cột",
            record.len(),
            BASELINE_HEADER.len()
        )]);
    }
    let mut errors = Vec::new();
    let commune = by_name.get(&normalise(&record[0])).copied();
    if commune.is_none() {
        errors.push(format!("Không có xã, thị trấn tên \"{}\"", &record[0]));
    }
    let year = record[1].parse::<i32>().ok().filter(|y| years.contains(y));
    if year.is_none() {
        let allowed: Vec<String> = years.iter().map(i32::to_string).collect();
        errors.push(format!("Năm phải là {}", allowed.join(" hoặc ")));
    }
    let month = record[2].parse::<u32>().ok().filter(|m| (1..=12).contains(m));
    if month.is_none() {
        errors.push("Tháng phải là số từ 1 đến 12".into());
    }
    let mut values = BTreeMap::new();
    for (i, m) in Measure::ALL.iter().enumerate() {
        match record[3 + i].parse::<i64>() {
            Ok(v) => {
                values.insert(*m, v);
            }
            Err(_) => errors.push(format!("Cột {} phải là số nguyên", m.code())),
        }
    }
    let figures = figures_from_row(&values).map_err(|es| {
        errors.extend(es.into_iter().map(|e| e.message));
    });
    match (commune, year, month, figures) {
        (Some(commune_unit_id), Some(year), Some(month), Ok(figures)) if errors.is_empty() => Ok(BaselineRow {
            commune_unit_id,
            year,
            month,
            figures,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests;
