//! The crash test's reports: which it saves and submits, and what each
//! request got back.

use domain::{Activity, Role, ScoringRule};
use sea_orm::DatabaseConnection;

/// A report the test saves again and again, then submits.
#[derive(Clone, Debug)]
pub struct Target {
    pub report_id: i64,
    /// Index of the unit's reporter among the signed-in personas, who
    /// saves; its head, who alone may submit, is the next one.
    pub reporter: usize,
    pub head_id: i64,
    /// The version before the run.
    pub version: i32,
    /// The self-scored criteria that apply to the unit.
    pub lines: Vec<String>,
    pub activity: Activity,
}

impl Target {
    /// The number the k-th save (from 0) of the i-th target carries: unique,
    /// and never a figure the demo could hold already (a save that repeats
    /// the stored figure would leave it out of its audit line).
    pub fn n(i: usize, k: i64) -> i64 {
        1_000_000 + i as i64 * 1_000 + k
    }

    pub fn save_form(&self, version: i32, n: i64) -> String {
        let mut f = format!("report_id={}&version={version}", self.report_id);
        for (i, code) in self.lines.iter().enumerate() {
            // Zero points need no evidence, so the report may be submitted after.
            f += &format!("&lines[{i}][code]={code}&lines[{i}][score]=0&lines[{i}][explanation]=crash-{n}");
        }
        f + &format!(
            "&activities[0][activity]={}&activities[0][value]={n}",
            self.activity.code()
        )
    }
}

/// What one request got back before the server died.
#[derive(Debug)]
pub struct Answer {
    pub report_id: i64,
    /// The save's number; `None` for the submission.
    pub n: Option<i64>,
    pub status: u16,
    pub body: String,
}

impl Answer {
    /// The version a 200 answer gave.
    pub fn version(&self) -> Option<i32> {
        (self.status == 200).then(|| self.body.trim().parse().ok()).flatten()
    }
}

/// Every editable report of every unit with a reporter, and the usernames
/// of those units' reporters and heads.
pub async fn targets(db: &DatabaseConnection) -> (Vec<Target>, Vec<String>) {
    let mut targets = Vec::new();
    let mut usernames = Vec::new();
    let users = store::users::list(db).await.unwrap();
    for u in users
        .iter()
        .filter(|u| u.roles.iter().any(|g| g.role == Role::Reporter))
    {
        let Some(unit) = u.unit_id else { continue };
        let head = users
            .iter()
            .find(|h| h.unit_id == Some(unit) && h.roles.iter().any(|g| g.role == Role::UnitHead))
            .expect("each demo unit has a head");
        let mut mine = Vec::new();
        for r in store::reports::list_for_unit(db, unit).await.unwrap() {
            if !domain::is_editable_by_unit(r.status) {
                continue;
            }
            let view = store::reports::get(db, r.id).await.unwrap().unwrap();
            // People reached alone would need propaganda sessions beside it.
            let Some(a) = view.activities.iter().find(|a| a.activity != Activity::PeopleReached) else {
                continue;
            };
            let lines: Vec<String> = view
                .lines
                .iter()
                .filter(|l| l.rule == ScoringRule::SelfScored)
                .map(|l| l.code.clone())
                .collect();
            assert!(!lines.is_empty(), "report {} has self-scored lines", r.id);
            mine.push(Target {
                report_id: r.id,
                reporter: usernames.len(),
                head_id: head.id,
                version: view.version,
                lines,
                activity: a.activity,
            });
        }
        if !mine.is_empty() {
            usernames.extend([u.username.clone(), head.username.clone()]);
            targets.extend(mine);
        }
    }
    (targets, usernames)
}
