//! The demo's accounts, one for each role of the plan, and a token for the
//! meeting-room screen. All share one password, [`super::DEMO_PASSWORD`],
//! hashed once per seed: argon2 is slow on purpose, and 57 hashes of the
//! same known password would only make the seed slow.

use super::setup::Seeded;
use super::{DEMO_DISPLAY_TOKEN, DEMO_PASSWORD};
use crate::demo_data as data;
use crate::entities::user;
use crate::users::{self, NewUser, RoleGrant};
use crate::{Result, display_tokens, passwords};
use domain::{Id, Role};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};

const DISPLAY_NAME: &str = "Màn hình phòng họp";

struct Account {
    username: String,
    display_name: String,
    unit_id: Option<Id>,
    committee_id: Option<Id>,
    roles: Vec<RoleGrant>,
}

/// A user name from a Vietnamese name: lowercase ASCII, diacritics dropped
/// (đ → d), words joined by `-`: "Xã Long Hưng" → `xa-long-hung`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.to_lowercase().chars() {
        // Combining marks, should the text come decomposed (NFD).
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        let c = base_letter(c);
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            out.push(c);
            gap = false;
        } else {
            gap = true;
        }
    }
    out
}

/// The letter without its Vietnamese marks; any other character as it is.
fn base_letter(c: char) -> char {
    const LETTERS: [(char, &str); 7] = [
        ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
        ('e', "èéẻẽẹêềếểễệ"),
        ('i', "ìíỉĩị"),
        ('o', "òóỏõọôồốổỗộơờớởỡợ"),
        ('u', "ùúủũụưừứửữự"),
        ('y', "ỳýỷỹỵ"),
        ('d', "đ"),
    ];
    LETTERS
        .iter()
        .find(|(_, marked)| marked.contains(c))
        .map_or(c, |(base, _)| *base)
}

fn accounts(seeded: &Seeded) -> Vec<Account> {
    let in_demo = |role| RoleGrant {
        role,
        campaign_id: Some(seeded.campaign_id),
    };
    let staff = |username: &str, display_name: &str, role| Account {
        username: username.into(),
        display_name: display_name.into(),
        unit_id: None,
        committee_id: Some(seeded.committee_id),
        roles: vec![role],
    };
    let global_admin = RoleGrant {
        role: Role::Admin,
        campaign_id: None,
    };
    let mut list = vec![
        Account {
            committee_id: None,
            ..staff("quantri", "Quản trị hệ thống", global_admin)
        },
        staff(
            "thuongtruc",
            "Thường trực Ban ATGT huyện",
            in_demo(Role::StandingOffice),
        ),
        staff(
            "hoidong",
            "Hội đồng Thi đua – Khen thưởng huyện",
            in_demo(Role::Council),
        ),
    ];
    // `seeded.units` follows `BLOCKS`, block by block.
    let names = data::BLOCKS.iter().flat_map(|b| b.units.iter().map(|u| u.name));
    for (unit, name) in seeded.units.iter().zip(names) {
        let slug = slug(name);
        let person = |username: String, display_name: String, role| Account {
            username,
            display_name,
            unit_id: Some(unit.id),
            committee_id: Some(seeded.committee_id),
            roles: vec![in_demo(role)],
        };
        list.push(person(slug.clone(), format!("Cán bộ đầu mối – {name}"), Role::Reporter));
        list.push(person(
            format!("truong.{slug}"),
            format!("Lãnh đạo – {name}"),
            Role::UnitHead,
        ));
    }
    list
}

pub async fn seed(txn: &DatabaseTransaction, seeded: &Seeded) -> Result<()> {
    let hash = passwords::hash(DEMO_PASSWORD)?;
    let mut admin = None;
    for account in accounts(seeded) {
        let is_admin = account.username == "quantri";
        let id = put(txn, account, &hash).await?;
        if is_admin {
            admin = id;
        }
    }
    let token = display_tokens::token_hash(DEMO_DISPLAY_TOKEN);
    display_tokens::create(txn, seeded.campaign_id, DISPLAY_NAME, &token, admin).await?;
    Ok(())
}

/// Creates the account, or takes up the demo user of that name that a reset
/// kept because real data refers to it (see `reset`). A real user who has
/// the name keeps it; the demo then does without that account.
async fn put(txn: &DatabaseTransaction, a: Account, hash: &str) -> Result<Option<Id>> {
    let Some(existing) = users::by_username(txn, &a.username).await? else {
        let new = NewUser {
            username: a.username,
            display_name: a.display_name,
            email: None,
            unit_id: a.unit_id,
            committee_id: a.committee_id,
            password_hash: hash.into(),
            roles: a.roles,
            is_demo: true,
        };
        return users::create(txn, new).await.map(Some);
    };
    if !existing.is_demo {
        tracing::warn!(username = %a.username, "a real user has the name of a demo account; it was not created");
        return Ok(None);
    }
    user::Entity::update_many()
        .col_expr(user::Column::DisplayName, Expr::value(a.display_name))
        .col_expr(user::Column::UnitId, Expr::value(a.unit_id))
        .col_expr(user::Column::CommitteeId, Expr::value(a.committee_id))
        .col_expr(user::Column::IsActive, Expr::value(true))
        .filter(user::Column::Id.eq(existing.id))
        .exec(txn)
        .await?;
    // Also ends any session left from before the reset.
    users::set_password(txn, existing.id, hash).await?;
    users::set_roles(txn, existing.id, a.roles).await?;
    Ok(Some(existing.id))
}
