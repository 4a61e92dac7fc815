use super::*;

const HEADER: &str = "name,short_name,kind,block\n";

fn blocks() -> Vec<BlockName> {
    vec![
        BlockName {
            id: 1,
            name: "Khối xã, thị trấn".into(),
        },
        BlockName {
            id: 2,
            name: "Khối cơ quan".into(),
        },
    ]
}

fn parse(body: &str) -> Result<Vec<UnitRow>, Vec<RowError>> {
    parse_units_csv(&format!("{HEADER}{body}"), &["Xã Long Hưng".into()], &blocks())
}

#[test]
fn good_rows_are_read_with_quoted_blocks_a_byte_order_mark_and_blank_lines() {
    let text = format!(
        "\u{feff}{HEADER}Xã Tân Phú,Tân Phú,commune,\"Khối xã, thị trấn\"\n\n Công an  xã Tân Phú ,, Police , khối cơ quan\nHội Phụ nữ,,mass_organisation,\n"
    );
    let rows = parse_units_csv(&text, &[], &blocks()).unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].short_name, "Tân Phú");
    assert_eq!((rows[0].kind, rows[0].block_id), (UnitKind::Commune, Some(1)));
    assert_eq!(rows[1].name, "Công an xã Tân Phú", "spaces tidied");
    assert_eq!(rows[1].short_name, rows[1].name, "an empty short name is the name");
    assert_eq!((rows[1].kind, rows[1].block_id), (UnitKind::Police, Some(2)));
    assert_eq!(rows[2].block_id, None, "no block: not registered in the campaign");
}

#[test]
fn every_bad_row_is_reported_with_its_line_and_nothing_is_taken() {
    let errors = parse(
        "Xã Tân Phú,Tân Phú,commune,Khối xã, thị trấn\n\
         ,,commune,Khối cơ quan\n\
         Xã Mới,,village,Khối lạ\n\
         xã long  hưng,,commune,\n\
         Xã Hai,,commune,\n\
         Xã Hai,,town,\n\
         Xã Ba,,commune,Khối cơ quan\n",
    )
    .unwrap_err();
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    // Line 2 has five columns (an unquoted comma); line 4 has two faults.
    assert_eq!(lines, vec![2, 3, 4, 4, 5, 7]);
    assert!(errors[0].message.contains("5 cột"), "{errors:?}");
    assert!(errors[1].message.contains("Thiếu tên"), "{errors:?}");
    assert!(errors[2].message.contains("village"), "{errors:?}");
    assert!(errors[3].message.contains("Khối lạ"), "{errors:?}");
    assert!(
        errors[4].message.contains("đã có"),
        "an existing unit, whatever its spacing and case"
    );
    assert!(errors[5].message.contains("đã có"), "twice in the file");
}

#[test]
fn a_wrong_header_or_an_empty_file_is_refused() {
    let e = parse_units_csv("ten,loai\nXã A,commune\n", &[], &blocks()).unwrap_err();
    assert_eq!((e.len(), e[0].line), (1, 1));
    assert!(e[0].message.contains("name,short_name,kind,block"));
    let e = parse_units_csv(HEADER, &[], &blocks()).unwrap_err();
    assert!(e[0].message.contains("không có dòng"));
    assert!(parse_units_csv("", &[], &blocks()).is_err());
}

#[test]
fn an_overlong_name_is_refused() {
    let long = "X".repeat(MAX_NAME_CHARS + 1);
    let e = parse(&format!("{long},,commune,\n")).unwrap_err();
    assert!(e[0].message.contains("dài quá"));
}

proptest::proptest! {
    /// Whatever the text, the parser answers without panicking, and a file
    /// it takes has as many units as distinct new names.
    #[test]
    fn any_text_is_answered(body in "[a-zA-Zà-ỹ ,\"\n]{0,200}") {
        if let Ok(rows) = parse(&body) {
            let names: std::collections::BTreeSet<String> = rows.iter().map(|r| r.name.to_lowercase()).collect();
            proptest::prop_assert_eq!(names.len(), rows.len());
        }
    }
}
