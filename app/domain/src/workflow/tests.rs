//! Hand-computed cases and properties of `workflow`.

use super::*;
use ReportStatus as S;
use proptest::prelude::*;

const HEAD: &[Role] = &[Role::UnitHead];
const REPORTER: &[Role] = &[Role::Reporter];
const OFFICE: &[Role] = &[Role::StandingOffice];

fn ret(r: &str) -> Action {
    Action::Return { reason: r.into() }
}

#[test]
fn the_full_cycle() {
    let s = apply(S::Draft, &Action::Save, REPORTER).unwrap();
    let s = apply(s, &Action::Submit, HEAD).unwrap();
    assert_eq!(s, S::Submitted);
    let s = apply(s, &ret("Thiếu tài liệu kiểm chứng tiêu chí A1"), OFFICE).unwrap();
    assert_eq!(s, S::Returned);
    let s = apply(s, &Action::Submit, HEAD).unwrap();
    assert_eq!(s, S::Resubmitted);
    let s = apply(s, &Action::Approve, &[Role::Admin]).unwrap();
    assert_eq!(s, S::Approved);
    assert!(!is_editable_by_unit(s));
    let s = apply(
        s,
        &Action::Reopen {
            reason: "Điều chỉnh số liệu tai nạn".into(),
        },
        OFFICE,
    )
    .unwrap();
    assert_eq!(s, S::Reopened);
    assert!(is_editable_by_unit(s));
    assert_eq!(apply(s, &Action::Submit, HEAD), Ok(S::Resubmitted));
}

#[test]
fn a_reporter_alone_may_only_save() {
    assert_eq!(
        apply(S::Draft, &Action::Submit, REPORTER),
        Err(WorkflowError::Forbidden {
            action: ActionKind::Submit
        })
    );
    assert_eq!(allowed_actions(S::Draft, REPORTER), vec![ActionKind::Save]);
    assert_eq!(
        allowed_actions(S::Draft, HEAD),
        vec![ActionKind::Save, ActionKind::Submit]
    );
    assert_eq!(allowed_actions(S::Submitted, HEAD), vec![]);
    assert_eq!(
        allowed_actions(S::Submitted, OFFICE),
        vec![ActionKind::Return, ActionKind::Approve]
    );
}

#[test]
fn return_and_reopen_need_a_reason() {
    let e = apply(S::Submitted, &ret("  "), OFFICE).unwrap_err();
    assert_eq!(
        e,
        WorkflowError::ReasonRequired {
            action: ActionKind::Return
        }
    );
    assert_eq!(e.to_string(), "Cần ghi rõ lý do khi trả lại báo cáo");
    let e = apply(S::Approved, &Action::Reopen { reason: String::new() }, OFFICE).unwrap_err();
    assert_eq!(
        e,
        WorkflowError::ReasonRequired {
            action: ActionKind::Reopen
        }
    );
}

#[test]
fn approved_is_locked() {
    let e = apply(S::Approved, &Action::Save, HEAD).unwrap_err();
    assert_eq!(e.to_string(), "Không thể lưu báo cáo đang ở trạng thái «Đã duyệt»");
    assert_eq!(
        apply(S::Draft, &Action::Approve, OFFICE).unwrap_err().to_string(),
        "Không thể duyệt báo cáo đang ở trạng thái «Đang soạn»"
    );
    assert_eq!(
        apply(S::Approved, &Action::Reopen { reason: "x".into() }, HEAD)
            .unwrap_err()
            .to_string(),
        "Chỉ Thường trực Ban An toàn giao thông mới được mở lại báo cáo đã duyệt"
    );
}

#[test]
fn every_state_is_reachable_from_draft() {
    let mut seen = vec![S::Draft];
    let actions = [
        Action::Save,
        Action::Submit,
        ret("r"),
        Action::Approve,
        Action::Reopen { reason: "r".into() },
    ];
    let mut i = 0;
    while i < seen.len() {
        for a in &actions {
            if let Ok(n) = apply(seen[i], a, &[Role::UnitHead, Role::Admin])
                && !seen.contains(&n)
            {
                seen.push(n);
            }
        }
        i += 1;
    }
    assert_eq!(seen.len(), S::ALL.len());
}

fn any_action() -> impl Strategy<Value = Action> {
    let reason = prop_oneof![Just(String::new()), Just("   ".to_string()), "[a-zà-ỹ ]{1,12}"];
    prop_oneof![
        Just(Action::Save),
        Just(Action::Submit),
        reason.clone().prop_map(|reason| Action::Return { reason }),
        Just(Action::Approve),
        reason.prop_map(|reason| Action::Reopen { reason }),
    ]
}

fn any_roles() -> impl Strategy<Value = Vec<Role>> {
    proptest::sample::subsequence(Role::ALL.to_vec(), 0..=3)
}

proptest! {
    #[test]
    fn no_sequence_reaches_an_illegal_state(steps in proptest::collection::vec((any_action(), any_roles()), 0..40)) {
        let mut status = S::Draft;
        for (action, roles) in &steps {
            let kind = action.kind();
            let result = apply(status, action, roles);
            // The buttons offered agree with what apply accepts (given a reason).
            let offered = allowed_actions(status, roles).contains(&kind);
            let has_reason = action.reason().is_some_and(|r| !r.trim().is_empty());
            prop_assert_eq!(offered && (has_reason || !kind.needs_reason()), result.is_ok());
            let Ok(next) = result else { continue };
            if next == S::Approved {
                prop_assert_eq!(kind, ActionKind::Approve);
                prop_assert!(awaits_review(status));
            }
            if status == S::Approved {
                prop_assert_eq!(kind, ActionKind::Reopen);
            }
            if kind.needs_reason() {
                prop_assert!(has_reason);
                prop_assert!(roles.contains(&Role::StandingOffice) || roles.contains(&Role::Admin));
            }
            if awaits_review(next) && !awaits_review(status) {
                prop_assert!(roles.contains(&Role::UnitHead));
            }
            if kind == ActionKind::Save {
                prop_assert_eq!(next, status);
                prop_assert!(is_editable_by_unit(status));
            }
            prop_assert!(!(next == S::Approved && is_editable_by_unit(next)));
            status = next;
        }
    }
}

#[test]
fn a_repeated_step_is_recognised_by_where_it_leads() {
    use ReportStatus::*;
    for &status in ReportStatus::ALL {
        for &kind in ActionKind::ALL {
            // Wherever a legal step leads, the same step is recognised there.
            if let Some(next) = transition(status, kind) {
                assert_eq!(
                    step_leads_to(kind, next),
                    kind != ActionKind::Save,
                    "{kind:?} to {next:?}"
                );
            }
        }
    }
    assert!(!step_leads_to(ActionKind::Submit, Draft));
    assert!(!step_leads_to(ActionKind::Approve, Returned));
}
