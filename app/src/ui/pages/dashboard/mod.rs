//! The meeting-room screen: large type, no scrolling, nothing to click.
//! Panels (the figures, the chart, who has reported, the honour roll, then
//! each block's standings) take turns at a pace
//! set by `?xoay=<seconds>`; everything updates live; the page reloads
//! itself every few hours to keep a long-running browser healthy.

use crate::api::dashboard::dashboard_overview;
use crate::i18n::*;
use crate::live::LiveSnapshot;
use crate::ui::components::{DemoBanner, FiguresTable};
use crate::ui::format;
use crate::ui::live::{LiveStatus, use_live};
use domain::BlockTable;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use panels::{BlockPanel, CompletenessPanel, HonourPanel};

mod panels;

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

/// What the screen takes turns to show.
#[derive(Clone, Copy, PartialEq)]
enum Panel {
    Figures,
    Chart,
    Completeness,
    Honour,
    Block(usize),
}

impl Panel {
    fn name(self) -> String {
        match self {
            Panel::Figures => "figures".into(),
            Panel::Chart => "chart".into(),
            Panel::Completeness => "completeness".into(),
            Panel::Honour => "honour".into(),
            Panel::Block(i) => format!("block-{i}"),
        }
    }
}

/// The blocks' tables now, with how far each row moved since the last update.
#[derive(Clone, PartialEq)]
struct Tables {
    now: Vec<BlockTable>,
    shifts: Vec<Vec<i32>>,
}

#[component]
fn Screen(first: LiveSnapshot) -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live(first.campaign_id);
    let first_time = format::time_local(first.at);
    let current = StoredValue::new(first);
    let snap = move || live.snapshot.get().unwrap_or_else(|| current.get_value());
    let c = current.with_value(|s| s.overview.campaign.clone());
    // The set of panels is fixed at load; a new block shows after the periodic reload.
    let panels: Vec<Panel> = current.with_value(|s| {
        let mut p = vec![Panel::Figures, Panel::Chart];
        if s.completeness.is_some() {
            p.push(Panel::Completeness);
        }
        if panels::has_honour(&s.overview.commendations, &s.overview.awards) {
            p.push(Panel::Honour);
        }
        let blocks = s.standings.as_ref().map_or(0, |s| s.tables.len());
        p.extend((0..blocks).map(Panel::Block));
        p
    });
    let tables = Memo::new(move |prev: Option<&Tables>| {
        let now = snap().standings.map(|s| s.tables).unwrap_or_default();
        let shifts = now
            .iter()
            .map(|t| {
                let before = prev.and_then(|p| p.now.iter().find(|b| b.block_id == t.block_id));
                before.map(|b| domain::row_shifts(b, t)).unwrap_or_default()
            })
            .collect();
        Tables { now, shifts }
    });
    let shown = RwSignal::new(0usize);
    let q = use_query_map();
    let every = q
        .read_untracked()
        .get("xoay")
        .and_then(|s| s.parse::<u64>().ok())
        .filter(|s| *s >= 3)
        .unwrap_or(DEFAULT_ROTATE_SECS);
    rotate(shown, panels.len(), every);
    let baseline_year = c.baseline_year;
    let body = move |panel: Panel| match panel {
        Panel::Figures => view! {
            <h2>{t!(i18n, figures_title)} " " {baseline_year}</h2>
            {move || view! { <FiguresTable progress=snap().overview.progress baseline_year /> }}
        }
        .into_any(),
        Panel::Chart => view! {
            <h2>{t!(i18n, dashboard_chart)}</h2>
            <div class="chart" inner_html=move || snap().overview.chart_svg.unwrap_or_default()></div>
        }
        .into_any(),
        Panel::Completeness => (move || snap().completeness.map(|p| view! { <CompletenessPanel p /> })).into_any(),
        Panel::Honour => {
            (move || view! { <HonourPanel list=snap().overview.commendations awards=snap().overview.awards /> })
                .into_any()
        }
        Panel::Block(i) => (move || {
            tables.with(|t| {
                let shifts = t.shifts.get(i).cloned().unwrap_or_default();
                t.now.get(i).cloned().map(|t| view! { <BlockPanel t shifts /> })
            })
        })
        .into_any(),
    };
    view! {
        <header class="dash-head">
            <h1>{c.title.clone()}</h1>
            <p>{c.plan_number.clone()} " · " {format::date(c.starts_on)} " – " {format::date(c.ends_on)}</p>
            <LiveStatus live fallback_time=first_time />
        </header>
        {c.is_demo.then(|| view! { <DemoBanner /> })}
        {panels.into_iter().enumerate().map(|(i, panel)| view! {
            <section class="panel" data-panel=panel.name() hidden=move || shown.get() != i>
                {body(panel)}
            </section>
        }).collect_view()}
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
