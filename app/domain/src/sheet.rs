//! The scoring sheet: groups of criteria and who they apply to.

use crate::types::{Activity, ScoringRule, UnitKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

mod default;
pub use default::default_sheet;

/// Group maxima add up to this; bonus and penalty come on top of it.
pub const SHEET_TOTAL: f64 = 100.0;

/// Float sums of points such as 0.1 + 0.2 must still equal their total.
const EPS: f64 = 1e-9;

/// Which kinds of unit a criterion is scored for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Applicability {
    All,
    Kinds(Vec<UnitKind>),
}

impl Applicability {
    pub fn applies(&self, kind: UnitKind) -> bool {
        match self {
            Applicability::All => true,
            Applicability::Kinds(kinds) => kinds.contains(&kind),
        }
    }

    /// `"all"` or the unit-kind codes joined by commas, as stored in the database.
    pub fn to_code(&self) -> String {
        match self {
            Applicability::All => "all".to_string(),
            Applicability::Kinds(kinds) => kinds.iter().map(|k| k.code()).collect::<Vec<_>>().join(","),
        }
    }

    /// Parses [`Applicability::to_code`]; `None` on an unknown or empty code,
    /// because a criterion that applies to nobody is a typo, not a choice.
    pub fn from_code(s: &str) -> Option<Self> {
        let s = s.trim();
        if s == "all" {
            return Some(Applicability::All);
        }
        let kinds = s
            .split(',')
            .map(|c| UnitKind::from_code(c.trim()))
            .collect::<Option<Vec<_>>>()?;
        (!kinds.is_empty()).then_some(Applicability::Kinds(kinds))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionGroup {
    pub code: String,
    pub name: String,
    /// Where the group comes from in the plan, e.g. "II.1".
    pub task_ref: String,
    pub max_points: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub code: String,
    pub group_code: String,
    pub name: String,
    pub description: String,
    pub max_points: f64,
    pub rule: ScoringRule,
    pub evidence_required: bool,
    pub applies_to: Applicability,
    /// The activity figure the report form shows beside this criterion,
    /// against the unit's pledge.
    pub activity: Option<Activity>,
}

impl Criterion {
    /// Bonus and penalty lines sit outside the 100 points.
    pub fn is_adjustment(&self) -> bool {
        matches!(self.rule, ScoringRule::Bonus | ScoringRule::Penalty)
    }

    /// Points come from data (accidents, deadlines, activity figures), never
    /// from a score the unit gives itself.
    pub fn is_computed(&self) -> bool {
        matches!(
            self.rule,
            ScoringRule::Outcomes | ScoringRule::ReportingDiscipline | ScoringRule::ActivityAgainstPledge
        )
    }

    /// The unit enters a score for this criterion in its report.
    pub fn is_self_scored(&self) -> bool {
        self.rule == ScoringRule::SelfScored
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub groups: Vec<CriterionGroup>,
    pub criteria: Vec<Criterion>,
}

/// Why a sheet cannot be used; shown to the standing office as is.
#[derive(Clone, Debug, PartialEq, thiserror::Error, Serialize, Deserialize)]
pub enum SheetError {
    #[error("Tổng điểm tối đa của các nhóm tiêu chí là {total}, phải bằng 100")]
    GroupTotal { total: f64 },
    #[error("Nhóm {group}: tổng điểm các tiêu chí là {criteria_total}, khác điểm tối đa của nhóm ({group_max})")]
    GroupMismatch {
        group: String,
        group_max: f64,
        criteria_total: f64,
    },
    #[error("Nhóm {group}: điểm tối đa không được âm")]
    NegativeGroupMax { group: String },
    #[error("Tiêu chí {criterion} thuộc nhóm {group} không tồn tại")]
    UnknownGroup { criterion: String, group: String },
    #[error("Mã {code} bị trùng")]
    DuplicateCode { code: String },
    #[error("Tiêu chí {criterion}: điểm tối đa phải lớn hơn 0")]
    NonPositiveMax { criterion: String },
    #[error("Tiêu chí {criterion} tính theo hoạt động so với giao ước nhưng chưa chọn hoạt động")]
    ActivityMissing { criterion: String },
    #[error("Tiêu chí {criterion} tính theo kết quả kéo giảm tai nạn, chỉ áp dụng cho đơn vị có địa bàn")]
    OutcomesWithoutTerritory { criterion: String },
}

impl Sheet {
    pub fn applicable(&self, kind: UnitKind) -> impl Iterator<Item = &Criterion> {
        self.criteria.iter().filter(move |c| c.applies_to.applies(kind))
    }

    /// The denominator of a unit's normalized score.
    pub fn applicable_max(&self, kind: UnitKind) -> f64 {
        self.applicable(kind)
            .filter(|c| !c.is_adjustment())
            .map(|c| c.max_points)
            .sum()
    }

    pub fn criterion(&self, code: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.code == code)
    }

    pub fn group(&self, code: &str) -> Option<&CriterionGroup> {
        self.groups.iter().find(|g| g.code == code)
    }

    pub fn criteria_of<'a>(&'a self, group_code: &'a str) -> impl Iterator<Item = &'a Criterion> {
        self.criteria.iter().filter(move |c| c.group_code == group_code)
    }

    /// All problems at once, so the office can fix a sheet in one pass.
    pub fn validate(&self) -> Result<(), Vec<SheetError>> {
        let mut errors = Vec::new();
        let total: f64 = self.groups.iter().map(|g| g.max_points).sum();
        if (total - SHEET_TOTAL).abs() > EPS {
            errors.push(SheetError::GroupTotal { total });
        }
        // Group and criterion codes share one namespace: both appear as field names.
        let mut seen = BTreeSet::new();
        for code in self
            .groups
            .iter()
            .map(|g| &g.code)
            .chain(self.criteria.iter().map(|c| &c.code))
        {
            if !seen.insert(code.as_str()) {
                errors.push(SheetError::DuplicateCode { code: code.clone() });
            }
        }
        for g in &self.groups {
            if g.max_points < 0.0 {
                errors.push(SheetError::NegativeGroupMax { group: g.code.clone() });
            }
            let criteria_total: f64 = self
                .criteria_of(&g.code)
                .filter(|c| !c.is_adjustment())
                .map(|c| c.max_points)
                .sum();
            if (criteria_total - g.max_points).abs() > EPS {
                errors.push(SheetError::GroupMismatch {
                    group: g.code.clone(),
                    group_max: g.max_points,
                    criteria_total,
                });
            }
        }
        for c in &self.criteria {
            if self.group(&c.group_code).is_none() {
                errors.push(SheetError::UnknownGroup {
                    criterion: c.code.clone(),
                    group: c.group_code.clone(),
                });
            }
            if c.max_points.is_nan() || c.max_points <= 0.0 {
                errors.push(SheetError::NonPositiveMax {
                    criterion: c.code.clone(),
                });
            }
            let territorial = match &c.applies_to {
                Applicability::All => false,
                Applicability::Kinds(kinds) => kinds.iter().all(|k| k.has_territory()),
            };
            if c.rule == ScoringRule::Outcomes && !territorial {
                errors.push(SheetError::OutcomesWithoutTerritory {
                    criterion: c.code.clone(),
                });
            }
            if c.rule == ScoringRule::ActivityAgainstPledge && c.activity.is_none() {
                errors.push(SheetError::ActivityMissing {
                    criterion: c.code.clone(),
                });
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_sheet_is_valid_and_totals_100() {
        let s = default_sheet();
        assert_eq!(s.validate(), Ok(()));
        let total: f64 = s.groups.iter().map(|g| g.max_points).sum();
        assert_eq!(total, 100.0);
        for g in &s.groups {
            let n = s.criteria_of(&g.code).count();
            assert!((1..=4).contains(&n), "group {} has {n} criteria", g.code);
        }
    }

    #[test]
    fn applicable_max_depends_on_the_kind() {
        let s = default_sheet();
        // A+B+D+H for everyone; communes carry every group.
        assert_eq!(s.applicable_max(UnitKind::Agency), 45.0);
        assert_eq!(s.applicable_max(UnitKind::Commune), 100.0);
        assert_eq!(s.applicable_max(UnitKind::Police), 65.0);
        assert_eq!(s.applicable_max(UnitKind::Infrastructure), 55.0);
        assert_eq!(s.applicable_max(UnitKind::Health), 50.0);
        assert_eq!(s.applicable_max(UnitKind::District), 70.0);
        assert!(s.applicable(UnitKind::Agency).any(|c| c.rule == ScoringRule::Bonus));
    }

    #[test]
    fn applicability_codes_round_trip() {
        let a = Applicability::Kinds(vec![UnitKind::Commune, UnitKind::Town, UnitKind::Police]);
        assert_eq!(a.to_code(), "commune,town,police");
        assert_eq!(Applicability::from_code(&a.to_code()), Some(a));
        assert_eq!(Applicability::from_code("all"), Some(Applicability::All));
        assert_eq!(
            Applicability::from_code(" commune , town"),
            Some(Applicability::Kinds(vec![UnitKind::Commune, UnitKind::Town]))
        );
        assert_eq!(Applicability::from_code(""), None);
        assert_eq!(Applicability::from_code("commune,mars"), None);
    }

    #[test]
    fn validation_reports_every_problem() {
        let mut s = default_sheet();
        s.criteria[0].max_points = 0.0;
        s.criteria[1].group_code = "Z".into();
        s.criteria[2].code = "A2".into();
        let g = s.criteria.iter_mut().find(|c| c.code == "G1").unwrap();
        g.applies_to = Applicability::All;
        let errors = s.validate().unwrap_err();
        assert!(errors.contains(&SheetError::NonPositiveMax { criterion: "A1".into() }));
        assert!(errors.contains(&SheetError::UnknownGroup {
            criterion: "A2".into(),
            group: "Z".into()
        }));
        assert!(errors.contains(&SheetError::DuplicateCode { code: "A2".into() }));
        assert!(errors.contains(&SheetError::OutcomesWithoutTerritory { criterion: "G1".into() }));
        assert!(
            errors
                .iter()
                .any(|e| matches!(e, SheetError::GroupMismatch { group, .. } if group == "A"))
        );
    }

    #[test]
    fn a_criterion_scored_on_an_activity_names_the_activity() {
        let mut sheet = default_sheet();
        let d2 = sheet.criteria.iter_mut().find(|c| c.code == "D2").unwrap();
        d2.rule = ScoringRule::ActivityAgainstPledge;
        assert_eq!(sheet.validate(), Ok(()));
        sheet.criteria.iter_mut().find(|c| c.code == "D2").unwrap().activity = None;
        let errors = sheet.validate().unwrap_err();
        assert_eq!(errors, vec![SheetError::ActivityMissing { criterion: "D2".into() }]);
    }

    #[test]
    fn group_total_must_be_100() {
        let mut s = default_sheet();
        s.groups[0].max_points = 10.0;
        let errors = s.validate().unwrap_err();
        assert!(errors.contains(&SheetError::GroupTotal { total: 95.0 }));
        assert_eq!(
            errors[0].to_string(),
            "Tổng điểm tối đa của các nhóm tiêu chí là 95, phải bằng 100"
        );
    }
}
