//! The public campaign page: what a resident sees from a shared link.

use crate::api::public::{PublicView, public_overview};
use crate::i18n::*;
use crate::ui::components::{DemoBanner, FiguresTable};
use crate::ui::format;
use crate::ui::live::use_live;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use sections::{HonourSection, MonthsSection, OnTimeSection, OpenDataSection, PublishedSection};

mod awards;
mod breakdown;
mod sections;

pub use breakdown::PublicBreakdownPage;

/// Served without the app's bundle (see `ui::is_static_page`): the data is
/// awaited in place rather than through a resource, so the page carries no
/// serialized copy of it for a hydration that never comes.
#[component]
pub fn PublicPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let slug = params.read_untracked().get("slug");
                match public_overview(slug).await {
                    Ok(Some(v)) => view! { <Overview v /> }.into_any(),
                    Ok(None) => view! { <p class="empty">{t!(i18n, no_campaign)}</p> }.into_any(),
                    Err(_) => view! { <p class="error" role="alert">{t!(i18n, load_error)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Overview(v: PublicView) -> impl IntoView {
    let i18n = use_i18n();
    let PublicView { overview: o, at } = v;
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
    let updated = move || live.snapshot.with(|s| s.as_ref().map(|s| s.at)).unwrap_or(at);
    let progress = move || latest().progress;
    let open_data_slug = c.slug.clone();
    view! {
        <SharingTags title=c.title.clone() description slug=c.slug.clone() />
        // `live.js` follows the stream when the page is served without the bundle.
        <div class="live-anchor" hidden data-live-campaign=c.id.to_string() data-live-at=at.to_rfc3339()
            data-live-stale-after=crate::live::STALE_AFTER_SECS.to_string()></div>
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
                        <p class="stale-banner" role="alert" data-live-stale hidden=move || !live.stale.get()>
                            {t!(i18n, live_stale)}
                        </p>
                        <p class="updated">
                            {move || t_string!(i18n, live_updated, time = format::datetime_local(updated())).to_string()}
                        </p>
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
        {move || view! { <OnTimeSection share=latest().on_time /> }}
        {move || view! { <PublishedSection published=latest().published slug=slug.clone() /> }}
        {move || view! { <HonourSection list=latest().commendations /> }}
        {move || view! { <awards::AwardsSection lists=latest().awards /> }}
        <OpenDataSection slug=open_data_slug />
    }
}

/// What a link shared on Zalo or Facebook shows: title, description, image.
#[component]
fn SharingTags(title: String, description: String, slug: String) -> impl IntoView {
    let page_title = format!("{title} — Thi đua ATGT");
    // Link previews need whole addresses; the server knows its own.
    let base = use_context::<crate::ui::PublicBase>().map(|b| b.0).unwrap_or_default();
    let page = format!("{base}/c/{slug}");
    view! {
        <Title text=page_title.clone() />
        <Meta name="description" content=description.clone() />
        <Meta property="og:type" content="website" />
        <Meta property="og:site_name" content="Thi đua ATGT" />
        <Meta property="og:title" content=page_title />
        <Meta property="og:description" content=description />
        <Meta property="og:url" content=page.clone() />
        <Meta property="og:image" content=format!("{base}/og.png") />
        <Meta property="og:image:width" content="1200" />
        <Meta property="og:image:height" content="630" />
        <Meta property="og:locale" content="vi_VN" />
        <Meta name="twitter:card" content="summary_large_image" />
        <leptos_meta::Link rel="canonical" href=page />
    }
}
