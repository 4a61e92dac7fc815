//! The plan's default sheet (DOMAIN.md, "Default scoring sheet"): groups A–H
//! from its key tasks and targets, with names taken from the plan's wording.

use super::{Applicability, Criterion, CriterionGroup, Sheet};
use crate::types::{Activity, ScoringRule, UnitKind};

fn group(code: &str, name: &str, task_ref: &str, max_points: f64) -> CriterionGroup {
    CriterionGroup {
        code: code.into(),
        name: name.into(),
        task_ref: task_ref.into(),
        max_points,
    }
}

fn self_scored(code: &str, name: &str, description: &str, max_points: f64, applies_to: &Applicability) -> Criterion {
    Criterion {
        code: code.into(),
        group_code: code[..1].into(),
        name: name.into(),
        description: description.into(),
        max_points,
        rule: ScoringRule::SelfScored,
        evidence_required: true,
        applies_to: applies_to.clone(),
        activity: None,
    }
}

fn with_activity(mut c: Criterion, activity: Activity) -> Criterion {
    c.activity = Some(activity);
    c
}

fn computed(code: &str, name: &str, description: &str, max: f64, rule: ScoringRule, to: Applicability) -> Criterion {
    Criterion {
        rule,
        evidence_required: false,
        ..self_scored(code, name, description, max, &to)
    }
}

/// The plan's default sheet: groups A–H from its key tasks and targets,
/// 100 points, plus bonus and penalty lines in group X.
pub fn default_sheet() -> Sheet {
    use UnitKind::*;
    let all = Applicability::All;
    let infrastructure = Applicability::Kinds(vec![Infrastructure, Town, Commune]);
    let enforcement = Applicability::Kinds(vec![Police, TransportInspector, Town, Commune]);
    let rescue = Applicability::Kinds(vec![Health, Police, Town, Commune]);
    let territory = Applicability::Kinds(vec![Commune, Town, District, Province]);

    let groups = vec![
        group(
            "A",
            "Lãnh đạo, chỉ đạo, kiểm tra thực hiện kế hoạch, chỉ thị",
            "II.1",
            15.0,
        ),
        group(
            "B",
            "Ứng dụng công nghệ số, lồng ghép mục tiêu TTATGT vào quy hoạch",
            "II.2",
            5.0,
        ),
        group("C", "Kết cấu hạ tầng giao thông, xử lý điểm đen", "II.3, II.4", 10.0),
        group(
            "D",
            "Văn hoá giao thông, tuyên truyền, phổ biến giáo dục pháp luật",
            "II.5",
            20.0,
        ),
        group(
            "E",
            "Thực thi pháp luật, tuần tra, kiểm soát, xử lý vi phạm",
            "II.6",
            15.0,
        ),
        group(
            "F",
            "Cứu hộ, cứu nạn, cứu chữa nạn nhân tai nạn giao thông",
            "II.7",
            5.0,
        ),
        group("G", "Kết quả kéo giảm tai nạn giao thông", "I.1.1", 25.0),
        group("H", "Chấp hành chế độ thông tin, báo cáo", "III", 5.0),
        group("X", "Điểm thưởng / điểm trừ", "—", 0.0),
    ];

    let criteria = vec![
        self_scored(
            "A1",
            "Ban hành kế hoạch triển khai của đơn vị",
            "Đơn vị ban hành kế hoạch thực hiện phong trào thi đua và các kế hoạch, chỉ thị về bảo đảm TTATGT.",
            5.0,
            &all,
        ),
        self_scored(
            "A2",
            "Kiểm tra, đôn đốc thực hiện các kế hoạch, chỉ thị",
            "Tổ chức kiểm tra, đôn đốc việc triển khai các kế hoạch, chỉ thị của Trung ương, tỉnh, huyện về TTATGT.",
            5.0,
            &all,
        ),
        self_scored(
            "A3",
            "Lồng ghép nhiệm vụ bảo đảm TTATGT vào chương trình công tác",
            "Nhiệm vụ bảo đảm TTATGT được đưa vào chương trình, kế hoạch công tác thường xuyên của đơn vị.",
            5.0,
            &all,
        ),
        self_scored(
            "B1",
            "Ứng dụng công nghệ thông tin, chuyển đổi số trong công tác bảo đảm TTATGT",
            "Áp dụng thành quả của cuộc cách mạng công nghiệp lần thứ tư vào công tác bảo đảm TTATGT.",
            3.0,
            &all,
        ),
        self_scored(
            "B2",
            "Lồng ghép mục tiêu bảo đảm TTATGT vào quy hoạch",
            "Lồng ghép vào quy hoạch sử dụng đất, xây dựng đô thị, nông thôn và quy hoạch chuyên ngành giao thông vận tải.",
            2.0,
            &all,
        ),
        with_activity(
            self_scored(
                "C1",
                "Rà soát, xử lý dứt điểm điểm đen, điểm tiềm ẩn tai nạn giao thông",
                "Số điểm đen, điểm tiềm ẩn tai nạn giao thông được phát hiện và xử lý trong kỳ.",
                4.0,
                &infrastructure,
            ),
            Activity::BlackSpotsFixed,
        ),
        self_scored(
            "C2",
            "Bảo trì, sửa chữa kết cấu hạ tầng giao thông; tổ chức giao thông hợp lý",
            "Bảo trì, sửa chữa kết cấu hạ tầng giao thông; tổ chức giao thông khoa học, hợp lý.",
            3.0,
            &infrastructure,
        ),
        self_scored(
            "C3",
            "Bảo đảm tiến độ, chất lượng công trình giao thông; phát triển vận tải công cộng, vận tải thủy",
            "Đẩy nhanh tiến độ, bảo đảm chất lượng các công trình giao thông; phát triển vận tải công cộng và vận tải thủy.",
            3.0,
            &infrastructure,
        ),
        with_activity(
            self_scored(
                "D1",
                "Tổ chức tuyên truyền, phổ biến, giáo dục pháp luật về TTATGT",
                "Số buổi tuyên truyền đã tổ chức và số lượt người tham dự so với giao ước của đơn vị.",
                8.0,
                &all,
            ),
            Activity::PropagandaSessions,
        ),
        with_activity(
            self_scored(
                "D2",
                "Tuyên truyền qua mạng xã hội, hạ tầng số",
                "Số tin, bài tuyên truyền về TTATGT đăng trên trang thông tin điện tử, mạng xã hội.",
                4.0,
                &all,
            ),
            Activity::Posts,
        ),
        with_activity(
            self_scored(
                "D3",
                "Lồng ghép văn hoá giao thông vào hoạt động của nhà trường, doanh nghiệp vận tải",
                "Vận động, hướng dẫn nhà trường, doanh nghiệp vận tải lồng ghép mục tiêu bảo đảm TTATGT vào chương trình của mình.",
                4.0,
                &all,
            ),
            Activity::SchoolPrograms,
        ),
        self_scored(
            "D4",
            "Xây dựng văn hoá giao thông an toàn trong cơ quan, đơn vị",
            "Cán bộ, công chức, viên chức, người lao động gương mẫu chấp hành pháp luật về TTATGT.",
            4.0,
            &all,
        ),
        with_activity(
            self_scored(
                "E1",
                "Tuần tra, kiểm soát bảo đảm TTATGT",
                "Số ca tuần tra, kiểm soát trên các tuyến giao thông trong kỳ.",
                5.0,
                &enforcement,
            ),
            Activity::Patrols,
        ),
        with_activity(
            self_scored(
                "E2",
                "Phát hiện, xử lý vi phạm pháp luật về TTATGT",
                "Số trường hợp vi phạm được phát hiện và xử lý trong kỳ.",
                5.0,
                &enforcement,
            ),
            Activity::ViolationsHandled,
        ),
        with_activity(
            self_scored(
                "E3",
                "Kiểm tra, xử lý vi phạm nồng độ cồn",
                "Số lượt kiểm tra nồng độ cồn đối với người điều khiển phương tiện.",
                3.0,
                &enforcement,
            ),
            Activity::DrinkChecks,
        ),
        self_scored(
            "E4",
            "Khai thác dữ liệu giám sát hành trình, chia sẻ dữ liệu giữa các ngành",
            "Khai thác dữ liệu từ thiết bị giám sát hành trình; kết nối, sử dụng chung cơ sở dữ liệu giữa ngành GTVT, Công an, Tài chính.",
            2.0,
            &enforcement,
        ),
        self_scored(
            "F1",
            "Cứu hộ, cứu nạn, cứu chữa kịp thời nạn nhân tai nạn giao thông",
            "Tổ chức lực lượng, phương tiện cứu hộ, cứu nạn và cứu chữa nạn nhân kịp thời.",
            3.0,
            &rescue,
        ),
        self_scored(
            "F2",
            "Ứng dụng kỹ thuật số trong tiếp nhận thông tin, khắc phục hậu quả tai nạn",
            "Nắm bắt thông tin kịp thời trên nền kỹ thuật số để xử lý, khắc phục hậu quả tai nạn giao thông.",
            2.0,
            &rescue,
        ),
        computed(
            "G1",
            "Kết quả kéo giảm tai nạn giao thông so với cùng kỳ",
            "Tính tự động: số vụ, số người chết, số người bị thương, số vụ do rượu bia, số vụ liên quan ô tô kinh doanh vận tải so với cùng kỳ; có tai nạn đặc biệt nghiêm trọng thì nhóm được 0 điểm.",
            25.0,
            ScoringRule::Outcomes,
            territory,
        ),
        computed(
            "H1",
            "Gửi báo cáo đúng hạn",
            "Tính tự động: báo cáo gửi đúng hạn (hoặc trong thời hạn được gia hạn) được 5 điểm.",
            5.0,
            ScoringRule::ReportingDiscipline,
            all.clone(),
        ),
        Criterion {
            evidence_required: true,
            rule: ScoringRule::Bonus,
            ..self_scored(
                "X1",
                "Điểm thưởng",
                "Có mô hình hay được nhân rộng hoặc được cấp trên khen thưởng, biểu dương.",
                5.0,
                &all,
            )
        },
        computed(
            "X2",
            "Điểm trừ",
            "Báo cáo trễ hạn hoặc không báo cáo; báo cáo còn thiếu khi kỳ khoá bị trừ 2 điểm.",
            5.0,
            ScoringRule::Penalty,
            all.clone(),
        ),
    ];
    Sheet { groups, criteria }
}
