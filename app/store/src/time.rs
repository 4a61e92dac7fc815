//! Local time of the plan (Asia/Ho_Chi_Minh) against the UTC the database
//! keeps. Vietnam has had no daylight saving time since 1975, so every local
//! time exists exactly once; `earliest` only guards against older history.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Asia::Ho_Chi_Minh;

pub(crate) fn local_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    Ho_Chi_Minh
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local))
}

/// The instant a local day begins.
pub(crate) fn local_midnight(d: NaiveDate) -> DateTime<Utc> {
    local_to_utc(d.and_hms_opt(0, 0, 0).expect("midnight exists"))
}

/// A local date and time given as numbers; panics on an impossible one, so
/// only for constants.
pub(crate) fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    let date = NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
    local_to_utc(date.and_hms_opt(h, min, 0).expect("valid time"))
}

/// A stored instant as the committee's wall time.
pub(crate) fn utc_to_local(t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(&Ho_Chi_Minh).naive_local()
}
