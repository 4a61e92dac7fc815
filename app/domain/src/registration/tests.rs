use super::*;
use crate::sheet::default_sheet;
use Activity::*;

#[test]
fn a_commune_pledges_every_activity_the_sheet_ties_to_its_criteria() {
    let sheet = default_sheet();
    let commune = activities_for(&sheet, UnitKind::Commune);
    assert_eq!(
        commune,
        vec![
            PropagandaSessions,
            PeopleReached,
            Posts,
            SchoolPrograms,
            Patrols,
            ViolationsHandled,
            DrinkChecks,
            BlackSpotsFixed
        ]
    );
    let agency = activities_for(&sheet, UnitKind::Agency);
    assert_eq!(agency, vec![PropagandaSessions, PeopleReached, Posts, SchoolPrograms]);
}

#[test]
fn pledges_are_whole_non_negative_and_only_for_the_units_activities() {
    let acts = [Posts, Patrols];
    let mut p = BTreeMap::from([(Posts, 12), (Patrols, 0)]);
    assert!(validate_pledges(&acts, &p).is_empty());
    p.insert(Patrols, -1);
    p.insert(BlackSpotsFixed, 2);
    p.remove(&Posts);
    let fields: Vec<String> = validate_pledges(&acts, &p).into_iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec!["pledge.posts", "pledge.patrols", "pledge.black_spots_fixed"]
    );
}

#[test]
fn the_unit_registers_and_only_its_head_confirms() {
    assert_eq!(register(&[Role::Reporter]), Ok(RegistrationStatus::Pending));
    assert_eq!(register(&[Role::StandingOffice]), Err(RegistrationError::NotUnitStaff));
    let pending = Some(RegistrationStatus::Pending);
    assert_eq!(confirm(pending, &[Role::Reporter]), Err(RegistrationError::NotHead));
    assert_eq!(confirm(pending, &[Role::UnitHead]), Ok(RegistrationStatus::Confirmed));
    assert_eq!(
        confirm(Some(RegistrationStatus::Confirmed), &[Role::UnitHead]),
        Err(RegistrationError::AlreadyConfirmed)
    );
    assert_eq!(confirm(None, &[Role::UnitHead]), Err(RegistrationError::NotRegistered));
    assert!(may_report(Some(RegistrationStatus::Confirmed)));
    assert!(!may_report(pending));
    assert!(!may_report(None));
}

#[test]
fn a_report_is_opened_for_a_begun_month_by_a_confirmed_unit() {
    let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    let ok = Some(RegistrationStatus::Confirmed);
    assert_eq!(check_start(ok, PeriodKind::Monthly, d(8, 15), d(8, 15)), Ok(()));
    assert_eq!(
        check_start(ok, PeriodKind::Monthly, d(9, 15), d(9, 14)),
        Err(RegistrationError::NotStarted)
    );
    assert_eq!(
        check_start(ok, PeriodKind::MidTerm, d(8, 15), d(12, 1)),
        Err(RegistrationError::NotMonthly)
    );
    let pending = Some(RegistrationStatus::Pending);
    assert_eq!(
        check_start(pending, PeriodKind::Monthly, d(8, 15), d(12, 1)),
        Err(RegistrationError::NotConfirmed)
    );
}
