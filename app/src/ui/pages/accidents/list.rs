//! The accidents recorded, latest first; struck-out ones stay visible with
//! their reason, so every figure can be explained.

use super::Actions;
use crate::api::accidents::{AccidentLogView, StrikeAccident};
use crate::i18n::*;
use crate::ui::format::datetime_local;
use domain::AccidentRecord;
use leptos::prelude::*;

const PAGE: usize = 30;

#[component]
pub fn AccidentList(log: AccidentLogView, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let counted = log.records.iter().filter(|r| r.deleted_at.is_none()).count();
    let error = move || {
        actions
            .strike
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| view! { <p class="error" role="alert">{e.message_vi()}</p> })
    };
    let done = move || {
        actions
            .strike
            .value()
            .get()
            .and_then(|r| r.ok())
            .map(|_| view! { <p class="ok" role="status">{t!(i18n, accident_struck)}</p> })
    };
    if log.records.is_empty() {
        return view! { <p class="empty">{t!(i18n, accident_none)}</p> }.into_any();
    }
    let (campaign_id, can_edit) = (log.campaign_id, log.can_edit);
    // The latest first, a page at a time: a year's log is long on a phone.
    let shown = RwSignal::new(PAGE);
    let total = log.records.len();
    let records = StoredValue::new(log.records);
    view! {
        <h2>{t!(i18n, accident_count, n = counted)}</h2>
        {error}
        {done}
        <table class="data cards accident-list">
            <thead><tr>
                <th scope="col">{t!(i18n, col_time)}</th>
                <th scope="col">{t!(i18n, col_commune)}</th>
                <th scope="col">{t!(i18n, col_deaths)}</th>
                <th scope="col">{t!(i18n, col_injuries)}</th>
                <th scope="col">{t!(i18n, col_flags)}</th>
                <th scope="col">{t!(i18n, col_note)}</th>
                {can_edit.then(|| view! { <th scope="col"><span class="visually-hidden">{t!(i18n, edit)}</span></th> })}
            </tr></thead>
            <tbody>
                {move || records.with_value(|rs| rs.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                    .into_iter()
                    .map(|r| view! { <Row r campaign_id can_edit actions /> })
                    .collect_view()}
            </tbody>
        </table>
        <Show when=move || shown.get() < total>
            <button type="button" class="more" on:click=move |_| shown.update(|n| *n += PAGE)>
                {move || t!(i18n, show_more, n = total - shown.get())}
            </button>
        </Show>
    }
    .into_any()
}

#[component]
fn Row(r: AccidentRecord, campaign_id: domain::Id, can_edit: bool, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let struck = r.deleted_at.is_some();
    let flags: Vec<String> = [
        (r.drink_driving, t_string!(i18n, flag_drink).to_string()),
        (r.commercial_car, t_string!(i18n, flag_commercial).to_string()),
        (r.marked_serious, t_string!(i18n, flag_serious).to_string()),
    ]
    .into_iter()
    .filter_map(|(on, label)| on.then_some(label))
    .collect();
    let asking = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let id = r.id;
    let input_id = format!("strike-{id}");
    let record = StoredValue::new(r.clone());
    let strike = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        actions.strike.dispatch(StrikeAccident {
            campaign_id,
            accident_id: id,
            reason: reason.get_untracked(),
        });
    };
    let edit = move |_| {
        actions.editing.set(Some(record.get_value()));
        if let Some(form) = document().query_selector(".accident-form").ok().flatten() {
            form.scroll_into_view();
        }
    };
    view! {
        <tr class:struck=struck data-id=id>
            <td data-label=move || t_string!(i18n, col_time).to_string()>{datetime_local(r.occurred_at)}</td>
            <td data-label=move || t_string!(i18n, col_commune).to_string()>{r.commune_name.clone()}</td>
            <td class="num" data-label=move || t_string!(i18n, col_deaths).to_string()>{r.deaths}</td>
            <td class="num" data-label=move || t_string!(i18n, col_injuries).to_string()>{r.injuries}</td>
            <td data-label=move || t_string!(i18n, col_flags).to_string()>{flags.join(", ")}</td>
            <td data-label=move || t_string!(i18n, col_note).to_string()>
                {r.note.clone()}
                {r.delete_reason.clone().map(|why| view! {
                    <span class="struck-reason">{t!(i18n, accident_struck_label, reason = why)}</span>
                })}
            </td>
            {(can_edit && !struck).then(|| view! {
                <td class="row-actions">
                    <button type="button" class="small" on:click=edit>{t!(i18n, edit)}</button>
                    <button type="button" class="small" on:click=move |_| asking.update(|a| *a = !*a)>{t!(i18n, accident_strike)}</button>
                    <Show when=move || asking.get()>
                        <form class="form inline" on:submit=strike>
                            <label for=input_id.clone()>{t!(i18n, accident_strike_reason)}</label>
                            <input id=input_id.clone() bind:value=reason required />
                            <button type="submit" class="small">{t!(i18n, confirm)}</button>
                        </form>
                    </Show>
                </td>
            })}
            {(can_edit && struck).then(|| view! { <td></td> })}
        </tr>
    }
}
