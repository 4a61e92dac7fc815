//! The report's activity figures, each beside the unit's pledge and how far
//! the campaign has come towards it with what is typed now.

use super::draft::{Draft, parse_count};
use crate::i18n::*;
use domain::{ActivityFigure, format_points};
use leptos::prelude::*;

#[component]
pub fn ActivityFigures(figures: Vec<ActivityFigure>, editable: bool, draft: Draft) -> impl IntoView {
    let i18n = use_i18n();
    if figures.is_empty() {
        return ().into_any();
    }
    view! {
        <section class="activity-figures" aria-labelledby="figures-title">
            <h2 id="figures-title">{t!(i18n, activity_figures_title)}</h2>
            <p class="hint">{t!(i18n, figures_hint)}</p>
            <ul>
                {figures.into_iter().map(|f| view! { <Figure f editable draft /> }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

#[component]
fn Figure(f: ActivityFigure, editable: bool, draft: Draft) -> impl IntoView {
    let i18n = use_i18n();
    let a = f.activity;
    let id = format!("figure-{}", a.code());
    let field = format!("activity.{}", a.code());
    let input = draft.figures.with_value(|m| m.get(&a).copied());
    let error = Signal::derive(move || {
        draft
            .errors
            .with(|e| e.iter().find(|x| x.field == field).map(|x| x.message.clone()))
    });
    let typed = move || input.and_then(|s| parse_count(&s.get()).ok().flatten()).unwrap_or(0);
    let so_far = move || (f.before + typed()).to_string();
    let pledge = f.pledge;
    let share = format_points(f.share);
    view! {
        <li class="figure" data-activity=a.code()>
            <label for=id.clone()>{a.label()}</label>
            <input id=id.clone() class="figure-value" inputmode="numeric" autocomplete="off" disabled=!editable
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=format!("pledge-{id} error-{id}")
                prop:value=move || input.map(|s| s.get()).unwrap_or_default()
                on:input=move |ev| {
                    if let Some(s) = input {
                        s.set(event_target_value(&ev));
                        draft.figure_edited(a);
                    }
                } />
            <span class="pledge" id=format!("pledge-{id}")>
                {match pledge {
                    Some(p) => view! {
                        {move || t_string!(i18n, figures_pledge, pledge = p, share = share.clone(), so_far = so_far()).to_string()}
                    }.into_any(),
                    None => view! { {t!(i18n, figures_no_pledge)} }.into_any(),
                }}
            </span>
            <span class="field-error" id=format!("error-{id}")>{move || error.get()}</span>
        </li>
    }
}
