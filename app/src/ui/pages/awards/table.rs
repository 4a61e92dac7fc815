//! The proposals of a round, with what each person may do to a row at this
//! step: the office removes one with a reason and answers objections, the
//! council records the votes.

use super::actions::{Actions, refusal};
use crate::api::access::{COUNCIL, OFFICE};
use crate::api::awards::AwardsView;
use crate::i18n::*;
use domain::{ProposalStatus, ProposalView, RoundStatus};
use leptos::prelude::*;

#[component]
pub fn Proposals(v: AwardsView, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let status = v.round.as_ref().map(|r| r.status);
    if v.proposals.is_empty() {
        return view! { <p class="empty">{t!(i18n, awards_none)}</p> }.into_any();
    }
    view! {
        {refusal(actions.remove.value())}
        {refusal(actions.vote.value())}
        {refusal(actions.answer.value())}
        <div class="table-scroll">
            <table class="records proposals">
                <caption class="visually-hidden">{t!(i18n, awards_title)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, awards_block)}</th>
                        <th scope="col">{t!(i18n, awards_who)}</th>
                        <th scope="col">{t!(i18n, awards_form)}</th>
                        <th scope="col">{t!(i18n, awards_reason)}</th>
                        <th scope="col">{t!(i18n, awards_votes)}</th>
                        <th scope="col">{t!(i18n, awards_status)}</th>
                    </tr>
                </thead>
                <tbody>
                    {v.proposals.into_iter().map(|p| view! { <Row p status actions /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn Row(p: ProposalView, status: Option<RoundStatus>, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::ui::session::use_session();
    let id = p.id.to_string();
    let t = p.tally;
    let votes = (t.present > 0).then(|| format!("{}/{}/{} — {}", t.votes_for, t.against, t.abstain, t.present));
    let can_remove =
        status == Some(RoundStatus::Proposing) && p.status != ProposalStatus::Removed && session.has_any(OFFICE);
    let can_vote =
        status == Some(RoundStatus::Voting) && p.status != ProposalStatus::Removed && session.has_any(COUNCIL);
    let can_answer = status == Some(RoundStatus::Published) && session.has_any(OFFICE);
    let objections = p.objections.clone();
    view! {
        <tr data-proposal=p.id.to_string() data-status=p.status.code() class=format!("proposal-{}", p.status.code())>
            <td data-label=move || t_string!(i18n, awards_block).to_string()>{p.block_name.clone()}</td>
            <td data-label=move || t_string!(i18n, awards_who).to_string()>
                <strong>{p.individual_name.clone().unwrap_or_else(|| p.unit_name.clone())}</strong>
                {p.individual_name.is_some().then(|| view! { <br /><span class="muted">{p.unit_name.clone()}</span> })}
            </td>
            <td data-label=move || t_string!(i18n, awards_form).to_string()>{p.form_name.clone()}</td>
            <td data-label=move || t_string!(i18n, awards_reason).to_string()>
                {p.achievement.clone().unwrap_or_else(|| p.reason.clone())}
                {p.office_note.clone().map(|n| view! { <br /><em class="muted">{n}</em> })}
            </td>
            <td class="votes" data-label=move || t_string!(i18n, awards_votes).to_string()>{votes.unwrap_or_else(|| "—".into())}</td>
            <td class="state" data-label=move || t_string!(i18n, awards_status).to_string()>{p.status.label()}</td>
        </tr>
        {can_remove.then(|| view! {
            <tr class="proposal-actions">
                <td colspan="6">
                    <ActionForm action=actions.remove attr:class="inline-form">
                        <input type="hidden" name="proposal_id" value=id.clone() />
                        <label>{t!(i18n, awards_remove_reason)} " " <input name="reason" required maxlength="1000" /></label>
                        <button type="submit">{t!(i18n, awards_remove)}</button>
                    </ActionForm>
                </td>
            </tr>
        })}
        {can_vote.then(|| view! {
            <tr class="proposal-actions">
                <td colspan="6">
                    <VoteForm id=p.id actions />
                </td>
            </tr>
        })}
        {(!objections.is_empty()).then(|| view! {
            <tr class="objections">
                <td colspan="6">
                    <ul>
                        {objections.into_iter().map(|o| {
                            let oid = o.id.to_string();
                            let answered = o.answer.clone();
                            view! {
                                <li data-objection=o.id.to_string()>
                                    <strong>{o.name.clone()}</strong> ": " {o.text.clone()}
                                    {answered.clone().map(|a| view! { <p class="answer">{t!(i18n, awards_answer)} ": " {a}</p> })}
                                    {(can_answer && answered.is_none()).then(|| view! {
                                        <ActionForm action=actions.answer attr:class="inline-form">
                                            <input type="hidden" name="objection_id" value=oid.clone() />
                                            <label>{t!(i18n, awards_answer)} " " <input name="answer" required maxlength="4000" /></label>
                                            <button type="submit">{t!(i18n, awards_send_answer)}</button>
                                        </ActionForm>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </td>
            </tr>
        })}
    }
}

/// The council's votes on one proposal: for, against, abstaining, out of the members present.
#[component]
fn VoteForm(id: domain::Id, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let field = move |name: &'static str, label: String| {
        let input_id = format!("{name}-{id}");
        view! {
            <label for=input_id.clone()>{label}</label>
            <input id=input_id name=name type="number" min="0" max="999" inputmode="numeric" required class="count" />
        }
    };
    view! {
        <ActionForm action=actions.vote attr:class="inline-form vote-form">
            <input type="hidden" name="proposal_id" value=id.to_string() />
            {field("votes_for", t_string!(i18n, awards_votes_for).to_string())}
            {field("against", t_string!(i18n, awards_votes_against).to_string())}
            {field("abstain", t_string!(i18n, awards_votes_abstain).to_string())}
            {field("present", t_string!(i18n, awards_present).to_string())}
            <button type="submit">{t!(i18n, awards_record_votes)}</button>
        </ActionForm>
    }
}
