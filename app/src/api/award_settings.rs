//! The award settings of the current campaign, changed by the standing
//! office: the council's vote threshold (a round's, while its list is being
//! made), the publication window in working days (not while a list is
//! public), and the committee's public holidays. Each change is audited.

use super::ApiError;
use domain::Id;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {super::access::authorize, super::award_support as run, leptos::server_fn::ServerFn};

/// Saves the threshold of the round of `period_id` (when one is open) and
/// the campaign's publication window.
#[server(endpoint = "awards/settings")]
pub async fn save_award_settings(
    period_id: Option<Id>,
    vote_threshold_pct: u32,
    publish_days: u32,
) -> Result<(), ApiError> {
    let caller = authorize(SaveAwardSettings::PATH).await?;
    let db = super::server::db()?;
    let c = run::current_campaign(&db).await?;
    let cal = store::awards::calendar(&db, c.committee_id).await?;
    let rounds = store::awards::rounds(&db, c.id, c.publish_days, &cal).await?;
    let round = period_id.and_then(|p| rounds.iter().find(|r| r.period_id == p));
    let now = domain::AwardSettings {
        vote_threshold_pct: round.map_or(vote_threshold_pct, |r| r.vote_threshold_pct),
        publish_days: c.publish_days,
    };
    let new = domain::AwardSettings {
        vote_threshold_pct,
        publish_days,
    };
    let public = rounds.iter().any(|r| r.status == domain::RoundStatus::Published);
    domain::check_settings_change(now, new, round.map(|r| r.status), public).map_err(run::invalid)?;
    let txn = store::begin_write(&db).await?;
    store::award_settings::set_publish_days(&txn, c.id, publish_days).await?;
    if let Some(r) = round.filter(|r| r.vote_threshold_pct != vote_threshold_pct) {
        store::award_settings::set_threshold(&txn, r.id, vote_threshold_pct).await?;
    }
    let said = |s: domain::AwardSettings| {
        let pct = round.map_or("—".into(), |_| format!("{} %", s.vote_threshold_pct));
        format!("{} ngày làm việc; {pct}", s.publish_days)
    };
    let mut e = caller.audit("award_settings_changed", "campaign", Some(c.id));
    e.old_value = Some(said(now));
    e.new_value = Some(said(new));
    super::server::commit_audited(txn, c.id, e).await
}

/// Adds a public holiday (`day` as yyyy-mm-dd) to the committee's calendar.
#[server(endpoint = "awards/holiday_add")]
pub async fn add_holiday(day: String, name: String) -> Result<Id, ApiError> {
    let caller = authorize(AddHoliday::PATH).await?;
    let day = chrono::NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
        .map_err(|_| run::invalid("Ngày nghỉ lễ không hợp lệ."))?;
    let name = domain::holiday_name(&name).map_err(run::invalid)?;
    let db = super::server::db()?;
    let c = run::current_campaign(&db).await?;
    let txn = store::begin_write(&db).await?;
    let id = store::award_settings::add_holiday(&txn, c.committee_id, day, &name)
        .await?
        .ok_or_else(|| run::invalid("Ngày này đã có trong danh sách ngày nghỉ lễ."))?;
    let mut e = caller.audit("holiday_added", "holiday", Some(id));
    e.new_value = Some(format!("{} — {name}", day.format("%d/%m/%Y")));
    super::server::commit_audited(txn, c.id, e).await?;
    Ok(id)
}

/// Removes one of the committee's public holidays.
#[server(endpoint = "awards/holiday_remove")]
pub async fn remove_holiday(id: Id) -> Result<(), ApiError> {
    let caller = authorize(RemoveHoliday::PATH).await?;
    let db = super::server::db()?;
    let c = run::current_campaign(&db).await?;
    let txn = store::begin_write(&db).await?;
    let gone = store::award_settings::remove_holiday(&txn, c.committee_id, id)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())?;
    let mut e = caller.audit("holiday_removed", "holiday", Some(id));
    e.old_value = Some(format!("{} — {}", gone.day.format("%d/%m/%Y"), gone.name));
    super::server::commit_audited(txn, c.id, e).await
}
