//! The office grants one unit a later deadline for one period, with a reason.

use crate::api::progress::GrantExtension;
use crate::i18n::*;
use domain::CompletenessGrid;
use leptos::prelude::*;

#[component]
pub fn ExtensionForm(g: CompletenessGrid, extend: ServerAction<GrantExtension>) -> impl IntoView {
    let campaign_id = g.campaign_id;
    let i18n = use_i18n();
    let unit = RwSignal::new(String::new());
    let period = RwSignal::new(String::new());
    let deadline = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        extend.dispatch(GrantExtension {
            campaign_id,
            period_id: period.get_untracked().parse().unwrap_or(0),
            unit_id: unit.get_untracked().parse().unwrap_or(0),
            new_deadline: deadline.get_untracked(),
            reason: reason.get_untracked(),
        });
    };
    let error = move |field: &'static str| {
        move || {
            extend
                .value()
                .get()
                .and_then(|r| r.err())
                .and_then(|e| {
                    e.field(field).or_else(|| {
                        (field == "form" && e.field("reason").is_none() && e.field("new_deadline").is_none())
                            .then(|| e.message_vi())
                    })
                })
                .map(|m| view! { <span class="field-error" id=format!("ext-err-{field}")>{m}</span> })
        }
    };
    view! {
        <form class="form extension-form" on:submit=submit>
            <h2>{t!(i18n, extension_title)}</h2>
            <p class="muted">{t!(i18n, extension_help)}</p>
            {error("form")}
            <label for="ext-unit">{t!(i18n, unit)}</label>
            <select id="ext-unit" bind:value=unit required>
                <option value="">"—"</option>
                {g.rows.iter().map(|r| view! { <option value=r.unit_id.to_string()>{r.unit_name.clone()}</option> }).collect_view()}
            </select>
            <label for="ext-period">{t!(i18n, col_period)}</label>
            <select id="ext-period" bind:value=period required>
                <option value="">"—"</option>
                {g.periods.iter().map(|p| view! {
                    <option value=p.id.to_string()>{format!("{} (hạn {})", p.name, p.deadline.format("%d/%m/%Y"))}</option>
                }).collect_view()}
            </select>
            <label for="ext-deadline">{t!(i18n, extension_deadline)}</label>
            <input id="ext-deadline" type="datetime-local" bind:value=deadline aria-describedby="ext-err-new_deadline" />
            {error("new_deadline")}
            <label for="ext-reason">{t!(i18n, col_reason)}</label>
            <input id="ext-reason" bind:value=reason aria-describedby="ext-err-reason" />
            {error("reason")}
            <button type="submit" class="primary" disabled=move || extend.pending().get()>{t!(i18n, extension_grant)}</button>
            {move || extend.value().get().and_then(|r| r.ok()).map(|_| view! { <p class="ok" role="status">{t!(i18n, extension_done)}</p> })}
        </form>
    }
}
