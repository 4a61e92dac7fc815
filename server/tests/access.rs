//! The access matrix: every server function the app registers, called by every
//! persona, on SQLite and PostgreSQL. What each persona may do is written here,
//! independently of the app's policy table; a server function missing from
//! this table fails the test.

mod common;

use common::{Client, Persona, Server};
use domain::Id;

/// How a call may be answered: allowed (any status but 401/403) or refused (401/403).
fn expected(path: &str, who: Persona, fx: &Fixtures) -> Option<bool> {
    use Persona::*;
    let staff_of = |unit: Id| matches!(who, Reporter | Head) && fx.own_unit == unit;
    Some(match path {
        "/api/public/overview" | "/api/public/breakdown" | "/api/auth/login" | "/api/auth/logout" | "/api/auth/me" => {
            true
        }
        // Publishing is the standing office's act.
        "/api/rankings/publish" => matches!(who, Admin | Office),
        "/api/dashboard/overview" => who != Anonymous,
        "/api/auth/logout_everywhere" | "/api/auth/change_password" | "/api/audit/list" | "/api/audit/csv" => {
            !matches!(who, Anonymous | Display)
        }
        "/api/admin/users"
        | "/api/admin/units"
        | "/api/admin/create_user"
        | "/api/admin/set_user_active"
        | "/api/admin/reset_password" => who == Admin,
        "/api/admin/display_tokens" | "/api/admin/create_display_token" | "/api/admin/revoke_display_token" => {
            matches!(who, Admin | Office)
        }
        "/api/reports/mine" => matches!(who, Reporter | Head | OtherReporter),
        // Reading a report: its unit's staff and those who see the whole campaign.
        "/api/reports/get" => matches!(who, Admin | Office | Council) || staff_of(fx.own_unit),
        // Changing a report: only its own unit's staff.
        "/api/reports/save_draft" => staff_of(fx.own_unit),
        // Submitting: the unit's head confirms; a reporter alone may not, nor anyone else.
        "/api/reports/act" => who == Head,
        "/api/reports/review_score" => matches!(who, Admin | Office),
        // The accident log: the office and the police unit's staff (the demo's
        // other reporter is the district police) write; the council also reads.
        "/api/accidents/list" => matches!(who, Admin | Office | Council | OtherReporter),
        "/api/accidents/add"
        | "/api/accidents/update"
        | "/api/accidents/strike_out"
        | "/api/accidents/import_baseline" => matches!(who, Admin | Office | OtherReporter),
        "/api/evidence/list" => matches!(who, Admin | Office | Council) || staff_of(fx.own_unit),
        "/api/evidence/upload" | "/api/evidence/add_link" => staff_of(fx.own_unit),
        // No such evidence: refused before it is looked up to anyone but unit staff.
        "/api/evidence/remove" => matches!(who, Reporter | Head | OtherReporter),
        "/api/progress/grid" => matches!(who, Admin | Office | Council),
        "/api/progress/extend" => matches!(who, Admin | Office),
        "/api/progress/my_tasks" => matches!(who, Reporter | Head | OtherReporter),
        // A unit's staff open reports and register their own unit only.
        "/api/reports/start" | "/api/registration/mine" | "/api/registration/save" => {
            matches!(who, Reporter | Head | OtherReporter)
        }
        // Rankings, provisional ones included, are for signed-in staff.
        "/api/rankings/get" | "/api/rankings/breakdown" => !matches!(who, Anonymous | Display),
        // Awards: staff read (a unit its own part); the office runs the round;
        // only the council votes; a unit's staff nominate; the public objects.
        "/api/awards/page" => !matches!(who, Anonymous | Display),
        "/api/awards/generate"
        | "/api/awards/add"
        | "/api/awards/remove"
        | "/api/awards/open_voting"
        | "/api/awards/publish"
        | "/api/awards/answer"
        | "/api/awards/decide"
        | "/api/awards/settings"
        | "/api/awards/holiday_add"
        | "/api/awards/holiday_remove" => matches!(who, Admin | Office),
        "/api/awards/vote" => who == Council,
        "/api/awards/nominate" => matches!(who, Reporter | Head | OtherReporter),
        "/api/awards/object" | "/api/public/awards" => true,
        // Only a unit's head confirms its registration.
        "/api/registration/confirm" => who == Head,
        // Campaign administration is the standing office's (and the administrator's).
        "/api/setup/campaigns"
        | "/api/setup/campaign"
        | "/api/setup/draft"
        | "/api/setup/create"
        | "/api/setup/update"
        | "/api/setup/status"
        | "/api/setup/sheet"
        | "/api/setup/save_sheet"
        | "/api/setup/import_units" => matches!(who, Admin | Office),
        _ => return None,
    })
}

/// Arguments that reach each function's body (form-encoded, as the browser sends them).
fn body(path: &str, fx: &Fixtures) -> String {
    match path {
        "/api/auth/login" => "username=nobody&password=wrong-password".into(),
        "/api/auth/change_password" => "current=wrong-password&new=another-long-password".into(),
        "/api/admin/create_user" => {
            "form[username]=x&form[display_name]=&form[role]=reporter&form[password]=short".into()
        }
        "/api/admin/set_user_active" => "user_id=999999&active=true".into(),
        "/api/admin/reset_password" => "user_id=999999&password=short".into(),
        "/api/admin/display_tokens" => format!("campaign_id={}", fx.campaign_id),
        "/api/admin/create_display_token" => format!("campaign_id={}&name=", fx.campaign_id),
        "/api/admin/revoke_display_token" => "token_id=999999".into(),
        "/api/audit/list" | "/api/audit/csv" => "query[page]=0".into(),
        "/api/reports/get" => format!("report_id={}", fx.report_id),
        "/api/reports/save_draft" => format!(
            "report_id={}&version={}&lines[0][code]=A1&lines[0][score]=1&lines[0][explanation]=",
            fx.report_id, fx.version
        ),
        "/api/reports/act" => format!("report_id={}&kind=submit&version={}", fx.report_id, fx.version),
        "/api/reports/review_score" => {
            format!(
                "report_id={}&criterion_code=A1&score=1&reason=x&version={}",
                fx.report_id, fx.version
            )
        }
        "/api/accidents/list" => format!("campaign_id={}", fx.campaign_id),
        "/api/accidents/add" => format!("campaign_id={}&{ACCIDENT}", fx.campaign_id),
        "/api/accidents/update" => format!("campaign_id={}&accident_id=999999&reason=x&{ACCIDENT}", fx.campaign_id),
        "/api/accidents/strike_out" => format!("campaign_id={}&accident_id=999999&reason=x", fx.campaign_id),
        "/api/accidents/import_baseline" => format!("campaign_id={}&csv=", fx.campaign_id),
        "/api/progress/grid" => format!("campaign_id={}", fx.campaign_id),
        "/api/evidence/list" => format!("report_id={}", fx.report_id),
        "/api/evidence/add_link" => format!(
            "report_id={}&criterion_code=A1&url=https://example.vn/tin",
            fx.report_id
        ),
        "/api/evidence/remove" => "evidence_id=999999".into(),
        "/api/rankings/get" => "official=true".into(),
        "/api/public/breakdown" => format!("unit_id={}", fx.own_unit),
        "/api/rankings/breakdown" => format!("unit_id={}&official=false", fx.own_unit),
        // No such period: refused after the access check.
        "/api/reports/start" => "period_id=999999".into(),
        // One pledge of several: refused by validation, so nothing changes.
        "/api/registration/save" => "block_id=0&pledges[0][activity]=posts&pledges[0][value]=1".into(),
        "/api/progress/extend" => {
            format!(
                "campaign_id={}&period_id=0&unit_id=0&new_deadline=&reason=",
                fx.campaign_id
            )
        }
        // No such round, proposal or objection: refused after the access check.
        "/api/awards/generate" | "/api/awards/open_voting" | "/api/awards/publish" => "period_id=999999".into(),
        "/api/awards/add" => "period_id=999999&form_id=0&unit_id=0&reason=x".into(),
        "/api/awards/remove" => "proposal_id=999999&reason=x".into(),
        "/api/awards/nominate" => "period_id=999999&form_id=0&individual_name=x&achievement=y".into(),
        "/api/awards/vote" => "proposal_id=999999&votes_for=1&against=0&abstain=0&present=1".into(),
        "/api/awards/object" => "proposal_id=999999&name=a&contact=b&text=c".into(),
        "/api/awards/answer" => "objection_id=999999&answer=x".into(),
        "/api/awards/decide" => "period_id=999999&form_id=0&number=1&signed_on=2024-12-30".into(),
        // Out of range, not a date, no such holiday: refused after the access check.
        "/api/awards/settings" => "vote_threshold_pct=0&publish_days=0".into(),
        "/api/awards/holiday_add" => "day=x&name=x".into(),
        "/api/awards/holiday_remove" => "id=999999".into(),
        "/api/setup/draft" | "/api/setup/sheet" | "/api/setup/campaign" => format!("campaign_id={}", fx.campaign_id),
        // Open to archived is not a move the office may make.
        "/api/setup/status" => format!("campaign_id={}&status=archived", fx.campaign_id),
        // The JSON ones (see `json_body`) break a rule, so nothing changes.
        _ => String::new(),
    }
}

/// Arguments of the functions that take JSON, each refused by validation.
fn json_body(path: &str, fx: &Fixtures) -> Option<String> {
    let draft = r#"{"slug":"X","plan_number":"","title":"","theme":"","starts_on":"2025-07-05","ends_on":"2025-12-31",
        "baseline_year":2024,"period_rule":"government_month","deadline_days":3,"serious_deaths_threshold":3,
        "publish_days":5,"targets":[]}"#;
    let c = fx.campaign_id;
    Some(match path {
        "/api/setup/create" => format!(r#"{{"from":null,"draft":{draft}}}"#),
        "/api/setup/update" => format!(r#"{{"campaign_id":{c},"draft":{draft}}}"#),
        "/api/setup/save_sheet" => format!(r#"{{"campaign_id":{c},"sheet":{{"groups":[],"criteria":[]}}}}"#),
        "/api/setup/import_units" => format!(r#"{{"campaign_id":{c},"csv":"ten\nX"}}"#),
        _ => return None,
    })
}

/// An accident that passes decoding and fails validation (no commune, no time).
const ACCIDENT: &str = "input[commune_unit_id]=0&input[deaths]=0&input[injuries]=0&input[drink_driving]=false\
&input[commercial_car]=false&input[marked_serious]=false&input[note]=";

struct Fixtures {
    campaign_id: Id,
    own_unit: Id,
    report_id: Id,
    version: i32,
}

#[tokio::test(flavor = "multi_thread")]
async fn every_server_function_refuses_whoever_it_should_on_both_databases() {
    let registered: Vec<String> = server_fn::axum::server_fn_paths().map(|(p, _)| p.to_string()).collect();
    assert!(
        registered.len() >= 15,
        "too few server functions registered: {registered:?}"
    );
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let fx = fixtures(&server).await;
        for path in &registered {
            assert!(
                app::api::policies::POLICIES.iter().any(|(p, _)| p == path),
                "{path} has no access policy in app::api::policies"
            );
            for who in Persona::ALL {
                let allowed = expected(path, who, &fx)
                    .unwrap_or_else(|| panic!("{path} is not in the access-matrix test: add its expected access"));
                // A fresh session per call: logout and password changes must not leak between calls.
                let mut client = Client::signed_in(&server, who).await;
                let status = if path == "/api/evidence/upload" {
                    let id = fx.report_id.to_string();
                    let fields = [("report_id", id.as_str()), ("criterion_code", "A1")];
                    let (content_type, bytes) = common::multipart(&fields, Some(("anh.png", common::PNG_1X1)));
                    client.post_raw(path, &content_type, bytes).await.0
                } else if let Some(json) = json_body(path, &fx) {
                    client.post_raw(path, "application/json", json.into_bytes()).await.0
                } else {
                    client.post(path, &body(path, &fx)).await
                };
                let refused = status == 401 || status == 403;
                assert_eq!(
                    !refused,
                    allowed,
                    "[{label}] {path} as {who:?}: status {status}, expected {}",
                    if allowed { "allowed" } else { "refused" }
                );
            }
        }
        store::testing::finish(vec![(label, db)]).await;
    }
}

async fn fixtures(server: &Server) -> Fixtures {
    let db = &server.db;
    let campaign = store::campaigns::current(db).await.unwrap().expect("demo campaign");
    let own = store::users::by_username(db, Persona::Reporter.username())
        .await
        .unwrap()
        .unwrap();
    let own_unit = own.unit_id.unwrap();
    let reports = store::reports::list_for_unit(db, own_unit).await.unwrap();
    let editable = reports
        .iter()
        .find(|r| domain::is_editable_by_unit(r.status))
        .expect("an editable demo report");
    let view = store::reports::get(db, editable.id).await.unwrap().unwrap();
    Fixtures {
        campaign_id: campaign.id,
        own_unit,
        report_id: view.id,
        version: view.version,
    }
}
