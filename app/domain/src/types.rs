//! The vocabulary of the domain (see `shared/DOMAIN.md`), as plain types.

use serde::{Deserialize, Serialize};

/// Database ids travel as plain integers.
pub type Id = i64;

/// Declares a string-coded enum: stable codes for the database, the API and
/// CSV files, so that a rename in code never changes stored data.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $code)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}
pub(crate) use coded_enum;

coded_enum! {
    /// What kind of body a unit is; it decides which criteria apply to it.
    UnitKind {
        Province = "province",
        District = "district",
        Police = "police",
        Military = "military",
        Infrastructure = "infrastructure",
        TransportInspector = "transport_inspector",
        Education = "education",
        Culture = "culture",
        Media = "media",
        Health = "health",
        Agency = "agency",
        Propaganda = "propaganda",
        MassOrganisation = "mass_organisation",
        Town = "town",
        Commune = "commune",
        Individual = "individual",
    }
}

impl UnitKind {
    /// Units with a territory are scored on the accident outcomes of their area.
    pub fn has_territory(self) -> bool {
        matches!(
            self,
            UnitKind::Province | UnitKind::District | UnitKind::Town | UnitKind::Commune
        )
    }

    /// Whose accidents count in a territorial unit's outcomes: a commune or
    /// town answers for its own area (`Some(unit_id)`), the district or the
    /// province for every commune in it (`None`).
    pub fn outcome_area(self, unit_id: Id) -> Option<Id> {
        matches!(self, UnitKind::Commune | UnitKind::Town).then_some(unit_id)
    }
}

coded_enum! {
    /// Where a unit sits in the administrative hierarchy of a committee.
    CommitteeLevel {
        National = "national",
        Province = "province",
        District = "district",
    }
}

coded_enum! {
    /// How a criterion gets its points.
    ScoringRule {
        SelfScored = "self",
        Outcomes = "outcomes",
        ReportingDiscipline = "discipline",
        ActivityAgainstPledge = "activity",
        Bonus = "bonus",
        Penalty = "penalty",
    }
}

coded_enum! {
    /// The accident measures of the plan's targets (I.1.1).
    Measure {
        Accidents = "accidents",
        Deaths = "deaths",
        Injuries = "injuries",
        DrinkDriving = "drink_driving",
        ParticularlySerious = "particularly_serious",
        CommercialCar = "commercial_car",
    }
}

coded_enum! {
    /// What a target asks of a measure.
    TargetGoal {
        Decrease = "decrease",
        Zero = "zero",
    }
}

coded_enum! {
    /// Activity figures that a report carries and pledges are made in.
    Activity {
        PropagandaSessions = "propaganda_sessions",
        PeopleReached = "people_reached",
        Posts = "posts",
        SchoolPrograms = "school_programs",
        Patrols = "patrols",
        ViolationsHandled = "violations_handled",
        DrinkChecks = "drink_checks",
        BlackSpotsFixed = "black_spots_fixed",
    }
}

coded_enum! {
    /// The state of one unit's report for one period.
    ReportStatus {
        Draft = "draft",
        Submitted = "submitted",
        Returned = "returned",
        Resubmitted = "resubmitted",
        Approved = "approved",
        Reopened = "reopened",
    }
}

coded_enum! {
    PeriodKind {
        Monthly = "monthly",
        MidTerm = "mid_term",
        Final = "final",
    }
}

coded_enum! {
    /// How reporting periods are cut: the government's reporting month
    /// (15th of the previous month to the 14th) or calendar months.
    PeriodRule {
        GovernmentMonth = "government_month",
        CalendarMonth = "calendar_month",
    }
}

coded_enum! {
    CampaignStatus {
        Draft = "draft",
        Open = "open",
        Closed = "closed",
        Archived = "archived",
    }
}

coded_enum! {
    Role {
        Admin = "admin",
        StandingOffice = "standing_office",
        Council = "council",
        Reporter = "reporter",
        UnitHead = "unit_head",
        Display = "display",
    }
}

coded_enum! {
    RegistrationStatus {
        Pending = "pending",
        Confirmed = "confirmed",
        Withdrawn = "withdrawn",
    }
}

coded_enum! {
    AwardLevel {
        BangKhen = "bang_khen",
        GiayKhen = "giay_khen",
    }
}

coded_enum! {
    ProposalStatus {
        Proposed = "proposed",
        Removed = "removed",
        Approved = "approved",
        Rejected = "rejected",
    }
}

/// One of the plan's targets for a campaign.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub measure: Measure,
    pub goal: TargetGoal,
}

/// The plan's default targets (I.1.1): five measures down, none particularly serious.
pub fn default_targets() -> Vec<Target> {
    Measure::ALL
        .iter()
        .map(|&measure| Target {
            measure,
            goal: if measure == Measure::ParticularlySerious {
                TargetGoal::Zero
            } else {
                TargetGoal::Decrease
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_for_every_enum_value() {
        for k in UnitKind::ALL {
            assert_eq!(UnitKind::from_code(k.code()), Some(*k));
        }
        for s in ReportStatus::ALL {
            assert_eq!(ReportStatus::from_code(s.code()), Some(*s));
        }
        assert_eq!(Role::from_code("nobody"), None);
    }

    #[test]
    fn only_areas_have_territory() {
        assert!(UnitKind::Commune.has_territory());
        assert!(UnitKind::District.has_territory());
        assert!(!UnitKind::Police.has_territory());
    }

    #[test]
    fn default_targets_cover_every_measure_once() {
        let t = default_targets();
        assert_eq!(t.len(), Measure::ALL.len());
        assert_eq!(t.iter().filter(|t| t.goal == TargetGoal::Zero).count(), 1);
    }
}
