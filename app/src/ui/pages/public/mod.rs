//! The public campaign page: what a resident sees from a shared link.

use crate::api::public::{CampaignOverview, public_overview};
use crate::i18n::*;
use crate::ui::components::{DemoBanner, FiguresTable};
use crate::ui::format;
use crate::ui::live::use_live;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use sections::{HonourSection, MonthsSection, PublishedSection};

mod breakdown;
mod sections;

pub use breakdown::PublicBreakdownPage;

#[component]
pub fn PublicPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let overview = Resource::new(move || params.read().get("slug"), public_overview);
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(Some(o)) => view! { <Overview o /> }.into_any(),
                    Ok(None) => view! { <p class="empty">{t!(i18n, no_campaign)}</p> }.into_any(),
                    Err(_) => view! { <p class="error" role="alert">{t!(i18n, load_error)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Overview(o: CampaignOverview) -> impl IntoView {
    let i18n = use_i18n();
    let c = o.campaign.clone();
    let baseline_year = c.baseline_year;
    let days_left = o.days_left;
    let description = format!("{} — {} {}", c.theme, c.plan_number, c.title);
    let window = o.window.clone();
    // The figures follow the live stream; the server-rendered ones stand until it speaks.
    let live = use_live(c.id);
    let slug = c.slug.clone();
    let loaded = StoredValue::new(o.clone());
    // The stream's overview once it has spoken, else the one rendered.
    let latest = move || {
        live.snapshot
            .with(|s| s.as_ref().map(|s| s.overview.clone()))
            .unwrap_or_else(|| loaded.get_value())
    };
    let progress = move || latest().progress;
    view! {
        <Title text=format!("{} — Thi đua ATGT", c.title) />
        <Meta name="description" content=description />
        {c.is_demo.then(|| view! { <DemoBanner /> })}
        <section class="hero" aria-labelledby="campaign-title">
            <p class="committee">{c.committee_name.clone()}</p>
            <h1 id="campaign-title">{c.title.clone()}</h1>
            <p class="theme">
                <span class="label">{t!(i18n, theme)} ": "</span>
                <q>{c.theme.clone()}</q>
            </p>
            <dl class="facts">
                <div>
                    <dt>{t!(i18n, plan_number)}</dt>
                    <dd class="plan-number">{c.plan_number.clone()}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, period)}</dt>
                    <dd class="dates">{format::date(c.starts_on)} " – " {format::date(c.ends_on)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, days_left)}</dt>
                    <dd class="days-left">
                        {move || if days_left > 0 {
                            format!("{days_left} {}", t_string!(i18n, days_unit))
                        } else {
                            t_string!(i18n, ended).to_string()
                        }}
                    </dd>
                </div>
            </dl>
        </section>
        <section class="figures-section" aria-labelledby="figures-title">
            <h2 id="figures-title">{t!(i18n, figures_title)} " " {baseline_year}</h2>
            {match window {
                Some(w) => {
                    let (from, to) = (format::date(w.from), format::date(w.to));
                    view! {
                        <p class="window">
                            {move || t_string!(i18n, figures_window, from = from.clone(), to = to.clone(), year = baseline_year).to_string()}
                        </p>
                        {move || view! { <FiguresTable progress=progress() baseline_year /> }}
                        <Show when=move || live.stale.get()>
                            <p class="stale-banner" role="alert">{t!(i18n, live_stale)}</p>
                        </Show>
                        <p class="note">{t!(i18n, figures_note)}</p>
                    }
                        .into_any()
                }
                None => view! { <p class="empty">{t!(i18n, figures_none)}</p> }.into_any(),
            }}
        </section>
        {(!o.months.is_empty()).then(|| view! {
            <MonthsSection months=o.months.clone() chart_svg=o.chart_svg.clone() baseline_year />
        })}
        {move || view! { <PublishedSection published=latest().published slug=slug.clone() /> }}
        {move || view! { <HonourSection list=latest().commendations /> }}
    }
}
