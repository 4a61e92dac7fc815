//! The lists the demo is made of (DOMAIN.md, "Demo data"). The units are
//! illustrative, not an official list, and every accident figure is invented.

use chrono::NaiveDate;
use domain::{Activity, AwardLevel, UnitKind};

pub const PROVINCE_COMMITTEE: &str = "Ban An toàn giao thông tỉnh Sóc Trăng";
pub const DISTRICT_COMMITTEE: &str = "Ban An toàn giao thông huyện Mỹ Tú";

pub const SLUG: &str = "ke-hoach-114-2024";
pub const PLAN_NUMBER: &str = "114/KH-UBND";
pub const TITLE: &str = "Phát động phong trào thi đua đảm bảo trật tự an toàn giao thông năm 2024 \
                         trên địa bàn huyện Mỹ Tú";
pub const THEME: &str = "Thượng tôn pháp luật về xây dựng văn hoá giao thông an toàn";
pub const BASELINE_YEAR: i32 = 2023;
pub const SERIOUS_DEATHS: u32 = 3;
pub const DEADLINE_DAYS: u32 = 3;
/// Results stay published this many working days before the decision.
pub const PUBLISH_DAYS: i32 = 5;

pub fn starts_on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 7, 5).expect("valid date")
}

pub fn ends_on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 12, 31).expect("valid date")
}

/// The district as a whole: scored on the outcomes of its whole area,
/// shown beside the blocks but ranked in none.
pub const DISTRICT_UNIT: (&str, &str) = ("Huyện Mỹ Tú", "Toàn huyện");

pub struct DemoUnit {
    pub name: &'static str,
    pub short_name: &'static str,
    pub kind: UnitKind,
}

const fn unit(name: &'static str, short_name: &'static str, kind: UnitKind) -> DemoUnit {
    DemoUnit { name, short_name, kind }
}

pub struct DemoBlock {
    pub name: &'static str,
    pub units: &'static [DemoUnit],
}

use UnitKind::*;

pub const BLOCKS: &[DemoBlock] = &[
    DemoBlock {
        name: "Khối cơ quan huyện",
        units: &[
            unit("Công an huyện", "CA huyện", Police),
            unit("Ban Chỉ huy Quân sự huyện", "BCH Quân sự", Military),
            unit("Phòng Kinh tế và Hạ tầng", "P. KT-HT", Infrastructure),
            unit("Phòng Giáo dục và Đào tạo", "P. GD-ĐT", Education),
            unit("Phòng Văn hóa và Thông tin", "P. VH-TT", Culture),
            unit("Trung tâm Văn hóa – Thể thao và Truyền thanh", "TT VH-TT-TT", Media),
            unit("Trung tâm Y tế huyện", "TT Y tế", Health),
            unit("Phòng Tư pháp", "P. Tư pháp", Agency),
            unit("Phòng Tài chính – Kế hoạch", "P. TC-KH", Agency),
            unit("Phòng Nội vụ", "P. Nội vụ", Agency),
            unit("Phòng Lao động – Thương binh và Xã hội", "P. LĐ-TB-XH", Agency),
        ],
    },
    DemoBlock {
        name: "Khối Đảng, Mặt trận và đoàn thể",
        units: &[
            unit("Ban Tuyên giáo Huyện ủy", "BTG Huyện ủy", Propaganda),
            unit("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "UB MTTQ", MassOrganisation),
            unit("Huyện đoàn", "Huyện đoàn", MassOrganisation),
            unit("Hội Liên hiệp Phụ nữ huyện", "Hội LHPN", MassOrganisation),
            unit("Hội Nông dân huyện", "Hội Nông dân", MassOrganisation),
            unit("Hội Cựu chiến binh huyện", "Hội CCB", MassOrganisation),
            unit("Liên đoàn Lao động huyện", "LĐLĐ huyện", MassOrganisation),
        ],
    },
    DemoBlock {
        name: "Khối xã, thị trấn",
        units: &[
            unit("Thị trấn Huỳnh Hữu Nghĩa", "TT. Huỳnh Hữu Nghĩa", Town),
            unit("Xã Long Hưng", "Long Hưng", Commune),
            unit("Xã Hưng Phú", "Hưng Phú", Commune),
            unit("Xã Mỹ Hương", "Mỹ Hương", Commune),
            unit("Xã Mỹ Tú", "Mỹ Tú", Commune),
            unit("Xã Mỹ Phước", "Mỹ Phước", Commune),
            unit("Xã Thuận Hưng", "Thuận Hưng", Commune),
            unit("Xã Mỹ Thuận", "Mỹ Thuận", Commune),
            unit("Xã Phú Mỹ", "Phú Mỹ", Commune),
        ],
    },
];

/// How often accidents happen in each territorial unit, relative to the
/// others (the town and the communes on the main roads see more traffic).
pub const ACCIDENT_WEIGHTS: [u32; 9] = [5, 3, 2, 4, 3, 2, 2, 3, 2];

/// The one particularly serious accident of the demo.
pub struct SeriousAccident {
    /// Index among the town and communes (the third block).
    pub territory: usize,
    pub local: (i32, u32, u32, u32, u32),
    pub deaths: i32,
    pub injuries: i32,
}

pub const SERIOUS_ACCIDENT: SeriousAccident = SeriousAccident {
    territory: 3,
    local: (2024, 10, 5, 19, 40),
    deaths: 3,
    injuries: 1,
};

/// The activities a unit of this kind pledges and reports.
pub fn activities(kind: UnitKind) -> Vec<Activity> {
    use Activity::*;
    let mut list = vec![PropagandaSessions, PeopleReached, Posts];
    if matches!(kind, Education | Town | Commune | MassOrganisation) {
        list.push(SchoolPrograms);
    }
    if matches!(kind, Police | Town | Commune) {
        list.extend([Patrols, ViolationsHandled, DrinkChecks]);
    }
    if matches!(kind, Infrastructure | Town | Commune) {
        list.push(BlackSpotsFixed);
    }
    list
}

/// A plausible pledge for the whole campaign, and its monthly share.
pub fn pledge_range(activity: Activity) -> (i64, i64) {
    use Activity::*;
    match activity {
        PropagandaSessions => (6, 18),
        PeopleReached => (600, 3000),
        Posts => (12, 48),
        SchoolPrograms => (2, 8),
        Patrols => (24, 90),
        ViolationsHandled => (60, 400),
        DrinkChecks => (100, 600),
        BlackSpotsFixed => (1, 4),
    }
}

pub struct DemoAwardForm {
    pub name: &'static str,
    pub level: AwardLevel,
    pub issuer: &'static str,
    pub min_score: f64,
    pub max_rank: Option<i32>,
}

pub const AWARD_FORMS: &[DemoAwardForm] = &[
    DemoAwardForm {
        name: "Bằng khen của Chủ tịch UBND tỉnh",
        level: AwardLevel::BangKhen,
        issuer: "Chủ tịch Ủy ban nhân dân tỉnh Sóc Trăng",
        min_score: 90.0,
        max_rank: Some(1),
    },
    DemoAwardForm {
        name: "Giấy khen của Chủ tịch UBND huyện",
        level: AwardLevel::GiayKhen,
        issuer: "Chủ tịch Ủy ban nhân dân huyện Mỹ Tú",
        min_score: 80.0,
        max_rank: None,
    },
];

pub struct DemoCommendation {
    /// The unit praised, as (block, index in the block) of [`BLOCKS`].
    pub unit: (usize, usize),
    pub individual: Option<&'static str>,
    pub text: &'static str,
    pub published_on: (i32, u32, u32),
}

pub const COMMENDATIONS: &[DemoCommendation] = &[
    DemoCommendation {
        unit: (0, 0),
        individual: None,
        text: "Công an huyện ra quân cao điểm kiểm tra, xử lý vi phạm nồng độ cồn dịp Lễ Quốc khánh 2/9, \
               không để xảy ra tai nạn giao thông nghiêm trọng trong những ngày nghỉ lễ.",
        published_on: (2024, 9, 10),
    },
    DemoCommendation {
        unit: (1, 2),
        individual: Some("Đoàn viên Trần Minh Khang"),
        text: "Kịp thời sơ cứu và đưa người bị nạn đến Trung tâm Y tế huyện sau vụ va chạm giao thông \
               trên Quốc lộ 1A đoạn qua xã Mỹ Hương.",
        published_on: (2024, 10, 18),
    },
];

/// What a reviewer writes when sending a report back or changing a score.
pub const RETURN_REASONS: &[&str] = &[
    "Thiếu tài liệu kiểm chứng cho tiêu chí tuyên truyền, đề nghị bổ sung.",
    "Số liệu tuần tra, kiểm soát chưa khớp với báo cáo của Công an huyện.",
    "Điểm tự chấm tiêu chí A1 chưa có văn bản kế hoạch kèm theo.",
];
pub const REVIEW_REASONS: &[&str] = &[
    "Kế hoạch ban hành chậm so với yêu cầu, trừ 1 điểm.",
    "Chỉ có 2 buổi tuyên truyền có biên bản, chưa đạt giao ước.",
    "Chưa có hình ảnh, đường dẫn chứng minh các tin bài đã đăng.",
];
pub const REOPEN_REASON: &str = "Mở lại theo đề nghị của Hội đồng thi đua để bổ sung tài liệu kiểm chứng tiêu chí D1.";
pub const BONUS_REASON: &str =
    "Mô hình \"Cổng trường an toàn giao thông\" được Ban An toàn giao thông tỉnh biểu dương và nhân rộng.";

/// What the police wrote; invented, like the figures.
pub const ACCIDENT_NOTES: &[&str] = &[
    "Va chạm giữa hai xe mô tô tại ngã ba (số liệu minh hoạ).",
    "Xe mô tô tự té trên đường huyện (số liệu minh hoạ).",
    "Xe mô tô va chạm xe tải trên Quốc lộ 1A (số liệu minh hoạ).",
    "Người đi bộ bị xe mô tô tông khi băng qua đường (số liệu minh hoạ).",
    "Xe ô tô con va chạm xe mô tô tại giao lộ (số liệu minh hoạ).",
    "Va chạm giữa xe đạp và xe mô tô trên đường tỉnh (số liệu minh hoạ).",
];
pub const SERIOUS_NOTE: &str = "Xe khách va chạm với xe mô tô trên Quốc lộ 1A, 3 người tử vong (số liệu minh hoạ).";
pub const SCORE_EXPLANATIONS: &[&str] = &[
    "Đã thực hiện đầy đủ, có văn bản và hình ảnh kèm theo.",
    "Thực hiện theo kế hoạch; biên bản, danh sách tham dự lưu tại đơn vị.",
    "Đã triển khai, kết quả nêu trong báo cáo tháng.",
];
