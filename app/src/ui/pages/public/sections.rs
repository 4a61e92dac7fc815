//! The public page's sections below the figures: accidents month by month
//! (a chart with the same figures as a table), the published official
//! ranking, and the honour roll.

use crate::api::public::MonthFigures;
use crate::i18n::*;
use crate::ui::components::HonourList;
use crate::ui::format;
use crate::ui::pages::rankings::RankingTable;
use domain::{Commendation, OnTimeShare, PublishedRanking};
use leptos::prelude::*;

#[component]
pub fn MonthsSection(months: Vec<MonthFigures>, chart_svg: Option<String>, baseline_year: i32) -> impl IntoView {
    let i18n = use_i18n();
    let rows = months
        .into_iter()
        .map(|m| {
            view! {
                <tr>
                    <th scope="row">{domain::month_name(m.year, m.month)}</th>
                    <td class="num">{m.current.accidents}</td>
                    <td class="num">{m.baseline.accidents}</td>
                    <td class="num">{m.current.deaths}</td>
                    <td class="num">{m.baseline.deaths}</td>
                    <td class="num">{m.current.injuries}</td>
                    <td class="num">{m.baseline.injuries}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="months-section" aria-labelledby="months-title">
            <h2 id="months-title">{t!(i18n, dashboard_chart)}</h2>
            // The chart is for the eye; the table below says the same to a screen reader.
            {chart_svg.map(|svg| view! { <div class="chart" aria-hidden="true" inner_html=svg></div> })}
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="months-caption">
                <table class="data months">
                    <caption id="months-caption" class="visually-hidden">{t!(i18n, months_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, col_month)}</th>
                            <th scope="col" class="num">{t!(i18n, measure_accidents)}</th>
                            <th scope="col" class="num">{t!(i18n, col_same_month)} " " {baseline_year}</th>
                            <th scope="col" class="num">{t!(i18n, measure_deaths)}</th>
                            <th scope="col" class="num">{t!(i18n, col_same_month)} " " {baseline_year}</th>
                            <th scope="col" class="num">{t!(i18n, measure_injuries)}</th>
                            <th scope="col" class="num">{t!(i18n, col_same_month)} " " {baseline_year}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The official ranking as published: nothing provisional ever shows here.
#[component]
pub fn PublishedSection(published: Option<PublishedRanking>, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let body = match published {
        None => view! { <p class="empty">{t!(i18n, published_none)}</p> }.into_any(),
        Some(p) => {
            let when = format::date_local(p.published_at);
            let through = p.through.name.clone();
            let base = format!("/c/{slug}/don-vi/");
            view! {
                <p class="published-note" data-publication=p.id.to_string()>
                    {t!(i18n, published_note)} " " <strong>{through}</strong> " · "
                    {t!(i18n, published_on)} " " {when}
                </p>
                {p.standings.tables.into_iter().map(|t| view! {
                    <RankingTable t public_link=base.clone() />
                }).collect_view()}
            }
            .into_any()
        }
    };
    view! {
        <section class="published-section" aria-labelledby="published-title">
            <h2 id="published-title">{t!(i18n, published_title)}</h2>
            {body}
        </section>
    }
}

#[component]
pub fn HonourSection(list: Vec<Commendation>) -> impl IntoView {
    let i18n = use_i18n();
    (!list.is_empty()).then(|| {
        view! {
            <section class="honour-section" aria-labelledby="honour-title">
                <h2 id="honour-title">{t!(i18n, dashboard_honour)}</h2>
                <HonourList list />
            </section>
        }
    })
}

/// The share of reports handed in by their deadline, so far.
#[component]
pub fn OnTimeSection(share: OnTimeShare) -> impl IntoView {
    let i18n = use_i18n();
    let body = match share.per_mille() {
        None => view! { <p class="empty">{t!(i18n, on_time_none)}</p> }.into_any(),
        Some(pm) => {
            let pct = move || format::per_mille(pm, i18n.get_locale());
            let (on_time, due) = (share.on_time, share.due);
            let (late, missing) = (share.late, share.missing());
            view! {
                <p class="on-time">
                    <strong class="on-time-pct">{pct}</strong>
                    " "
                    {move || t_string!(i18n, on_time_of, on_time = on_time, due = due).to_string()}
                </p>
                <progress class="on-time-bar" max="1000" value=pm aria-labelledby="on-time-title">
                    {pct}
                </progress>
                <ul class="on-time-parts">
                    <li class="late">{move || t_string!(i18n, on_time_late, n = late).to_string()}</li>
                    <li class="missing">{move || t_string!(i18n, on_time_missing, n = missing).to_string()}</li>
                </ul>
            }
            .into_any()
        }
    };
    view! {
        <section class="on-time-section" aria-labelledby="on-time-title">
            <h2 id="on-time-title">{t!(i18n, on_time_title)}</h2>
            {body}
        </section>
    }
}

/// Links to the public figures as CSV and JSON (`server::open_data`).
#[component]
pub fn OpenDataSection(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let link = |name: &str, ext: &str| format!("/du-lieu/{slug}/{name}.{ext}");
    view! {
        <section class="open-data-section" aria-labelledby="open-data-title">
            <h2 id="open-data-title">{t!(i18n, open_data_title)}</h2>
            <p class="note">{t!(i18n, open_data_help)}</p>
            <ul class="open-data">
                {[
                    ("so-lieu", t_string!(i18n, open_data_figures)),
                    ("xep-hang", t_string!(i18n, open_data_rankings)),
                    ("bao-cao", t_string!(i18n, open_data_reports)),
                ]
                    .into_iter()
                    .map(|(name, label)| view! {
                        <li>
                            {label} ": "
                            <a href=link(name, "csv") rel="external" download>"CSV"</a> " · "
                            <a href=link(name, "json") rel="external">"JSON"</a>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
