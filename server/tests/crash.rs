//! Crash safety (issue 8): the real server is killed with SIGKILL while many
//! report saves and submissions are in flight, restarted on the same
//! database, and then every change it answered as saved must be there and
//! whole, and no report anywhere may be half-written. On SQLite (WAL,
//! synchronous=FULL) and PostgreSQL.
//!
//! Each save of report r carries a number n that is unique in the whole run:
//! every self-scored line gets the explanation `crash-n` and one activity
//! figure gets the value n. The audit line of a save names that figure, so
//! the trail tells which saves committed, and a report whose lines and
//! figure disagree on n holds half of a save.

#[path = "common/invariants.rs"]
mod invariants;
#[path = "common/process.rs"]
mod process;
#[path = "common/crash_targets.rs"]
mod targets;

use invariants::check_invariants;
use process::{Instance, Persona};
use sea_orm::DatabaseConnection;
use std::collections::{BTreeSet, HashMap};
use std::time::{Duration, Instant};
use store::testing::texts;
use targets::{Answer, Target, targets};
use tokio::sync::mpsc::UnboundedSender;

/// Saves of the i-th report before its submission: from 2 to 37, so that
/// the short chains submit before the kill and the long ones are cut; the
/// demo's fourteen editable reports make some 240 saves.
fn saves_of(i: usize) -> i64 {
    2 + (i % 8) as i64 * 5
}

/// The kill comes once this share of all requests has been answered.
const KILL_AFTER: f64 = 0.3;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn answered_saves_survive_a_kill_9_and_nothing_is_half_written() {
    for (label, url) in store::testing::database_urls().await {
        let started = Instant::now();
        let mut server = Instance::start(&url, &[("THIDUA_DEMO", "true")]);
        let db = store::connect(&url).await.unwrap();
        check_invariants(&db, &label, "the fresh demo").await;
        let (targets, usernames) = targets(&db).await;
        let saves: i64 = (0..targets.len()).map(saves_of).sum();
        assert!(
            saves >= 200,
            "[{label}] {} editable reports make too few saves",
            targets.len()
        );
        let mut personas = Vec::new();
        for u in &usernames {
            personas.push(Persona::sign_in(&server, u).await);
        }
        // The restarted server must be the first to open the file after the crash.
        db.close().await.unwrap();

        let answers = load_and_kill(&label, &mut server, &targets, &personas).await;
        let load = started.elapsed();
        let restarted = Instance::start(&url, &[("THIDUA_DEMO", "true")]);
        let db = store::connect(&url).await.unwrap();
        if label == "sqlite" {
            assert_eq!(texts(&db, "PRAGMA integrity_check").await, ["ok"], "[{label}]");
            assert!(texts(&db, "PRAGMA foreign_key_check").await.is_empty(), "[{label}]");
        }
        check_answered(&db, &label, &targets, &answers).await;
        check_invariants(&db, &label, "after the crash").await;
        save_after_restart(&db, &label, &restarted, &targets, &personas).await;
        check_invariants(&db, &label, "after a save on the restarted server").await;
        println!("[{label}] done in {:?} (killed at {load:?})", started.elapsed());
        drop(restarted);
        store::testing::finish(vec![(label, db)]).await;
    }
}

/// Runs every target's chain at once and kills the server with SIGKILL when
/// `KILL_AFTER` of all requests have been answered; returns the answers.
async fn load_and_kill(label: &str, server: &mut Instance, targets: &[Target], personas: &[Persona]) -> Vec<Answer> {
    let total: usize = (0..targets.len()).map(|i| saves_of(i) as usize + 1).sum();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Answer>();
    let mut chains = Vec::new();
    for (i, t) in targets.iter().enumerate() {
        let (t, tx) = (t.clone(), tx.clone());
        let (me, head) = (personas[t.reporter].clone(), personas[t.reporter + 1].clone());
        let base = server.base_url().to_string();
        chains.push(tokio::spawn(
            async move { run_chain(i, &t, [&me, &head], &base, &tx).await },
        ));
    }
    drop(tx);
    let mut answers = Vec::new();
    let wait = tokio::time::timeout(Duration::from_secs(180), async {
        while (answers.len() as f64) < total as f64 * KILL_AFTER {
            answers.push(rx.recv().await.expect("chains still running"));
        }
    });
    if wait.await.is_err() {
        panic!(
            "[{label}] {} of {total} answers in 3 min; log:\n{}",
            answers.len(),
            server.log()
        );
    }
    let killed_at = answers.len();
    server.kill9();
    let mut cut = 0;
    for c in chains {
        cut += c.await.unwrap() as usize;
    }
    while let Some(a) = rx.recv().await {
        answers.push(a);
    }
    let refused: Vec<_> = answers.iter().filter(|a| a.version().is_none()).collect();
    assert!(refused.is_empty(), "[{label}] refused while up: {refused:?}");
    assert!(cut > 0, "[{label}] the kill came after every request was answered");
    println!(
        "[{label}] {} reports, {total} requests: killed after {killed_at} answers, {} answered in all, {cut} chains cut",
        targets.len(),
        answers.len()
    );
    answers
}

/// Saves the report again and again, each save on the version the last one
/// answered, then has the head submit it. Sends every answer to the test; returns
/// whether the chain was cut by the server going away.
async fn run_chain(i: usize, t: &Target, [me, head]: [&Persona; 2], base: &str, tx: &UnboundedSender<Answer>) -> bool {
    let mut version = t.version;
    for k in 0..=saves_of(i) {
        let n = (k < saves_of(i)).then(|| Target::n(i, k));
        let (who, path, form) = match n {
            Some(n) => (me, "/api/reports/save_draft", t.save_form(version, n)),
            None => (
                head,
                "/api/reports/act",
                format!("report_id={}&kind=submit&version={version}", t.report_id),
            ),
        };
        let Ok((status, body)) = who.post(base, path, &form).await else {
            return true;
        };
        let answer = Answer {
            report_id: t.report_id,
            n,
            status,
            body,
        };
        let next = answer.version();
        let _ = tx.send(answer);
        match next {
            Some(v) => version = v,
            None => return false,
        }
    }
    false
}

/// The numbers of the saves of `report_id` that committed, read from the
/// audit trail: the last item of a save's audit line is the figure sent.
async fn committed_saves(db: &DatabaseConnection, t: &Target) -> Vec<i64> {
    let sql = format!(
        "SELECT new_value FROM audit_log WHERE action = 'self_scores_saved' AND entity = 'report' \
         AND entity_id = {} ORDER BY id",
        t.report_id
    );
    let prefix = format!("{}: ", t.activity.code());
    texts(db, &sql)
        .await
        .iter()
        .map(|v| {
            let last = v.rsplit("; ").next().unwrap_or_default();
            let n = last.strip_prefix(&prefix).and_then(|n| n.parse().ok());
            n.unwrap_or_else(|| panic!("report {}: audit line {v:?} names no figure", t.report_id))
        })
        .collect()
}

/// Every answered save and submission is there, and each target report
/// holds exactly one whole save: the last one that committed.
async fn check_answered(db: &DatabaseConnection, label: &str, targets: &[Target], answers: &[Answer]) {
    let mut saved: HashMap<i64, Vec<(i64, i32)>> = HashMap::new();
    let mut submitted: HashMap<i64, i32> = HashMap::new();
    for a in answers {
        match (a.n, a.version()) {
            (Some(n), Some(v)) => saved.entry(a.report_id).or_default().push((n, v)),
            (None, Some(v)) => _ = submitted.insert(a.report_id, v),
            (_, None) => {}
        }
    }
    let mut committed_total = 0;
    for (i, t) in targets.iter().enumerate() {
        let r = store::reports::get(db, t.report_id).await.unwrap().unwrap();
        let at = format!("[{label}] report {}", t.report_id);
        let committed = committed_saves(db, t).await;
        committed_total += committed.len();
        // A chain saves in order, so what committed is its first saves.
        let expected: Vec<i64> = (0..committed.len() as i64).map(|k| Target::n(i, k)).collect();
        assert_eq!(
            committed, expected,
            "{at}: the audit trail holds the chain's first saves"
        );
        for &(n, version) in saved.get(&t.report_id).into_iter().flatten() {
            assert!(
                committed.contains(&n),
                "{at}: save {n} was answered {version} but is not in the trail"
            );
            assert!(r.version >= version, "{at}: answered {version}, holds {}", r.version);
        }
        let mine = r.lines.iter().filter(|l| t.lines.contains(&l.code));
        let texts: BTreeSet<&str> = mine.clone().map(|l| l.explanation.as_str()).collect();
        let figure = r
            .activities
            .iter()
            .find(|a| a.activity == t.activity)
            .and_then(|a| a.value);
        match committed.last() {
            Some(&m) => {
                let whole = BTreeSet::from([format!("crash-{m}")]);
                let texts: BTreeSet<String> = texts.iter().map(|s| s.to_string()).collect();
                assert_eq!(texts, whole, "{at}: every line holds the last committed save");
                assert!(mine.clone().all(|l| l.self_score == Some(0.0)), "{at}: its scores");
                assert_eq!(figure, Some(m), "{at}: its figure is the same save's");
            }
            None => {
                assert_eq!(r.version, t.version, "{at}: nothing committed, nothing moved");
                assert!(!texts.iter().any(|s| s.starts_with("crash-")), "{at}: {texts:?}");
            }
        }
        // Targets start editable, so a report under review is one this test submitted
        // (a returned one is resubmitted).
        let step = store::report_workflow::last_step(db, t.report_id).await.unwrap();
        if let Some(&version) = submitted.get(&t.report_id) {
            assert!(
                domain::awaits_review(r.status),
                "{at}: answered submitted at {version}, is {:?}",
                r.status
            );
            assert_eq!(r.version, version, "{at}: nothing changes it after its submission");
        }
        if domain::awaits_review(r.status) {
            assert!(r.submitted_at.is_some(), "{at}: submitted without its time");
            assert_eq!(step, Some((r.status, Some(t.head_id))), "{at}: its history");
            assert_eq!(
                committed.len() as i64,
                saves_of(i),
                "{at}: submitted before its last save"
            );
        }
    }
    let answered_saves: usize = saved.values().map(Vec::len).sum();
    println!(
        "[{label}] {answered_saves} saves answered, {committed_total} committed, {} submissions answered",
        submitted.len()
    );
    // Without these the checks above would have had nothing to check.
    assert!(answered_saves > 0, "[{label}] no save answered before the kill");
    assert!(
        !submitted.is_empty(),
        "[{label}] no submission answered before the kill"
    );
}

/// The restarted server takes a normal save from a persona signed in before
/// the crash (sessions are in the database), and it lands whole.
async fn save_after_restart(
    db: &DatabaseConnection,
    label: &str,
    server: &Instance,
    targets: &[Target],
    personas: &[Persona],
) {
    for t in targets {
        let r = store::reports::get(db, t.report_id).await.unwrap().unwrap();
        if !domain::is_editable_by_unit(r.status) {
            continue;
        }
        let n = 9_000_000;
        let me = &personas[t.reporter];
        let (status, body) = me
            .post(server.base_url(), "/api/reports/save_draft", &t.save_form(r.version, n))
            .await
            .expect("the restarted server answers");
        assert_eq!(
            (status, body.trim()),
            (200, (r.version + 1).to_string().as_str()),
            "[{label}]"
        );
        let after = store::reports::get(db, t.report_id).await.unwrap().unwrap();
        let figure = after
            .activities
            .iter()
            .find(|a| a.activity == t.activity)
            .and_then(|a| a.value);
        assert_eq!(figure, Some(n), "[{label}] the save after the restart is stored");
        assert_eq!(committed_saves(db, t).await.last(), Some(&n), "[{label}] and audited");
        return;
    }
    panic!("[{label}] no report left to save after the restart");
}
