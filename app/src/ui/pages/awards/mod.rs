//! `/khen-thuong`: the award round of a review. The office makes and edits
//! the list and moves it on, the council votes, a unit nominates a person;
//! everyone signed in sees where the round stands.

mod actions;
mod settings;
mod table;

use crate::api::awards::{AwardsView, awards_page};
use crate::i18n::*;
use crate::ui::session::RequireRole;
use domain::RoundStatus;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

pub use actions::Actions;

#[component]
pub fn AwardsPage() -> impl IntoView {
    view! {
        <RequireRole>
            <Awards />
        </RequireRole>
    }
}

#[component]
fn Awards() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let actions = Actions::new();
    let page = Resource::new(
        move || {
            (
                query.with(|q| q.get("ky").and_then(|k| k.parse().ok())),
                actions.done.get(),
            )
        },
        |(period, _)| awards_page(period),
    );
    view! {
        <section class="page wide awards">
            <h1>{t!(i18n, awards_title)}</h1>
            <p class="muted">{t!(i18n, awards_help)}</p>
            <Transition fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                        Ok(None) => view! { <p class="empty">{t!(i18n, no_campaign)}</p> }.into_any(),
                        Ok(Some(v)) => view! { <Round v actions /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Round(v: AwardsView, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let reviews = v.reviews.clone();
    let chosen = v.period_id;
    let status = v.round.as_ref().map(|r| r.status);
    view! {
        <nav class="tabs" aria-label=move || t_string!(i18n, awards_reviews).to_string()>
            {reviews.into_iter().map(|r| {
                let current = (Some(r.period_id) == chosen).then_some("page");
                view! { <a href=format!("/khen-thuong?ky={}", r.period_id) aria-current=current>{r.name}</a> }
            }).collect_view()}
        </nav>
        <Steps status />
        {v.round.as_ref().and_then(|r| r.published_on.zip(r.decision_earliest)).map(|(from, earliest)| view! {
            <p class="notice" data-published=from.to_string()>
                {move || t_string!(i18n, awards_window,
                    from = from.format("%d/%m/%Y").to_string(),
                    days = v.publish_days,
                    earliest = earliest.format("%d/%m/%Y").to_string()).to_string()}
            </p>
        })}
        {chosen.map(|period_id| view! { <actions::OfficeBar period_id status actions /> })}
        <table::Proposals v=v.clone() actions />
        {(chosen.is_some() && !v.proposals.is_empty()
            && crate::ui::session::use_session().has_any(crate::api::access::CAMPAIGN_READERS))
            .then(|| view! {
                <crate::ui::components::Downloads
                    name="khen-thuong"
                    query=format!("?ky={}", chosen.unwrap_or_default())
                    print=format!("/in/de-nghi-khen-thuong?ky={}", chosen.unwrap_or_default())
                />
            })}
        {chosen.map(|period_id| view! { <actions::Nominate period_id forms=v.forms.clone() status actions /> })}
        {chosen.map(|period_id| view! { <actions::Decide period_id forms=v.forms.clone() status actions /> })}
        <settings::Settings
            period_id=chosen
            status
            threshold=v.round.as_ref().map_or(50, |r| r.vote_threshold_pct)
            publish_days=v.publish_days
            holidays=v.holidays.clone()
            actions
        />
    }
}

/// The four steps of a round, the current one marked.
#[component]
fn Steps(status: Option<RoundStatus>) -> impl IntoView {
    let i18n = use_i18n();
    let at = status.map(|s| RoundStatus::ALL.iter().position(|x| *x == s).unwrap_or(0));
    view! {
        <ol class="steps" aria-label=move || t_string!(i18n, awards_steps).to_string()>
            {RoundStatus::ALL.iter().enumerate().map(|(i, s)| {
                let class = match at {
                    Some(a) if i < a => "done",
                    Some(a) if i == a => "current",
                    _ => "todo",
                };
                let current = (class == "current").then_some("step");
                view! { <li class=class aria-current=current data-step=s.code()>{s.label()}</li> }
            }).collect_view()}
        </ol>
        {status.is_none().then(|| view! { <p class="empty">{t!(i18n, awards_not_open)}</p> })}
    }
}
