//! The round's actions: one server action each, and the forms around them.
//! The page reloads after an action went through; a refusal keeps what was
//! typed and says why next to the form.

use crate::api::award_publish::{AnswerObjection, FileObjection, PublishAwards, RecordDecision};
use crate::api::award_settings::{AddHoliday, RemoveHoliday, SaveAwardSettings};
use crate::api::award_steps::{
    AddProposal, GenerateProposals, Nominate as NominateFn, OpenVoting, RecordVotes, RemoveProposal,
};
use crate::api::{ApiError, access::OFFICE};
use crate::i18n::*;
use domain::{Id, RoundStatus};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Actions {
    pub generate: ServerAction<GenerateProposals>,
    pub add: ServerAction<AddProposal>,
    pub remove: ServerAction<RemoveProposal>,
    pub nominate: ServerAction<NominateFn>,
    pub open_voting: ServerAction<OpenVoting>,
    pub vote: ServerAction<RecordVotes>,
    pub publish: ServerAction<PublishAwards>,
    pub object: ServerAction<FileObjection>,
    pub answer: ServerAction<AnswerObjection>,
    pub decide: ServerAction<RecordDecision>,
    pub save_settings: ServerAction<SaveAwardSettings>,
    pub add_holiday: ServerAction<AddHoliday>,
    pub remove_holiday: ServerAction<RemoveHoliday>,
    /// Whether the settings are unfolded; kept while the page reads the round again.
    pub settings_open: RwSignal<bool>,
    /// Moves after every action that went through: the page reads the round again.
    pub done: RwSignal<u32>,
}

macro_rules! reload_on_ok {
    ($done:expr, $($a:expr),+) => {
        $(
            let a = $a;
            Effect::new(move |_| {
                if matches!(a.value().get(), Some(Ok(_))) {
                    $done.update(|n| *n += 1);
                }
            });
        )+
    };
}

impl Actions {
    pub fn new() -> Self {
        let a = Actions {
            generate: ServerAction::new(),
            add: ServerAction::new(),
            remove: ServerAction::new(),
            nominate: ServerAction::new(),
            open_voting: ServerAction::new(),
            vote: ServerAction::new(),
            publish: ServerAction::new(),
            object: ServerAction::new(),
            answer: ServerAction::new(),
            decide: ServerAction::new(),
            save_settings: ServerAction::new(),
            add_holiday: ServerAction::new(),
            remove_holiday: ServerAction::new(),
            settings_open: RwSignal::new(false),
            done: RwSignal::new(0),
        };
        reload_on_ok!(
            a.done,
            a.generate,
            a.add,
            a.remove,
            a.nominate,
            a.open_voting,
            a.vote,
            a.publish,
            a.object,
            a.answer,
            a.decide,
            a.save_settings,
            a.add_holiday,
            a.remove_holiday
        );
        a
    }
}

/// The refusal of the last call of an action, said where its form is.
pub fn refusal<T: Clone + Send + Sync + 'static>(
    value: impl Get<Value = Option<Result<T, ApiError>>> + Copy + Send + Sync + 'static,
) -> impl Fn() -> Option<AnyView> + Copy {
    move || {
        value
            .get()
            .and_then(|r| r.err())
            .map(|e| view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any())
    }
}

/// The office's buttons for the step the round is at.
#[component]
pub fn OfficeBar(period_id: Id, status: Option<RoundStatus>, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::ui::session::use_session();
    let is_office = session.has_any(OFFICE);
    let pid = move || period_id.to_string();
    let proposing = matches!(status, None | Some(RoundStatus::Proposing));
    is_office.then(move || view! {
            <div class="toolbar office-bar">
                {proposing.then(|| view! {
                    <ActionForm action=actions.generate>
                        <input type="hidden" name="period_id" value=pid() />
                        <button type="submit" disabled=move || actions.generate.pending().get()>{t!(i18n, awards_generate)}</button>
                    </ActionForm>
                })}
                {(status == Some(RoundStatus::Proposing)).then(|| view! {
                    <ActionForm action=actions.open_voting>
                        <input type="hidden" name="period_id" value=pid() />
                        <button type="submit">{t!(i18n, awards_open_voting)}</button>
                    </ActionForm>
                })}
                {(status == Some(RoundStatus::Voting)).then(|| view! {
                    <ActionForm action=actions.publish>
                        <input type="hidden" name="period_id" value=pid() />
                        <button type="submit" class="primary">{t!(i18n, awards_publish)}</button>
                    </ActionForm>
                })}
            </div>
            {refusal(actions.generate.value())}
            {refusal(actions.open_voting.value())}
            {refusal(actions.publish.value())}
            {move || actions.generate.value().get().and_then(|r| r.ok()).map(|n| view! {
                <p class="notice ok" role="status">{t_string!(i18n, awards_generated, n = n).to_string()}</p>
            })}
    })
}

/// A unit's staff nominate a person of their unit while the list is being made.
#[component]
pub fn Nominate(
    period_id: Id,
    forms: Vec<(Id, String)>,
    status: Option<RoundStatus>,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::ui::session::use_session();
    let show = status == Some(RoundStatus::Proposing) && session.has_any(crate::api::access::UNIT_STAFF);
    show.then(move || view! {
            <ActionForm action=actions.nominate attr:class="form nominate-form">
                <h2>{t!(i18n, awards_nominate_title)}</h2>
                <input type="hidden" name="period_id" value=period_id.to_string() />
                <label for="nominee-form">{t!(i18n, awards_form)}</label>
                <select id="nominee-form" name="form_id">
                    {forms.iter().map(|(id, name)| view! { <option value=id.to_string()>{name.clone()}</option> }).collect_view()}
                </select>
                <label for="nominee-name">{t!(i18n, awards_individual)}</label>
                <input id="nominee-name" name="individual_name" required maxlength="120" autocomplete="off" />
                <label for="nominee-achievement">{t!(i18n, awards_achievement)}</label>
                <textarea id="nominee-achievement" name="achievement" required maxlength="2000" rows="4"></textarea>
                {refusal(actions.nominate.value())}
                <button type="submit" class="primary">{t!(i18n, awards_nominate)}</button>
            </ActionForm>
    })
}

/// The office records the decision on one award form once the list has been public long enough.
#[component]
pub fn Decide(period_id: Id, forms: Vec<(Id, String)>, status: Option<RoundStatus>, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::ui::session::use_session();
    let show = status == Some(RoundStatus::Published) && session.has_any(OFFICE);
    show.then(move || view! {
            <ActionForm action=actions.decide attr:class="form decide-form">
                <h2>{t!(i18n, awards_decide_title)}</h2>
                <input type="hidden" name="period_id" value=period_id.to_string() />
                <label for="decision-form">{t!(i18n, awards_form)}</label>
                <select id="decision-form" name="form_id">
                    {forms.iter().map(|(id, name)| view! { <option value=id.to_string()>{name.clone()}</option> }).collect_view()}
                </select>
                <label for="decision-number">{t!(i18n, awards_decision_number)}</label>
                <input id="decision-number" name="number" required maxlength="60" placeholder="125/QĐ-UBND" />
                <label for="decision-date">{t!(i18n, awards_decision_date)}</label>
                <input id="decision-date" name="signed_on" type="date" required />
                {refusal(actions.decide.value())}
                <button type="submit" class="primary">{t!(i18n, awards_decide)}</button>
            </ActionForm>
    })
}
