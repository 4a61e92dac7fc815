//! Tables that staff hand on, the same for XLSX and CSV: the official
//! ranking and each unit's months, the completeness grid, and an award
//! round's proposal list. Built here from domain types; written by the server.

use crate::award_round::ProposalView;
use crate::completeness::CompletenessGrid;
use crate::on_time::Punctuality;
use crate::standings::{PeriodRef, Standings};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Text(String),
    Number(f64),
    Empty,
}

impl Value {
    /// As a CSV field: numbers without float noise, a decimal point.
    pub fn to_field(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Number(n) => {
                let r = crate::validation::round_points(*n);
                if r.fract() == 0.0 {
                    format!("{r:.0}")
                } else {
                    format!("{r}")
                }
            }
            Value::Empty => String::new(),
        }
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// The worksheet's name (at most 31 characters).
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        crate::open_data::with_bom(|w| {
            w.write_record(&self.columns)?;
            self.rows
                .iter()
                .try_for_each(|r| w.write_record(r.iter().map(Value::to_field)))
        })
    }
}

/// The ranking (block, rank, unit, score) and each unit's points month by month.
pub fn ranking_tables(
    standings: &Standings,
    months: &[PeriodRef],
    month_total: impl Fn(crate::Id, crate::Id) -> Option<f64>,
) -> [Table; 2] {
    let mut ranking = Table {
        title: "Xếp hạng".into(),
        columns: ["Khối", "Hạng", "Đơn vị", "Điểm"].map(String::from).to_vec(),
        rows: Vec::new(),
    };
    let mut by_month = Table {
        title: "Điểm theo tháng".into(),
        columns: ["Khối", "Hạng", "Đơn vị"].map(String::from).to_vec(),
        rows: Vec::new(),
    };
    by_month.columns.extend(months.iter().map(|m| m.name.clone()));
    for t in &standings.tables {
        for r in &t.rows {
            ranking.rows.push(vec![
                text(&t.block_name),
                Value::Number(r.rank.into()),
                text(&r.unit_name),
                Value::Number(r.score),
            ]);
            let mut row = vec![text(&t.block_name), Value::Number(r.rank.into()), text(&r.unit_name)];
            row.extend(
                months
                    .iter()
                    .map(|m| month_total(r.unit_id, m.id).map_or(Value::Empty, Value::Number)),
            );
            by_month.rows.push(row);
        }
    }
    [ranking, by_month]
}

/// Each registered unit's report for each month: handed in on time, late, missing, or not due.
pub fn completeness_table(grid: &CompletenessGrid, now: NaiveDateTime) -> Table {
    let mut columns: Vec<String> = ["Khối", "Đơn vị"].map(String::from).to_vec();
    columns.extend(grid.periods.iter().map(|p| p.name.clone()));
    let rows = grid
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![text(&r.block_name), text(&r.unit_name)];
            row.extend(r.cells.iter().map(|c| {
                let when = match c.punctuality(now) {
                    Punctuality::NotDue => "",
                    Punctuality::OnTime => " (đúng hạn)",
                    Punctuality::Late => " (muộn)",
                    Punctuality::Missing => "",
                };
                text(format!("{}{when}", c.state.label()))
            }));
            row
        })
        .collect();
    Table {
        title: "Tiến độ báo cáo".into(),
        columns,
        rows,
    }
}

/// An award round's proposals with their votes and results, numbered.
pub fn proposals_table(list: &[ProposalView]) -> Table {
    let columns = [
        "STT",
        "Khối",
        "Đơn vị",
        "Cá nhân",
        "Hình thức khen thưởng",
        "Lý do, thành tích",
        "Tán thành",
        "Không tán thành",
        "Không biểu quyết",
        "Có mặt",
        "Kết quả",
    ]
    .map(String::from)
    .to_vec();
    let rows = list
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let t = p.tally;
            vec![
                Value::Number((i + 1) as f64),
                text(&p.block_name),
                text(&p.unit_name),
                p.individual_name.clone().map_or(Value::Empty, Value::Text),
                text(&p.form_name),
                text(p.achievement.clone().unwrap_or_else(|| p.reason.clone())),
                Value::Number(t.votes_for.into()),
                Value::Number(t.against.into()),
                Value::Number(t.abstain.into()),
                Value::Number(t.present.into()),
                text(p.status.label()),
            ]
        })
        .collect();
    Table {
        title: "Đề nghị khen thưởng".into(),
        columns,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_go_to_csv_without_float_noise() {
        assert_eq!(Value::Number(88.2200000001).to_field(), "88.22");
        assert_eq!(Value::Number(7.0).to_field(), "7");
        let t = Table {
            title: "x".into(),
            columns: vec!["Đơn vị".into(), "Điểm".into()],
            rows: vec![vec![text("Xã \"A\", B"), Value::Number(90.5)]],
        };
        let csv = String::from_utf8(t.to_csv().unwrap()).unwrap();
        assert_eq!(csv, "\u{feff}Đơn vị,Điểm\n\"Xã \"\"A\"\", B\",90.5\n");
    }
}
