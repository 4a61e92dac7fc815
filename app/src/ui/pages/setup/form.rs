//! A campaign's settings as a form: for a new campaign, a copy (the earlier
//! campaign's settings a year on) or an edit. The domain's rules run in the
//! browser as the office types; the server checks them again.

use crate::api::ApiError;
use crate::i18n::*;
use chrono::NaiveDate;
use domain::{CampaignDraft, FieldError, PeriodRule};
use leptos::prelude::*;

#[derive(Clone, Copy)]
struct Fields {
    slug: RwSignal<String>,
    plan_number: RwSignal<String>,
    title: RwSignal<String>,
    theme: RwSignal<String>,
    starts_on: RwSignal<String>,
    ends_on: RwSignal<String>,
    baseline_year: RwSignal<String>,
    period_rule: RwSignal<String>,
    deadline_days: RwSignal<String>,
    serious: RwSignal<String>,
    publish_days: RwSignal<String>,
}

impl Fields {
    fn new(d: &CampaignDraft) -> Fields {
        let s = |v: String| RwSignal::new(v);
        Fields {
            slug: s(d.slug.clone()),
            plan_number: s(d.plan_number.clone()),
            title: s(d.title.clone()),
            theme: s(d.theme.clone()),
            starts_on: s(d.starts_on.to_string()),
            ends_on: s(d.ends_on.to_string()),
            baseline_year: s(d.baseline_year.to_string()),
            period_rule: s(d.period_rule.code().into()),
            deadline_days: s(d.deadline_days.to_string()),
            serious: s(d.serious_deaths_threshold.to_string()),
            publish_days: s(d.publish_days.to_string()),
        }
    }

    /// The typed settings, or the fields that are not even numbers or dates.
    fn read(&self, targets: Vec<domain::Target>) -> Result<CampaignDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = |field: &str, v: &str, errors: &mut Vec<FieldError>| {
            NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
                .map_err(|_| errors.push(FieldError::new(field, "Ngày không hợp lệ")))
                .ok()
        };
        let number = |field: &str, v: &str, errors: &mut Vec<FieldError>| {
            v.trim()
                .parse::<u32>()
                .map_err(|_| errors.push(FieldError::new(field, "Cần một số nguyên không âm")))
                .ok()
        };
        let starts_on = date("starts_on", &self.starts_on.get(), &mut errors);
        let ends_on = date("ends_on", &self.ends_on.get(), &mut errors);
        let baseline_year = number("baseline_year", &self.baseline_year.get(), &mut errors);
        let deadline_days = number("deadline_days", &self.deadline_days.get(), &mut errors);
        let serious = number("serious_deaths_threshold", &self.serious.get(), &mut errors);
        let publish_days = number("publish_days", &self.publish_days.get(), &mut errors);
        let rule = PeriodRule::from_code(&self.period_rule.get()).unwrap_or(PeriodRule::GovernmentMonth);
        match (starts_on, ends_on, baseline_year, deadline_days, serious, publish_days) {
            (Some(starts_on), Some(ends_on), Some(year), Some(deadline_days), Some(serious), Some(publish_days)) => {
                Ok(CampaignDraft {
                    slug: self.slug.get().trim().to_string(),
                    plan_number: self.plan_number.get(),
                    title: self.title.get(),
                    theme: self.theme.get(),
                    starts_on,
                    ends_on,
                    baseline_year: year as i32,
                    period_rule: rule,
                    deadline_days,
                    serious_deaths_threshold: serious,
                    publish_days,
                    targets,
                })
            }
            _ => Err(errors),
        }
    }
}

/// An empty campaign starting today, for the office to fill in.
fn blank() -> CampaignDraft {
    let today = crate::ui::format::today();
    let year = chrono::Datelike::year(&today);
    CampaignDraft {
        slug: String::new(),
        plan_number: String::new(),
        title: String::new(),
        theme: String::new(),
        starts_on: today,
        ends_on: NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today),
        baseline_year: year - 1,
        period_rule: PeriodRule::GovernmentMonth,
        deadline_days: 3,
        serious_deaths_threshold: 3,
        publish_days: 5,
        targets: domain::default_targets(),
    }
}

#[component]
pub fn CampaignForm(
    draft: Option<CampaignDraft>,
    submit_label: String,
    /// The server's answer to the last submission.
    result: Signal<Option<Result<(), ApiError>>>,
    on_submit: impl Fn(CampaignDraft) + Send + Sync + 'static,
    #[prop(optional)] read_only: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let draft = draft.unwrap_or_else(blank);
    let targets = draft.targets.clone();
    let f = Fields::new(&draft);
    let local = RwSignal::new(Vec::<FieldError>::new());
    let message = move |name: &'static str| {
        move || {
            let here = local.with(|l| l.iter().find(|e| e.field == name).map(|e| e.message.clone()));
            let there = result.get().and_then(|r| r.err()).and_then(|e| e.field(name));
            here.or(there)
                .map(|m| view! { <span class="field-error" id=format!("{name}-error")>{m}</span> })
        }
    };
    let invalid = move |name: &'static str| move || local.with(|l| l.iter().any(|e| e.field == name));
    let (starts, ends) = (f.starts_on, f.ends_on);
    let read = move || f.read(targets.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match read() {
            Ok(d) => {
                let problems = d.problems();
                local.set(problems.clone());
                if problems.is_empty() {
                    on_submit(d);
                }
            }
            Err(e) => local.set(e),
        }
    };
    // Fields share one shape: label, input, its message.
    macro_rules! field {
        ($id:literal, $label:ident, $sig:expr, $ty:literal) => {
            view! {
                <label for=concat!("c-", $id)>{t!(i18n, $label)}</label>
                <input id=concat!("c-", $id) type=$ty bind:value=$sig disabled=read_only
                    aria-invalid=move || invalid($id)().to_string() aria-describedby=concat!($id, "-error") />
                {message($id)}
            }
        };
    }
    view! {
        <form class="form campaign-form" on:submit=submit novalidate>
            {field!("plan_number", setup_f_plan_number, f.plan_number, "text")}
            {field!("title", setup_f_title, f.title, "text")}
            {field!("theme", setup_f_theme, f.theme, "text")}
            {field!("slug", setup_f_slug, f.slug, "text")}
            {field!("starts_on", setup_f_starts, starts, "date")}
            {field!("ends_on", setup_f_ends, ends, "date")}
            {field!("baseline_year", setup_f_baseline, f.baseline_year, "number")}
            <label for="c-period_rule">{t!(i18n, setup_f_rule)}</label>
            <select id="c-period_rule" bind:value=f.period_rule disabled=read_only>
                {[PeriodRule::GovernmentMonth, PeriodRule::CalendarMonth].into_iter().map(|r| view! {
                    <option value=r.code()>{r.label()}</option>
                }).collect_view()}
            </select>
            {field!("deadline_days", setup_f_deadline_days, f.deadline_days, "number")}
            {field!("serious_deaths_threshold", setup_f_serious, f.serious, "number")}
            {field!("publish_days", setup_f_publish_days, f.publish_days, "number")}
            {move || result.get().and_then(|r| r.err()).filter(|e| !matches!(e, ApiError::Fields(_))).map(|e| view! {
                <p class="error" role="alert">{e.message_vi()}</p>
            })}
            {move || matches!(result.get(), Some(Ok(()))).then(|| view! { <p class="ok" role="status">{t!(i18n, saved)}</p> })}
            {(!read_only).then(|| view! { <button type="submit" class="primary">{submit_label.clone()}</button> })}
        </form>
    }
}
