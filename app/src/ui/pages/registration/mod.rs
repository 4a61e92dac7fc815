//! `/dang-ky`: the unit's registration in the current campaign — its block
//! and its pledges — and the head's confirmation.

use crate::api::access::UNIT_STAFF;
use crate::api::registration::{ConfirmRegistration, SaveRegistration, my_registration};
use crate::i18n::*;
use crate::ui::format::vietnam;
use crate::ui::pages::reports::parse_count;
use crate::ui::session::{RequireRole, use_session};
use domain::{Activity, ActivityEntry, FieldError, RegistrationStatus, RegistrationView, Role};
use leptos::prelude::*;

#[component]
pub fn RegistrationPage() -> impl IntoView {
    view! {
        <RequireRole roles=UNIT_STAFF>
            <Registration />
        </RequireRole>
    }
}

#[component]
fn Registration() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveRegistration>::new();
    let confirm = ServerAction::<ConfirmRegistration>::new();
    let reg = Resource::new(
        move || (save.version().get(), confirm.version().get()),
        |_| my_registration(),
    );
    view! {
        <section class="page registration">
            <h1>{t!(i18n, registration_title)}</h1>
            <p class="hint">{t!(i18n, registration_intro)}</p>
            <Transition fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match reg.await {
                        Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                        Ok(None) => view! { <p class="notice">{t!(i18n, registration_none)}</p> }.into_any(),
                        Ok(Some(r)) => view! { <Status r=r.clone() confirm /> <PledgeForm r save /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Status(r: RegistrationView, confirm: ServerAction<ConfirmRegistration>) -> impl IntoView {
    let i18n = use_i18n();
    let is_head = use_session()
        .me
        .get_untracked()
        .and_then(|m| m.ok())
        .flatten()
        .is_some_and(|me| me.roles.contains(&Role::UnitHead));
    let label = r.status.map(|s| s.label().to_string());
    let confirmed_on = r.confirmed_at.map(|t| vietnam(t).format("%d/%m/%Y").to_string());
    let error = move || confirm.value().get().and_then(|v| v.err()).map(|e| e.message_vi());
    view! {
        <p class="unit-name">{r.unit_name.clone()} " — " {r.campaign_name.clone()}</p>
        <p class=format!("registration-status status-{}", r.status.map_or("none", |s| s.code()))>
            {t!(i18n, registration_status)} " "
            <strong>{label.unwrap_or_else(|| t_string!(i18n, registration_not_yet).to_string())}</strong>
        </p>
        {confirmed_on.map(|date| view! { <p class="ok">{t!(i18n, registration_confirmed, date = date.clone())}</p> })}
        {(r.status == Some(RegistrationStatus::Pending) && is_head).then(|| view! {
            <button type="button" class="primary confirm-registration" on:click=move |_| { confirm.dispatch(ConfirmRegistration {}); }>
                {t!(i18n, registration_confirm)}
            </button>
        })}
        {move || error().map(|m| view! { <p class="error" role="alert">{m}</p> })}
    }
}

#[component]
fn PledgeForm(r: RegistrationView, save: ServerAction<SaveRegistration>) -> impl IntoView {
    let i18n = use_i18n();
    let block = RwSignal::new(r.block_id.or(r.blocks.first().map(|b| b.id)).unwrap_or(0).to_string());
    let inputs: Vec<(Activity, RwSignal<String>)> = r
        .pledges
        .iter()
        .map(|(a, v)| (*a, RwSignal::new(v.map(|v| v.to_string()).unwrap_or_default())))
        .collect();
    let local_errors = RwSignal::new(Vec::<FieldError>::new());
    let error_of = move |field: String| {
        move || {
            let server = save.value().get().and_then(|v| v.err()).and_then(|e| e.field(&field));
            local_errors
                .with(|l| l.iter().find(|e| e.field == field).map(|e| e.message.clone()))
                .or(server)
        }
    };
    let form_error = move || {
        save.value()
            .get()
            .and_then(|v| v.err())
            .filter(|e| !matches!(e, crate::api::ApiError::Fields(_)))
            .map(|e| e.message_vi())
    };
    let fields = inputs.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errors = vec![];
        let mut entries = vec![];
        for (a, s) in &fields {
            match parse_count(&s.get_untracked()) {
                Ok(value) => entries.push(ActivityEntry { activity: *a, value }),
                Err(()) => errors.push(FieldError::new(
                    format!("pledge.{}", a.code()),
                    "Số liệu phải là số nguyên",
                )),
            }
        }
        let activities: Vec<Activity> = fields.iter().map(|(a, _)| *a).collect();
        let given = entries
            .iter()
            .filter_map(|e| e.value.map(|v| (e.activity, v)))
            .collect();
        errors.extend(domain::validate_pledges(&activities, &given));
        local_errors.set(errors.clone());
        if errors.is_empty() {
            let block_id = block.get_untracked().parse().unwrap_or(0);
            save.dispatch(SaveRegistration {
                block_id,
                pledges: entries,
            });
        }
    };
    let saved = move || save.value().get().is_some_and(|v| v.is_ok());
    let confirmed = r.status == Some(RegistrationStatus::Confirmed);
    view! {
        <form class="pledge-form" on:submit=submit novalidate>
            <label for="block">{t!(i18n, registration_block)}</label>
            <select id="block" on:change=move |ev| block.set(event_target_value(&ev))>
                {r.blocks.iter().map(|b| {
                    let id = b.id.to_string();
                    let selected = block.get_untracked() == id;
                    view! { <option value=id selected=selected>{b.name.clone()}</option> }
                }).collect_view()}
            </select>
            <span class="field-error">{error_of("block".into())}</span>
            <fieldset>
                <legend>{t!(i18n, registration_pledges)}</legend>
                {inputs.into_iter().map(|(a, s)| {
                    let id = format!("pledge-{}", a.code());
                    let err = error_of(format!("pledge.{}", a.code()));
                    view! {
                        <div class="pledge-field">
                            <label for=id.clone()>{a.label()}</label>
                            <input id=id.clone() class="pledge-value" inputmode="numeric" autocomplete="off"
                                aria-describedby=format!("error-{id}")
                                prop:value=move || s.get() on:input=move |ev| s.set(event_target_value(&ev)) />
                            <span class="field-error" id=format!("error-{id}")>{err}</span>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            {confirmed.then(|| view! { <p class="hint">{t!(i18n, registration_change_note)}</p> })}
            <button type="submit" class="primary" disabled=move || save.pending().get()>{t!(i18n, registration_save)}</button>
            <div role="status">
                {move || saved().then(|| view! { <p class="ok">{t_string!(i18n, registration_saved).to_string()}</p> })}
            </div>
            {move || form_error().map(|m| view! { <p class="error" role="alert">{m}</p> })}
        </form>
    }
}

/// On the reports page: what keeps the unit from reporting, with the way out.
#[component]
pub fn RegistrationNotice() -> impl IntoView {
    let i18n = use_i18n();
    let reg = Resource::new(|| (), |_| my_registration());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let r = reg.await.ok().flatten()?;
                (!domain::may_report(r.status)).then(|| view! {
                    <div class="notice registration-needed" role="note">
                        <p>{t!(i18n, registration_needed)}</p>
                        <a class="button" href="/dang-ky">{t!(i18n, registration_go)}</a>
                    </div>
                })
            })}
        </Suspense>
    }
}
