//! An award round: the proposals of one review (mid-term or final), from
//! the rule-made list to the council's votes, the publication the law
//! requires before a decision, objections, and the decision itself.

use crate::council::WorkCalendar;
use crate::types::coded_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// Where a round stands; each step only moves forward: the office
    /// prepares the list (units nominate individuals), the council votes,
    /// the approved list is public (anyone may object), the decision is
    /// recorded (the honour roll shows it).
    RoundStatus {
        Proposing = "proposing",
        Voting = "voting",
        Published = "published",
        Decided = "decided",
    }
}

/// What someone wants to do to a round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundAction {
    /// Make (or make again) the proposals from the official ranking.
    Generate,
    /// Add or remove a proposal with a reason; a unit nominates an individual.
    EditProposals,
    OpenVoting,
    Vote,
    Publish,
    Object,
    AnswerObjection,
    Decide,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RoundError {
    #[error("Đợt khen thưởng đang ở bước “{0}”, không thể làm việc này.")]
    WrongStep(&'static str),
    #[error("Còn {0} đề nghị chưa có kết quả biểu quyết.")]
    VotesMissing(usize),
    #[error(
        "Danh sách phải được công khai ít nhất {days} ngày làm việc: sớm nhất ngày {earliest} mới được quyết định."
    )]
    TooEarly { days: u32, earliest: String },
    #[error("Còn {0} ý kiến phản ánh chưa được trả lời.")]
    ObjectionsOpen(usize),
}

impl RoundStatus {
    pub fn label(self) -> &'static str {
        match self {
            RoundStatus::Proposing => "Lập danh sách đề nghị",
            RoundStatus::Voting => "Hội đồng biểu quyết",
            RoundStatus::Published => "Công khai danh sách",
            RoundStatus::Decided => "Đã có quyết định",
        }
    }

    /// Whether `action` may be taken at this step.
    pub fn allows(self, action: RoundAction) -> Result<(), RoundError> {
        use RoundAction::*;
        use RoundStatus::*;
        let ok = match action {
            Generate | EditProposals | OpenVoting => self == Proposing,
            Vote | Publish => self == Voting,
            Object | AnswerObjection | Decide => self == Published,
        };
        if ok {
            Ok(())
        } else {
            Err(RoundError::WrongStep(self.label()))
        }
    }
}

impl crate::ProposalStatus {
    pub fn label(self) -> &'static str {
        match self {
            crate::ProposalStatus::Proposed => "Đề nghị",
            crate::ProposalStatus::Removed => "Đưa ra khỏi danh sách",
            crate::ProposalStatus::Approved => "Được thông qua",
            crate::ProposalStatus::Rejected => "Không được thông qua",
        }
    }
}

coded_enum! {
    /// Where a proposal came from.
    ProposalSource {
        Rule = "rule",
        Manual = "manual",
        Nomination = "nomination",
    }
}

/// A round as the pages show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundView {
    pub id: crate::Id,
    pub campaign_id: crate::Id,
    pub period_id: crate::Id,
    pub period_name: String,
    pub status: RoundStatus,
    pub vote_threshold_pct: u32,
    pub published_on: Option<NaiveDate>,
    /// The first day a decision may be taken, once published.
    pub decision_earliest: Option<NaiveDate>,
}

/// One proposal of a round, with its votes and objections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProposalView {
    pub id: crate::Id,
    pub form_id: crate::Id,
    pub form_name: String,
    pub level: crate::AwardLevel,
    pub block_name: String,
    pub unit_id: crate::Id,
    pub unit_name: String,
    pub individual_name: Option<String>,
    pub achievement: Option<String>,
    pub reason: String,
    pub source: ProposalSource,
    pub status: crate::ProposalStatus,
    pub tally: crate::council::Tally,
    pub office_note: Option<String>,
    pub objections: Vec<ObjectionView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ObjectionView {
    pub id: crate::Id,
    pub name: String,
    pub text: String,
    pub answer: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A recorded decision on one award form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionView {
    /// The round the decision closes; `None` only for decisions older than rounds.
    pub round_id: Option<crate::Id>,
    pub form_id: crate::Id,
    pub form_name: String,
    pub number: String,
    pub signed_on: NaiveDate,
}

/// Publishing needs a result for every proposal still on the list.
pub fn check_publish(undecided_proposals: usize) -> Result<(), RoundError> {
    match undecided_proposals {
        0 => Ok(()),
        n => Err(RoundError::VotesMissing(n)),
    }
}

/// A decision needs the full publication window behind it and every objection answered.
pub fn check_decide(
    published_on: NaiveDate,
    today: NaiveDate,
    days: u32,
    calendar: &WorkCalendar,
    open_objections: usize,
) -> Result<(), RoundError> {
    let earliest = calendar.decision_earliest(published_on, days);
    if today < earliest {
        return Err(RoundError::TooEarly {
            days,
            earliest: earliest.format("%d/%m/%Y").to_string(),
        });
    }
    match open_objections {
        0 => Ok(()),
        n => Err(RoundError::ObjectionsOpen(n)),
    }
}

/// A round is decided once every award form with an approved proposal
/// has its decision.
pub fn round_decided(proposals: &[ProposalView], decided_forms: &std::collections::HashSet<crate::Id>) -> bool {
    proposals
        .iter()
        .filter(|p| p.status == crate::ProposalStatus::Approved)
        .all(|p| decided_forms.contains(&p.form_id))
}

/// The entries of a round the honour roll shows: its approved proposals
/// whose award form has a signed decision, once the round is decided.
pub fn awarded(
    status: RoundStatus,
    approved: &[ProposalView],
    decisions: &[DecisionView],
) -> Vec<(ProposalView, DecisionView)> {
    if status != RoundStatus::Decided {
        return Vec::new();
    }
    approved
        .iter()
        .filter_map(|p| Some((p.clone(), decisions.iter().find(|d| d.form_id == p.form_id)?.clone())))
        .collect()
}

/// Whether the settings may move from `now` to `new`: the threshold only
/// while the round's list is being made (`round` is where the chosen round
/// stands, if one is open), the window only while no list is public.
pub fn check_settings_change(
    now: crate::AwardSettings,
    new: crate::AwardSettings,
    round: Option<RoundStatus>,
    a_list_is_public: bool,
) -> Result<(), crate::SettingsError> {
    new.check()?;
    if new.publish_days != now.publish_days && a_list_is_public {
        return Err(crate::SettingsError::WindowWhilePublic);
    }
    if new.vote_threshold_pct != now.vote_threshold_pct && !threshold_may_change(round) {
        return Err(crate::SettingsError::ThresholdAfterProposing);
    }
    Ok(())
}

/// Whether a round's vote threshold may still change: with no round open
/// (it is the next round's), or while its list is being made.
pub fn threshold_may_change(round: Option<RoundStatus>) -> bool {
    round.is_none_or(|s| s == RoundStatus::Proposing)
}

/// The rows of the printed proposal list: what the council approved once
/// it has voted, before that every proposal still on the list.
pub fn printed_proposals(proposals: Vec<ProposalView>) -> Vec<ProposalView> {
    use crate::ProposalStatus::{Approved, Removed};
    let voted = proposals.iter().any(|p| p.status == Approved);
    proposals
        .into_iter()
        .filter(|p| match voted {
            true => p.status == Approved,
            false => p.status != Removed,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_step_allows_only_its_own_work() {
        use RoundAction::*;
        let all = [
            Generate,
            EditProposals,
            OpenVoting,
            Vote,
            Publish,
            Object,
            AnswerObjection,
            Decide,
        ];
        let allowed = |s: RoundStatus| all.iter().filter(|a| s.allows(**a).is_ok()).count();
        assert_eq!(allowed(RoundStatus::Proposing), 3);
        assert_eq!(allowed(RoundStatus::Voting), 2);
        assert_eq!(allowed(RoundStatus::Published), 3);
        assert_eq!(allowed(RoundStatus::Decided), 0);
        assert_eq!(
            RoundStatus::Voting.allows(Generate).unwrap_err().to_string(),
            "Đợt khen thưởng đang ở bước “Hội đồng biểu quyết”, không thể làm việc này."
        );
    }

    #[test]
    fn a_decision_waits_for_the_window_and_the_answers() {
        let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
        let cal = WorkCalendar::default();
        let early = check_decide(d(12, 16), d(12, 23), 5, &cal, 0).unwrap_err();
        assert_eq!(
            early.to_string(),
            "Danh sách phải được công khai ít nhất 5 ngày làm việc: sớm nhất ngày 24/12/2024 mới được quyết định."
        );
        assert_eq!(
            check_decide(d(12, 16), d(12, 24), 5, &cal, 1),
            Err(RoundError::ObjectionsOpen(1))
        );
        assert_eq!(check_decide(d(12, 16), d(12, 24), 5, &cal, 0), Ok(()));
        assert_eq!(check_publish(2), Err(RoundError::VotesMissing(2)));
    }

    fn proposal(id: crate::Id, form_id: crate::Id, status: crate::ProposalStatus) -> ProposalView {
        ProposalView {
            id,
            form_id,
            form_name: String::new(),
            level: crate::AwardLevel::GiayKhen,
            block_name: String::new(),
            unit_id: id,
            unit_name: String::new(),
            individual_name: None,
            achievement: None,
            reason: String::new(),
            source: ProposalSource::Rule,
            status,
            tally: crate::council::Tally::default(),
            office_note: None,
            objections: Vec::new(),
        }
    }

    #[test]
    fn a_round_is_decided_when_every_approved_form_is() {
        use crate::ProposalStatus::*;
        let list = [
            proposal(1, 10, Approved),
            proposal(2, 20, Approved),
            proposal(3, 30, Rejected),
        ];
        let decided = |forms: &[crate::Id]| round_decided(&list, &forms.iter().copied().collect());
        assert!(!decided(&[]));
        assert!(!decided(&[10]));
        assert!(
            decided(&[10, 20]),
            "a form with only rejected proposals needs no decision"
        );
    }

    #[test]
    fn settings_change_only_where_the_round_allows() {
        use crate::{AwardSettings, SettingsError};
        let s = |v, p| AwardSettings {
            vote_threshold_pct: v,
            publish_days: p,
        };
        let ok = |now, new, round, public| check_settings_change(now, new, round, public);
        assert_eq!(ok(s(50, 5), s(66, 7), Some(RoundStatus::Proposing), false), Ok(()));
        assert_eq!(ok(s(50, 5), s(66, 5), None, false), Ok(()), "no round: nothing to hold");
        assert_eq!(
            ok(s(50, 5), s(66, 5), Some(RoundStatus::Voting), false),
            Err(SettingsError::ThresholdAfterProposing)
        );
        assert_eq!(ok(s(50, 5), s(50, 6), Some(RoundStatus::Voting), false), Ok(()));
        assert_eq!(
            ok(s(50, 5), s(50, 6), None, true),
            Err(SettingsError::WindowWhilePublic)
        );
        assert_eq!(ok(s(50, 5), s(40, 5), None, false), Err(SettingsError::Threshold));
    }

    #[test]
    fn the_printed_list_is_the_approved_one_once_voted() {
        use crate::ProposalStatus::*;
        let ids = |v: Vec<ProposalView>| v.into_iter().map(|p| p.id).collect::<Vec<_>>();
        let before = vec![proposal(1, 10, Proposed), proposal(2, 10, Removed)];
        assert_eq!(ids(printed_proposals(before)), [1]);
        let after = vec![
            proposal(1, 10, Approved),
            proposal(2, 10, Rejected),
            proposal(3, 10, Removed),
        ];
        assert_eq!(ids(printed_proposals(after)), [1]);
    }
}
