//! Checks on what people type: a unit's report, an accident, a baseline row.
//! Errors name the form field they belong to, so a form can show them in place.

use crate::figures::AccidentFigures;
use crate::sheet::Sheet;
use crate::types::{Activity, Measure, UnitKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// e.g. `score.A1`, `evidence.A1`, `activity.posts`, `figures.deaths`.
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CriterionEntry {
    pub self_score: Option<f64>,
    pub explanation: String,
    pub evidence_count: u32,
}

/// A unit's report as the form holds it, before it is saved.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportDraft {
    /// Keyed by criterion code.
    pub criteria: BTreeMap<String, CriterionEntry>,
    pub activities: BTreeMap<Activity, i64>,
}

/// An explanation is a paragraph, not a file: evidence goes in attachments.
pub const MAX_EXPLANATION_CHARS: usize = 2000;

/// Scores are entered to the hundredth at most; finer ones are typing slips.
fn has_two_decimals_at_most(x: f64) -> bool {
    let cents = (x * 100.0).round();
    (x * 100.0 - cents).abs() <= 1e-6
}

/// Errors in whatever has been filled in; blanks are fine while drafting
/// (see [`missing_scores`] for submission).
pub fn validate_report(sheet: &Sheet, unit_kind: UnitKind, draft: &ReportDraft) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (code, entry) in &draft.criteria {
        let field = format!("score.{code}");
        let Some(c) = sheet.criterion(code) else {
            errors.push(FieldError::new(field, "Tiêu chí không có trong bảng điểm"));
            continue;
        };
        if entry.explanation.chars().count() > MAX_EXPLANATION_CHARS {
            errors.push(FieldError::new(
                format!("explanation.{code}"),
                format!("Giải trình dài quá {MAX_EXPLANATION_CHARS} ký tự"),
            ));
        }
        let Some(score) = entry.self_score else {
            continue;
        };
        if !c.applies_to.applies(unit_kind) {
            errors.push(FieldError::new(field, "Tiêu chí này không áp dụng cho đơn vị"));
        } else if !c.is_self_scored() {
            errors.push(FieldError::new(
                field,
                "Điểm tiêu chí này do hệ thống hoặc Thường trực Ban chấm, đơn vị không tự chấm",
            ));
        } else if !score.is_finite() {
            errors.push(FieldError::new(field, "Điểm phải là một số"));
        } else if !(0.0..=c.max_points).contains(&score) {
            let max = format_points(c.max_points);
            errors.push(FieldError::new(field, format!("Điểm phải từ 0 đến {max}")));
        } else if !has_two_decimals_at_most(score) {
            errors.push(FieldError::new(field, "Điểm chỉ được lấy tối đa hai chữ số thập phân"));
        } else if c.evidence_required && score > 0.0 && entry.evidence_count == 0 {
            errors.push(FieldError::new(
                format!("evidence.{code}"),
                "Cần đính kèm tài liệu kiểm chứng cho điểm tự chấm",
            ));
        }
    }
    let reported = crate::activities_for(sheet, unit_kind);
    for (activity, &value) in &draft.activities {
        let field = format!("activity.{}", activity.code());
        if !reported.contains(activity) {
            errors.push(FieldError::new(field, "Hoạt động này không thuộc bảng điểm của đơn vị"));
        } else if let Some(e) = check_count(&field, value) {
            errors.push(e);
        }
    }
    let count = |a: Activity| draft.activities.get(&a).copied().unwrap_or(0);
    if count(Activity::PeopleReached) > 0 && count(Activity::PropagandaSessions) == 0 {
        errors.push(FieldError::new(
            "activity.people_reached",
            "Có người tham dự thì phải có ít nhất một buổi tuyên truyền",
        ));
    }
    errors
}

/// What a report form sends, as a draft (explanations trimmed, figures left
/// blank left out).
pub fn draft_from_lines(
    lines: &[crate::report::DraftLine],
    activities: &[crate::report::ActivityEntry],
) -> ReportDraft {
    let mut draft = ReportDraft::default();
    draft.activities = activities
        .iter()
        .filter_map(|e| e.value.map(|v| (e.activity, v)))
        .collect();
    for l in lines {
        let entry = CriterionEntry {
            self_score: l.score,
            explanation: l.explanation.trim().to_string(),
            evidence_count: 0,
        };
        draft.criteria.insert(l.code.clone(), entry);
    }
    draft
}

/// The rules that hold while drafting: all of [`validate_report`] but
/// evidence, which may come after the score and is required at submission.
pub fn validate_draft(sheet: &Sheet, unit_kind: UnitKind, draft: &ReportDraft) -> Vec<FieldError> {
    validate_report(sheet, unit_kind, draft)
        .into_iter()
        .filter(|e| !e.field.starts_with("evidence."))
        .collect()
}

/// On submission every self-scored criterion that applies needs a score.
pub fn missing_scores(sheet: &Sheet, unit_kind: UnitKind, draft: &ReportDraft) -> Vec<FieldError> {
    sheet
        .applicable(unit_kind)
        .filter(|c| c.is_self_scored())
        .filter(|c| draft.criteria.get(&c.code).and_then(|e| e.self_score).is_none())
        .map(|c| FieldError::new(format!("score.{}", c.code), "Chưa tự chấm điểm tiêu chí này"))
        .collect()
}

/// A count typed into a form: whole, not negative, and storable.
pub fn check_count(field: &str, value: i64) -> Option<FieldError> {
    if value < 0 {
        Some(FieldError::new(field, "Số liệu không được âm"))
    } else if value > u32::MAX as i64 {
        Some(FieldError::new(field, "Số liệu quá lớn"))
    } else {
        None
    }
}

/// Counts of accidents with some property cannot exceed the accidents;
/// holds for a period's totals and for a baseline row alike.
pub fn validate_figures(f: &AccidentFigures) -> Vec<FieldError> {
    [
        (
            Measure::DrinkDriving,
            "Số vụ do rượu, bia không được lớn hơn tổng số vụ",
        ),
        (
            Measure::ParticularlySerious,
            "Số vụ đặc biệt nghiêm trọng không được lớn hơn tổng số vụ",
        ),
        (
            Measure::CommercialCar,
            "Số vụ liên quan ô tô kinh doanh vận tải không được lớn hơn tổng số vụ",
        ),
    ]
    .into_iter()
    .filter(|(m, _)| f.get(*m) > f.accidents)
    .map(|(m, message)| FieldError::new(format!("figures.{}", m.code()), message))
    .collect()
}

/// A baseline row as typed (possibly negative), checked and converted.
pub fn figures_from_row(row: &BTreeMap<Measure, i64>) -> Result<AccidentFigures, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut value = |m: Measure| {
        let v = row.get(&m).copied().unwrap_or(0);
        match check_count(&format!("figures.{}", m.code()), v) {
            Some(e) => {
                errors.push(e);
                0
            }
            None => v as u32,
        }
    };
    let f = AccidentFigures {
        accidents: value(Measure::Accidents),
        deaths: value(Measure::Deaths),
        injuries: value(Measure::Injuries),
        drink_driving: value(Measure::DrinkDriving),
        particularly_serious: value(Measure::ParticularlySerious),
        commercial_car: value(Measure::CommercialCar),
    };
    errors.extend(validate_figures(&f));
    if errors.is_empty() { Ok(f) } else { Err(errors) }
}

/// Vietnamese writes a decimal comma: 2,5 điểm.
/// Points to two decimals, as pages and files show them (no float noise).
pub fn round_points(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub fn format_points(x: f64) -> String {
    let s = format!("{:.2}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.replace('.', ",")
}

#[cfg(test)]
mod tests;
