//! Number and date formats as Vietnamese readers expect them
//! (dd/mm/yyyy, decimal comma), with the English variants.

use crate::i18n::Locale;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is
/// exact and keeps the time-zone database out of the browser bundle.
pub fn vietnam(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&FixedOffset::east_opt(7 * 3600).expect("UTC+7 is a valid offset"))
}

/// dd/mm/yyyy HH:MM in Vietnamese time.
pub fn datetime_local(t: DateTime<Utc>) -> String {
    vietnam(t).format("%d/%m/%Y %H:%M").to_string()
}

/// A time of day on Vietnamese time, to the second.
pub fn time_local(t: DateTime<Utc>) -> String {
    vietnam(t).format("%H:%M:%S %d/%m/%Y").to_string()
}

/// dd/mm/yyyy of an instant, in Vietnamese time.
pub fn date_local(t: DateTime<Utc>) -> String {
    vietnam(t).format("%d/%m/%Y").to_string()
}

pub fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A signed change, with a true minus sign for screen readers and print.
pub fn signed(n: i64) -> String {
    match n {
        n if n > 0 => format!("+{n}"),
        n if n < 0 => format!("−{}", -n),
        _ => "0".into(),
    }
}

/// A share in per mille as a percentage with one decimal ("85,2%").
pub fn per_mille(pm: u32, locale: Locale) -> String {
    let sep = if locale == Locale::vi { ',' } else { '.' };
    format!("{}{sep}{}%", pm / 10, pm % 10)
}

/// A signed percentage with one decimal, decimal comma in Vietnamese.
pub fn percent(p: Option<f64>, locale: Locale) -> String {
    let Some(p) = p else { return "—".into() };
    // Half away from zero, as people round by hand (6,25 → 6,3); `{:.1}` alone rounds half to even.
    let body = format!("{:.1}", (p.abs() * 10.0).round() / 10.0);
    let body = if locale == Locale::vi {
        body.replace('.', ",")
    } else {
        body
    };
    let sign = if p > 0.0 {
        "+"
    } else if p < 0.0 {
        "−"
    } else {
        ""
    };
    format!("{sign}{body}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_locale() {
        assert_eq!(date(NaiveDate::from_ymd_opt(2024, 7, 5).unwrap()), "05/07/2024");
        assert_eq!(signed(-3), "−3");
        assert_eq!(signed(2), "+2");
        assert_eq!(percent(Some(-12.345), Locale::vi), "−12,3%");
        assert_eq!(percent(Some(50.0), Locale::en), "+50.0%");
        assert_eq!(percent(None, Locale::vi), "—");
        assert_eq!(percent(Some(6.25), Locale::vi), "+6,3%");
        let t = DateTime::parse_from_rfc3339("2024-07-05T17:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(datetime_local(t), "06/07/2024 00:30");
    }
}

/// Today on Vietnamese time on the server; in the browser, the device's date
/// (the standard library's clock does not exist in wasm).
pub fn today() -> NaiveDate {
    #[cfg(feature = "hydrate")]
    {
        let d = js_sys::Date::new_0();
        NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        vietnam(Utc::now()).date_naive()
    }
}
