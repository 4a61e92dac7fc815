//! The police's accident log as its pages show and edit it. Figures on every
//! page are sums over this log (see [`crate::figures`]).

use crate::types::Id;
use crate::validation::{FieldError, check_count};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

/// One accident as the police type it; the time is local (Asia/Ho_Chi_Minh).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccidentInput {
    pub commune_unit_id: Id,
    #[serde(default, with = "minutes")]
    pub occurred_at: Option<NaiveDateTime>,
    pub deaths: i64,
    pub injuries: i64,
    pub drink_driving: bool,
    pub commercial_car: bool,
    /// Particularly serious by the police's judgement, whatever the deaths.
    pub marked_serious: bool,
    pub note: String,
}

/// One stored accident, struck out ones included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccidentRecord {
    pub id: Id,
    pub commune_unit_id: Id,
    pub commune_name: String,
    pub occurred_at: DateTime<Utc>,
    pub deaths: u32,
    pub injuries: u32,
    pub drink_driving: bool,
    pub commercial_car: bool,
    pub marked_serious: bool,
    pub note: String,
    pub is_demo: bool,
    pub deleted_at: Option<DateTime<Utc>>,
    pub delete_reason: Option<String>,
}

impl AccidentRecord {
    /// The value the audit trail writes for this accident.
    pub fn summary(&self) -> String {
        format!(
            "{} · {} · chết {} · bị thương {}{}{}{}",
            self.occurred_at.format("%Y-%m-%dT%H:%MZ"),
            self.commune_name,
            self.deaths,
            self.injuries,
            if self.drink_driving { " · rượu bia" } else { "" },
            if self.commercial_car { " · ô tô KDVT" } else { "" },
            if self.marked_serious { " · ĐBNT" } else { "" },
        )
    }
}

/// A local time as `<input type="datetime-local">` writes it
/// (`2024-09-20T23:30`, seconds optional); empty means not given.
mod minutes {
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&t.format("%Y-%m-%dT%H:%M:%S").to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
        let text = Option::<String>::deserialize(d)?.unwrap_or_default();
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        super::parse_local_time(text)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom("Ngày giờ không hợp lệ"))
    }
}

/// A local time as `<input type="datetime-local">` writes it, seconds optional.
pub fn parse_local_time(text: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(text.trim(), f).ok())
}

/// Notes are short; the log is not a case file.
pub const MAX_NOTE_CHARS: usize = 1000;

/// Checks an accident as typed. `now` is local time: no accident in the future.
pub fn validate_accident_input(input: &AccidentInput, communes: &[Id], now: NaiveDateTime) -> Vec<FieldError> {
    let mut errors: Vec<FieldError> = [
        check_count("deaths", input.deaths),
        check_count("injuries", input.injuries),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !communes.contains(&input.commune_unit_id) {
        errors.push(FieldError::new("commune", "Chọn xã, thị trấn nơi xảy ra tai nạn"));
    }
    match input.occurred_at {
        None => errors.push(FieldError::new("occurred_at", "Nhập ngày giờ xảy ra tai nạn")),
        Some(t) if t > now => errors.push(FieldError::new(
            "occurred_at",
            "Thời điểm xảy ra tai nạn không được ở tương lai",
        )),
        Some(_) => {}
    }
    if input.note.chars().count() > MAX_NOTE_CHARS {
        errors.push(FieldError::new(
            "note",
            format!("Ghi chú dài quá {MAX_NOTE_CHARS} ký tự"),
        ));
    }
    errors
}

/// A reason is required to change or strike out a recorded accident.
pub fn check_reason(reason: &str) -> Option<FieldError> {
    reason
        .trim()
        .is_empty()
        .then(|| FieldError::new("reason", "Cần ghi lý do sửa hoặc xoá"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2024, 8, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn good() -> AccidentInput {
        AccidentInput {
            commune_unit_id: 3,
            occurred_at: Some(at(2, 21)),
            deaths: 1,
            injuries: 2,
            ..Default::default()
        }
    }

    #[test]
    fn a_good_accident_passes() {
        assert!(validate_accident_input(&good(), &[3, 4], at(3, 0)).is_empty());
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = AccidentInput {
            commune_unit_id: 99,
            occurred_at: Some(at(5, 0)),
            deaths: -1,
            injuries: -2,
            note: "x".repeat(MAX_NOTE_CHARS + 1),
            ..good()
        };
        let fields: Vec<String> = validate_accident_input(&bad, &[3], at(3, 0))
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["deaths", "injuries", "commune", "occurred_at", "note"]);
        let none = AccidentInput {
            occurred_at: None,
            ..good()
        };
        assert_eq!(validate_accident_input(&none, &[3], at(3, 0))[0].field, "occurred_at");
    }

    #[test]
    fn times_are_read_as_the_browser_writes_them_and_round_trip() {
        #[derive(serde::Deserialize)]
        struct T {
            #[serde(default, with = "super::minutes")]
            t: Option<NaiveDateTime>,
        }
        let read = |json: &str| serde_json::from_str::<T>(json).map(|t| t.t);
        assert_eq!(read(r#"{"t":"2024-08-02T21:00"}"#).unwrap(), Some(at(2, 21)));
        assert_eq!(read(r#"{"t":"2024-08-02T21:00:00"}"#).unwrap(), Some(at(2, 21)));
        assert_eq!(read(r#"{"t":""}"#).unwrap(), None);
        assert_eq!(read(r#"{}"#).unwrap(), None);
        assert!(read(r#"{"t":"02/08/2024"}"#).is_err());
        let json = serde_json::to_string(&good()).unwrap();
        assert_eq!(serde_json::from_str::<AccidentInput>(&json).unwrap(), good());
    }

    #[test]
    fn a_reason_must_say_something() {
        assert!(check_reason("  ").is_some());
        assert!(check_reason("Nhập nhầm xã").is_none());
    }
}
