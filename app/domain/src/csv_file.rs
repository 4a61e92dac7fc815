//! What every CSV import reads the same way: a UTF-8 file as spreadsheets
//! write it (an optional byte-order mark, quoting, spaces around values),
//! its header checked, its data lines numbered as the office sees them.

use crate::baseline_import::RowError;

/// The data lines of `text` (blank ones left out), each with its line
/// number (the header is line 1) and its fields, or why it cannot be read;
/// or the header's error.
pub(crate) fn data_lines(
    text: &str,
    header: &[&str],
) -> Result<Vec<(usize, Result<csv::StringRecord, RowError>)>, Vec<RowError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    match records.next() {
        Some(Ok(h)) if h.iter().map(normalise).eq(header.iter().map(|s| s.to_string())) => {}
        _ => {
            return Err(vec![RowError {
                line: 1,
                message: format!("Dòng tiêu đề phải là: {}", header.join(",")),
            }]);
        }
    }
    Ok(records
        .enumerate()
        .map(|(i, r)| {
            let line = i + 2;
            let r = r.map_err(|_| RowError {
                line,
                message: "Dòng không đọc được (sai định dạng CSV hoặc mã ký tự không phải UTF-8)".into(),
            });
            (line, r)
        })
        .filter(|(_, r)| !r.as_ref().is_ok_and(|r| r.iter().all(str::is_empty)))
        .collect())
}

/// The error of a file with a header and nothing under it.
pub(crate) fn no_lines(what: &str) -> RowError {
    RowError {
        line: 2,
        message: format!("Tệp không có dòng {what} nào"),
    }
}

/// Spaces tidied and lower case: how names and headers are compared.
pub(crate) fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}
