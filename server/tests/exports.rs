//! The files staff hand on, on SQLite and PostgreSQL: read back with a
//! spreadsheet reader (calamine), they hold the same numbers as the
//! ranking the pages show; only the office and the council get them.

mod common;

use axum::body::Body;
use axum::http::Request;
use calamine::{Data, Reader, Xlsx};
use common::{Client, Persona, Server};
use std::io::Cursor;

async fn fetch(server: &Server, client: &Client<'_>, path: &str) -> (u16, Vec<u8>) {
    let mut req = Request::get(path);
    if let Some(c) = &client.cookie {
        req = req.header("cookie", c);
    }
    let res = server.send(req.body(Body::empty()).unwrap()).await;
    let status = res.status().as_u16();
    let bytes = axum::body::to_bytes(res.into_body(), 16 << 20).await.unwrap();
    (status, bytes.to_vec())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_ranking_workbook_holds_the_pages_numbers() {
    for (label, db) in store::testing::databases().await {
        let server = Server::start(db.clone()).await;
        let c = store::campaigns::current(&server.db).await.unwrap().unwrap();
        let anonymous = Client::anonymous(&server);
        assert_eq!(
            fetch(&server, &anonymous, "/xuat/xep-hang.xlsx").await.0,
            401,
            "[{label}]"
        );
        let reporter = Client::signed_in(&server, Persona::Reporter).await;
        assert_eq!(
            fetch(&server, &reporter, "/xuat/xep-hang.xlsx").await.0,
            403,
            "[{label}]"
        );

        let council = Client::signed_in(&server, Persona::Council).await;
        let (status, bytes) = fetch(&server, &council, "/xuat/xep-hang.xlsx").await;
        assert_eq!(status, 200, "[{label}]");
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("an XLSX file");
        assert_eq!(
            book.sheet_names(),
            vec!["Xếp hạng".to_string(), "Điểm theo tháng".to_string()]
        );
        let sheet = book.worksheet_range("Xếp hạng").unwrap();
        let input = store::standings::input(&server.db, c.id, app::api::server::now_local())
            .await
            .unwrap();
        let official = domain::standings(&input, domain::Scope::Cumulative, domain::RankingMode::Official);
        let rows: Vec<_> = official
            .tables
            .iter()
            .flat_map(|t| t.rows.iter().map(move |r| (t, r)))
            .collect();
        assert_eq!(sheet.height(), rows.len() + 1, "[{label}] a header and a row per unit");
        for (i, (t, r)) in rows.iter().enumerate() {
            let row = sheet.rows().nth(i + 1).unwrap();
            assert_eq!(row[0], Data::String(t.block_name.clone()));
            assert_eq!(row[1], Data::Float(r.rank.into()));
            assert_eq!(row[2], Data::String(r.unit_name.clone()));
            match &row[3] {
                Data::Float(score) => assert!((score - r.score).abs() < 0.005, "[{label}] {} {score}", r.unit_name),
                other => panic!("[{label}] score cell {other:?}"),
            }
        }

        let office = Client::signed_in(&server, Persona::Office).await;
        let (status, bytes) = fetch(&server, &office, "/xuat/tien-do.xlsx").await;
        assert_eq!(status, 200, "[{label}]");
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let grid = store::completeness::grid(&server.db, c.id, app::api::server::now_local())
            .await
            .unwrap();
        let sheet = book.worksheet_range("Tiến độ báo cáo").unwrap();
        assert_eq!(sheet.height(), grid.rows.len() + 1, "[{label}]");
        assert_eq!(sheet.width(), grid.periods.len() + 2, "[{label}]");

        let (status, csv) = fetch(&server, &office, "/xuat/xep-hang.csv").await;
        assert_eq!(status, 200);
        let csv = String::from_utf8(csv).unwrap();
        assert!(csv.starts_with("\u{feff}Khối,Hạng,Đơn vị,Điểm\n"), "[{label}] {csv}");
        assert_eq!(csv.lines().count(), rows.len() + 1);
        assert_eq!(
            fetch(&server, &office, "/xuat/khen-thuong.xlsx").await.0,
            404,
            "[{label}] which review?"
        );
        assert_eq!(fetch(&server, &office, "/xuat/khong-co.xlsx").await.0, 404);
    }
}
