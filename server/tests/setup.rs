//! Campaign administration through the server, on SQLite and PostgreSQL: a
//! second committee's office copies the demo campaign, imports units (a bad
//! file changes nothing), edits the sheet, opens the campaign, and its unit's
//! reporter then works on it; the first committee's staff see none of it.

mod common;

use common::{Client, Persona, Server};
use domain::{CampaignDraft, CommitteeLevel, Role, Sheet};
use store::testing::scalar;
use store::users::{NewUser, RoleGrant};

async fn account(server: &Server, username: &str, committee: i64, unit: Option<i64>, role: Role) {
    let txn = store::begin_write(&server.db).await.unwrap();
    store::users::create(
        &txn,
        NewUser {
            username: username.into(),
            display_name: username.into(),
            email: None,
            unit_id: unit,
            committee_id: Some(committee),
            password_hash: store::passwords::hash(store::demo::DEMO_PASSWORD).unwrap(),
            roles: vec![RoleGrant {
                role,
                campaign_id: None,
            }],
            is_demo: false,
        },
    )
    .await
    .unwrap();
    txn.commit().await.unwrap();
}

async fn json(client: &mut Client<'_>, path: &str, body: serde_json::Value) -> (u16, String) {
    client
        .post_raw(path, "application/json", body.to_string().into_bytes())
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_committee_sets_up_its_campaign_and_the_first_sees_none_of_it() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let plan = store::campaigns::current(&server.db).await.unwrap().unwrap();
        let province = store::committees::by_id(&server.db, plan.committee_id)
            .await
            .unwrap()
            .unwrap()
            .parent_id;
        let txn = store::begin_write(&server.db).await.unwrap();
        let other = store::committees::create(&txn, "Ban ATGT huyện Châu Thành", CommitteeLevel::District, province)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        account(&server, "thuongtruc.chau-thanh", other, None, Role::StandingOffice).await;
        let mut office = Client::signed_in_as(&server, "thuongtruc.chau-thanh").await;

        // The demo is there to copy; the office's own list is empty.
        let (status, text) = office.post_full("/api/setup/campaigns", "", &[]).await;
        assert_eq!(status, 200, "[{label}] {text}");
        let list: app::api::setup::CampaignList = serde_json::from_str(&text).unwrap();
        assert!(list.own.is_empty() && list.below.is_empty(), "[{label}]");
        assert_eq!(list.templates.iter().map(|c| c.id).collect::<Vec<_>>(), vec![plan.id]);
        let (_, text) = office
            .post_full("/api/setup/draft", &format!("campaign_id={}", plan.id), &[])
            .await;
        let mut draft: CampaignDraft = serde_json::from_str::<CampaignDraft>(&text).unwrap().moved_by_years(1);
        draft.slug = "chau-thanh-2025".into();
        draft.plan_number = "25/KH-BATGT".into();

        let mut bad = draft.clone();
        bad.baseline_year = 2025;
        let (status, text) = json(
            &mut office,
            "/api/setup/create",
            serde_json::json!({"from": plan.id, "draft": bad}),
        )
        .await;
        assert_eq!(status, 422, "[{label}] {text}");
        assert!(text.contains("Năm so sánh"), "[{label}] {text}");
        let (status, text) = json(
            &mut office,
            "/api/setup/create",
            serde_json::json!({"from": plan.id, "draft": draft}),
        )
        .await;
        assert_eq!(status, 200, "[{label}] {text}");
        let id: i64 = serde_json::from_str(&text).unwrap();

        // Ten units, one bad row: refused whole, nothing written; then fixed.
        let blocks = store::units::blocks_of(&server.db, id).await.unwrap();
        let mut csv = String::from("name,short_name,kind,block\n");
        for i in 1..=10 {
            let kind = if i == 4 { "lang" } else { "commune" };
            csv.push_str(&format!("Xã Số {i},,{kind},\"{}\"\n", blocks[0].name));
        }
        let import = |csv: &str| serde_json::json!({"campaign_id": id, "csv": csv});
        let (status, text) = json(&mut office, "/api/setup/import_units", import(&csv)).await;
        assert_eq!(status, 200, "[{label}] {text}");
        let outcome: app::api::setup::ImportOutcome = serde_json::from_str(&text).unwrap();
        let app::api::setup::ImportOutcome::Refused(errors) = outcome else {
            panic!("[{label}] a bad row refuses the file")
        };
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), vec![5]);
        let units_of_other = format!("SELECT COUNT(*) FROM units WHERE committee_id = {other}");
        assert_eq!(
            scalar(&server.db, &units_of_other).await,
            0,
            "[{label}] nothing written"
        );
        let (_, text) = json(
            &mut office,
            "/api/setup/import_units",
            import(&csv.replace("lang", "commune")),
        )
        .await;
        assert_eq!(text, r#"{"Imported":10}"#, "[{label}]");
        assert_eq!(scalar(&server.db, &units_of_other).await, 10);

        // The sheet: a broken one is refused with the reason; a changed one is kept.
        let (_, text) = office
            .post_full("/api/setup/sheet", &format!("campaign_id={id}"), &[])
            .await;
        let mut sheet: Sheet = serde_json::from_str(&text).unwrap();
        sheet.criteria[0].max_points += 1.0;
        let (status, text) = json(
            &mut office,
            "/api/setup/save_sheet",
            serde_json::json!({"campaign_id": id, "sheet": sheet}),
        )
        .await;
        assert_eq!(status, 422, "[{label}] {text}");
        assert!(text.contains("khác điểm tối đa của nhóm"), "[{label}] {text}");
        sheet.criteria[0].max_points -= 1.0;
        sheet.criteria[0].name = "Tuyên truyền Luật Trật tự, an toàn giao thông đường bộ 2024".into();
        let (status, text) = json(
            &mut office,
            "/api/setup/save_sheet",
            serde_json::json!({"campaign_id": id, "sheet": sheet}),
        )
        .await;
        assert_eq!(status, 200, "[{label}] {text}");
        let status = office
            .post("/api/setup/status", &format!("campaign_id={id}&status=open"))
            .await;
        assert_eq!(status, 200, "[{label}]");

        // A unit of it registers (its head confirms), and its reporter opens a
        // report on the new sheet.
        let unit = scalar(
            &server.db,
            &format!("SELECT MIN(id) FROM units WHERE committee_id = {other}"),
        )
        .await;
        account(&server, "xa-so-1", other, Some(unit), Role::Reporter).await;
        account(&server, "truong.xa-so-1", other, Some(unit), Role::UnitHead).await;
        let mut reporter = Client::signed_in_as(&server, "xa-so-1").await;
        let (status, text) = reporter.post_full("/api/registration/mine", "", &[]).await;
        assert_eq!(status, 200, "[{label}] {text}");
        let view: domain::RegistrationView = serde_json::from_str::<Option<_>>(&text).unwrap().unwrap();
        assert_eq!(view.blocks[0].id, blocks[0].id, "[{label}] the new campaign's blocks");
        let mut form = format!("block_id={}", blocks[0].id);
        for (i, (a, _)) in view.pledges.iter().enumerate() {
            form += &format!("&pledges[{i}][activity]={}&pledges[{i}][value]=5", a.code());
        }
        let (status, text) = reporter.post_full("/api/registration/save", &form, &[]).await;
        assert_eq!(status, 200, "[{label}] {text}");
        let mut head = Client::signed_in_as(&server, "truong.xa-so-1").await;
        assert_eq!(head.post("/api/registration/confirm", "").await, 200, "[{label}]");
        let period = scalar(
            &server.db,
            &format!("SELECT MIN(id) FROM periods WHERE campaign_id = {id} AND kind = 'monthly'"),
        )
        .await;
        let (status, text) = reporter
            .post_full("/api/reports/start", &format!("period_id={period}"), &[])
            .await;
        assert_eq!(status, 200, "[{label}] {text}");
        let (_, text) = reporter
            .post_full("/api/reports/get", &format!("report_id={text}"), &[])
            .await;
        let report: domain::ReportView = serde_json::from_str(&text).unwrap();
        assert_eq!(report.campaign_id, id, "[{label}]");
        assert!(
            report.lines.iter().any(|l| l.name == sheet.criteria[0].name),
            "[{label}] the edited sheet"
        );
        let audited =
            |action: &str| format!("SELECT COUNT(*) FROM audit_log WHERE campaign_id = {id} AND action = '{action}'");
        for (action, n) in [
            ("campaign_created", 1),
            ("unit_imported", 10),
            ("sheet_saved", 1),
            ("campaign_status", 1),
        ] {
            assert_eq!(scalar(&server.db, &audited(action)).await, n, "[{label}] {action}");
        }

        // The first committee's office works on Plan 114 and reaches nothing of the new one.
        let mut first = Client::signed_in(&server, Persona::Office).await;
        let (_, text) = first.post_full("/api/setup/campaigns", "", &[]).await;
        let list: app::api::setup::CampaignList = serde_json::from_str(&text).unwrap();
        assert_eq!(
            list.own.iter().map(|c| c.id).collect::<Vec<_>>(),
            vec![plan.id],
            "[{label}]"
        );
        assert!(
            list.templates.iter().all(|c| c.id != id),
            "[{label}] an open campaign is its committee's own"
        );
        for (path, body) in [
            ("/api/setup/draft", format!("campaign_id={id}")),
            ("/api/setup/sheet", format!("campaign_id={id}")),
            ("/api/progress/grid", format!("campaign_id={id}")),
            ("/api/accidents/list", format!("campaign_id={id}")),
        ] {
            assert_eq!(first.post(path, &body).await, 404, "[{label}] {path}");
        }
        let (status, _) = json(
            &mut first,
            "/api/setup/update",
            serde_json::json!({"campaign_id": id, "draft": draft}),
        )
        .await;
        assert_eq!(status, 404, "[{label}]");
        store::testing::finish(vec![(label, db)]).await;
    }
}
