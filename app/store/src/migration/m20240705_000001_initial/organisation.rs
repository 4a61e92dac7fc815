//! Tables of who takes part: committees, campaigns, units, blocks,
//! registrations, and the people who sign in.

use super::dsl::table;
use sea_orm_migration::prelude::*;

pub fn tables() -> Vec<TableCreateStatement> {
    vec![
        table("files")
            .string("stored_name")
            .string("mime")
            .big("size_bytes")
            .time("created_at")
            .build(),
        table("committees")
            .string("name")
            .string("level")
            .refs_opt("parent_id", "committees")
            .build(),
        table("campaigns")
            .refs("committee_id", "committees")
            .string("slug")
            .string("plan_number")
            .text("title")
            .text("theme")
            .date("starts_on")
            .date("ends_on")
            .int("baseline_year")
            .string("status")
            .string("period_rule")
            .int("serious_deaths_threshold")
            .int("deadline_days")
            .int("publish_days")
            .flag("is_demo")
            .refs_opt("plan_document_id", "files")
            .time("created_at")
            .build(),
        table("targets")
            .refs("campaign_id", "campaigns")
            .string("measure")
            .string("goal")
            .build(),
        table("units")
            .refs("committee_id", "committees")
            .refs_opt("parent_id", "units")
            .string("name")
            .string("short_name")
            .string("kind")
            .refs_opt("nominated_by_unit_id", "units")
            .time_opt("retired_at")
            .build(),
        table("users")
            .string("username")
            .string("display_name")
            .string_opt("email")
            .string("password_hash")
            .refs_opt("unit_id", "units")
            .flag("is_active")
            .flag("is_demo")
            .time("created_at")
            .time("password_changed_at")
            .build(),
        table("user_roles")
            .refs("user_id", "users")
            .string("role")
            .refs_opt("campaign_id", "campaigns")
            .build(),
        super::dsl::table_with_string_key("sessions")
            .text("data")
            .time("expires_at")
            .build(),
        table("display_tokens")
            .refs("campaign_id", "campaigns")
            .string("name")
            .string("token_hash")
            .refs("created_by", "users")
            .time("created_at")
            .time_opt("revoked_at")
            .build(),
        table("blocks")
            .refs("campaign_id", "campaigns")
            .string("name")
            .int("sort_order")
            .build(),
        table("registrations")
            .refs("campaign_id", "campaigns")
            .refs("unit_id", "units")
            .refs("block_id", "blocks")
            .string("status")
            .time("registered_at")
            .time_opt("confirmed_at")
            .refs_opt("confirmed_by", "users")
            .build(),
        table("pledges")
            .refs("registration_id", "registrations")
            .string("activity")
            .big("target_value")
            .build(),
    ]
}
