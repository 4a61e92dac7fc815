//! Who has reported: the state of each unit's report for each period, as
//! the standing office's grid and the meeting-room screen show it.

use crate::types::{Id, ReportStatus, coded_enum};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// One cell of the grid; `Late`: past the deadline (or the extension) and not handed in.
    CellState {
        NotStarted = "not_started",
        Draft = "draft",
        Submitted = "submitted",
        Returned = "returned",
        Approved = "approved",
        Late = "late",
    }
}

impl CellState {
    pub fn label(self) -> &'static str {
        match self {
            CellState::NotStarted => "Chưa làm",
            CellState::Draft => "Đang soạn",
            CellState::Submitted => "Đã gửi",
            CellState::Returned => "Bị trả lại",
            CellState::Approved => "Đã duyệt",
            CellState::Late => "Quá hạn",
        }
    }
}

/// A cell: its state, and whether the report is (or was handed in) late.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub state: CellState,
    pub late: bool,
    pub report_id: Option<Id>,
    /// The deadline that holds for this unit: the period's, or its extension.
    pub deadline: NaiveDateTime,
    pub extended: bool,
}

/// The state of one unit's report for one period. Times are local wall time.
/// `submitted_at` is the first hand-in: a report returned and fixed later
/// is still on time if it was first handed in on time.
pub fn cell_state(
    status: Option<ReportStatus>,
    submitted_at: Option<NaiveDateTime>,
    deadline: NaiveDateTime,
    now: NaiveDateTime,
) -> (CellState, bool) {
    let late = match submitted_at {
        Some(t) => t > deadline,
        None => now > deadline,
    };
    let overdue = late && submitted_at.is_none();
    let state = match status {
        None if overdue => CellState::Late,
        None => CellState::NotStarted,
        Some(ReportStatus::Draft | ReportStatus::Reopened) if overdue => CellState::Late,
        Some(ReportStatus::Draft | ReportStatus::Reopened) => CellState::Draft,
        Some(ReportStatus::Submitted | ReportStatus::Resubmitted) => CellState::Submitted,
        Some(ReportStatus::Returned) => CellState::Returned,
        Some(ReportStatus::Approved) => CellState::Approved,
    };
    (state, late)
}

/// How a report stands against its (effective) deadline for scoring: late
/// when handed in after it, missing when not handed in and it has passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeliness {
    pub late: bool,
    pub missing: bool,
}

pub fn timeliness(submitted_at: Option<NaiveDateTime>, deadline: NaiveDateTime, now: NaiveDateTime) -> Timeliness {
    Timeliness {
        late: submitted_at.is_some_and(|t| t > deadline),
        missing: submitted_at.is_none() && now > deadline,
    }
}

/// The deadline for one unit: the latest extension granted, if it is later.
pub fn effective_deadline(period_deadline: NaiveDateTime, extensions: &[NaiveDateTime]) -> (NaiveDateTime, bool) {
    match extensions.iter().copied().max() {
        Some(e) if e > period_deadline => (e, true),
        _ => (period_deadline, false),
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GridPeriod {
    pub id: Id,
    pub name: String,
    pub deadline: NaiveDateTime,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GridRow {
    pub unit_id: Id,
    pub unit_name: String,
    pub block_name: String,
    /// One per period, in the grid's period order.
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompletenessGrid {
    pub campaign_id: Id,
    pub periods: Vec<GridPeriod>,
    pub rows: Vec<GridRow>,
    /// Units of the committee that have not registered for the campaign.
    pub unregistered: Vec<String>,
    /// Units that registered and wait for their head's confirmation.
    pub pending: Vec<String>,
}

impl CompletenessGrid {
    /// How many units are in each state in the period at `index`.
    pub fn count(&self, index: usize, state: CellState) -> usize {
        self.rows
            .iter()
            .filter(|r| r.cells.get(index).is_some_and(|c| c.state == state))
            .count()
    }

    /// Handed in (submitted or approved) in the period at `index`.
    pub fn handed_in(&self, index: usize) -> usize {
        self.count(index, CellState::Submitted) + self.count(index, CellState::Approved)
    }
}

/// One period of the grid, unit by unit: the meeting-room screen's panel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeriodCompleteness {
    pub period: GridPeriod,
    pub cells: Vec<UnitCell>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitCell {
    pub unit_id: Id,
    pub unit_name: String,
    pub block_name: String,
    pub state: CellState,
    pub late: bool,
}

impl PeriodCompleteness {
    pub fn count(&self, state: CellState) -> usize {
        self.cells.iter().filter(|c| c.state == state).count()
    }
}

impl CompletenessGrid {
    /// The period being collected at `now`: the first whose deadline has not
    /// passed (the one units are working on); once all have, the last.
    pub fn current_index(&self, now: NaiveDateTime) -> Option<usize> {
        let open = self.periods.iter().position(|p| p.deadline >= now);
        open.or_else(|| self.periods.len().checked_sub(1))
    }

    /// The period being collected at `now`, unit by unit.
    pub fn current(&self, now: NaiveDateTime) -> Option<PeriodCompleteness> {
        self.current_index(now).and_then(|i| self.period(i))
    }

    /// The period at `index`, unit by unit in the grid's order.
    pub fn period(&self, index: usize) -> Option<PeriodCompleteness> {
        let period = self.periods.get(index)?.clone();
        let cells = self
            .rows
            .iter()
            .filter_map(|r| {
                r.cells.get(index).map(|c| UnitCell {
                    unit_id: r.unit_id,
                    unit_name: r.unit_name.clone(),
                    block_name: r.block_name.clone(),
                    state: c.state,
                    late: c.late,
                })
            })
            .collect();
        Some(PeriodCompleteness { period, cells })
    }
}

/// What a reporter has to do: reports not handed in, and reports returned.
pub fn needs_unit_action(state: CellState) -> bool {
    matches!(
        state,
        CellState::NotStarted | CellState::Draft | CellState::Returned | CellState::Late
    )
}

/// An extension as the standing office types it: a later deadline and why.
pub fn validate_extension(
    period_deadline: NaiveDateTime,
    new_deadline: Option<NaiveDateTime>,
    reason: &str,
) -> Vec<crate::validation::FieldError> {
    use crate::validation::FieldError;
    let mut errors = Vec::new();
    match new_deadline {
        None => errors.push(FieldError::new("new_deadline", "Nhập hạn mới")),
        Some(d) if d <= period_deadline => errors.push(FieldError::new(
            "new_deadline",
            format!(
                "Hạn mới phải sau hạn của kỳ ({})",
                period_deadline.format("%d/%m/%Y %H:%M")
            ),
        )),
        Some(_) => {}
    }
    if reason.trim().is_empty() {
        errors.push(FieldError::new("reason", "Cần ghi lý do gia hạn"));
    }
    errors
}

/// One thing a unit has to do, for its list of what is due.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub report_id: Option<Id>,
    pub period_id: Id,
    pub period_name: String,
    pub state: CellState,
    pub deadline: NaiveDateTime,
    pub extended: bool,
    /// Why the office returned the report, when it did.
    pub return_reason: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn t(day: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2024, 8, day)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn a_report_is_late_after_its_deadline_and_missing_once_it_passed_unsent() {
        let deadline = t(20, 23);
        let on_time = timeliness(Some(t(20, 9)), deadline, t(25, 0));
        assert_eq!((on_time.late, on_time.missing), (false, false));
        let late = timeliness(Some(t(21, 9)), deadline, t(25, 0));
        assert_eq!((late.late, late.missing), (true, false));
        assert!(!timeliness(None, deadline, t(19, 0)).missing);
        assert!(timeliness(None, deadline, t(21, 0)).missing);
    }

    #[test]
    fn states_follow_the_report_and_the_clock() {
        let deadline = t(20, 23);
        use CellState::*;
        use ReportStatus as S;
        assert_eq!(cell_state(None, None, deadline, t(19, 0)), (NotStarted, false));
        assert_eq!(cell_state(None, None, deadline, t(21, 0)), (Late, true));
        assert_eq!(cell_state(Some(S::Draft), None, deadline, t(19, 0)), (Draft, false));
        assert_eq!(cell_state(Some(S::Draft), None, deadline, t(21, 0)), (Late, true));
        assert_eq!(
            cell_state(Some(S::Submitted), Some(t(20, 9)), deadline, t(25, 0)),
            (Submitted, false)
        );
        assert_eq!(
            cell_state(Some(S::Resubmitted), Some(t(21, 9)), deadline, t(25, 0)),
            (Submitted, true)
        );
        assert_eq!(
            cell_state(Some(S::Returned), Some(t(19, 9)), deadline, t(25, 0)),
            (Returned, false)
        );
        assert_eq!(
            cell_state(Some(S::Approved), Some(t(19, 9)), deadline, t(25, 0)),
            (Approved, false)
        );
        // Reopened after an on-time hand-in: being fixed, not overdue.
        assert_eq!(
            cell_state(Some(S::Reopened), Some(t(19, 9)), deadline, t(25, 0)),
            (Draft, false)
        );
    }

    #[test]
    fn an_extension_moves_the_deadline_only_later() {
        let d = t(20, 23);
        assert_eq!(effective_deadline(d, &[]), (d, false));
        assert_eq!(effective_deadline(d, &[t(18, 0)]), (d, false));
        assert_eq!(effective_deadline(d, &[t(22, 0), t(25, 0)]), (t(25, 0), true));
        let (extended, _) = effective_deadline(d, &[t(25, 0)]);
        assert_eq!(cell_state(None, None, extended, t(23, 0)).0, CellState::NotStarted);
    }

    #[test]
    fn an_extension_must_be_later_and_say_why() {
        let d = t(20, 23);
        let fields = |e: Vec<crate::validation::FieldError>| e.into_iter().map(|e| e.field).collect::<Vec<_>>();
        assert_eq!(fields(validate_extension(d, None, "")), ["new_deadline", "reason"]);
        assert_eq!(
            fields(validate_extension(d, Some(t(20, 22)), "Mất điện")),
            ["new_deadline"]
        );
        assert!(validate_extension(d, Some(t(22, 17)), "Mất điện").is_empty());
    }

    #[test]
    fn the_screen_shows_the_period_being_collected_then_the_last() {
        let period = |id, day| GridPeriod {
            id,
            name: format!("Kỳ {id}"),
            deadline: t(day, 23),
        };
        let cell = |state| Cell {
            state,
            late: false,
            report_id: None,
            deadline: t(5, 23),
            extended: false,
        };
        let grid = CompletenessGrid {
            campaign_id: 1,
            periods: vec![period(1, 5), period(2, 15), period(3, 25)],
            rows: vec![
                GridRow {
                    unit_id: 7,
                    unit_name: "A".into(),
                    block_name: "K".into(),
                    cells: vec![
                        cell(CellState::Approved),
                        cell(CellState::Draft),
                        cell(CellState::NotStarted),
                    ],
                },
                GridRow {
                    unit_id: 8,
                    unit_name: "B".into(),
                    block_name: "K".into(),
                    cells: vec![
                        cell(CellState::Late),
                        cell(CellState::Submitted),
                        cell(CellState::NotStarted),
                    ],
                },
            ],
            unregistered: vec![],
            pending: vec![],
        };
        assert_eq!(grid.current_index(t(1, 0)), Some(0));
        assert_eq!(grid.current_index(t(6, 0)), Some(1));
        assert_eq!(grid.current_index(t(15, 23)), Some(1));
        assert_eq!(grid.current_index(t(28, 0)), Some(2));
        let p = grid.period(1).unwrap();
        assert_eq!(p.period.id, 2);
        assert_eq!(
            p.cells.iter().map(|c| (c.unit_id, c.state)).collect::<Vec<_>>(),
            [(7, CellState::Draft), (8, CellState::Submitted)]
        );
        assert_eq!((p.count(CellState::Draft), p.count(CellState::Approved)), (1, 0));
        assert!(grid.period(3).is_none());
        let empty = CompletenessGrid {
            periods: vec![],
            ..grid
        };
        assert_eq!(empty.current_index(t(1, 0)), None);
    }

    fn any_status() -> impl Strategy<Value = Option<ReportStatus>> {
        prop_oneof![
            Just(None),
            proptest::sample::select(ReportStatus::ALL.to_vec()).prop_map(Some)
        ]
    }

    proptest! {
        /// "Late" is shown only past the deadline, and a report handed in
        /// before the deadline is never late, whenever one looks.
        #[test]
        fn late_is_only_ever_past_the_deadline(status in any_status(), sub in 0u32..100, now in 0u32..100) {
            let base = t(1, 0);
            let deadline = base + chrono::Duration::hours(50);
            let submitted = status.filter(|s| *s != ReportStatus::Draft).map(|_| base + chrono::Duration::hours(sub as i64));
            let now = base + chrono::Duration::hours(now as i64);
            let (state, late) = cell_state(status, submitted, deadline, now);
            if state == CellState::Late { prop_assert!(now > deadline && late); }
            if submitted.is_some_and(|s| s <= deadline) { prop_assert!(!late); }
            if now <= deadline && submitted.is_none() { prop_assert!(!late); }
        }
    }
}
