//! Open data (the plan's call to share data between agencies): the public
//! page's figures as rows that name their campaign, period and unit, the
//! same for CSV and JSON. Only public data goes in: accident figures, the
//! published (official) ranking, and whether reports came in on time.

use crate::completeness::CompletenessGrid;
use crate::figures::AccidentFigures;
use crate::on_time::Punctuality;
use crate::publication::PublishedRanking;
use crate::types::Measure;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// One measure of one month in the campaign's area, beside the baseline year's month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureRow {
    pub campaign: String,
    /// `YYYY-MM`.
    pub period: String,
    /// The area the figures cover: the committee's.
    pub unit: String,
    pub measure: String,
    pub value: u32,
    pub baseline_period: String,
    pub baseline_value: u32,
}

/// One unit's place in the official ranking the standing office last published.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankingRow {
    pub campaign: String,
    /// The last reporting period the ranking counts.
    pub period: String,
    pub published_at: String,
    pub block: String,
    pub unit: String,
    pub rank: u32,
    pub score: f64,
}

/// One unit's report for one period, against its deadline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportRow {
    pub campaign: String,
    pub period: String,
    pub block: String,
    pub unit: String,
    /// Local time, `YYYY-MM-DDTHH:MM`.
    pub deadline: String,
    pub status: Punctuality,
}

/// A month of figures: (year, month, this year's figures, the baseline's).
pub type MonthPair<'a> = (i32, u32, &'a AccidentFigures, &'a AccidentFigures);

pub fn figure_rows<'a>(
    campaign: &str,
    area: &str,
    years_back: i32,
    months: impl IntoIterator<Item = MonthPair<'a>>,
) -> Vec<FigureRow> {
    let mut rows = Vec::new();
    for (year, month, current, baseline) in months {
        for &m in Measure::ALL {
            rows.push(FigureRow {
                campaign: campaign.into(),
                period: format!("{year:04}-{month:02}"),
                unit: area.into(),
                measure: m.code().into(),
                value: current.get(m),
                baseline_period: format!("{:04}-{month:02}", year - years_back),
                baseline_value: baseline.get(m),
            });
        }
    }
    rows
}

pub fn ranking_rows(campaign: &str, published: &PublishedRanking) -> Vec<RankingRow> {
    published
        .standings
        .tables
        .iter()
        .flat_map(|t| {
            t.rows.iter().map(|r| RankingRow {
                campaign: campaign.into(),
                period: published.through.name.clone(),
                published_at: published.published_at.to_rfc3339(),
                block: t.block_name.clone(),
                unit: r.unit_name.clone(),
                rank: r.rank,
                score: crate::validation::round_points(r.score),
            })
        })
        .collect()
}

pub fn report_rows(campaign: &str, grid: &CompletenessGrid, now: NaiveDateTime) -> Vec<ReportRow> {
    grid.rows
        .iter()
        .flat_map(|row| {
            grid.periods.iter().zip(&row.cells).map(|(p, cell)| ReportRow {
                campaign: campaign.into(),
                period: p.name.clone(),
                block: row.block_name.clone(),
                unit: row.unit_name.clone(),
                deadline: cell.deadline.format("%Y-%m-%dT%H:%M").to_string(),
                status: cell.punctuality(now),
            })
        })
        .collect()
}

/// Rows as CSV with a header line, UTF-8 with a byte-order mark so that
/// spreadsheet programs read the Vietnamese names right.
pub fn to_csv<T: Serialize>(rows: &[T], header: &[&str]) -> Result<Vec<u8>, csv::Error> {
    with_bom(|w| {
        w.write_record(header)?;
        rows.iter().try_for_each(|r| w.serialize(r))
    })
}

/// A CSV file written by `write` (header included), with the byte-order mark.
pub(crate) fn with_bom(
    write: impl FnOnce(&mut csv::Writer<&mut Vec<u8>>) -> Result<(), csv::Error>,
) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(&mut out);
        write(&mut w)?;
        w.flush()?;
    }
    Ok(out)
}

pub const FIGURE_COLUMNS: &[&str] = &[
    "campaign",
    "period",
    "unit",
    "measure",
    "value",
    "baseline_period",
    "baseline_value",
];
pub const RANKING_COLUMNS: &[&str] = &["campaign", "period", "published_at", "block", "unit", "rank", "score"];
pub const REPORT_COLUMNS: &[&str] = &["campaign", "period", "block", "unit", "deadline", "status"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_gives_one_row_per_measure_with_its_baseline_month() {
        let cur = AccidentFigures {
            accidents: 3,
            deaths: 1,
            ..Default::default()
        };
        let base = AccidentFigures {
            accidents: 5,
            ..Default::default()
        };
        let rows = figure_rows("kh-114", "Huyện A", 1, [(2024, 7, &cur, &base)]);
        assert_eq!(rows.len(), Measure::ALL.len());
        let acc = rows.iter().find(|r| r.measure == "accidents").unwrap();
        assert_eq!((acc.value, acc.baseline_value), (3, 5));
        assert_eq!(
            (acc.period.as_str(), acc.baseline_period.as_str()),
            ("2024-07", "2023-07")
        );
    }

    #[test]
    fn csv_has_the_header_and_quotes_what_needs_it() {
        let rows = vec![ReportRow {
            campaign: "kh-114".into(),
            period: "Tháng 7, 2024".into(),
            block: "Khối xã".into(),
            unit: "UBND xã \"A\"".into(),
            deadline: "2024-08-14T23:59".into(),
            status: Punctuality::Late,
        }];
        let bytes = to_csv(&rows, REPORT_COLUMNS).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let mut lines = text.trim_start_matches('\u{feff}').lines();
        assert_eq!(lines.next(), Some("campaign,period,block,unit,deadline,status"));
        assert_eq!(
            lines.next(),
            Some("kh-114,\"Tháng 7, 2024\",Khối xã,\"UBND xã \"\"A\"\"\",2024-08-14T23:59,late")
        );
    }
}
