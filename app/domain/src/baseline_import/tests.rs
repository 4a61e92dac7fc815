use super::*;

const HEADER: &str = "commune,year,month,accidents,deaths,injuries,drink_driving,particularly_serious,commercial_car\n";

fn communes() -> Vec<CommuneName> {
    vec![
        CommuneName {
            id: 7,
            name: "Xã Long Hưng".into(),
            short_name: "Long Hưng".into(),
        },
        CommuneName {
            id: 8,
            name: "Thị trấn Huỳnh Hữu Nghĩa".into(),
            short_name: "TT Huỳnh Hữu Nghĩa".into(),
        },
    ]
}

fn parse(body: &str) -> Result<Vec<BaselineRow>, Vec<RowError>> {
    parse_baseline_csv(&format!("{HEADER}{body}"), &communes(), &[2023])
}

#[test]
fn good_rows_are_read_with_full_or_short_names_and_a_byte_order_mark() {
    let text = format!("\u{feff}{HEADER}Xã Long Hưng,2023,7,2,1,3,1,0,1\n  long  hưng ,2023,8,0,0,0,0,0,0\n\n");
    let rows = parse_baseline_csv(&text, &communes(), &[2023]).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].commune_unit_id, 7);
    assert_eq!((rows[0].year, rows[0].month), (2023, 7));
    assert_eq!(rows[0].figures.accidents, 2);
    assert_eq!(rows[0].figures.injuries, 3);
    assert_eq!(rows[0].figures.commercial_car, 1);
    assert_eq!(rows[1].month, 8);
}

#[test]
fn every_bad_row_is_reported_with_its_line_and_nothing_is_returned() {
    let errors = parse(
        "Xã Long Hưng,2023,7,2,1,3,1,0,1\n\
         Xã Không Có,2023,7,1,0,0,0,0,0\n\
         Xã Long Hưng,2022,13,1,0,0,0,0,0\n\
         Xã Long Hưng,2023,9,1,-1,0,2,0,0\n\
         Xã Long Hưng,2023,10,một,0,0,0,0,0\n\
         Xã Long Hưng,2023,11,1\n\
         Xã Long Hưng,2023,7,0,0,0,0,0,0\n",
    )
    .unwrap_err();
    let lines: BTreeSet<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, BTreeSet::from([3, 4, 5, 6, 7, 8]), "{errors:?}");
    let text = |line: usize| -> String {
        errors
            .iter()
            .filter(|e| e.line == line)
            .map(|e| e.message.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert!(text(3).contains("Xã Không Có"));
    assert!(text(4).contains("Năm phải là 2023") && text(4).contains("Tháng"));
    assert!(text(5).contains("không được âm") && text(5).contains("rượu, bia"));
    assert!(text(6).contains("accidents"));
    assert!(text(7).contains("cột"));
    assert!(text(8).contains("Trùng"));
}

#[test]
fn a_wrong_header_or_an_empty_file_is_refused() {
    let e = parse_baseline_csv("xa,nam,thang\nLong Hưng,2023,7\n", &communes(), &[2023]).unwrap_err();
    assert_eq!(e[0].line, 1);
    let e = parse("").unwrap_err();
    assert!(e[0].message.contains("không có dòng"));
}

#[test]
fn quoted_fields_with_commas_are_read() {
    let mut cs = communes();
    cs.push(CommuneName {
        id: 9,
        name: "Xã Mỹ Hương, cũ".into(),
        short_name: "MH".into(),
    });
    let text = format!("{HEADER}\"Xã Mỹ Hương, cũ\",2023,1,1,0,0,0,0,0\n");
    let rows = parse_baseline_csv(&text, &cs, &[2023]).unwrap();
    assert_eq!(rows[0].commune_unit_id, 9);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever is typed, the parser answers (never panics), and a file
        /// it accepts holds only rows within the rules.
        #[test]
        fn any_text_is_answered_and_accepted_rows_are_valid(body in "[a-zA-Z0-9ãư ,\\-\"\n]{0,200}") {
            if let Ok(rows) = parse(&body) {
                for r in rows {
                    prop_assert!((1..=12).contains(&r.month));
                    prop_assert_eq!(r.year, 2023);
                    prop_assert!(r.figures.drink_driving <= r.figures.accidents);
                }
            }
        }

        #[test]
        fn valid_figures_round_trip(m in 1u32..=12, a in 0u32..50, d in 0u32..50, extra in 0u32..50) {
            let dd = a.min(extra);
            let rows = parse(&format!("Long Hưng,2023,{m},{a},{d},{extra},{dd},0,0\n")).unwrap();
            prop_assert_eq!(rows[0].figures.accidents, a);
            prop_assert_eq!(rows[0].figures.deaths, d);
            prop_assert_eq!(rows[0].figures.drink_driving, dd);
        }
    }
}
