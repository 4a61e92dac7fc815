//! Invented accident figures: the 2024 accidents one by one, and the 2023
//! baseline as monthly totals per commune, drawn a little higher so that
//! most targets are met but not all (the one particularly serious accident
//! of 2024 misses the "none" target, as it should in a believable demo).

use super::rng::Rng;
use super::setup::Seeded;
use super::{insert_all, utc_of};
use crate::Result;
use crate::demo_data::{self as data, ACCIDENT_NOTES, ACCIDENT_WEIGHTS, SERIOUS_ACCIDENT};
use crate::entities::{accident, baseline};
use crate::time::local;
use chrono::Days;
use domain::{PeriodRule, month_bounds};
use sea_orm::{ActiveValue::Set, DatabaseTransaction};

/// One accident as drawn, before it becomes a row or a baseline total.
struct Drawn {
    territory: usize,
    deaths: i32,
    injuries: i32,
    drink_driving: bool,
    commercial_car: bool,
}

/// The odds of one year: accidents a month (lowest, highest) and the
/// percentages of drink-driving and commercial-car accidents.
struct Odds {
    per_month: (i64, i64),
    drink_driving: u64,
    commercial_car: u64,
}

const YEAR_2024: Odds = Odds {
    per_month: (3, 8),
    drink_driving: 14,
    commercial_car: 7,
};
const YEAR_2023: Odds = Odds {
    per_month: (4, 9),
    drink_driving: 20,
    commercial_car: 10,
};

fn draw(rng: &mut Rng, odds: &Odds) -> Drawn {
    // Deaths stay under the threshold of 3: the only particularly serious
    // accident is the one placed by hand.
    let deaths = [0, 1, 2][rng.weighted(&[55, 35, 10])];
    let injuries = if deaths == 0 { rng.range(1, 3) } else { rng.range(0, 2) } as i32;
    Drawn {
        territory: rng.weighted(&ACCIDENT_WEIGHTS),
        deaths,
        injuries,
        drink_driving: rng.chance(odds.drink_driving),
        commercial_car: rng.chance(odds.commercial_car),
    }
}

pub async fn seed(txn: &DatabaseTransaction, rng: &mut Rng, seeded: &Seeded) -> Result<()> {
    let mut rows = Vec::new();
    for month in 1..=12 {
        let (from, to) = month_bounds(2024, month, PeriodRule::GovernmentMonth);
        let days = (to - from).num_days();
        for _ in 0..rng.range(YEAR_2024.per_month.0, YEAR_2024.per_month.1) {
            let a = draw(rng, &YEAR_2024);
            let day = from + Days::new(rng.range(0, days) as u64);
            let at = day
                .and_hms_opt(rng.range(5, 22) as u32, rng.range(0, 59) as u32, 0)
                .expect("valid time");
            let note = ACCIDENT_NOTES[rng.range(0, ACCIDENT_NOTES.len() as i64 - 1) as usize];
            rows.push(row(seeded, &a, utc_of(at), note));
        }
    }
    let s = &SERIOUS_ACCIDENT;
    let serious = Drawn {
        territory: s.territory,
        deaths: s.deaths,
        injuries: s.injuries,
        drink_driving: false,
        commercial_car: true,
    };
    let (y, m, d, h, min) = s.local;
    rows.push(row(seeded, &serious, local(y, m, d, h, min), data::SERIOUS_NOTE));
    insert_all(txn, rows).await?;

    insert_all(txn, baselines(rng, seeded)).await
}

fn row(seeded: &Seeded, a: &Drawn, at: chrono::DateTime<chrono::Utc>, note: &str) -> accident::ActiveModel {
    accident::ActiveModel {
        committee_id: Set(seeded.committee_id),
        commune_unit_id: Set(seeded.territories[a.territory]),
        occurred_at: Set(at),
        deaths: Set(a.deaths),
        injuries: Set(a.injuries),
        drink_driving: Set(a.drink_driving),
        commercial_car: Set(a.commercial_car),
        marked_serious: Set(false),
        note: Set(note.into()),
        is_demo: Set(true),
        created_by: Set(None),
        deleted_at: Set(None),
        delete_reason: Set(None),
        ..Default::default()
    }
}

/// Monthly totals of the baseline year for every commune and month, zeros
/// included: a month without accidents is a figure too.
fn baselines(rng: &mut Rng, seeded: &Seeded) -> Vec<baseline::ActiveModel> {
    let n = seeded.territories.len();
    let mut rows = Vec::new();
    for month in 1..=12 {
        let mut totals = vec![[0i32; 5]; n];
        for _ in 0..rng.range(YEAR_2023.per_month.0, YEAR_2023.per_month.1) {
            let a = draw(rng, &YEAR_2023);
            let t = &mut totals[a.territory];
            t[0] += 1;
            t[1] += a.deaths;
            t[2] += a.injuries;
            t[3] += a.drink_driving as i32;
            t[4] += a.commercial_car as i32;
        }
        for (i, t) in totals.iter().enumerate() {
            rows.push(baseline::ActiveModel {
                committee_id: Set(seeded.committee_id),
                commune_unit_id: Set(seeded.territories[i]),
                year: Set(data::BASELINE_YEAR),
                month: Set(month),
                accidents: Set(t[0]),
                deaths: Set(t[1]),
                injuries: Set(t[2]),
                drink_driving: Set(t[3]),
                particularly_serious: Set(0),
                commercial_car: Set(t[4]),
                ..Default::default()
            });
        }
    }
    rows
}
