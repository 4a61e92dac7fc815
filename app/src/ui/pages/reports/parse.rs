//! Numbers as people type them into the report form.

/// "2,5" and "2.5" are the same score; blank is no score; anything else
/// is kept as not-a-number for the rules to name.
pub fn parse_score(text: &str) -> Option<f64> {
    let t = text.trim().replace(',', ".");
    (!t.is_empty()).then(|| t.parse::<f64>().unwrap_or(f64::NAN))
}

/// A count as people type it: "1.200" and "1 200" are one thousand two
/// hundred; blank is no figure; `Err` for anything that is not a whole number.
pub fn parse_count(text: &str) -> Result<Option<i64>, ()> {
    let t: String = text.chars().filter(|c| !c.is_whitespace() && *c != '.').collect();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<i64>().map(Some).map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::{parse_count, parse_score};

    #[test]
    fn counts_read_with_thousands_grouped_or_not() {
        assert_eq!(parse_count("1.200"), Ok(Some(1200)));
        assert_eq!(parse_count(" 1 200 "), Ok(Some(1200)));
        assert_eq!(parse_count("-3"), Ok(Some(-3)));
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count("2,5"), Err(()));
        assert_eq!(parse_count("mười"), Err(()));
    }

    #[test]
    fn scores_read_with_a_comma_or_a_point() {
        assert_eq!(parse_score("2,5"), Some(2.5));
        assert_eq!(parse_score(" 3 "), Some(3.0));
        assert_eq!(parse_score(""), None);
        assert!(parse_score("hai").unwrap().is_nan());
    }
}
