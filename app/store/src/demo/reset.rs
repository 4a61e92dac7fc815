//! Removing the demo, children before parents, so that foreign keys hold at
//! every step. The audit trail is not touched: it is append-only.

use crate::Result;
use crate::entities::*;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};
use std::collections::HashSet;

async fn ids<E, C>(txn: &DatabaseTransaction, query: sea_orm::Select<E>, col: C) -> Result<Vec<i64>>
where
    E: EntityTrait,
    C: ColumnTrait,
{
    Ok(query.select_only().column(col).into_tuple::<i64>().all(txn).await?)
}

pub async fn delete_demo(txn: &DatabaseTransaction) -> Result<()> {
    let campaigns = campaign::Entity::find().filter(campaign::Column::IsDemo.eq(true));
    let committees = ids(txn, campaigns.clone(), campaign::Column::CommitteeId).await?;
    let campaigns = ids(txn, campaigns, campaign::Column::Id).await?;
    delete_campaigns(txn, &campaigns).await?;

    accident::Entity::delete_many()
        .filter(accident::Column::IsDemo.eq(true))
        .exec(txn)
        .await?;
    delete_demo_users(txn).await?;
    delete_committees(txn, committees).await
}

async fn delete_campaigns(txn: &DatabaseTransaction, campaigns: &[i64]) -> Result<()> {
    let of = |col: report::Column| col.is_in(campaigns.iter().copied());
    let reports = ids(
        txn,
        report::Entity::find().filter(of(report::Column::CampaignId)),
        report::Column::Id,
    )
    .await?;
    let r = || reports.iter().copied();
    report_event::Entity::delete_many()
        .filter(report_event::Column::ReportId.is_in(r()))
        .exec(txn)
        .await?;
    report_score::Entity::delete_many()
        .filter(report_score::Column::ReportId.is_in(r()))
        .exec(txn)
        .await?;
    report_activity::Entity::delete_many()
        .filter(report_activity::Column::ReportId.is_in(r()))
        .exec(txn)
        .await?;
    evidence::Entity::delete_many()
        .filter(evidence::Column::ReportId.is_in(r()))
        .exec(txn)
        .await?;
    report::Entity::delete_many()
        .filter(report::Column::Id.is_in(r()))
        .exec(txn)
        .await?;

    let c = || campaigns.iter().copied();
    let publications = ranking_publication::Entity::find().filter(ranking_publication::Column::CampaignId.is_in(c()));
    let publications = ids(txn, publications, ranking_publication::Column::Id).await?;
    published_breakdown::Entity::delete_many()
        .filter(published_breakdown::Column::PublicationId.is_in(publications))
        .exec(txn)
        .await?;
    ranking_publication::Entity::delete_many()
        .filter(ranking_publication::Column::CampaignId.is_in(c()))
        .exec(txn)
        .await?;
    let proposals = award_proposal::Entity::find().filter(award_proposal::Column::CampaignId.is_in(c()));
    let proposals = ids(txn, proposals, award_proposal::Column::Id).await?;
    objection::Entity::delete_many()
        .filter(objection::Column::ProposalId.is_in(proposals))
        .exec(txn)
        .await?;
    award_proposal::Entity::delete_many()
        .filter(award_proposal::Column::CampaignId.is_in(c()))
        .exec(txn)
        .await?;
    award_decision::Entity::delete_many()
        .filter(award_decision::Column::CampaignId.is_in(c()))
        .exec(txn)
        .await?;
    award_round::Entity::delete_many()
        .filter(award_round::Column::CampaignId.is_in(c()))
        .exec(txn)
        .await?;
    award_form::Entity::delete_many()
        .filter(award_form::Column::CampaignId.is_in(c()))
        .exec(txn)
        .await?;

    let periods = ids(
        txn,
        period::Entity::find().filter(period::Column::CampaignId.is_in(c())),
        period::Column::Id,
    )
    .await?;
    extension::Entity::delete_many()
        .filter(extension::Column::PeriodId.is_in(periods))
        .exec(txn)
        .await?;
    period::Entity::delete_many()
        .filter(period::Column::CampaignId.is_in(c()))
        .exec(txn)
        .await?;
    criterion::Entity::delete_many()
        .filter(criterion::Column::CampaignId.is_in(c()))
        .exec(txn)
        .await?;
    criteria_group::Entity::delete_many()
        .filter(criteria_group::Column::CampaignId.is_in(c()))
        .exec(txn)
        .await?;

    let registrations = registration::Entity::find().filter(registration::Column::CampaignId.is_in(c()));
    let registrations = ids(txn, registrations, registration::Column::Id).await?;
    pledge::Entity::delete_many()
        .filter(pledge::Column::RegistrationId.is_in(registrations))
        .exec(txn)
        .await?;
    registration::Entity::delete_many()
        .filter(registration::Column::CampaignId.is_in(c()))
        .exec(txn)
        .await?;
    block::Entity::delete_many()
        .filter(block::Column::CampaignId.is_in(c()))
        .exec(txn)
        .await?;

    target::Entity::delete_many()
        .filter(target::Column::CampaignId.is_in(c()))
        .exec(txn)
        .await?;
    commendation::Entity::delete_many()
        .filter(commendation::Column::CampaignId.is_in(c()))
        .exec(txn)
        .await?;
    display_token::Entity::delete_many()
        .filter(display_token::Column::CampaignId.is_in(c()))
        .exec(txn)
        .await?;
    user_role::Entity::delete_many()
        .filter(user_role::Column::CampaignId.is_in(c()))
        .exec(txn)
        .await?;
    campaign::Entity::delete_many()
        .filter(campaign::Column::Id.is_in(c()))
        .exec(txn)
        .await?;
    Ok(())
}

/// Deletes the demo users with their roles, notifications and sessions.
/// A demo user that real data refers to (someone tried the demo admin on a
/// real campaign) cannot go without breaking a foreign key: it stays,
/// inactive, signed out and with no unit, and the new seed takes it up
/// again under the same name.
async fn delete_demo_users(txn: &DatabaseTransaction) -> Result<()> {
    let users = ids(
        txn,
        user::Entity::find().filter(user::Column::IsDemo.eq(true)),
        user::Column::Id,
    )
    .await?;
    let u = || users.iter().copied();
    notification::Entity::delete_many()
        .filter(notification::Column::UserId.is_in(u()))
        .exec(txn)
        .await?;
    user_role::Entity::delete_many()
        .filter(user_role::Column::UserId.is_in(u()))
        .exec(txn)
        .await?;
    crate::sessions::delete_for_users(txn, &users).await?;

    let kept = referenced(txn, &users).await?;
    let k = || kept.iter().copied();
    user::Entity::update_many()
        .col_expr(user::Column::UnitId, Expr::value(Option::<i64>::None))
        .col_expr(user::Column::IsActive, Expr::value(false))
        .col_expr(user::Column::SessionEpoch, Expr::col(user::Column::SessionEpoch).add(1))
        .filter(user::Column::Id.is_in(k()))
        .exec(txn)
        .await?;
    user::Entity::delete_many()
        .filter(user::Column::Id.is_in(u()))
        .filter(user::Column::Id.is_not_in(k()))
        .exec(txn)
        .await?;
    Ok(())
}

/// Those of `users` that some row still refers to. Run after the demo
/// campaign and accidents are gone, so what is left is real data.
async fn referenced(txn: &DatabaseTransaction, users: &[i64]) -> Result<HashSet<i64>> {
    let mut found = HashSet::new();
    macro_rules! refs {
        ($($table:ident :: $col:ident),+ $(,)?) => {$(
            let query = $table::Entity::find().filter($table::Column::$col.is_in(users.iter().copied()));
            found.extend(ids(txn, query, $table::Column::$col).await?);
        )+};
    }
    // Every column with a foreign key to `users` but the two cleared above.
    refs!(
        display_token::CreatedBy,
        registration::ConfirmedBy,
        extension::GrantedBy,
        report::SubmittedBy,
        report::ApprovedBy,
        evidence::UploadedBy,
        report_event::ActorId,
        accident::CreatedBy,
        award_decision::CreatedBy,
        objection::AnsweredBy,
    );
    Ok(found)
}

/// Deletes the demo's committees with their units and baselines, and then
/// their parent committees, but only those that nothing else uses: a real
/// campaign or a real accident keeps its committee and all it holds.
async fn delete_committees(txn: &DatabaseTransaction, mut candidates: Vec<i64>) -> Result<()> {
    let mut i = 0;
    while i < candidates.len() {
        if let Some(c) = committee::Entity::find_by_id(candidates[i]).one(txn).await?
            && let Some(parent) = c.parent_id.filter(|p| !candidates.contains(p))
        {
            candidates.push(parent);
        }
        i += 1;
    }
    for id in candidates {
        let in_use = campaign::Entity::find()
            .filter(campaign::Column::CommitteeId.eq(id))
            .count(txn)
            .await?
            > 0
            || accident::Entity::find()
                .filter(accident::Column::CommitteeId.eq(id))
                .count(txn)
                .await?
                > 0
            || committee::Entity::find()
                .filter(committee::Column::ParentId.eq(id))
                .count(txn)
                .await?
                > 0;
        if in_use {
            continue;
        }
        baseline::Entity::delete_many()
            .filter(baseline::Column::CommitteeId.eq(id))
            .exec(txn)
            .await?;
        // Units point at each other (areas, nominations): unlink them first
        // rather than work out an order.
        unit::Entity::update_many()
            .col_expr(unit::Column::ParentId, Expr::value(Option::<i64>::None))
            .col_expr(unit::Column::NominatedByUnitId, Expr::value(Option::<i64>::None))
            .filter(unit::Column::CommitteeId.eq(id))
            .exec(txn)
            .await?;
        unit::Entity::delete_many()
            .filter(unit::Column::CommitteeId.eq(id))
            .exec(txn)
            .await?;
        holiday::Entity::delete_many()
            .filter(holiday::Column::CommitteeId.eq(id))
            .exec(txn)
            .await?;
        committee::Entity::delete_many()
            .filter(committee::Column::Id.eq(id))
            .exec(txn)
            .await?;
    }
    Ok(())
}
