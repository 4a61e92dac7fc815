//! The form that records an accident or changes one, checked in the browser
//! by the domain's rules before the server checks it again.

use super::Actions;
use crate::api::accidents::{AccidentLogView, AddAccident, UpdateAccident};
use crate::i18n::*;
use crate::ui::format::vietnam;
use domain::{AccidentInput, FieldError, Id};
use leptos::prelude::*;

#[derive(Clone, Copy)]
struct Fields {
    commune: RwSignal<String>,
    time: RwSignal<String>,
    deaths: RwSignal<String>,
    injuries: RwSignal<String>,
    drink: RwSignal<bool>,
    commercial: RwSignal<bool>,
    serious: RwSignal<bool>,
    note: RwSignal<String>,
    reason: RwSignal<String>,
}

impl Fields {
    fn new() -> Self {
        Fields {
            commune: RwSignal::new(String::new()),
            time: RwSignal::new(String::new()),
            deaths: RwSignal::new("0".into()),
            injuries: RwSignal::new("0".into()),
            drink: RwSignal::new(false),
            commercial: RwSignal::new(false),
            serious: RwSignal::new(false),
            note: RwSignal::new(String::new()),
            reason: RwSignal::new(String::new()),
        }
    }

    fn fill(&self, r: Option<&domain::AccidentRecord>) {
        let blank = r.is_none();
        self.commune
            .set(r.map(|r| r.commune_unit_id.to_string()).unwrap_or_default());
        self.time.set(
            r.map(|r| vietnam(r.occurred_at).format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default(),
        );
        self.deaths.set(r.map_or(0, |r| r.deaths).to_string());
        self.injuries.set(r.map_or(0, |r| r.injuries).to_string());
        self.drink.set(r.is_some_and(|r| r.drink_driving));
        self.commercial.set(r.is_some_and(|r| r.commercial_car));
        self.serious.set(r.is_some_and(|r| r.marked_serious));
        self.note.set(r.map(|r| r.note.clone()).unwrap_or_default());
        if blank {
            self.reason.set(String::new());
        }
    }

    /// The input as typed, with the errors of fields that are not numbers.
    fn read(&self, whole_msg: &str) -> (AccidentInput, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut count = |field: &str, text: String| match text.trim().parse::<i64>() {
            Ok(n) => n,
            Err(_) => {
                errors.push(FieldError::new(field, whole_msg));
                0
            }
        };
        let input = AccidentInput {
            commune_unit_id: self.commune.get().parse().unwrap_or(0),
            occurred_at: domain::parse_local_time(&self.time.get()),
            deaths: count("deaths", self.deaths.get()),
            injuries: count("injuries", self.injuries.get()),
            drink_driving: self.drink.get(),
            commercial_car: self.commercial.get(),
            marked_serious: self.serious.get(),
            note: self.note.get(),
        };
        (input, errors)
    }
}

#[component]
pub fn AccidentForm(log: AccidentLogView, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let f = Fields::new();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let done = RwSignal::new(None::<String>);
    let commune_ids: Vec<Id> = log.communes.iter().map(|(id, _)| *id).collect();
    let campaign_id = log.campaign_id;
    Effect::new(move |_| {
        f.fill(actions.editing.get().as_ref());
        errors.set(vec![]);
    });
    // The server's answer: its field errors in place, or a clean form.
    Effect::new(move |_| {
        let answer = actions
            .add
            .value()
            .get()
            .map(|r| r.map(|_| t_string!(i18n, accident_saved).to_string()));
        let answer = answer.or_else(|| {
            actions
                .update
                .value()
                .get()
                .map(|r| r.map(|_| t_string!(i18n, accident_changed).to_string()))
        });
        match answer {
            Some(Ok(message)) => {
                done.set(Some(message));
                errors.set(vec![]);
                actions.editing.set(None);
                f.fill(None);
            }
            Some(Err(crate::api::ApiError::Fields(list))) => errors.set(list),
            Some(Err(e)) => errors.set(vec![FieldError::new("form", e.message_vi())]),
            None => {}
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        let (input, mut list) = f.read(&t_string!(i18n, must_be_whole).to_string());
        // The browser's clock is not trusted: the server checks "not in the future".
        list.extend(domain::validate_accident_input(
            &input,
            &commune_ids,
            chrono::NaiveDateTime::MAX,
        ));
        let editing = actions.editing.get_untracked();
        if editing.is_some() {
            list.extend(domain::check_reason(&f.reason.get_untracked()));
        }
        list.dedup_by(|a, b| a.field == b.field);
        if !list.is_empty() {
            errors.set(list);
            return;
        }
        match editing {
            Some(r) => {
                actions.update.dispatch(UpdateAccident {
                    campaign_id,
                    accident_id: r.id,
                    input,
                    reason: f.reason.get_untracked(),
                });
            }
            None => {
                actions.add.dispatch(AddAccident { campaign_id, input });
            }
        }
    };
    let err = move |field: &'static str| {
        move || {
            errors
                .with(|l| l.iter().find(|e| e.field == field).map(|e| e.message.clone()))
                .map(|m| {
                    view! { <span class="field-error" id=format!("err-{field}")>{m}</span> }
                })
        }
    };
    let invalid = move |field: &'static str| move || errors.with(|l| l.iter().any(|e| e.field == field)).to_string();
    let pending = move || actions.add.pending().get() || actions.update.pending().get();
    let communes = log.communes.clone();
    view! {
        <form class="form accident-form" on:submit=submit novalidate>
            <h2>{move || if actions.editing.get().is_some() { t!(i18n, accident_edit).into_any() } else { t!(i18n, accident_new).into_any() }}</h2>
            {err("form")}
            <label for="acc-commune">{t!(i18n, accident_commune)}</label>
            <select id="acc-commune" bind:value=f.commune aria-invalid=invalid("commune") aria-describedby="err-commune">
                <option value="">{t!(i18n, accident_choose_commune)}</option>
                {communes.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
            </select>
            {err("commune")}
            <label for="acc-time">{t!(i18n, accident_time)}</label>
            <input id="acc-time" type="datetime-local" bind:value=f.time aria-invalid=invalid("occurred_at") aria-describedby="err-occurred_at" />
            {err("occurred_at")}
            <div class="pair">
                <div>
                    <label for="acc-deaths">{t!(i18n, accident_deaths)}</label>
                    <input id="acc-deaths" inputmode="numeric" bind:value=f.deaths aria-invalid=invalid("deaths") aria-describedby="err-deaths" />
                    {err("deaths")}
                </div>
                <div>
                    <label for="acc-injuries">{t!(i18n, accident_injuries)}</label>
                    <input id="acc-injuries" inputmode="numeric" bind:value=f.injuries aria-invalid=invalid("injuries") aria-describedby="err-injuries" />
                    {err("injuries")}
                </div>
            </div>
            <label class="check"><input type="checkbox" bind:checked=f.drink />" " {t!(i18n, accident_drink)}</label>
            <label class="check"><input type="checkbox" bind:checked=f.commercial />" " {t!(i18n, accident_commercial)}</label>
            <label class="check"><input type="checkbox" bind:checked=f.serious />" " {t!(i18n, accident_serious)}</label>
            <p class="muted small">{t!(i18n, accident_serious_help, n = log.serious_deaths_threshold)}</p>
            <label for="acc-note">{t!(i18n, accident_note)}</label>
            <textarea id="acc-note" rows="2" bind:value=f.note aria-invalid=invalid("note") aria-describedby="err-note"></textarea>
            {err("note")}
            <Show when=move || actions.editing.get().is_some()>
                <label for="acc-reason">{t!(i18n, accident_reason)}</label>
                <input id="acc-reason" bind:value=f.reason aria-invalid=invalid("reason") aria-describedby="err-reason" />
                {err("reason")}
            </Show>
            <div class="buttons">
                <button type="submit" class="primary" disabled=pending>
                    {move || if pending() { t!(i18n, working).into_any() } else { t!(i18n, save).into_any() }}
                </button>
                <Show when=move || actions.editing.get().is_some()>
                    <button type="button" on:click=move |_| actions.editing.set(None)>{t!(i18n, cancel)}</button>
                </Show>
            </div>
            {move || done.get().map(|m| view! { <p class="ok" role="status">{m}</p> })}
        </form>
    }
}
