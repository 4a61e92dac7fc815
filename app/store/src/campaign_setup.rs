//! Campaign administration: a committee's standing office creates a
//! campaign, or copies an earlier one, and sets its sheet and periods. The
//! rules are the domain's (`CampaignDraft::problems`, `Sheet::validate`);
//! here they are written, in the caller's transaction.

use crate::db::insert_all;
use crate::entities::{award_form, block, campaign, criteria_group, criterion, period, registration, report, target};
use crate::{Result, StoreError};
use chrono::Utc;
use domain::{CampaignDraft, CampaignStatus, Criterion, Id, PeriodSpec, RegistrationStatus, Sheet};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

const SLUG_TAKEN: &str = "Địa chỉ này đã được một phong trào khác dùng";
const HAS_REPORTS: &str = "Phong trào đã có báo cáo: không đổi được bảng tiêu chí hay các kỳ báo cáo";

/// Creates a campaign in draft with its targets, `sheet` and the periods
/// its dates and rule give. The draft and sheet were checked by the caller.
pub async fn create(
    txn: &DatabaseTransaction,
    committee_id: Id,
    draft: &CampaignDraft,
    sheet: &Sheet,
    copied_from: Option<Id>,
) -> Result<Id> {
    if slug_taken(txn, &draft.slug, None).await? {
        return Err(StoreError::Conflict(SLUG_TAKEN.into()));
    }
    let row = campaign::ActiveModel {
        committee_id: Set(committee_id),
        slug: Set(draft.slug.clone()),
        status: Set(CampaignStatus::Draft.code().into()),
        is_demo: Set(false),
        plan_document_id: Set(None),
        copied_from_id: Set(copied_from),
        created_at: Set(Utc::now()),
        ..settings(draft)
    }
    .insert(txn)
    .await?;
    write_targets(txn, row.id, draft).await?;
    write_sheet(txn, row.id, sheet).await?;
    write_periods(txn, row.id, &periods_of(draft)).await?;
    Ok(row.id)
}

/// A new campaign for `committee_id` set up like `from`: its blocks, sheet
/// and award forms, with the draft's dates and periods. Units keep their
/// blocks (to confirm again) when the committee is the same; nothing of the
/// old campaign's reports, scores, publications or awards is carried over.
pub async fn copy(txn: &DatabaseTransaction, from: Id, committee_id: Id, draft: &CampaignDraft) -> Result<Id> {
    let source = campaign::Entity::find_by_id(from)
        .one(txn)
        .await?
        .ok_or_else(|| StoreError::NotFound("campaign".into()))?;
    let sheet = crate::sheets::load(txn, from).await?;
    let id = create(txn, committee_id, draft, &sheet, Some(from)).await?;
    let blocks = block::Entity::find()
        .filter(block::Column::CampaignId.eq(from))
        .order_by_asc(block::Column::SortOrder)
        .all(txn)
        .await?;
    let same_committee = source.committee_id == committee_id;
    let now = Utc::now();
    for b in blocks {
        let new_block = block::ActiveModel {
            campaign_id: Set(id),
            name: Set(b.name),
            sort_order: Set(b.sort_order),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        if !same_committee {
            continue;
        }
        let members = registration::Entity::find()
            .filter(registration::Column::BlockId.eq(b.id))
            .filter(registration::Column::Status.ne(RegistrationStatus::Withdrawn.code()))
            .all(txn)
            .await?;
        let rows = members.into_iter().map(|r| registration::ActiveModel {
            campaign_id: Set(id),
            unit_id: Set(r.unit_id),
            block_id: Set(new_block.id),
            status: Set(RegistrationStatus::Pending.code().into()),
            registered_at: Set(now),
            confirmed_at: Set(None),
            confirmed_by: Set(None),
            ..Default::default()
        });
        insert_all(txn, rows.collect()).await?;
    }
    let forms = award_form::Entity::find()
        .filter(award_form::Column::CampaignId.eq(from))
        .all(txn)
        .await?;
    let forms = forms.into_iter().map(|f| award_form::ActiveModel {
        campaign_id: Set(id),
        name: Set(f.name),
        level: Set(f.level),
        issuer: Set(f.issuer),
        min_score: Set(f.min_score),
        max_rank: Set(f.max_rank),
        quota: Set(f.quota),
        excludes_serious: Set(f.excludes_serious),
        sort_order: Set(f.sort_order),
        ..Default::default()
    });
    insert_all(txn, forms.collect()).await?;
    Ok(id)
}

/// The settings of campaign `id` as the office edits them (and a copy starts from).
pub async fn draft_of(db: &impl ConnectionTrait, id: Id) -> Result<Option<CampaignDraft>> {
    let Some(row) = campaign::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let deadline_days = crate::error::count(row.deadline_days, "deadline days")?;
    let c = crate::campaigns::info(row, String::new())?;
    Ok(Some(CampaignDraft {
        targets: crate::campaigns::targets(db, id).await?,
        slug: c.slug,
        plan_number: c.plan_number,
        title: c.title,
        theme: c.theme,
        starts_on: c.starts_on,
        ends_on: c.ends_on,
        baseline_year: c.baseline_year,
        period_rule: c.period_rule,
        deadline_days,
        serious_deaths_threshold: c.serious_deaths_threshold,
        publish_days: c.publish_days,
    }))
}

/// Saves edited settings and returns those they replace. Dates, rule and
/// deadlines regenerate the periods, which only a campaign without reports allows.
pub async fn update(txn: &DatabaseTransaction, id: Id, draft: &CampaignDraft) -> Result<CampaignDraft> {
    let before = draft_of(txn, id)
        .await?
        .ok_or_else(|| StoreError::NotFound("campaign".into()))?;
    if slug_taken(txn, &draft.slug, Some(id)).await? {
        return Err(StoreError::Conflict(SLUG_TAKEN.into()));
    }
    let periods_move = (
        before.starts_on,
        before.ends_on,
        before.period_rule,
        before.deadline_days,
    ) != (draft.starts_on, draft.ends_on, draft.period_rule, draft.deadline_days);
    campaign::ActiveModel {
        id: Set(id),
        slug: Set(draft.slug.clone()),
        ..settings(draft)
    }
    .update(txn)
    .await?;
    target::Entity::delete_many()
        .filter(target::Column::CampaignId.eq(id))
        .exec(txn)
        .await?;
    write_targets(txn, id, draft).await?;
    if periods_move {
        write_periods(txn, id, &periods_of(draft)).await?;
    }
    Ok(before)
}

/// Moves the campaign to `to`; the caller checked the move is allowed.
pub async fn set_status(txn: &DatabaseTransaction, id: Id, to: CampaignStatus) -> Result<()> {
    campaign::ActiveModel {
        id: Set(id),
        status: Set(to.code().into()),
        ..Default::default()
    }
    .update(txn)
    .await?;
    Ok(())
}

/// Replaces the campaign's sheet; refused once it has reports.
pub async fn write_sheet(txn: &DatabaseTransaction, campaign_id: Id, sheet: &Sheet) -> Result<Vec<(Id, Criterion)>> {
    refuse_with_reports(txn, campaign_id).await?;
    criterion::Entity::delete_many()
        .filter(criterion::Column::CampaignId.eq(campaign_id))
        .exec(txn)
        .await?;
    criteria_group::Entity::delete_many()
        .filter(criteria_group::Column::CampaignId.eq(campaign_id))
        .exec(txn)
        .await?;
    let mut out = Vec::new();
    for (g, group) in sheet.groups.iter().enumerate() {
        let group_row = criteria_group::ActiveModel {
            campaign_id: Set(campaign_id),
            code: Set(group.code.clone()),
            name: Set(group.name.clone()),
            task_ref: Set(group.task_ref.clone()),
            max_points: Set(group.max_points),
            sort_order: Set(g as i32 + 1),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        for (c, crit) in sheet.criteria_of(&group.code).enumerate() {
            let row = criterion::ActiveModel {
                campaign_id: Set(campaign_id),
                group_id: Set(group_row.id),
                code: Set(crit.code.clone()),
                name: Set(crit.name.clone()),
                description: Set(crit.description.clone()),
                max_points: Set(crit.max_points),
                rule: Set(crit.rule.code().into()),
                evidence_required: Set(crit.evidence_required),
                applies_to: Set(crit.applies_to.to_code()),
                activity: Set(crit.activity.map(|a| a.code().into())),
                sort_order: Set(c as i32 + 1),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            out.push((row.id, crit.clone()));
        }
    }
    Ok(out)
}

/// Replaces the campaign's periods with `specs`; refused once it has reports.
pub async fn write_periods(txn: &DatabaseTransaction, campaign_id: Id, specs: &[PeriodSpec]) -> Result<()> {
    refuse_with_reports(txn, campaign_id).await?;
    period::Entity::delete_many()
        .filter(period::Column::CampaignId.eq(campaign_id))
        .exec(txn)
        .await?;
    let rows = specs.iter().map(|spec| period::ActiveModel {
        campaign_id: Set(campaign_id),
        code: Set(spec.code.clone()),
        name: Set(spec.name.clone()),
        kind: Set(spec.kind.code().into()),
        year: Set(spec.year),
        month: Set(spec.month as i32),
        starts_on: Set(spec.starts_on),
        ends_on: Set(spec.ends_on),
        deadline: Set(crate::time::local_to_utc(spec.deadline)),
        closed_at: Set(None),
        published_at: Set(None),
        ..Default::default()
    });
    insert_all(txn, rows.collect()).await
}

/// The periods a campaign's settings give.
pub fn periods_of(draft: &CampaignDraft) -> Vec<PeriodSpec> {
    domain::generate_periods(draft.starts_on, draft.ends_on, draft.period_rule, draft.deadline_days)
}

fn settings(draft: &CampaignDraft) -> campaign::ActiveModel {
    campaign::ActiveModel {
        plan_number: Set(draft.plan_number.trim().into()),
        title: Set(draft.title.trim().into()),
        theme: Set(draft.theme.trim().into()),
        starts_on: Set(draft.starts_on),
        ends_on: Set(draft.ends_on),
        baseline_year: Set(draft.baseline_year),
        period_rule: Set(draft.period_rule.code().into()),
        serious_deaths_threshold: Set(draft.serious_deaths_threshold as i32),
        deadline_days: Set(draft.deadline_days as i32),
        publish_days: Set(draft.publish_days as i32),
        ..Default::default()
    }
}

async fn write_targets(txn: &DatabaseTransaction, campaign_id: Id, draft: &CampaignDraft) -> Result<()> {
    let rows = draft.targets.iter().map(|t| target::ActiveModel {
        campaign_id: Set(campaign_id),
        measure: Set(t.measure.code().into()),
        goal: Set(t.goal.code().into()),
        ..Default::default()
    });
    insert_all(txn, rows.collect()).await
}

async fn slug_taken(db: &impl ConnectionTrait, slug: &str, except: Option<Id>) -> Result<bool> {
    let mut q = campaign::Entity::find().filter(campaign::Column::Slug.eq(slug));
    if let Some(id) = except {
        q = q.filter(campaign::Column::Id.ne(id));
    }
    Ok(q.count(db).await? > 0)
}

async fn refuse_with_reports(db: &impl ConnectionTrait, campaign_id: Id) -> Result<()> {
    let n = report::Entity::find()
        .filter(report::Column::CampaignId.eq(campaign_id))
        .count(db)
        .await?;
    if n > 0 {
        return Err(StoreError::Conflict(HAS_REPORTS.into()));
    }
    Ok(())
}
