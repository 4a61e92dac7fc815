//! The demo: Plan 114 of Mỹ Tú district with its 27 units, invented
//! accident figures and reports in every state of the workflow, so that
//! every page has something true-looking to show on first start.
//!
//! Everything is generated from fixed seeds, so two seeds give the same
//! rows (ids aside, and the password hash, whose salt is random).

mod accidents;
mod accounts;
mod reports;
mod reset;
mod rng;
mod setup;

use crate::entities::{campaign, committee};
use crate::{Result, StoreError, begin_write, time::local_to_utc};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, PaginatorTrait};

pub use accounts::slug;

/// The password of every demo account. Public on purpose: the demo is for
/// trying the program, and its accounts hold no real data.
pub const DEMO_PASSWORD: &str = "thidua-demo-2024";
/// The raw token of the demo's meeting-room screen; only its hash is stored.
pub const DEMO_DISPLAY_TOKEN: &str = "demo-phong-hop";

/// True when there is no committee and no campaign: nothing a demo could
/// collide with. Users do not count, so that an administrator created on
/// first start does not keep the demo out.
pub async fn is_empty(db: &impl ConnectionTrait) -> Result<bool> {
    Ok(committee::Entity::find().count(db).await? == 0 && campaign::Entity::find().count(db).await? == 0)
}

/// Loads the demo into an empty database, in one transaction: all of it or
/// nothing. Refused with [`StoreError::Conflict`] when the database is not
/// empty, so the demo never mixes into real data by accident; use
/// [`reset`] to replace an existing demo.
pub async fn seed(db: &DatabaseConnection) -> Result<()> {
    let txn = begin_write(db).await?;
    if !is_empty(&txn).await? {
        return Err(StoreError::Conflict(
            "the database is not empty; the demo was not loaded".into(),
        ));
    }
    seed_in(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Deletes the demo data (the demo campaign and everything under it, the
/// demo accidents and users with their sessions, and the committees and
/// units only the demo uses), then seeds it afresh, in one transaction.
/// Real data is left alone, and so is the audit trail, which is never
/// deleted. A demo committee that real data has come to use (a real
/// campaign or accident) is kept with its units; the new demo then gets
/// committees of its own. So is a demo user that real data refers to; the
/// new demo takes it up again under its name.
pub async fn reset(db: &DatabaseConnection) -> Result<()> {
    let txn = begin_write(db).await?;
    reset::delete_demo(&txn).await?;
    seed_in(&txn).await?;
    txn.commit().await?;
    Ok(())
}

async fn seed_in(txn: &DatabaseTransaction) -> Result<()> {
    // One generator per part, so that changing one part leaves the others
    // exactly as they were.
    let seeded = setup::frame(txn, &mut rng::Rng::new(114)).await?;
    accidents::seed(txn, &mut rng::Rng::new(2024), &seeded).await?;
    reports::seed(txn, &mut rng::Rng::new(7), &seeded).await?;
    accounts::seed(txn, &seeded).await?;
    publish(txn, seeded.campaign_id).await
}

/// The standing office published the official ranking through the last
/// month closed at the demo's moment.
async fn publish(txn: &DatabaseTransaction, campaign_id: i64) -> Result<()> {
    let input = crate::standings::input(txn, campaign_id, demo_now()).await?;
    let (through, table, breakdowns) = domain::publication(&input).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let at = utc_of(demo_now());
    crate::publications::publish(txn, campaign_id, &through, &table, &breakdowns, None, at).await?;
    Ok(())
}

/// The moment the demo pretends it is (local time): mid-December 2024,
/// with the last monthly report still open.
fn demo_now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2024, 12, 16)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("valid")
}

fn utc_of(local: NaiveDateTime) -> DateTime<Utc> {
    local_to_utc(local)
}

pub(crate) use crate::db::insert_all;
