//! The criteria sheet editor: groups and their criteria with maximum points,
//! how each is scored, whether it needs evidence and which unit kinds it
//! applies to. The domain's validation runs on every change, and a preview
//! shows the maximum each kind of unit can reach.

use crate::api::setup::{SaveSheet, campaign_sheet};
use crate::i18n::*;
use domain::{Applicability, Criterion, CriterionGroup, Id, ScoringRule, Sheet, UnitKind};
use leptos::prelude::*;

/// The kinds the preview shows: one of each sort of participant.
const PREVIEW: [UnitKind; 5] = [
    UnitKind::Commune,
    UnitKind::Town,
    UnitKind::Police,
    UnitKind::Agency,
    UnitKind::Education,
];

#[component]
pub fn SheetEditor(campaign_id: Id, writable: bool) -> impl IntoView {
    let i18n = use_i18n();
    let loaded = Resource::new(move || campaign_id, campaign_sheet);
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(sheet) => view! { <Editor campaign_id sheet writable /> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Editor(campaign_id: Id, sheet: Sheet, writable: bool) -> impl IntoView {
    let i18n = use_i18n();
    let sheet = RwSignal::new(sheet);
    let save = ServerAction::<SaveSheet>::new();
    let problems = Memo::new(move |_| sheet.with(|s| s.validate().err().unwrap_or_default()));
    let groups = move || sheet.with(|s| s.groups.iter().cloned().enumerate().collect::<Vec<_>>());
    let add_criterion = move |group: String| {
        sheet.update(|s| {
            let n = s.criteria.iter().filter(|c| c.group_code == group).count() + 1;
            s.criteria.push(Criterion {
                code: format!("{group}{n}"),
                group_code: group,
                name: String::new(),
                description: String::new(),
                max_points: 1.0,
                rule: ScoringRule::SelfScored,
                evidence_required: false,
                applies_to: Applicability::All,
                activity: None,
            });
        })
    };
    view! {
        <p class="muted">{t!(i18n, setup_sheet_help)}</p>
        {move || {
            let p = problems.get();
            if p.is_empty() {
                view! { <p class="ok" role="status">{t!(i18n, setup_sheet_valid)}</p> }.into_any()
            } else {
                view! {
                    <ul class="error sheet-problems" role="alert">
                        {p.into_iter().map(|e| view! { <li>{e.to_string()}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
        <table class="data sheet-preview">
            <caption>{t!(i18n, setup_preview)}</caption>
            <tbody>
                {PREVIEW.into_iter().map(|k| view! {
                    <tr><th scope="row">{k.code()}</th>
                        <td>{move || sheet.with(|s| format!("{:.2}", s.applicable_max(k)))}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        {move || groups().into_iter().map(|(gi, g)| view! {
            <GroupEditor sheet gi group=g writable add_criterion />
        }).collect_view()}
        {writable.then(|| view! {
            <button type="button" class="primary" disabled=move || !problems.get().is_empty() || save.pending().get()
                on:click=move |_| { save.dispatch(SaveSheet { campaign_id, sheet: sheet.get() }); }>
                {t!(i18n, setup_sheet_save)}
            </button>
        })}
        {move || save.value().get().map(|r| match r {
            Ok(()) => view! { <p class="ok" role="status">{t!(i18n, saved)}</p> }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
        })}
    }
}

#[component]
fn GroupEditor(
    sheet: RwSignal<Sheet>,
    gi: usize,
    group: CriterionGroup,
    writable: bool,
    add_criterion: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = group.code.clone();
    let rows = {
        let code = code.clone();
        move || {
            sheet.with(|s| {
                s.criteria
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.group_code == code)
                    .map(|(i, c)| (i, c.clone()))
                    .collect::<Vec<_>>()
            })
        }
    };
    let set_group_max = move |v: String| {
        if let Ok(x) = v.trim().replace(',', ".").parse::<f64>() {
            sheet.update(|s| s.groups[gi].max_points = x);
        }
    };
    view! {
        <fieldset class="sheet-group">
            <legend>{group.code.clone()} " · " {group.name.clone()} " (" {group.task_ref.clone()} ")"</legend>
            <label for=format!("g-{gi}-max")>{t!(i18n, col_max)}</label>
            <input id=format!("g-{gi}-max") type="number" step="0.5" value=group.max_points.to_string()
                disabled=!writable on:change=move |ev| set_group_max(event_target_value(&ev)) />
            <table class="data sheet-criteria">
                <thead><tr>
                    <th scope="col">{t!(i18n, setup_col_code)}</th>
                    <th scope="col">{t!(i18n, col_criterion)}</th>
                    <th scope="col">{t!(i18n, col_max)}</th>
                    <th scope="col">{t!(i18n, setup_col_rule)}</th>
                    <th scope="col">{t!(i18n, setup_col_evidence)}</th>
                    <th scope="col">{t!(i18n, setup_col_kinds)}</th>
                </tr></thead>
                <tbody>
                    {move || rows().into_iter().map(|(i, c)| view! { <CriterionRow sheet i c writable /> }).collect_view()}
                </tbody>
            </table>
            {writable.then(|| view! {
                <button type="button" class="small" on:click=move |_| add_criterion(code.clone())>
                    {t!(i18n, setup_add_criterion)}
                </button>
            })}
        </fieldset>
    }
}

#[component]
fn CriterionRow(sheet: RwSignal<Sheet>, i: usize, c: Criterion, writable: bool) -> impl IntoView {
    let i18n = use_i18n();
    let edit = move |f: Box<dyn Fn(&mut Criterion)>| sheet.update(|s| f(&mut s.criteria[i]));
    let label = |what: &str| format!("{what} {}", c.code);
    view! {
        <tr>
            <td>{c.code.clone()}</td>
            <td><input value=c.name.clone() disabled=!writable aria-label=label("Tên tiêu chí")
                on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |c| c.name = v.clone())); } /></td>
            <td><input type="number" step="0.5" class="points" value=c.max_points.to_string() disabled=!writable
                aria-label=label("Điểm tối đa")
                on:change=move |ev| {
                    if let Ok(x) = event_target_value(&ev).trim().replace(',', ".").parse::<f64>() {
                        edit(Box::new(move |c| c.max_points = x));
                    }
                } /></td>
            <td><select disabled=!writable aria-label=label("Cách tính")
                on:change=move |ev| {
                    if let Some(r) = ScoringRule::from_code(&event_target_value(&ev)) {
                        edit(Box::new(move |c| c.rule = r));
                    }
                }>
                {ScoringRule::ALL.iter().map(|r| view! {
                    <option value=r.code() selected=*r == c.rule>{r.label()}</option>
                }).collect_view()}
            </select></td>
            <td><input type="checkbox" checked=c.evidence_required disabled=!writable aria-label=label("Cần minh chứng")
                on:change=move |ev| { let v = event_target_checked(&ev); edit(Box::new(move |c| c.evidence_required = v)); } /></td>
            <td><input value=c.applies_to.to_code() disabled=!writable aria-label=label("Áp dụng cho")
                title=t_string!(i18n, setup_kinds_help)
                on:change=move |ev| {
                    if let Some(a) = Applicability::from_code(&event_target_value(&ev)) {
                        edit(Box::new(move |c| c.applies_to = a.clone()));
                    }
                } /></td>
        </tr>
    }
}
