//! `/xep-hang`: the standings of each block, for a period or cumulative,
//! official or provisional, with the tie-break order printed under them.
//! Plain links and a GET form choose what to see, so it works without
//! JavaScript; each unit's name opens its breakdown.

mod breakdown;
mod publish;

pub use breakdown::BreakdownPage;

use crate::api::rankings::{RankingView, get_rankings};
use crate::i18n::*;
use crate::ui::live::{LiveStatus, use_live};
use crate::ui::session::RequireRole;
use domain::{BlockTable, RankingMode, Scope, format_points, round2};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RankingsPage() -> impl IntoView {
    view! {
        <RequireRole>
            <Rankings />
        </RequireRole>
    }
}

/// What the address asks for: `?ky=<period id>` (else cumulative) and
/// `?tam-tinh=1` for the provisional ranking (else official).
pub fn choice() -> Memo<(Option<i64>, bool)> {
    let q = use_query_map();
    Memo::new(move |_| {
        let q = q.read();
        let period = q.get("ky").and_then(|s| s.parse().ok());
        let official = q.get("tam-tinh").is_none_or(|v| v != "1");
        (period, official)
    })
}

/// `?toan-bo=1`: every unit in one table instead of one table per block.
fn overall() -> Memo<bool> {
    let q = use_query_map();
    Memo::new(move |_| q.read().get("toan-bo").is_some_and(|v| v == "1"))
}

/// The address of the rankings page with these choices.
fn page_href(period: Option<i64>, official: bool, overall: bool) -> String {
    let q = query(period, official);
    match (overall, q.is_empty()) {
        (false, _) => format!("/xep-hang{q}"),
        (true, true) => "/xep-hang?toan-bo=1".into(),
        (true, false) => format!("/xep-hang{q}&toan-bo=1"),
    }
}

pub fn query(period: Option<i64>, official: bool) -> String {
    let mut parts = vec![];
    if let Some(p) = period {
        parts.push(format!("ky={p}"));
    }
    if !official {
        parts.push("tam-tinh=1".into());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[component]
fn Rankings() -> impl IntoView {
    let i18n = use_i18n();
    let choice = choice();
    let overall = overall();
    let view = Resource::new(
        move || (choice.get(), overall.get()),
        |((p, o), all)| get_rankings(p, o, all),
    );
    view! {
        <section class="page wide rankings">
            <h1>{t!(i18n, rankings_title)}</h1>
            <Transition fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match view.await {
                        Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                        Ok(None) => view! { <p class="empty">{t!(i18n, no_campaign)}</p> }.into_any(),
                        Ok(Some(v)) => view! { <Body v reload=view overall=overall.get_untracked() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The ranking as loaded, kept current by the live stream: the official
/// cumulative ranking comes in the stream itself; any other view is asked
/// for again when the stream says something changed.
#[component]
fn Body(
    v: RankingView,
    reload: Resource<Result<Option<RankingView>, crate::api::ApiError>>,
    overall: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let official = v.standings.mode == RankingMode::Official;
    let period = match v.standings.scope {
        Scope::Period(p) => Some(p),
        Scope::Cumulative => None,
    };
    let streamed = official && period.is_none() && !overall;
    let live = use_live(v.campaign_id);
    let seen = StoredValue::new(None::<chrono::DateTime<chrono::Utc>>);
    Effect::new(move |_| {
        let at = live.snapshot.with(|s| s.as_ref().map(|s| s.at));
        let first = seen.get_value().is_none();
        seen.set_value(at);
        // The first snapshot is what was just loaded; later ones are changes.
        if !streamed && at.is_some() && !first {
            reload.refetch();
        }
    });
    let loaded = StoredValue::new(v.standings.tables.clone());
    let tables = move || {
        live.snapshot
            .with(|s| s.as_ref().and_then(|s| s.standings.as_ref()).map(|s| s.tables.clone()))
            .filter(|_| streamed)
            .unwrap_or_else(|| loaded.get_value())
    };
    let updated = crate::ui::format::time_local(v.computed_at);
    view! {
        <form class="ranking-choice" method="get" action="/xep-hang">
            <label for="ky">{t!(i18n, col_period)}</label>
            <select id="ky" name="ky">
                <option value="" selected=period.is_none()>{t!(i18n, rankings_cumulative)}</option>
                {v.periods.iter().map(|p| view! {
                    <option value=p.id.to_string() selected=period == Some(p.id)>{p.name.clone()}</option>
                }).collect_view()}
            </select>
            {(!official).then(|| view! { <input type="hidden" name="tam-tinh" value="1" /> })}
            {overall.then(|| view! { <input type="hidden" name="toan-bo" value="1" /> })}
            <button type="submit" class="small">{t!(i18n, rankings_show)}</button>
        </form>
        <nav class="mode-switch" aria-label=move || t_string!(i18n, rankings_mode).to_string()>
            <a href=page_href(period, true, overall) aria-current=official.then_some("page")>{t!(i18n, rankings_official)}</a>
            <a href=page_href(period, false, overall) aria-current=(!official).then_some("page")>{t!(i18n, rankings_provisional)}</a>
        </nav>
        <nav class="mode-switch" aria-label=move || t_string!(i18n, rankings_grouping).to_string()>
            <a href=page_href(period, official, false) aria-current=(!overall).then_some("page")>{t!(i18n, rankings_by_block)}</a>
            <a href=page_href(period, official, true) aria-current=overall.then_some("page")>{t!(i18n, rankings_overall)}</a>
        </nav>
        {(!official).then(|| view! { <p class="notice provisional">{t!(i18n, rankings_provisional_note)}</p> })}
        <LiveStatus live fallback_time=updated />
        {move || tables().into_iter().map(|t| view! { <RankingTable t link=(period, official) /> }).collect_view()}
        <section class="tie-breaks">
            <h2>{t!(i18n, rankings_tie_breaks)}</h2>
            <ol>{v.tie_breaks.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ol>
        </section>
        <publish::PublishBox />
        {crate::ui::session::use_session().has_any(crate::api::access::CAMPAIGN_READERS).then(|| view! {
            <crate::ui::components::Downloads name="xep-hang" print="/in/bang-tong-hop".to_string() />
        })}
    }
}

/// One block's ranking. With `link` (the period and mode shown), each
/// unit's name opens its breakdown and the block's name is the caption; the
/// meeting-room screen, where nothing is clicked, gives neither.
#[component]
pub fn RankingTable(
    t: BlockTable,
    #[prop(optional)] link: Option<(Option<i64>, bool)>,
    #[prop(optional)] class: &'static str,
    /// The public page's links: a unit's published breakdown is `<base><unit id>`.
    #[prop(optional, into)]
    public_link: Option<String>,
    /// Rows moved up since the last update (`domain::row_shifts`), to animate.
    #[prop(optional)]
    shifts: Vec<i32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let caption = (link.is_some() || public_link.is_some()).then(|| t.block_name.clone());
    view! {
        <table class=format!("data ranking {class}") data-block=t.block_id.to_string()>
            {caption.map(|c| view! { <caption>{c}</caption> })}
            <thead><tr>
                <th scope="col">{t!(i18n, col_rank)}</th>
                <th scope="col">{t!(i18n, unit)}</th>
                <th scope="col" class="num">{t!(i18n, col_score)}</th>
                <th scope="col">{t!(i18n, col_movement)}</th>
            </tr></thead>
            <tbody>
                {t.rows.into_iter().enumerate().map(|(i, r)| {
                    let shift = shifts.get(i).copied().filter(|s| *s != 0);
                    let name = match (&public_link, link) {
                        (Some(base), _) => {
                            view! { <a href=format!("{base}{}", r.unit_id)>{r.unit_name}</a> }.into_any()
                        }
                        (None, Some((period, official))) => {
                            let href = format!("/xep-hang/{}{}", r.unit_id, query(period, official));
                            view! { <a href=href>{r.unit_name}</a> }.into_any()
                        }
                        (None, None) => r.unit_name.into_any(),
                    };
                    view! {
                        <tr
                            data-unit=r.unit_id.to_string()
                            class=shift.map(|_| "moved")
                            style=shift.map(|s| format!("--shift: {s}"))
                        >
                            <td class="rank">{r.rank}</td>
                            <th scope="row" class="unit">{name}</th>
                            <td class="num score">{format_points(round2(r.score))}</td>
                            <td class="movement">{movement(r.change)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// "▲ 2", "▼ 1" or "—": the arrow for the eye, the word for a screen reader.
pub fn movement(change: Option<i32>) -> impl IntoView {
    let (mark, label, class) = match change {
        Some(n) if n > 0 => (format!("▲ {n}"), format!("lên {n} bậc"), "up"),
        Some(n) if n < 0 => (format!("▼ {}", -n), format!("xuống {} bậc", -n), "down"),
        Some(_) => ("=".to_string(), "giữ nguyên".to_string(), "same"),
        None => ("—".to_string(), "chưa có hạng trước".to_string(), "none"),
    };
    view! { <span class=format!("move move-{class}") aria-label=label>{mark}</span> }
}
