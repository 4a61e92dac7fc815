//! The office's award settings, folded away under the round: the council's
//! vote threshold, the publication window, the committee's holidays.

use super::actions::{Actions, refusal};
use crate::api::access::OFFICE;
use crate::i18n::*;
use domain::{Holiday, Id, RoundStatus};
use leptos::prelude::*;

#[component]
pub fn Settings(
    period_id: Option<Id>,
    status: Option<RoundStatus>,
    threshold: u32,
    publish_days: u32,
    holidays: Vec<Holiday>,
    actions: Actions,
) -> impl IntoView {
    let i18n = use_i18n();
    let (save, add, remove) = (actions.save_settings, actions.add_holiday, actions.remove_holiday);
    let details = NodeRef::<leptos::html::Details>::new();
    let office = crate::ui::session::use_session().has_any(OFFICE);
    // The threshold belongs to a round and may change only while its list is made.
    let threshold_open = domain::threshold_may_change(status);
    office.then(move || {
        view! {
            <details class="award-settings" node_ref=details open=move || actions.settings_open.get()
                on:toggle=move |_| actions.settings_open.set(details.get().is_some_and(|d| d.open()))>
                <summary>{t!(i18n, awards_settings)}</summary>
                <ActionForm action=save attr:class="form settings-form">
                    {period_id.map(|p| view! { <input type="hidden" name="period_id" value=p.to_string() /> })}
                    <label for="vote-threshold">{t!(i18n, awards_threshold)}</label>
                    <input id="vote-threshold" name="vote_threshold_pct" type="number" min="50" max="100" required
                        value=threshold.to_string() readonly=!threshold_open />
                    <label for="publish-days">{t!(i18n, awards_publish_days)}</label>
                    <input id="publish-days" name="publish_days" type="number" min="5" max="30" required
                        value=publish_days.to_string() />
                    {refusal(save.value())}
                    <button type="submit">{t!(i18n, save)}</button>
                </ActionForm>
                <h3>{t!(i18n, awards_holidays)}</h3>
                <ul class="holidays">
                    {holidays.into_iter().map(|h| view! {
                        <li>
                            <span>{h.day.format("%d/%m/%Y").to_string()} " — " {h.name.clone()}</span>
                            <ActionForm action=remove attr:class="inline">
                                <input type="hidden" name="id" value=h.id.to_string() />
                                <button type="submit" class="link"
                                    aria-label=move || format!("{} {}", t_string!(i18n, awards_holiday_remove), h.name)>
                                    {t!(i18n, awards_holiday_remove)}
                                </button>
                            </ActionForm>
                        </li>
                    }).collect_view()}
                </ul>
                {refusal(remove.value())}
                <ActionForm action=add attr:class="form holiday-form">
                    <label for="holiday-day">{t!(i18n, awards_holiday_day)}</label>
                    <input id="holiday-day" name="day" type="date" required />
                    <label for="holiday-name">{t!(i18n, awards_holiday_name)}</label>
                    <input id="holiday-name" name="name" required maxlength="120" placeholder="Tết Dương lịch" />
                    {refusal(add.value())}
                    <button type="submit">{t!(i18n, awards_holiday_add)}</button>
                </ActionForm>
            </details>
        }
    })
}
