//! Report writes on SQLite (a WAL file) and PostgreSQL, as the phones make
//! them: a draft save (five self-scores and the audit line in one
//! transaction) and a workflow step (status, history row, audit line), one
//! at a time and from 16 units at once.
//!
//! cargo bench -p store --bench submission

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use domain::ReportStatus;
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use std::time::{Duration, Instant};
use store::reports::LineEdit;
use store::testing::{databases, finish, scalar};
use tokio::sync::Mutex;

/// One report per unit, all in a state the unit can save, with its version.
struct Target {
    report_id: i64,
    unit_id: i64,
    version: i32,
    criteria: Vec<i64>,
    status: ReportStatus,
}

async fn targets(db: &DatabaseConnection, n: usize) -> Vec<Arc<Mutex<Target>>> {
    let sql = "SELECT MIN(id) FROM reports GROUP BY unit_id ORDER BY 1";
    let ids: Vec<i64> = {
        use sea_orm::{ConnectionTrait, Statement};
        db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
            .await
            .unwrap()
            .iter()
            .map(|r| r.try_get_by_index::<i64>(0).unwrap())
            .collect()
    };
    let mut out = Vec::new();
    for id in ids.into_iter().take(n) {
        let v = store::reports::get(db, id).await.unwrap().unwrap();
        let criteria = v
            .lines
            .iter()
            .filter(|l| l.rule == domain::ScoringRule::SelfScored)
            .take(5)
            .map(|l| l.criterion_id)
            .collect();
        out.push(Arc::new(Mutex::new(Target {
            report_id: v.id,
            unit_id: v.unit_id,
            version: v.version,
            criteria,
            status: v.status,
        })));
    }
    out
}

async fn save_draft(db: &DatabaseConnection, t: &Mutex<Target>, round: u64) {
    let mut t = t.lock().await;
    let score = (round % 5) as f64;
    let lines: Vec<LineEdit> = t
        .criteria
        .iter()
        .map(|&c| LineEdit {
            criterion_id: c,
            score: Some(score),
            explanation: format!("lần {round}"),
        })
        .collect();
    let txn = store::begin_write(db).await.unwrap();
    t.version = store::reports::save_lines(&txn, t.report_id, t.version, &lines)
        .await
        .unwrap();
    let entry = store::audit::AuditEntry {
        action: "self_scores_saved".into(),
        entity: "report".into(),
        entity_id: Some(t.report_id),
        unit_id: Some(t.unit_id),
        new_value: Some(format!("{score}")),
        ..Default::default()
    };
    store::audit::record(&txn, entry).await.unwrap();
    txn.commit().await.unwrap();
}

/// Submitted and returned in turn, so that every step is a legal one.
async fn workflow_step(db: &DatabaseConnection, t: &Mutex<Target>) {
    let mut t = t.lock().await;
    let to = if domain::awaits_review(t.status) {
        ReportStatus::Returned
    } else {
        ReportStatus::Resubmitted
    };
    let reason = (to == ReportStatus::Returned).then_some("Thiếu tài liệu");
    let txn = store::begin_write(db).await.unwrap();
    t.version = store::report_workflow::transition(&txn, t.report_id, t.version, t.status, to, None, reason)
        .await
        .unwrap();
    let entry = store::audit::AuditEntry {
        action: "report_step".into(),
        entity: "report".into(),
        entity_id: Some(t.report_id),
        new_value: Some(to.code().into()),
        ..Default::default()
    };
    store::audit::record(&txn, entry).await.unwrap();
    txn.commit().await.unwrap();
    t.status = to;
}

/// Runs `iters` writes spread over `clients` concurrent units; returns the wall time.
async fn run(db: &DatabaseConnection, ts: &[Arc<Mutex<Target>>], clients: usize, iters: u64, step: bool) -> Duration {
    let start = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (db, t) = (db.clone(), ts[c % ts.len()].clone());
        let n = iters / clients as u64 + u64::from((c as u64) < iters % clients as u64);
        tasks.push(tokio::spawn(async move {
            for round in 0..n {
                if step {
                    workflow_step(&db, &t).await
                } else {
                    save_draft(&db, &t, round).await
                }
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    start.elapsed()
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dbs = rt.block_on(databases());
    let mut group = c.benchmark_group("report_writes");
    group
        .throughput(Throughput::Elements(1))
        .sample_size(20)
        .measurement_time(Duration::from_secs(8));
    for (label, db) in &dbs {
        rt.block_on(store::demo::seed(db)).unwrap();
        let ts = rt.block_on(async {
            let ts = targets(db, 16).await;
            // Every target starts in a state the unit may save and the loop may step.
            for t in &ts {
                let mut t = t.lock().await;
                if !domain::is_editable_by_unit(t.status) && !domain::awaits_review(t.status) {
                    let txn = store::begin_write(db).await.unwrap();
                    t.version = store::report_workflow::transition(
                        &txn,
                        t.report_id,
                        t.version,
                        t.status,
                        ReportStatus::Reopened,
                        None,
                        Some("bench"),
                    )
                    .await
                    .unwrap();
                    txn.commit().await.unwrap();
                    t.status = ReportStatus::Reopened;
                }
            }
            ts
        });
        for clients in [1usize, 16] {
            group.bench_with_input(
                BenchmarkId::new(format!("{label}/save_draft"), clients),
                &clients,
                |b, &n| b.iter_custom(|iters| rt.block_on(run(db, &ts, n, iters, false))),
            );
        }
        rt.block_on(async {
            for t in &ts {
                let mut t = t.lock().await;
                if domain::is_editable_by_unit(t.status) {
                    let to = if t.status == ReportStatus::Returned {
                        ReportStatus::Resubmitted
                    } else {
                        ReportStatus::Submitted
                    };
                    let txn = store::begin_write(db).await.unwrap();
                    t.version =
                        store::report_workflow::transition(&txn, t.report_id, t.version, t.status, to, None, None)
                            .await
                            .unwrap();
                    txn.commit().await.unwrap();
                    t.status = to;
                }
            }
        });
        for clients in [1usize, 16] {
            group.bench_with_input(
                BenchmarkId::new(format!("{label}/workflow_step"), clients),
                &clients,
                |b, &n| b.iter_custom(|iters| rt.block_on(run(db, &ts, n, iters, true))),
            );
        }
        let audits = rt.block_on(scalar(db, "SELECT COUNT(*) FROM audit_log"));
        assert!(audits > 0, "{label}: the writes were real");
    }
    group.finish();
    rt.block_on(finish(dbs));
}

criterion_group!(benches, bench);
criterion_main!(benches);
