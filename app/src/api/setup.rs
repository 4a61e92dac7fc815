//! Campaign administration by a committee's standing office: its campaigns,
//! creating or copying one, editing its settings and status, its sheet, its
//! units (imported from CSV) and its periods. Every change is audited and a
//! lower committee's campaigns are read-only.

use super::ApiError;
use domain::{CampaignDraft, CampaignInfo, CampaignStatus, Id, RowError, Sheet};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use {super::access::authorize, super::scope::Scope, leptos::server_fn::ServerFn};

/// The campaigns an office works on, reads, and may copy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CampaignList {
    /// Its own committee's.
    pub own: Vec<CampaignInfo>,
    /// The committees below it (read-only).
    pub below: Vec<CampaignInfo>,
    /// Other committees' finished campaigns and the demo, to copy.
    pub templates: Vec<CampaignInfo>,
}

/// One period of a campaign as the setup page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeriodRow {
    pub name: String,
    pub starts_on: chrono::NaiveDate,
    pub ends_on: chrono::NaiveDate,
    /// Local time (Asia/Ho_Chi_Minh).
    pub deadline: chrono::NaiveDateTime,
}

/// A campaign the office reads or works on, with its periods.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetupView {
    pub campaign: CampaignInfo,
    pub draft: CampaignDraft,
    pub periods: Vec<PeriodRow>,
    /// Its committee is the caller's and it is not closed.
    pub writable: bool,
}

/// What an import did: units created, or every row's errors and nothing written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ImportOutcome {
    Imported(usize),
    Refused(Vec<RowError>),
}

#[server(endpoint = "setup/campaigns")]
pub async fn list_campaigns() -> Result<CampaignList, ApiError> {
    let caller = authorize(ListCampaigns::PATH).await?;
    let db = super::server::db()?;
    let scope = Scope::of(&db, &caller).await?;
    let all = store::campaigns::all(&db).await?;
    let (mut own, mut below, mut templates) = (Vec::new(), Vec::new(), Vec::new());
    for c in all {
        if scope.can_write(c.committee_id) {
            own.push(c);
        } else if scope.can_read(c.committee_id) {
            below.push(c);
        } else if is_template(&c) {
            templates.push(c);
        }
    }
    Ok(CampaignList { own, below, templates })
}

/// The settings of a campaign the caller reads or may copy.
#[server(endpoint = "setup/draft")]
pub async fn get_campaign_draft(campaign_id: Id) -> Result<CampaignDraft, ApiError> {
    let caller = authorize(GetCampaignDraft::PATH).await?;
    let db = super::server::db()?;
    copyable(&db, &caller, campaign_id).await?;
    store::campaign_setup::draft_of(&db, campaign_id)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())
}

/// A campaign the caller reads, with its settings and periods.
#[server(endpoint = "setup/campaign")]
pub async fn campaign_setup(campaign_id: Id) -> Result<SetupView, ApiError> {
    let caller = authorize(CampaignSetup::PATH).await?;
    let db = super::server::db()?;
    let scope = Scope::of(&db, &caller).await?;
    let campaign = scope.campaign(&db, campaign_id).await?;
    let draft = store::campaign_setup::draft_of(&db, campaign.id)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())?;
    let periods = store::periods::list(&db, campaign.id)
        .await?
        .into_iter()
        .map(|p| PeriodRow {
            name: p.name,
            starts_on: p.starts_on,
            ends_on: p.ends_on,
            deadline: crate::ui::format::vietnam(p.deadline).naive_local(),
        })
        .collect();
    let writable = scope.can_write(campaign.committee_id) && domain::is_writable(campaign.status);
    Ok(SetupView {
        campaign,
        draft,
        periods,
        writable,
    })
}

/// Creates a campaign for the caller's committee, from nothing (the plan's
/// default sheet) or as a copy of `from`.
#[server(endpoint = "setup/create", input = Json)]
pub async fn create_campaign(from: Option<Id>, draft: CampaignDraft) -> Result<Id, ApiError> {
    let caller = authorize(CreateCampaign::PATH).await?;
    let db = super::server::db()?;
    let scope = Scope::of(&db, &caller).await?;
    check(&draft)?;
    let source = match from {
        Some(id) => Some(copyable(&db, &caller, id).await?),
        None => None,
    };
    let committee = scope
        .own
        .or(source.as_ref().map(|s| s.committee_id))
        .ok_or_else(|| ApiError::Invalid("Tài khoản quản trị chưa thuộc Ban ATGT nào.".into()).respond())?;
    let txn = store::begin_write(&db).await?;
    let id = match &source {
        Some(s) => store::campaign_setup::copy(&txn, s.id, committee, &draft).await,
        None => store::campaign_setup::create(&txn, committee, &draft, &domain::default_sheet(), None).await,
    }
    .map_err(|e| ApiError::from(e).respond())?;
    let mut e = caller.audit("campaign_created", "campaign", Some(id));
    e.campaign_id = Some(id);
    e.new_value = Some(match &source {
        Some(s) => format!("{} (sao từ {})", draft.slug, s.slug),
        None => draft.slug.clone(),
    });
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    Ok(id)
}

/// Saves a campaign's settings; new dates regenerate its periods while it
/// has no reports.
#[server(endpoint = "setup/update", input = Json)]
pub async fn update_campaign(campaign_id: Id, draft: CampaignDraft) -> Result<(), ApiError> {
    let caller = authorize(UpdateCampaign::PATH).await?;
    let db = super::server::db()?;
    let c = writable(&db, &caller, campaign_id).await?;
    check(&draft)?;
    let txn = store::begin_write(&db).await?;
    let before = store::campaign_setup::update(&txn, c.id, &draft)
        .await
        .map_err(|e| ApiError::from(e).respond())?;
    let mut e = caller.audit("campaign_updated", "campaign", Some(c.id));
    e.old_value = Some(summary(&before));
    e.new_value = Some(summary(&draft));
    super::server::commit_audited(txn, c.id, e).await
}

/// Opens, closes, reopens or archives a campaign.
#[server(endpoint = "setup/status")]
pub async fn set_campaign_status(campaign_id: Id, status: CampaignStatus) -> Result<(), ApiError> {
    let caller = authorize(SetCampaignStatus::PATH).await?;
    let db = super::server::db()?;
    let c = scope_campaign(&db, &caller, campaign_id).await?;
    if !domain::status_change_allowed(c.status, status) {
        return Err(ApiError::Invalid("Không chuyển được phong trào sang trạng thái này.".into()).respond());
    }
    let txn = store::begin_write(&db).await?;
    store::campaign_setup::set_status(&txn, c.id, status).await?;
    let mut e = caller.audit("campaign_status", "campaign", Some(c.id));
    e.old_value = Some(c.status.code().into());
    e.new_value = Some(status.code().into());
    super::server::commit_audited(txn, c.id, e).await
}

/// A campaign's scoring sheet, to edit.
#[server(endpoint = "setup/sheet")]
pub async fn campaign_sheet(campaign_id: Id) -> Result<Sheet, ApiError> {
    let caller = authorize(CampaignSheet::PATH).await?;
    let db = super::server::db()?;
    let c = Scope::of(&db, &caller).await?.campaign(&db, campaign_id).await?;
    Ok(store::sheets::load(&db, c.id).await?)
}

/// Replaces a campaign's sheet, when it is valid and no report uses it yet.
#[server(endpoint = "setup/save_sheet", input = Json)]
pub async fn save_sheet(campaign_id: Id, sheet: Sheet) -> Result<(), ApiError> {
    let caller = authorize(SaveSheet::PATH).await?;
    let db = super::server::db()?;
    let c = writable(&db, &caller, campaign_id).await?;
    if let Err(errors) = sheet.validate() {
        let fields = errors
            .into_iter()
            .map(|e| domain::FieldError::new("sheet", e.to_string()))
            .collect();
        return Err(ApiError::Fields(fields).respond());
    }
    let before = store::sheets::load(&db, c.id).await?;
    let txn = store::begin_write(&db).await?;
    store::campaign_setup::write_sheet(&txn, c.id, &sheet)
        .await
        .map_err(|e| ApiError::from(e).respond())?;
    let mut e = caller.audit("sheet_saved", "campaign", Some(c.id));
    let said = |s: &Sheet| format!("{} nhóm, {} tiêu chí", s.groups.len(), s.criteria.len());
    e.old_value = Some(said(&before));
    e.new_value = Some(said(&sheet));
    super::server::commit_audited(txn, c.id, e).await
}

/// Adds the committee's units from a CSV file's text; a file with any bad
/// row is refused whole, every row's error listed.
#[server(endpoint = "setup/import_units", input = Json)]
pub async fn import_units(campaign_id: Id, csv: String) -> Result<ImportOutcome, ApiError> {
    let caller = authorize(ImportUnits::PATH).await?;
    if csv.len() > MAX_CSV {
        return Err(ApiError::Invalid("Tệp quá lớn (tối đa 1 MB).".into()).respond());
    }
    let db = super::server::db()?;
    let c = writable(&db, &caller, campaign_id).await?;
    let existing = store::units::names_in(&db, c.committee_id).await?;
    let blocks = store::units::blocks_of(&db, c.id).await?;
    let rows = match domain::parse_units_csv(&csv, &existing, &blocks) {
        Ok(rows) => rows,
        Err(errors) => return Ok(ImportOutcome::Refused(errors)),
    };
    let txn = store::begin_write(&db).await?;
    let ids = store::units::import(&txn, c.committee_id, c.id, &rows).await?;
    for (id, row) in ids.iter().zip(&rows) {
        let mut e = caller.audit("unit_imported", "unit", Some(*id));
        e.campaign_id = Some(c.id);
        e.unit_id = Some(*id);
        e.new_value = Some(format!("{} ({})", row.name, row.kind.code()));
        store::audit::record(&txn, e).await?;
    }
    txn.commit().await.map_err(store::StoreError::from)?;
    super::server::changed(c.id);
    Ok(ImportOutcome::Imported(ids.len()))
}

#[cfg(feature = "ssr")]
const MAX_CSV: usize = 1 << 20;

#[cfg(feature = "ssr")]
fn check(draft: &CampaignDraft) -> Result<(), ApiError> {
    let problems = draft.problems();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Fields(problems).respond())
    }
}

#[cfg(feature = "ssr")]
fn summary(d: &CampaignDraft) -> String {
    format!(
        "{}; {}; {} – {}; cùng kỳ {}",
        d.plan_number,
        d.title,
        d.starts_on.format("%d/%m/%Y"),
        d.ends_on.format("%d/%m/%Y"),
        d.baseline_year
    )
}

/// Another committee's campaign that anyone may copy: a finished one (its
/// record is public) or the demo (it is there to be copied). A campaign at
/// work stays its committee's own.
#[cfg(feature = "ssr")]
fn is_template(c: &CampaignInfo) -> bool {
    c.is_demo || matches!(c.status, CampaignStatus::Closed | CampaignStatus::Archived)
}

/// A campaign the caller may copy or read: their own and lower committees',
/// or a template.
#[cfg(feature = "ssr")]
async fn copyable(
    db: &store::DatabaseConnection,
    caller: &super::access::Caller,
    id: Id,
) -> Result<CampaignInfo, ApiError> {
    let scope = Scope::of(db, caller).await?;
    store::campaigns::by_id(db, id)
        .await?
        .filter(|c| scope.can_read(c.committee_id) || is_template(c))
        .ok_or_else(|| ApiError::NotFound.respond())
}

/// The caller's own committee's campaign `id`, whatever its state.
#[cfg(feature = "ssr")]
async fn scope_campaign(
    db: &store::DatabaseConnection,
    caller: &super::access::Caller,
    id: Id,
) -> Result<CampaignInfo, ApiError> {
    Scope::of(db, caller).await?.campaign_to_change(db, id).await
}

/// [`scope_campaign`], refused once the campaign is closed (read-only).
#[cfg(feature = "ssr")]
async fn writable(
    db: &store::DatabaseConnection,
    caller: &super::access::Caller,
    id: Id,
) -> Result<CampaignInfo, ApiError> {
    let c = scope_campaign(db, caller, id).await?;
    if !domain::is_writable(c.status) {
        return Err(ApiError::Invalid("Phong trào đã kết thúc: chỉ xem, không sửa được.".into()).respond());
    }
    Ok(c)
}
