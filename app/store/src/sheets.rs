//! A campaign's scoring sheet as the domain's `Sheet`.

use crate::Result;
use crate::entities::{criteria_group, criterion};
use crate::error::{StoreError, code};
use domain::{Activity, Applicability, Criterion, CriterionGroup, Id, ScoringRule, Sheet};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

pub async fn load(db: &impl ConnectionTrait, campaign_id: Id) -> Result<Sheet> {
    let groups = criteria_group::Entity::find()
        .filter(criteria_group::Column::CampaignId.eq(campaign_id))
        .order_by_asc(criteria_group::Column::SortOrder)
        .all(db)
        .await?;
    let group_codes: HashMap<i64, String> = groups.iter().map(|g| (g.id, g.code.clone())).collect();
    let group_order: HashMap<i64, usize> = groups.iter().enumerate().map(|(i, g)| (g.id, i)).collect();
    let mut rows = criterion::Entity::find()
        .filter(criterion::Column::CampaignId.eq(campaign_id))
        .all(db)
        .await?;
    rows.sort_by_key(|c| {
        (
            group_order.get(&c.group_id).copied().unwrap_or(usize::MAX),
            c.sort_order,
            c.id,
        )
    });
    let criteria = rows
        .into_iter()
        .map(|c| {
            Ok(Criterion {
                group_code: group_codes.get(&c.group_id).cloned().unwrap_or_default(),
                rule: code(&c.rule, ScoringRule::from_code, "rule")?,
                applies_to: Applicability::from_code(&c.applies_to)
                    .ok_or_else(|| StoreError::Invalid(format!("applies_to {:?}", c.applies_to)))?,
                activity: c
                    .activity
                    .as_deref()
                    .map(|a| code(a, Activity::from_code, "activity"))
                    .transpose()?,
                code: c.code,
                name: c.name,
                description: c.description,
                max_points: c.max_points,
                evidence_required: c.evidence_required,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let groups = groups
        .into_iter()
        .map(|g| CriterionGroup {
            code: g.code,
            name: g.name,
            task_ref: g.task_ref,
            max_points: g.max_points,
        })
        .collect();
    Ok(Sheet { groups, criteria })
}
