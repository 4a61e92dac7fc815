//! Accident figures and their comparison against the same period of the
//! baseline year (cùng kỳ).

use super::types::{Measure, Target, TargetGoal};
use serde::{Deserialize, Serialize};

/// Totals of the six measures over some area and time span.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccidentFigures {
    pub accidents: u32,
    pub deaths: u32,
    pub injuries: u32,
    pub drink_driving: u32,
    pub particularly_serious: u32,
    pub commercial_car: u32,
}

impl AccidentFigures {
    pub fn get(&self, m: Measure) -> u32 {
        match m {
            Measure::Accidents => self.accidents,
            Measure::Deaths => self.deaths,
            Measure::Injuries => self.injuries,
            Measure::DrinkDriving => self.drink_driving,
            Measure::ParticularlySerious => self.particularly_serious,
            Measure::CommercialCar => self.commercial_car,
        }
    }

    pub fn add(&mut self, other: &AccidentFigures) {
        self.accidents += other.accidents;
        self.deaths += other.deaths;
        self.injuries += other.injuries;
        self.drink_driving += other.drink_driving;
        self.particularly_serious += other.particularly_serious;
        self.commercial_car += other.commercial_car;
    }

    /// The figures one accident contributes.
    pub fn of_accident(a: &Accident, serious_deaths_threshold: u32) -> AccidentFigures {
        AccidentFigures {
            accidents: 1,
            deaths: a.deaths,
            injuries: a.injuries,
            drink_driving: a.drink_driving as u32,
            particularly_serious: a.is_particularly_serious(serious_deaths_threshold) as u32,
            commercial_car: a.commercial_car as u32,
        }
    }
}

/// One accident as the police record it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Accident {
    pub deaths: u32,
    pub injuries: u32,
    pub drink_driving: bool,
    pub commercial_car: bool,
    /// Marked particularly serious by hand, whatever the deaths.
    pub marked_serious: bool,
}

impl Accident {
    /// Deaths at or above the campaign's threshold (3 by default) make an
    /// accident particularly serious; the police can also mark one so.
    pub fn is_particularly_serious(&self, threshold: u32) -> bool {
        self.marked_serious || (threshold > 0 && self.deaths >= threshold)
    }
}

/// The default number of deaths that makes an accident particularly serious.
pub const DEFAULT_SERIOUS_DEATHS: u32 = 3;

/// A figure set beside its baseline.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub current: u32,
    pub baseline: u32,
}

impl Comparison {
    pub fn delta(&self) -> i64 {
        self.current as i64 - self.baseline as i64
    }

    /// Change in percent of the baseline; `None` when the baseline is zero
    /// (a percentage of nothing means nothing).
    pub fn percent(&self) -> Option<f64> {
        (self.baseline > 0).then(|| self.delta() as f64 * 100.0 / self.baseline as f64)
    }

    /// Whether the figure meets the plan's target for it.
    pub fn meets(&self, goal: TargetGoal) -> bool {
        match goal {
            TargetGoal::Zero => self.current == 0,
            TargetGoal::Decrease => self.current < self.baseline || (self.current == 0 && self.baseline == 0),
        }
    }
}

/// One line of the public progress table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetProgress {
    pub target: Target,
    pub comparison: Comparison,
    pub met: bool,
}

pub fn progress(targets: &[Target], current: &AccidentFigures, baseline: &AccidentFigures) -> Vec<TargetProgress> {
    targets
        .iter()
        .map(|t| {
            let comparison = Comparison {
                current: current.get(t.measure),
                baseline: baseline.get(t.measure),
            };
            TargetProgress {
                target: t.clone(),
                met: comparison.meets(t.goal),
                comparison,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::default_targets;

    #[test]
    fn percent_change_against_baseline() {
        let c = Comparison {
            current: 8,
            baseline: 10,
        };
        assert_eq!(c.delta(), -2);
        assert_eq!(c.percent(), Some(-20.0));
        assert!(c.meets(TargetGoal::Decrease));
        assert_eq!(
            Comparison {
                current: 3,
                baseline: 0
            }
            .percent(),
            None
        );
    }

    #[test]
    fn equal_nonzero_figures_do_not_meet_a_decrease() {
        assert!(
            !Comparison {
                current: 4,
                baseline: 4
            }
            .meets(TargetGoal::Decrease)
        );
        assert!(
            Comparison {
                current: 0,
                baseline: 0
            }
            .meets(TargetGoal::Decrease)
        );
        assert!(
            !Comparison {
                current: 1,
                baseline: 0
            }
            .meets(TargetGoal::Zero)
        );
    }

    #[test]
    fn three_deaths_make_an_accident_particularly_serious() {
        let mut a = Accident {
            deaths: 2,
            injuries: 1,
            drink_driving: true,
            commercial_car: false,
            marked_serious: false,
        };
        assert!(!a.is_particularly_serious(DEFAULT_SERIOUS_DEATHS));
        a.deaths = 3;
        let f = AccidentFigures::of_accident(&a, DEFAULT_SERIOUS_DEATHS);
        assert_eq!(
            (f.accidents, f.deaths, f.drink_driving, f.particularly_serious),
            (1, 3, 1, 1)
        );
    }

    #[test]
    fn progress_reports_every_target() {
        let cur = AccidentFigures {
            accidents: 5,
            deaths: 2,
            ..Default::default()
        };
        let base = AccidentFigures {
            accidents: 7,
            deaths: 2,
            ..Default::default()
        };
        let p = progress(&default_targets(), &cur, &base);
        assert_eq!(p.len(), 6);
        assert!(p[0].met);
        assert!(!p[1].met);
    }
}
