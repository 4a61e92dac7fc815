use super::*;
use crate::types::default_targets;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn plan_114() -> CampaignDraft {
    CampaignDraft {
        slug: "ke-hoach-114-2024".into(),
        plan_number: "114/KH-UBND".into(),
        title: "Phong trào thi đua bảo đảm trật tự, an toàn giao thông".into(),
        theme: "".into(),
        starts_on: d(2024, 7, 5),
        ends_on: d(2024, 12, 31),
        baseline_year: 2023,
        period_rule: PeriodRule::GovernmentMonth,
        deadline_days: 3,
        serious_deaths_threshold: 3,
        publish_days: 5,
        targets: default_targets(),
    }
}

#[test]
fn the_plan_meets_every_rule() {
    assert_eq!(plan_114().problems(), vec![]);
}

#[test]
fn every_broken_rule_is_named_by_its_field() {
    let mut bad = plan_114();
    bad.slug = "Kế hoạch 2025".into();
    bad.plan_number = "  ".into();
    bad.title = "x".repeat(301);
    bad.ends_on = d(2024, 7, 1);
    bad.baseline_year = 2024;
    bad.deadline_days = 0;
    bad.serious_deaths_threshold = 0;
    bad.publish_days = 61;
    bad.targets.push(bad.targets[0].clone());
    let fields: Vec<String> = bad.problems().into_iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec![
            "slug",
            "plan_number",
            "title",
            "ends_on",
            "baseline_year",
            "deadline_days",
            "serious_deaths_threshold",
            "publish_days",
            "targets"
        ]
    );
}

#[test]
fn addresses_are_plain_and_stable() {
    assert!(valid_slug("ke-hoach-25-2025"));
    for bad in [
        "ke",
        "Ke-hoach",
        "kế-hoạch",
        "-a-b",
        "a-b-",
        "a--b",
        "a b c",
        &"a".repeat(61),
    ] {
        assert!(!valid_slug(bad), "{bad}");
    }
}

#[test]
fn a_copy_moves_dates_baseline_and_address_by_whole_years() {
    let next = plan_114().moved_by_years(1);
    assert_eq!((next.starts_on, next.ends_on), (d(2025, 7, 5), d(2025, 12, 31)));
    assert_eq!(next.baseline_year, 2024);
    assert_eq!(next.slug, "ke-hoach-114-2025");
    assert_eq!(next.problems(), vec![]);
    let mut leap = plan_114();
    leap.slug = "thang-hai".into();
    leap.starts_on = d(2024, 2, 29);
    let moved = leap.moved_by_years(1);
    assert_eq!(moved.starts_on, d(2025, 2, 28));
    assert_eq!(moved.slug, "thang-hai-2025");
}

#[test]
fn a_campaign_moves_forward_and_a_closed_one_is_read_only() {
    use CampaignStatus::*;
    assert!(status_change_allowed(Draft, Open));
    assert!(status_change_allowed(Open, Closed));
    assert!(status_change_allowed(Closed, Archived));
    assert!(!status_change_allowed(Archived, Open));
    assert!(!status_change_allowed(Draft, Archived));
    assert!(!status_change_allowed(Open, Open));
    assert!(is_writable(Open) && is_writable(Draft));
    assert!(!is_writable(Closed) && !is_writable(Archived));
}

#[test]
fn every_offered_move_is_an_allowed_one() {
    for from in CampaignStatus::ALL {
        for (to, words) in from.moves() {
            assert!(status_change_allowed(*from, *to), "{from:?} → {to:?}");
            assert!(!words.is_empty());
        }
    }
}
