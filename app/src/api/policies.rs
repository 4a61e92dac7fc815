//! Who may call each server function: the one table the access check reads.
//! A server function that is not listed here is refused to everyone.

use super::access::{ADMIN, CAMPAIGN_READERS, COUNCIL, OFFICE, Policy, RECORDERS, UNIT_STAFF};
use super::{
    accidents, admin, audit, auth, award_publish, award_settings, award_steps, awards, dashboard, evidence, progress,
    public, publication, rankings, registration, reports, review, setup,
};
use leptos::server_fn::ServerFn;

pub const POLICIES: &[(&str, Policy)] = &[
    (<setup::ListCampaigns as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<setup::GetCampaignDraft as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<setup::CampaignSetup as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<setup::CreateCampaign as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<setup::UpdateCampaign as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<setup::SetCampaignStatus as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<setup::CampaignSheet as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<setup::SaveSheet as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<setup::ImportUnits as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<public::PublicOverview as ServerFn>::PATH, Policy::Public),
    (<dashboard::DashboardOverview as ServerFn>::PATH, Policy::Display),
    (<auth::Login as ServerFn>::PATH, Policy::Public),
    (<auth::Logout as ServerFn>::PATH, Policy::Public),
    (<auth::CurrentUser as ServerFn>::PATH, Policy::Public),
    (<auth::LogoutEverywhere as ServerFn>::PATH, Policy::SignedIn),
    (<auth::ChangePassword as ServerFn>::PATH, Policy::SignedIn),
    (<admin::ListUsers as ServerFn>::PATH, Policy::Roles(ADMIN)),
    (<admin::ListUnits as ServerFn>::PATH, Policy::Roles(ADMIN)),
    (<admin::CreateUser as ServerFn>::PATH, Policy::Roles(ADMIN)),
    (<admin::SetUserActive as ServerFn>::PATH, Policy::Roles(ADMIN)),
    (<admin::ResetPassword as ServerFn>::PATH, Policy::Roles(ADMIN)),
    (<admin::ListDisplayTokens as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<admin::CreateDisplayToken as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<admin::RevokeDisplayToken as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<reports::MyReports as ServerFn>::PATH, Policy::Roles(UNIT_STAFF)),
    (<reports::GetReport as ServerFn>::PATH, Policy::SignedIn),
    (<reports::SaveDraft as ServerFn>::PATH, Policy::Roles(UNIT_STAFF)),
    (<reports::StartReport as ServerFn>::PATH, Policy::Roles(UNIT_STAFF)),
    (
        <registration::MyRegistration as ServerFn>::PATH,
        Policy::Roles(UNIT_STAFF),
    ),
    (
        <registration::SaveRegistration as ServerFn>::PATH,
        Policy::Roles(UNIT_STAFF),
    ),
    // The head alone confirms; the reporter is refused by the domain rule.
    (
        <registration::ConfirmRegistration as ServerFn>::PATH,
        Policy::Roles(UNIT_STAFF),
    ),
    (<review::ReportAction as ServerFn>::PATH, Policy::SignedIn),
    (<review::ReviewScore as ServerFn>::PATH, Policy::Roles(OFFICE)),
    // Record-dependent: the police unit of the campaign's committee, or the office; the council reads.
    (<accidents::AccidentLog as ServerFn>::PATH, Policy::SignedIn),
    (<accidents::AddAccident as ServerFn>::PATH, Policy::Roles(RECORDERS)),
    (<accidents::UpdateAccident as ServerFn>::PATH, Policy::Roles(RECORDERS)),
    (<accidents::StrikeAccident as ServerFn>::PATH, Policy::Roles(RECORDERS)),
    (<accidents::ImportBaseline as ServerFn>::PATH, Policy::Roles(RECORDERS)),
    // Record-dependent: readers of the report read its evidence; its unit's staff change it.
    (<evidence::ListEvidence as ServerFn>::PATH, Policy::SignedIn),
    (<evidence::UploadEvidence as ServerFn>::PATH, Policy::Roles(UNIT_STAFF)),
    (<evidence::AddEvidenceLink as ServerFn>::PATH, Policy::Roles(UNIT_STAFF)),
    (<evidence::RemoveEvidence as ServerFn>::PATH, Policy::Roles(UNIT_STAFF)),
    (
        <progress::GetCompleteness as ServerFn>::PATH,
        Policy::Roles(CAMPAIGN_READERS),
    ),
    (<progress::GrantExtension as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<progress::MyTasks as ServerFn>::PATH, Policy::Roles(UNIT_STAFF)),
    // Provisional results are for staff: any signed-in account, never the public.
    (<rankings::GetRankings as ServerFn>::PATH, Policy::SignedIn),
    (<rankings::UnitBreakdown as ServerFn>::PATH, Policy::SignedIn),
    (<publication::PublishRankings as ServerFn>::PATH, Policy::Roles(OFFICE)),
    // What the office published is public, as the plan requires.
    (<publication::PublicBreakdown as ServerFn>::PATH, Policy::Public),
    // Awards: unit staff see and nominate for their own unit; the office runs
    // the round; the council alone votes; the published list and objections are public.
    (<awards::AwardsPage as ServerFn>::PATH, Policy::SignedIn),
    (
        <award_settings::SaveAwardSettings as ServerFn>::PATH,
        Policy::Roles(OFFICE),
    ),
    (<award_settings::AddHoliday as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<award_settings::RemoveHoliday as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (
        <award_steps::GenerateProposals as ServerFn>::PATH,
        Policy::Roles(OFFICE),
    ),
    (<award_steps::AddProposal as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<award_steps::RemoveProposal as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<award_steps::Nominate as ServerFn>::PATH, Policy::Roles(UNIT_STAFF)),
    (<award_steps::OpenVoting as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<award_steps::RecordVotes as ServerFn>::PATH, Policy::Roles(COUNCIL)),
    (<award_publish::PublishAwards as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<award_publish::FileObjection as ServerFn>::PATH, Policy::Public),
    (
        <award_publish::AnswerObjection as ServerFn>::PATH,
        Policy::Roles(OFFICE),
    ),
    (<award_publish::RecordDecision as ServerFn>::PATH, Policy::Roles(OFFICE)),
    (<award_publish::PublicAwards as ServerFn>::PATH, Policy::Public),
    (<audit::AuditLog as ServerFn>::PATH, Policy::SignedIn),
    (<audit::AuditCsv as ServerFn>::PATH, Policy::SignedIn),
];
