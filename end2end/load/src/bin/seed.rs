//! Prepares the load scenario's database: the Plan 114 demo, then UNITS more
//! units (500 by default) spread over the demo's three blocks, each with a
//! reporter and a head (`truong.<reporter>`; the demo's password), a
//! registration confirmed by the administrator, and a draft report for the
//! campaign's last monthly period.
//!
//!     seed <DATABASE_URL> <manifest file> [units]
//!
//! The database must be empty (a fresh file); the manifest gets one line
//! `campaign <id>` and then one line `<username> <report id>` per unit, which
//! the load driver reads. Everything is written through the store's own
//! functions, in one transaction, except the unit rows themselves (the store
//! has no public insert for units: a unit comes with the campaign's setup).

use domain::{PeriodKind, RegistrationStatus, Role, UnitKind};
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};
use std::collections::BTreeMap;
use std::io::Write;
use store::users::{NewUser, RoleGrant};

type Error = Box<dyn std::error::Error>;

#[tokio::main]
async fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(url), Some(manifest)) = (args.get(1), args.get(2)) else {
        return Err("usage: seed <DATABASE_URL> <manifest file> [units]".into());
    };
    let count: usize = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(500);
    let started = std::time::Instant::now();

    let db = store::connect(url).await?;
    store::demo::seed(&db).await?;
    let campaign = store::campaigns::current(&db).await?.ok_or("the demo has no campaign")?;
    let backend = db.get_database_backend();
    let one = |sql: &str, values: Vec<Value>| Statement::from_sql_and_values(backend, sql, values);
    let ph = |n: usize| match backend {
        DbBackend::Postgres => format!("${n}"),
        _ => "?".to_string(),
    };

    let row = db
        .query_one_raw(one(
            &format!("SELECT committee_id FROM campaigns WHERE id = {}", ph(1)),
            vec![campaign.id.into()],
        ))
        .await?
        .ok_or("campaign row")?;
    let committee_id: i64 = row.try_get("", "committee_id")?;
    let district: i64 = db
        .query_one_raw(one(
            &format!("SELECT id FROM units WHERE kind = {}", ph(1)),
            vec![UnitKind::District.code().into()],
        ))
        .await?
        .ok_or("the district unit")?
        .try_get("", "id")?;
    let blocks: Vec<i64> = db
        .query_all_raw(one(
            &format!("SELECT id FROM blocks WHERE campaign_id = {} ORDER BY sort_order", ph(1)),
            vec![campaign.id.into()],
        ))
        .await?
        .iter()
        .map(|r| r.try_get::<i64>("", "id"))
        .collect::<Result<_, _>>()?;
    if blocks.len() < 3 {
        return Err("the demo should have three blocks".into());
    }
    let period = store::periods::list(&db, campaign.id)
        .await?
        .into_iter()
        .filter(|p| p.kind == PeriodKind::Monthly)
        .last()
        .ok_or("no monthly period")?;
    let admin = store::users::by_username(&db, "quantri").await?.ok_or("quantri")?.id;
    let sheet = store::sheets::load(&db, campaign.id).await?;
    // argon2 is slow on purpose: one hash for every account, as the demo does.
    let hash = store::passwords::hash(store::demo::DEMO_PASSWORD)?;

    let txn = store::begin_write(&db).await?;
    let mut lines = vec![format!("campaign {}", campaign.id)];
    for i in 1..=count {
        // A third in each block, with a kind the block's demo units have.
        let (block, kind, prefix) = match i % 3 {
            0 => (blocks[0], UnitKind::Agency, "Phòng thử tải"),
            1 => (blocks[1], UnitKind::MassOrganisation, "Hội thử tải"),
            _ => (blocks[2], UnitKind::Commune, "Xã thử tải"),
        };
        let name = format!("{prefix} {i:03}");
        let parent: Option<i64> = kind.has_territory().then_some(district);
        let sql = format!(
            "INSERT INTO units (committee_id, parent_id, name, short_name, kind) VALUES ({}, {}, {}, {}, {}) RETURNING id",
            ph(1),
            ph(2),
            ph(3),
            ph(4),
            ph(5)
        );
        let unit_id: i64 = txn
            .query_one_raw(one(
                &sql,
                vec![
                    committee_id.into(),
                    parent.into(),
                    name.clone().into(),
                    format!("TT {i:03}").into(),
                    kind.code().into(),
                ],
            ))
            .await?
            .ok_or("inserted unit")?
            .try_get("", "id")?;
        let username = store::demo::slug(&name);
        // The reporter fills the report in; only the head may submit it.
        for (login, display, role) in [
            (username.clone(), format!("Cán bộ đầu mối – {name}"), Role::Reporter),
            (format!("truong.{username}"), format!("Lãnh đạo – {name}"), Role::UnitHead),
        ] {
            store::users::create(
                &txn,
                NewUser {
                    username: login,
                    display_name: display,
                    email: None,
                    unit_id: Some(unit_id),
                    // The store takes the unit's committee.
                    committee_id: None,
                    password_hash: hash.clone(),
                    roles: vec![RoleGrant {
                        role,
                        campaign_id: Some(campaign.id),
                    }],
                    is_demo: true,
                },
            )
            .await?;
        }
        let pledges: BTreeMap<_, _> = domain::activities_for(&sheet, kind)
            .into_iter()
            .map(|a| (a, 12))
            .collect();
        store::registrations::save(&txn, campaign.id, unit_id, block, &pledges, RegistrationStatus::Pending).await?;
        store::registrations::confirm(&txn, campaign.id, unit_id, admin).await?;
        let (report_id, _) = store::reports::start(&txn, campaign.id, period.id, unit_id).await?;
        lines.push(format!("{username} {report_id}"));
    }
    txn.commit().await?;

    let mut f = std::fs::File::create(manifest)?;
    for l in &lines {
        writeln!(f, "{l}")?;
    }
    println!(
        "seeded the demo and {count} units (reporters, confirmed registrations, drafts for {}) in {:.1} s",
        period.name,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
