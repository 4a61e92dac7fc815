//! The accident log: the district police record accidents one by one and fix
//! or strike them out with a reason; the baseline year comes from a CSV file.
//! The police unit's staff and the standing office write; the council reads.

use super::ApiError;
use domain::{AccidentInput, AccidentRecord, Id, RowError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use {
    super::access::{Caller, Me, authorize},
    domain::{CampaignInfo, Role, UnitKind},
    leptos::server_fn::ServerFn,
};

/// What the accident page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccidentLogView {
    pub campaign_id: Id,
    pub baseline_year: i32,
    pub serious_deaths_threshold: u32,
    pub is_demo: bool,
    /// The communes and towns where an accident can be recorded: (id, name).
    pub communes: Vec<(Id, String)>,
    pub records: Vec<AccidentRecord>,
    /// Whether the caller may record and change accidents.
    pub can_edit: bool,
}

/// The outcome of a baseline import: either every row was written, or none
/// was and `errors` says why, row by row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BaselineImport {
    pub written: usize,
    pub replaced: usize,
    pub errors: Vec<RowError>,
}

/// A baseline file is a few hundred rows; anything far larger is a mistake.
pub const MAX_BASELINE_BYTES: usize = 512 * 1024;

#[cfg(feature = "ssr")]
async fn campaign(db: &store::DatabaseConnection, id: Id) -> Result<CampaignInfo, ApiError> {
    store::campaigns::by_id(db, id)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())
}

/// The standing office, or the staff of the committee's police unit.
#[cfg(feature = "ssr")]
async fn can_record(db: &store::DatabaseConnection, me: &Me, committee_id: Id) -> Result<bool, ApiError> {
    if me.has_any(&[Role::Admin, Role::StandingOffice]) {
        return Ok(true);
    }
    let Some(unit_id) = me.unit_id.filter(|_| me.has_any(&[Role::Reporter, Role::UnitHead])) else {
        return Ok(false);
    };
    Ok(store::units::kind_and_committee(db, unit_id).await? == Some((UnitKind::Police, committee_id)))
}

#[cfg(feature = "ssr")]
async fn require_recorder(caller: &Caller, db: &store::DatabaseConnection, committee_id: Id) -> Result<Me, ApiError> {
    let me = caller.signed_in()?;
    if can_record(db, me, committee_id).await? {
        Ok(me.clone())
    } else {
        Err(ApiError::Forbidden.respond())
    }
}

#[cfg(feature = "ssr")]
async fn checked(db: &store::DatabaseConnection, committee_id: Id, input: &AccidentInput) -> Result<(), ApiError> {
    let communes: Vec<Id> = store::accident_log::communes(db, committee_id)
        .await?
        .iter()
        .map(|c| c.id)
        .collect();
    let errors = domain::validate_accident_input(input, &communes, super::server::now_local());
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Fields(errors).respond())
    }
}

#[cfg(feature = "ssr")]
fn reason_of(reason: &str) -> Result<String, ApiError> {
    match domain::check_reason(reason) {
        Some(e) => Err(ApiError::Fields(vec![e]).respond()),
        None => Ok(reason.trim().to_string()),
    }
}

#[server(endpoint = "accidents/list")]
/// The log of the campaign named, or of the current one; `None` without any campaign.
pub async fn accident_log(campaign_id: Option<Id>) -> Result<Option<AccidentLogView>, ApiError> {
    let caller = authorize(AccidentLog::PATH).await?;
    let db = super::server::db()?;
    let Some(c) = super::server::campaign_or_current(&db, campaign_id).await? else {
        return Ok(None);
    };
    let me = caller.signed_in()?;
    let can_edit = can_record(&db, me, c.committee_id).await?;
    if !can_edit && !me.has_any(&[Role::Council]) {
        return Err(ApiError::Forbidden.respond());
    }
    Ok(Some(AccidentLogView {
        campaign_id: c.id,
        baseline_year: c.baseline_year,
        serious_deaths_threshold: c.serious_deaths_threshold,
        is_demo: c.is_demo,
        communes: store::accident_log::communes(&db, c.committee_id)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect(),
        records: store::accident_log::list(&db, c.committee_id).await?,
        can_edit,
    }))
}

#[server(endpoint = "accidents/add")]
pub async fn add_accident(campaign_id: Id, input: AccidentInput) -> Result<Id, ApiError> {
    let caller = authorize(AddAccident::PATH).await?;
    let db = super::server::db()?;
    let c = campaign(&db, campaign_id).await?;
    let me = require_recorder(&caller, &db, c.committee_id).await?;
    checked(&db, c.committee_id, &input).await?;
    let txn = store::begin_write(&db).await?;
    let id = store::accident_log::add(&txn, c.committee_id, &input, Some(me.user_id), false).await?;
    let (_, rec) = store::accident_log::get(&txn, id).await?.ok_or(ApiError::Internal)?;
    let mut e = caller.audit("accident_added", "accident", Some(id));
    e.campaign_id = Some(campaign_id);
    e.unit_id = Some(input.commune_unit_id);
    e.new_value = Some(rec.summary());
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    super::server::changed(campaign_id);
    Ok(id)
}

#[server(endpoint = "accidents/update")]
pub async fn update_accident(
    campaign_id: Id,
    accident_id: Id,
    input: AccidentInput,
    reason: String,
) -> Result<(), ApiError> {
    let caller = authorize(UpdateAccident::PATH).await?;
    let db = super::server::db()?;
    let c = campaign(&db, campaign_id).await?;
    require_recorder(&caller, &db, c.committee_id).await?;
    let reason = reason_of(&reason)?;
    let (committee, _) = store::accident_log::get(&db, accident_id)
        .await?
        .filter(|(committee, _)| *committee == c.committee_id)
        .ok_or_else(|| ApiError::NotFound.respond())?;
    checked(&db, committee, &input).await?;
    let txn = store::begin_write(&db).await?;
    let (before, after) = store::accident_log::update(&txn, accident_id, &input)
        .await
        .map_err(|e| ApiError::from(e).respond())?;
    let mut e = caller.audit("accident_changed", "accident", Some(accident_id));
    e.campaign_id = Some(campaign_id);
    e.unit_id = Some(after.commune_unit_id);
    e.old_value = Some(before.summary());
    e.new_value = Some(after.summary());
    e.reason = Some(reason);
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    super::server::changed(campaign_id);
    Ok(())
}

#[server(endpoint = "accidents/strike_out")]
pub async fn strike_accident(campaign_id: Id, accident_id: Id, reason: String) -> Result<(), ApiError> {
    let caller = authorize(StrikeAccident::PATH).await?;
    let db = super::server::db()?;
    let c = campaign(&db, campaign_id).await?;
    require_recorder(&caller, &db, c.committee_id).await?;
    let reason = reason_of(&reason)?;
    store::accident_log::get(&db, accident_id)
        .await?
        .filter(|(committee, _)| *committee == c.committee_id)
        .ok_or_else(|| ApiError::NotFound.respond())?;
    let txn = store::begin_write(&db).await?;
    let before = store::accident_log::strike_out(&txn, accident_id, &reason)
        .await
        .map_err(|e| ApiError::from(e).respond())?;
    let mut e = caller.audit("accident_struck_out", "accident", Some(accident_id));
    e.campaign_id = Some(campaign_id);
    e.unit_id = Some(before.commune_unit_id);
    e.old_value = Some(before.summary());
    e.reason = Some(reason);
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    super::server::changed(campaign_id);
    Ok(())
}

/// Imports the baseline year's monthly totals per commune from CSV text;
/// all rows or none.
#[server(endpoint = "accidents/import_baseline")]
pub async fn import_baseline(campaign_id: Id, csv: String) -> Result<BaselineImport, ApiError> {
    let caller = authorize(ImportBaseline::PATH).await?;
    let db = super::server::db()?;
    let c = campaign(&db, campaign_id).await?;
    require_recorder(&caller, &db, c.committee_id).await?;
    if csv.len() > MAX_BASELINE_BYTES {
        return Err(ApiError::Invalid(format!("Tệp quá lớn (tối đa {} KB).", MAX_BASELINE_BYTES / 1024)).respond());
    }
    let communes = store::accident_log::communes(&db, c.committee_id).await?;
    let rows = match domain::parse_baseline_csv(&csv, &communes, &[c.baseline_year]) {
        Ok(rows) => rows,
        Err(errors) => {
            return Ok(BaselineImport {
                written: 0,
                replaced: 0,
                errors,
            });
        }
    };
    let txn = store::begin_write(&db).await?;
    let replaced = store::accident_log::import_baseline(&txn, c.committee_id, &rows).await?;
    let mut e = caller.audit("baseline_imported", "baseline", None);
    e.campaign_id = Some(campaign_id);
    e.new_value = Some(format!(
        "{} dòng năm {} ({} dòng thay số liệu cũ)",
        rows.len(),
        c.baseline_year,
        replaced
    ));
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    super::server::changed(campaign_id);
    Ok(BaselineImport {
        written: rows.len(),
        replaced,
        errors: vec![],
    })
}
