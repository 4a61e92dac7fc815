//! Registration (đăng ký thi đua): a unit's staff join the current campaign
//! with their pledges, the head confirms. Only a unit's own staff reach it.

use super::ApiError;
use domain::{ActivityEntry, Id, RegistrationStatus, RegistrationView};
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {super::access::authorize, leptos::server_fn::ServerFn};

/// The caller's unit's registration in the current campaign (`None` when no
/// campaign is open), with the blocks and the activities it pledges.
#[server(endpoint = "registration/mine")]
pub async fn my_registration() -> Result<Option<RegistrationView>, ApiError> {
    let caller = authorize(MyRegistration::PATH).await?;
    let unit_id = caller.own_unit()?;
    let db = super::server::db()?;
    let Some(campaign) = super::server::current_campaign(&db).await? else {
        return Ok(None);
    };
    Ok(Some(store::registrations::view(&db, campaign.id, unit_id).await?))
}

/// Registers the caller's unit (or changes its registration) with a pledge
/// for every activity it reports; the head confirms it next.
#[server(endpoint = "registration/save")]
pub async fn save_registration(
    block_id: Id,
    // An empty list does not survive form encoding: a unit may report no activity.
    #[server(default)] pledges: Vec<ActivityEntry>,
) -> Result<RegistrationStatus, ApiError> {
    let caller = authorize(SaveRegistration::PATH).await?;
    let me = caller.signed_in()?;
    let unit_id = caller.own_unit()?;
    let status = domain::register(&me.roles).map_err(|e| ApiError::Invalid(e.to_string()).respond())?;
    let db = super::server::db()?;
    let campaign = super::server::current_campaign(&db)
        .await?
        .ok_or_else(|| ApiError::Invalid("Chưa có phong trào thi đua nào đang mở.".into()).respond())?;
    let view = store::registrations::view(&db, campaign.id, unit_id).await?;
    let activities: Vec<_> = view.pledges.iter().map(|(a, _)| *a).collect();
    let given: std::collections::BTreeMap<_, _> = pledges
        .iter()
        .filter_map(|e| e.value.map(|v| (e.activity, v)))
        .collect();
    let mut errors = domain::validate_pledges(&activities, &given);
    if !store::registrations::block_in_campaign(&db, campaign.id, block_id).await? {
        errors.push(domain::FieldError::new("block", "Chọn khối thi đua của phong trào"));
    }
    if !errors.is_empty() {
        return Err(ApiError::Fields(errors).respond());
    }
    let txn = store::begin_write(&db).await?;
    let (id, before) = store::registrations::save(&txn, campaign.id, unit_id, block_id, &given, status).await?;
    let show = |m: &std::collections::BTreeMap<domain::Activity, i64>| {
        m.iter()
            .map(|(a, v)| format!("{}: {v}", a.code()))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut e = caller.audit("registration_saved", "registration", Some(id));
    e.campaign_id = Some(campaign.id);
    e.unit_id = Some(unit_id);
    e.old_value = view.status.map(|_| show(&before));
    e.new_value = Some(format!("{}; khối {block_id}; {}", status.code(), show(&given)));
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    super::server::changed(campaign.id);
    Ok(status)
}

/// The unit head's confirmation of the unit's pending registration.
#[server(endpoint = "registration/confirm")]
pub async fn confirm_registration() -> Result<RegistrationStatus, ApiError> {
    let caller = authorize(ConfirmRegistration::PATH).await?;
    let me = caller.signed_in()?;
    let unit_id = caller.own_unit()?;
    let db = super::server::db()?;
    let campaign = super::server::current_campaign(&db)
        .await?
        .ok_or_else(|| ApiError::NotFound.respond())?;
    let current = store::registrations::status_of(&db, campaign.id, unit_id).await?;
    let next = domain::confirm(current, &me.roles).map_err(|e| {
        let forbidden = matches!(e, domain::RegistrationError::NotHead);
        if forbidden {
            ApiError::Forbidden
        } else {
            ApiError::Invalid(e.to_string())
        }
        .respond()
    })?;
    let txn = store::begin_write(&db).await?;
    let id = store::registrations::confirm(&txn, campaign.id, unit_id, me.user_id)
        .await
        .map_err(|e| ApiError::from(e).respond())?;
    let mut e = caller.audit("registration_confirmed", "registration", Some(id));
    e.campaign_id = Some(campaign.id);
    e.unit_id = Some(unit_id);
    e.old_value = current.map(|s| s.code().to_string());
    e.new_value = Some(next.code().into());
    store::audit::record(&txn, e).await?;
    txn.commit().await.map_err(store::StoreError::from)?;
    super::server::changed(campaign.id);
    Ok(next)
}
