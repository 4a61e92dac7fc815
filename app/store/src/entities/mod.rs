//! One sea-orm entity per table. Crate-private: the rest of the program
//! sees domain types, so the schema can change behind them.

pub mod accident;
pub mod audit_log;
pub mod award_decision;
pub mod award_form;
pub mod award_proposal;
pub mod award_round;
pub mod baseline;
pub mod block;
pub mod campaign;
pub mod commendation;
pub mod committee;
pub mod criteria_group;
pub mod criterion;
pub mod display_token;
pub mod evidence;
pub mod extension;
pub mod file;
pub mod holiday;
pub mod notification;
pub mod objection;
pub mod period;
pub mod pledge;
pub mod published_breakdown;
pub mod ranking_publication;
pub mod registration;
pub mod reminder;
pub mod report;
pub mod report_activity;
pub mod report_event;
pub mod report_score;
pub mod session;
pub mod target;
pub mod unit;
pub mod user;
pub mod user_role;
