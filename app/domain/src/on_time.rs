//! The share of reports handed in on time, as the public page states it:
//! of the reports whose deadline (or the unit's extension) has passed, how
//! many were handed in by it.

use crate::completeness::{Cell, CompletenessGrid};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnTimeShare {
    /// Reports whose deadline has passed.
    pub due: usize,
    /// Of those, handed in by the deadline.
    pub on_time: usize,
    /// Handed in, but after the deadline.
    pub late: usize,
}

impl OnTimeShare {
    /// Not handed in although the deadline has passed.
    pub fn missing(&self) -> usize {
        self.due - self.on_time - self.late
    }

    /// On time as a share of those due, in per mille (exact, no float):
    /// `None` while nothing is due yet.
    pub fn per_mille(&self) -> Option<u32> {
        (self.due > 0).then(|| ((self.on_time * 1000 + self.due / 2) / self.due) as u32)
    }
}

/// Where one report stands against its deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Punctuality {
    /// The deadline has not passed yet.
    NotDue,
    /// Handed in by the deadline (even if returned and fixed later).
    OnTime,
    /// Handed in after the deadline.
    Late,
    /// Not handed in, and the deadline has passed.
    Missing,
}

impl Cell {
    pub fn punctuality(&self, now: NaiveDateTime) -> Punctuality {
        if self.deadline >= now {
            Punctuality::NotDue
        } else if !self.late {
            // Past the deadline, `late` is false only for a report handed in by it.
            Punctuality::OnTime
        } else if self.state == crate::CellState::Late {
            Punctuality::Missing
        } else {
            Punctuality::Late
        }
    }
}

impl CompletenessGrid {
    /// Every unit's reports whose deadline has passed at `now`.
    pub fn on_time_share(&self, now: NaiveDateTime) -> OnTimeShare {
        let mut share = OnTimeShare::default();
        for cell in self.rows.iter().flat_map(|r| r.cells.iter()) {
            match cell.punctuality(now) {
                Punctuality::NotDue => continue,
                Punctuality::OnTime => share.on_time += 1,
                Punctuality::Late => share.late += 1,
                Punctuality::Missing => {}
            }
            share.due += 1;
        }
        share
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::completeness::{GridPeriod, GridRow, cell_state};
    use crate::types::ReportStatus;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn t(day: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2024, 8, day)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    }

    /// A grid of one period per deadline; each unit's reports given as
    /// (status, first hand-in).
    fn grid(deadlines: &[u32], units: &[Vec<(Option<ReportStatus>, Option<u32>)>], now: u32) -> CompletenessGrid {
        let periods = deadlines
            .iter()
            .enumerate()
            .map(|(i, d)| GridPeriod {
                id: i as i64,
                name: format!("P{i}"),
                deadline: t(*d),
            })
            .collect();
        let rows = units
            .iter()
            .enumerate()
            .map(|(u, reports)| GridRow {
                unit_id: u as i64,
                unit_name: format!("U{u}"),
                block_name: "B".into(),
                cells: deadlines
                    .iter()
                    .zip(reports)
                    .map(|(d, (status, sent))| {
                        let (state, late) = cell_state(*status, sent.map(t), t(*d), t(now));
                        Cell {
                            state,
                            late,
                            report_id: None,
                            deadline: t(*d),
                            extended: false,
                        }
                    })
                    .collect(),
            })
            .collect();
        CompletenessGrid {
            campaign_id: 1,
            periods,
            rows,
            unregistered: vec![],
            pending: vec![],
        }
    }

    #[test]
    fn counts_only_reports_already_due() {
        use ReportStatus::*;
        let g = grid(
            &[5, 15, 25],
            &[
                vec![
                    (Some(Approved), Some(4)),
                    (Some(Submitted), Some(16)),
                    (Some(Draft), None),
                ],
                vec![(None, None), (Some(Returned), Some(14)), (None, None)],
            ],
            20,
        );
        let share = g.on_time_share(t(20));
        assert_eq!(
            share,
            OnTimeShare {
                due: 4,
                on_time: 2,
                late: 1
            }
        );
        assert_eq!(share.missing(), 1);
        assert_eq!(share.per_mille(), Some(500));
    }

    #[test]
    fn nothing_due_has_no_share() {
        let g = grid(&[25], &[vec![(None, None)]], 20);
        assert_eq!(g.on_time_share(t(20)).per_mille(), None);
    }

    proptest! {
        #[test]
        fn the_parts_add_up_to_what_is_due(
            reports in proptest::collection::vec((0u8..4, proptest::option::of(1u32..28)), 6),
            now in 1u32..28,
        ) {
            let status = |k: u8| match k {
                0 => None,
                1 => Some(ReportStatus::Draft),
                2 => Some(ReportStatus::Submitted),
                _ => Some(ReportStatus::Approved),
            };
            // A report that is not a draft or missing has been handed in.
            let units: Vec<Vec<_>> = reports
                .chunks(3)
                .map(|c| c.iter().map(|(k, sent)| {
                    let s = status(*k);
                    let sent = if matches!(s, None | Some(ReportStatus::Draft)) { None } else { Some(sent.unwrap_or(1)) };
                    (s, sent)
                }).collect())
                .collect();
            let g = grid(&[5, 15, 25], &units, now);
            let share = g.on_time_share(t(now));
            let due = [5, 15, 25].iter().filter(|d| **d < now).count() * 2;
            prop_assert_eq!(share.due, due);
            prop_assert!(share.on_time + share.late <= share.due);
            if let Some(p) = share.per_mille() { prop_assert!(p <= 1000); }
        }
    }
}
