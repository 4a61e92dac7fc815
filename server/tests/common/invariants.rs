//! Invariants of the reports that hold after any sequence of whole
//! (committed or rolled back) changes, checked over every report in the
//! database: a crash or a race that leaves half a change behind breaks one.
//! Declare with `#[path = "common/invariants.rs"] mod invariants;`.

#![allow(dead_code)]

use domain::ReportStatus;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

/// What holds for every report after any number of whole changes: each
/// version step has its history row or its audit line, every step someone
/// took is audited, the status is where the history leads, a report under
/// review has its submission time, and no line or figure is stored twice.
pub async fn check_invariants(db: &DatabaseConnection, label: &str, when: &str) {
    // A report opened from the to-do list starts at version 1 with no history
    // row (its opening is audited instead); the demo's have one for their draft.
    let sql = "SELECT r.id, CAST(r.version AS BIGINT), \
         CAST((SELECT COUNT(*) FROM report_events e WHERE e.report_id = r.id) \
              + CASE WHEN EXISTS (SELECT 1 FROM report_events e WHERE e.report_id = r.id \
                                  AND e.from_status IS NULL) THEN 0 ELSE 1 END AS BIGINT), \
         CAST((SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'report' AND a.entity_id = r.id \
               AND a.action IN ('self_scores_saved', 'reviewed_score_set')) AS BIGINT), \
         CAST((SELECT COUNT(*) FROM report_events e WHERE e.report_id = r.id AND e.actor_id IS NOT NULL) AS BIGINT), \
         CAST((SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'report' AND a.entity_id = r.id \
               AND a.action IN ('report_save', 'report_submit', 'report_return', 'report_approve', 'report_reopen')) AS BIGINT), \
         r.status, \
         (SELECT e.to_status FROM report_events e WHERE e.report_id = r.id ORDER BY e.id DESC LIMIT 1), \
         CAST(CASE WHEN r.submitted_at IS NULL THEN 0 ELSE 1 END AS BIGINT) \
         FROM reports r ORDER BY r.id";
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap();
    assert!(!rows.is_empty(), "[{label}] {when}: no report to check");
    for row in rows {
        let n = |i| row.try_get_by_index::<i64>(i).unwrap();
        let (id, version, events, edits, steps, step_audits) = (n(0), n(1), n(2), n(3), n(4), n(5));
        let status: String = row.try_get_by_index(6).unwrap();
        let last: Option<String> = row.try_get_by_index(7).unwrap();
        let at = format!("[{label}] {when}: report {id} ({status})");
        assert_eq!(
            version,
            events + edits,
            "{at}: a version step without its history row or audit line"
        );
        assert_eq!(steps, step_audits, "{at}: a workflow step without its audit line");
        let last = last.unwrap_or_else(|| ReportStatus::Draft.code().to_string());
        assert_eq!(last, status, "{at}: the status is not where its history leads");
        let status = ReportStatus::from_code(&status).expect("a known status");
        if domain::awaits_review(status) {
            assert_eq!(n(8), 1, "{at}: under review without its submission time");
        }
    }
    for sql in [
        "SELECT COUNT(*) FROM (SELECT report_id FROM report_scores GROUP BY report_id, criterion_id HAVING COUNT(*) > 1) d",
        "SELECT COUNT(*) FROM (SELECT report_id FROM report_activities GROUP BY report_id, activity HAVING COUNT(*) > 1) d",
    ] {
        assert_eq!(store::testing::scalar(db, sql).await, 0, "[{label}] {when}: {sql}");
    }
}
