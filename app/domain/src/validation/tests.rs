//! Hand-computed cases and properties of `validation`.

use super::*;
use crate::sheet::default_sheet;
use proptest::prelude::*;

fn entry(score: f64, evidence: u32) -> CriterionEntry {
    CriterionEntry {
        self_score: Some(score),
        explanation: "Đã ban hành kế hoạch".into(),
        evidence_count: evidence,
    }
}

fn draft(pairs: &[(&str, CriterionEntry)]) -> ReportDraft {
    ReportDraft {
        criteria: pairs.iter().map(|(c, e)| (c.to_string(), e.clone())).collect(),
        ..Default::default()
    }
}

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

#[test]
fn scores_must_be_in_range_and_to_the_hundredth() {
    let s = default_sheet();
    let d = draft(&[
        ("A1", entry(5.5, 1)),
        ("A2", entry(-1.0, 1)),
        ("A3", entry(2.345, 1)),
        ("B1", entry(f64::NAN, 1)),
    ]);
    let errors = validate_report(&s, UnitKind::Agency, &d);
    assert_eq!(fields(&errors), vec!["score.A1", "score.A2", "score.A3", "score.B1"]);
    assert_eq!(errors[0].message, "Điểm phải từ 0 đến 5");
    assert!(
        validate_report(
            &s,
            UnitKind::Agency,
            &draft(&[("A1", entry(2.35, 1)), ("A2", entry(5.0, 1))])
        )
        .is_empty()
    );
}

#[test]
fn evidence_is_required_only_for_points() {
    let s = default_sheet();
    let errors = validate_report(
        &s,
        UnitKind::Agency,
        &draft(&[("A1", entry(3.0, 0)), ("A2", entry(0.0, 0))]),
    );
    assert_eq!(fields(&errors), vec!["evidence.A1"]);
}

#[test]
fn computed_and_foreign_criteria_cannot_be_self_scored() {
    let s = default_sheet();
    let d = draft(&[("G1", entry(25.0, 1)), ("E1", entry(3.0, 1)), ("Z9", entry(1.0, 1))]);
    let errors = validate_report(&s, UnitKind::Agency, &d);
    assert_eq!(fields(&errors), vec!["score.E1", "score.G1", "score.Z9"]);
    let errors = validate_report(&s, UnitKind::Commune, &d);
    assert_eq!(fields(&errors), vec!["score.G1", "score.Z9"]);
}

#[test]
fn activities_must_not_be_negative() {
    let mut d = ReportDraft::default();
    d.activities.insert(Activity::Posts, -3);
    d.activities.insert(Activity::Patrols, 12);
    let errors = validate_report(&default_sheet(), UnitKind::Police, &d);
    assert_eq!(errors, vec![FieldError::new("activity.posts", "Số liệu không được âm")]);
}

#[test]
fn activities_are_those_of_the_units_sheet_and_agree_with_each_other() {
    let mut d = ReportDraft::default();
    d.activities.insert(Activity::Patrols, 12);
    d.activities.insert(Activity::PeopleReached, 40);
    d.activities.insert(Activity::PropagandaSessions, 0);
    let errors = validate_report(&default_sheet(), UnitKind::Agency, &d);
    assert_eq!(fields(&errors), vec!["activity.patrols", "activity.people_reached"]);
    d.activities.insert(Activity::PropagandaSessions, 1);
    let errors = validate_report(&default_sheet(), UnitKind::Commune, &d);
    assert_eq!(errors, vec![]);
}

#[test]
fn submission_needs_every_applicable_score() {
    let s = default_sheet();
    let missing = missing_scores(&s, UnitKind::Agency, &draft(&[("A1", entry(5.0, 1))]));
    // A2 A3 B1 B2 D1–D4; never G, H or the bonus line.
    assert_eq!(
        fields(&missing),
        vec![
            "score.A2", "score.A3", "score.B1", "score.B2", "score.D1", "score.D2", "score.D3", "score.D4"
        ]
    );
}

#[test]
fn accidents_and_figures_are_consistent() {
    let f = AccidentFigures {
        accidents: 2,
        drink_driving: 3,
        particularly_serious: 2,
        commercial_car: 4,
        ..Default::default()
    };
    assert_eq!(
        fields(&validate_figures(&f)),
        vec!["figures.drink_driving", "figures.commercial_car"]
    );
    let row: BTreeMap<Measure, i64> = [(Measure::Accidents, 4), (Measure::Deaths, -2)].into();
    assert_eq!(fields(&figures_from_row(&row).unwrap_err()), vec!["figures.deaths"]);
    let row: BTreeMap<Measure, i64> = [(Measure::Accidents, 4), (Measure::Deaths, 2)].into();
    assert_eq!(figures_from_row(&row).unwrap().deaths, 2);
}

#[test]
fn points_use_a_decimal_comma() {
    assert_eq!(format_points(2.5), "2,5");
    assert_eq!(format_points(5.0), "5");
    assert_eq!(format_points(87.556), "87,56");
}

fn self_scored_codes(kind: UnitKind) -> Vec<(String, f64)> {
    default_sheet()
        .applicable(kind)
        .filter(|c| c.is_self_scored())
        .map(|c| (c.code.clone(), c.max_points))
        .collect()
}

proptest! {
    #[test]
    fn every_in_range_draft_is_accepted(
        kind in proptest::sample::select(UnitKind::ALL),
        cents in proptest::collection::vec(proptest::option::of(0u32..=10_000), 20),
        counts in proptest::collection::vec(0i64..1_000_000, 8),
    ) {
        let mut d = ReportDraft::default();
        for ((code, max), c) in self_scored_codes(kind).into_iter().zip(&cents) {
            let score = c.map(|c| (c as f64 / 100.0).min(max));
            d.criteria.insert(code, CriterionEntry { self_score: score, explanation: String::new(), evidence_count: 1 });
        }
        for (a, n) in crate::activities_for(&default_sheet(), kind).into_iter().zip(counts) {
            d.activities.insert(a, n);
        }
        // People reached come from sessions held (see the rule's own test).
        if d.activities.get(&Activity::PropagandaSessions) == Some(&0) {
            d.activities.insert(Activity::PeopleReached, 0);
        }
        prop_assert_eq!(validate_report(&default_sheet(), kind, &d), vec![]);
    }

    #[test]
    fn every_out_of_range_score_is_rejected(
        kind in proptest::sample::select(UnitKind::ALL),
        pick: prop::sample::Index,
        over in prop_oneof![0.01..1000.0f64, Just(f64::INFINITY)],
        below: bool,
    ) {
        let codes = self_scored_codes(kind);
        let (code, max) = codes[pick.index(codes.len())].clone();
        let score = if below { -over } else { max + over };
        let d = draft(&[(code.as_str(), entry(score, 1))]);
        let errors = validate_report(&default_sheet(), kind, &d);
        let expected = format!("score.{code}");
        prop_assert_eq!(fields(&errors), vec![expected.as_str()]);
    }
}

#[test]
fn an_overlong_explanation_is_named() {
    let sheet = default_sheet();
    let mut draft = ReportDraft::default();
    draft.criteria.insert(
        "A1".into(),
        CriterionEntry {
            self_score: None,
            explanation: "x".repeat(MAX_EXPLANATION_CHARS + 1),
            evidence_count: 0,
        },
    );
    assert_eq!(
        fields(&validate_report(&sheet, UnitKind::Commune, &draft)),
        vec!["explanation.A1"]
    );
}
