//! The award lists on the public page: what the council approved, public
//! for the law's working days with a form for objections (a plain form,
//! so it works without JavaScript), the answers given, and the decisions.

use crate::api::award_publish::PublicAwardList;
use crate::i18n::*;
use domain::{ProposalView, RoundStatus};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AwardsSection(lists: Vec<PublicAwardList>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let outcome = query.with_untracked(|q| q.get("phan-anh"));
    (!lists.is_empty()).then(|| {
        view! {
            <section class="awards-section" id="khen-thuong" aria-labelledby="awards-public-title">
                <h2 id="awards-public-title">{t!(i18n, awards_public_title)}</h2>
                {outcome.map(|o| if o == "da-gui" {
                    view! { <p class="notice ok" role="status">{t!(i18n, awards_objection_sent)}</p> }.into_any()
                } else {
                    view! { <p class="error" role="alert">{t!(i18n, awards_objection_failed)}</p> }.into_any()
                })}
                {lists.into_iter().map(|l| view! { <AwardList l /> }).collect_view()}
            </section>
        }
    })
}

#[component]
fn AwardList(l: PublicAwardList) -> impl IntoView {
    let i18n = use_i18n();
    let open = l.round.status == RoundStatus::Published;
    let window = l
        .round
        .published_on
        .zip(l.round.decision_earliest)
        .map(|(from, earliest)| {
            let (from, until) = (
                from.format("%d/%m/%Y").to_string(),
                earliest.pred_opt().unwrap_or(earliest).format("%d/%m/%Y").to_string(),
            );
            move || t_string!(i18n, awards_public_window, from = from.clone(), until = until.clone()).to_string()
        });
    let decisions = l.decisions.clone();
    let approved = l.approved.clone();
    view! {
        <article class="award-list" data-round=l.round.id.to_string() data-status=l.round.status.code()>
            <h3>{t!(i18n, awards_public_list)} " — " {l.round.period_name.clone()}</h3>
            {window.map(|w| view! { <p class="note">{w}</p> })}
            {decisions.into_iter().map(|d| view! {
                <p class="decision">
                    {move || t_string!(i18n, awards_public_decision, form = d.form_name.clone(), number = d.number.clone(),
                        date = d.signed_on.format("%d/%m/%Y").to_string()).to_string()}
                </p>
            }).collect_view()}
            <ul class="honour-roll award-entries">
                {approved.iter().cloned().map(|p| view! { <Entry p /> }).collect_view()}
            </ul>
            {open.then(|| view! { <ObjectionForm approved /> })}
        </article>
    }
}

#[component]
fn Entry(p: ProposalView) -> impl IntoView {
    let i18n = use_i18n();
    let who = p
        .individual_name
        .clone()
        .map_or_else(|| p.unit_name.clone(), |n| format!("{n} ({})", p.unit_name));
    view! {
        <li data-proposal=p.id.to_string()>
            <strong class="who">{who}</strong>
            <span class="what">{p.form_name.clone()}</span>
            <span class="why">{p.achievement.clone().unwrap_or(p.reason.clone())}</span>
            {p.objections.into_iter().map(|o| view! {
                <div class="objection">
                    <p>{t!(i18n, awards_public_objection)} ": " {o.text}</p>
                    {o.answer.map(|a| view! { <p class="answer">{t!(i18n, awards_answer)} ": " {a}</p> })}
                </div>
            }).collect_view()}
        </li>
    }
}

/// Anyone may object to an entry while the list is public.
#[component]
fn ObjectionForm(approved: Vec<ProposalView>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form class="form objection-form" method="post" action="/api/awards/object">
            <h4>{t!(i18n, awards_object_title)}</h4>
            <label for="objection-proposal">{t!(i18n, awards_object_about)}</label>
            <select id="objection-proposal" name="proposal_id" required>
                {approved.into_iter().map(|p| {
                    let who = p.individual_name.clone().unwrap_or(p.unit_name.clone());
                    view! { <option value=p.id.to_string()>{format!("{who} — {}", p.form_name)}</option> }
                }).collect_view()}
            </select>
            <label for="objection-name">{t!(i18n, awards_object_name)}</label>
            <input id="objection-name" name="name" required maxlength="120" autocomplete="name" />
            <label for="objection-contact">{t!(i18n, awards_object_contact)}</label>
            <input id="objection-contact" name="contact" required maxlength="200" autocomplete="tel" />
            <label for="objection-text">{t!(i18n, awards_object_text)}</label>
            <textarea id="objection-text" name="text" required maxlength="4000" rows="4"></textarea>
            <p class="note">{t!(i18n, awards_object_privacy)}</p>
            <button type="submit" class="primary">{t!(i18n, awards_object_send)}</button>
        </form>
    }
}
