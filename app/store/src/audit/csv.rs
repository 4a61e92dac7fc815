//! The audit trail as a CSV file for Excel: RFC 4180 (CRLF line ends,
//! quoted fields), UTF-8 with a byte order mark, which is what makes Excel
//! read Vietnamese as UTF-8 instead of the system code page.

use super::AuditRecord;
use chrono_tz::Asia::Ho_Chi_Minh;

const BOM: &str = "\u{feff}";
const HEADER: [&str; 9] = [
    "Thời gian",
    "Người thực hiện",
    "Hành động",
    "Đối tượng",
    "Mã",
    "Giá trị cũ",
    "Giá trị mới",
    "Lý do",
    "Địa chỉ IP",
];

/// The records as CSV, one line each in the order given, times in
/// Vietnam's local time as people there write them (dd/mm/yyyy HH:MM:SS).
pub fn to_csv(records: &[AuditRecord]) -> String {
    let mut out = String::from(BOM);
    line(&mut out, HEADER.iter().map(|h| h.to_string()));
    for r in records {
        let at = r.at.with_timezone(&Ho_Chi_Minh).format("%d/%m/%Y %H:%M:%S").to_string();
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        line(
            &mut out,
            [
                at,
                r.actor_label.clone(),
                r.action.clone(),
                r.entity.clone(),
                r.entity_id.map(|id| id.to_string()).unwrap_or_default(),
                text(&r.old_value),
                text(&r.new_value),
                text(&r.reason),
                text(&r.ip),
            ]
            .into_iter(),
        );
    }
    out
}

fn line(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(&f));
    }
    out.push_str("\r\n");
}

/// One field, quoted when it must be. A value that Excel would run as a
/// formula (it begins with `=`, `+`, `-`, `@` and is not a number) gets a
/// leading apostrophe: values come from users, and opening the export must
/// not run what one of them typed.
fn field(value: &str) -> String {
    let formula = value.starts_with(['=', '+', '-', '@', '\t', '\r']) && value.trim().parse::<f64>().is_err();
    let value = if formula {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn record() -> AuditRecord {
        AuditRecord {
            id: 1,
            at: Utc.with_ymd_and_hms(2024, 12, 31, 17, 5, 9).unwrap(),
            actor_id: Some(2),
            actor_label: "Thường trực Ban ATGT".into(),
            action: "report.return".into(),
            entity: "report".into(),
            entity_id: Some(42),
            campaign_id: Some(1),
            unit_id: Some(3),
            old_value: Some("submitted".into()),
            new_value: Some("returned".into()),
            reason: Some("Thiếu tài liệu, đề nghị bổ sung \"biên bản\"\nvà hình ảnh".into()),
            ip: None,
        }
    }

    #[test]
    fn bom_header_and_quoted_values() {
        let csv = to_csv(&[record()]);
        assert!(csv.starts_with('\u{feff}'));
        let mut lines = csv.trim_start_matches('\u{feff}').split("\r\n");
        assert_eq!(
            lines.next().unwrap(),
            "Thời gian,Người thực hiện,Hành động,Đối tượng,Mã,Giá trị cũ,Giá trị mới,Lý do,Địa chỉ IP"
        );
        // 17:05 UTC on the 31st is past midnight in Vietnam (UTC+7).
        let expected = "01/01/2025 00:05:09,Thường trực Ban ATGT,report.return,report,42,submitted,returned,\
                        \"Thiếu tài liệu, đề nghị bổ sung \"\"biên bản\"\"\nvà hình ảnh\",\r\n";
        assert!(csv.ends_with(expected), "{csv}");
    }

    #[test]
    fn fields_quote_only_when_needed_and_defuse_formulas() {
        assert_eq!(field("đơn giản"), "đơn giản");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("nói \"có\""), "\"nói \"\"có\"\"\"");
        assert_eq!(field("dòng 1\r\ndòng 2"), "\"dòng 1\r\ndòng 2\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("-2.5"), "-2.5");
        assert_eq!(field(""), "");
    }

    #[test]
    fn an_empty_trail_is_just_the_header() {
        assert_eq!(to_csv(&[]).matches("\r\n").count(), 1);
    }
}
