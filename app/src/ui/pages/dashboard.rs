//! The meeting-room screen: large type, no scrolling, nothing to click.
//! Panels (the figures, then each block's standings) take turns at a pace
//! set by `?xoay=<seconds>`; everything updates live; the page reloads
//! itself every few hours to keep a long-running browser healthy.

use crate::api::dashboard::dashboard_overview;
use crate::i18n::*;
use crate::live::LiveSnapshot;
use crate::ui::components::{DemoBanner, FiguresTable};
use crate::ui::format;
use crate::ui::live::{LiveStatus, use_live};
use crate::ui::pages::rankings::RankingTable;
use domain::BlockTable;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const DEFAULT_ROTATE_SECS: u64 = 12;
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const RELOAD_HOURS: u64 = 4;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let overview = Resource::new(|| (), |_| dashboard_overview());
    view! {
        <div class="dashboard">
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(Some(s)) => view! { <Screen first=s /> }.into_any(),
                        Ok(None) => view! { <p class="empty">{t!(i18n, no_campaign)}</p> }.into_any(),
                        Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Screen(first: LiveSnapshot) -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live(first.campaign_id);
    let first_time = format::time_local(first.at);
    let current = StoredValue::new(first);
    let snap = move || live.snapshot.get().unwrap_or_else(|| current.get_value());
    let c = current.with_value(|s| s.overview.campaign.clone());
    let blocks = current.with_value(|s| s.standings.as_ref().map_or(0, |s| s.tables.len()));
    // The figures, the chart by month, then each block's ranking.
    let panels = 2 + blocks;
    let shown = RwSignal::new(0usize);
    let q = use_query_map();
    let every = q
        .read_untracked()
        .get("xoay")
        .and_then(|s| s.parse::<u64>().ok())
        .filter(|s| *s >= 3)
        .unwrap_or(DEFAULT_ROTATE_SECS);
    rotate(shown, panels, every);
    let baseline_year = c.baseline_year;
    view! {
        <header class="dash-head">
            <h1>{c.title.clone()}</h1>
            <p>{c.plan_number.clone()} " · " {format::date(c.starts_on)} " – " {format::date(c.ends_on)}</p>
            <LiveStatus live fallback_time=first_time />
        </header>
        {c.is_demo.then(|| view! { <DemoBanner /> })}
        <section class="panel" data-panel="figures" hidden=move || shown.get() != 0>
            <h2>{t!(i18n, figures_title)} " " {baseline_year}</h2>
            {move || view! { <FiguresTable progress=snap().overview.progress baseline_year /> }}
        </section>
        <section class="panel" data-panel="chart" hidden=move || shown.get() != 1>
            <h2>{t!(i18n, dashboard_chart)}</h2>
            <div class="chart" inner_html=move || snap().overview.chart_svg.unwrap_or_default()></div>
        </section>
        {(0..blocks).map(|i| view! {
            <section class="panel" data-panel=format!("block-{i}") hidden=move || shown.get() != i + 2>
                {move || snap().standings.and_then(|s| s.tables.get(i).cloned()).map(|t| view! { <BlockPanel t /> })}
            </section>
        }).collect_view()}
    }
}

#[component]
fn BlockPanel(t: BlockTable) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2>{t!(i18n, dashboard_ranking)} " — " {t.block_name.clone()}</h2>
        <RankingTable t class="dash-ranking" />
    }
}

/// Turns the panels and schedules the periodic reload (browser only).
fn rotate(shown: RwSignal<usize>, panels: usize, every: u64) {
    #[cfg(feature = "hydrate")]
    {
        use std::time::Duration;
        if panels > 1 {
            if let Ok(h) = set_interval_with_handle(
                move || {
                    shown.try_update(|i| *i = (*i + 1) % panels);
                },
                Duration::from_secs(every),
            ) {
                on_cleanup(move || h.clear());
            }
        }
        set_timeout(
            || {
                let _ = window().location().reload();
            },
            Duration::from_secs(RELOAD_HOURS * 3600),
        );
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (shown, panels, every);
}
