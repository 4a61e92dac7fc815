//! Evidence (tài liệu kiểm chứng): photos, PDFs, office documents and links
//! attached to a report's criterion. Files are recognised by their content,
//! never by their name.

use crate::types::{Id, coded_enum};
use crate::validation::FieldError;
use serde::{Deserialize, Serialize};

coded_enum! {
    EvidenceKind {
        File = "file",
        Link = "link",
    }
}

/// One piece of evidence as the report page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceItem {
    pub id: Id,
    pub criterion_code: String,
    pub kind: EvidenceKind,
    /// The file's name as uploaded (shown only, never used as a path), or the link's address.
    pub name: String,
    pub mime: Option<String>,
    pub size_bytes: Option<i64>,
}

/// A phone photo is a few MB; a scanned PDF rarely more than ten.
pub const MAX_EVIDENCE_BYTES: usize = 10 * 1024 * 1024;
/// Each criterion's evidence is a handful of files, not an archive.
pub const MAX_EVIDENCE_PER_CRITERION: usize = 20;

/// The types a unit may upload, by the content type sniffed from the bytes.
pub const ALLOWED_MIME: &[(&str, &str)] = &[
    ("image/jpeg", "jpg"),
    ("image/png", "png"),
    ("image/webp", "webp"),
    ("image/heif", "heif"),
    ("application/pdf", "pdf"),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
    ("application/msword", "doc"),
    ("application/vnd.ms-excel", "xls"),
];

/// The stored extension of an allowed type.
pub fn allowed_extension(mime: &str) -> Option<&'static str> {
    ALLOWED_MIME.iter().find(|(m, _)| *m == mime).map(|(_, e)| *e)
}

pub fn type_error() -> FieldError {
    FieldError::new(
        "file",
        "Chỉ nhận ảnh (JPEG, PNG, WebP, HEIF), PDF, Word hoặc Excel; nội dung tệp không đúng loại này",
    )
}

pub fn size_error() -> FieldError {
    FieldError::new("file", format!("Tệp lớn quá {} MB", MAX_EVIDENCE_BYTES / 1024 / 1024))
}

/// A link to evidence kept elsewhere (a news page, a shared folder).
pub fn validate_link(url: &str) -> Option<FieldError> {
    let url = url.trim();
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() <= 2000
        && url.len() > "https://".len()
        && !url.chars().any(char::is_whitespace);
    (!ok).then(|| {
        FieldError::new(
            "link",
            "Đường dẫn phải bắt đầu bằng http:// hoặc https:// và không có dấu cách",
        )
    })
}

/// A file name fit to show and to offer on download: no folders, no control
/// characters, not too long.
pub fn display_name(original: &str) -> String {
    let base = original.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(120)
        .collect();
    if clean.trim().is_empty() {
        "tep".into()
    } else {
        clean.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn links_must_be_web_addresses() {
        assert!(validate_link("https://soctrang.gov.vn/tin-tuc/123").is_none());
        assert!(validate_link("javascript:alert(1)").is_some());
        assert!(validate_link("https://").is_some());
        assert!(validate_link("https://a b").is_some());
        assert!(validate_link("file:///etc/passwd").is_some());
    }

    #[test]
    fn only_listed_types_are_allowed() {
        assert_eq!(allowed_extension("application/pdf"), Some("pdf"));
        assert_eq!(allowed_extension("text/html"), None);
        assert_eq!(allowed_extension("application/x-msdownload"), None);
    }

    proptest! {
        #[test]
        fn a_display_name_has_no_folder_and_no_control_character(s in "\\PC{0,300}") {
            let n = display_name(&s);
            prop_assert!(!n.contains('/') && !n.contains('\\') && !n.contains('"'));
            prop_assert!(!n.chars().any(char::is_control));
            prop_assert!(!n.is_empty() && n.chars().count() <= 120);
        }
    }
}
