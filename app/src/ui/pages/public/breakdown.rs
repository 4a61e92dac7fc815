//! `/c/{slug}/don-vi/{unit}`: a unit's place and score as the standing
//! office published them, month by month and criterion by criterion.

use crate::api::publication::{PublicBreakdownView, public_breakdown};
use crate::i18n::*;
use crate::ui::format;
use domain::{PublishedMonth, format_points, round2};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PublicBreakdownPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let data = Resource::new(
        move || {
            let p = params.read();
            (p.get("slug"), p.get("unit").and_then(|u| u.parse::<i64>().ok()))
        },
        |(slug, unit)| async move {
            match unit {
                Some(u) => public_breakdown(slug, u).await,
                None => Ok(None),
            }
        },
    );
    view! {
        <section class="page public-breakdown">
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(Some(v)) => view! { <Body v /> }.into_any(),
                        Ok(None) => view! { <p class="empty">{t!(i18n, published_none)}</p> }.into_any(),
                        Err(_) => view! { <p class="error" role="alert">{t!(i18n, load_error)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Body(v: PublicBreakdownView) -> impl IntoView {
    let i18n = use_i18n();
    let u = v.unit;
    let names = u.criteria.clone();
    let name_of = move |code: &str| {
        names
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let when = format::date_local(v.publication.published_at);
    view! {
        <Title text=format!("{} — {}", u.unit_name, v.campaign_title) />
        <p><a href=format!("/c/{}#published-title", v.campaign_slug)>{t!(i18n, breakdown_back_public)}</a></p>
        <h1>{u.unit_name.clone()}</h1>
        <p class="published-note">
            {u.block_name.clone()} " · " {t!(i18n, col_rank)} " " <strong class="rank">{u.rank}</strong>
            " · " {t!(i18n, col_score)} " " <strong class="score">{format_points(round2(u.score))}</strong>
        </p>
        <p class="note">
            {t!(i18n, published_note)} " " {v.publication.through.name.clone()} " · " {t!(i18n, published_on)} " " {when}
        </p>
        <table class="data month-totals">
            <caption>{t!(i18n, breakdown_months)}</caption>
            <thead><tr>
                <th scope="col">{t!(i18n, col_month)}</th>
                <th scope="col" class="num">{t!(i18n, col_score)}</th>
            </tr></thead>
            <tbody>
                {u.months.iter().map(|m| view! {
                    <tr>
                        <th scope="row">{m.period.name.clone()}</th>
                        <td class="num">{m.breakdown.as_ref().map_or("—".to_string(), |b| format_points(round2(b.total)))}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        {u.months.into_iter().filter(|m| m.breakdown.is_some()).map(|m| view! { <Month m name_of=name_of.clone() /> }).collect_view()}
    }
}

/// One month's lines, folded: the sum is above, the detail a tap away.
#[component]
fn Month(m: PublishedMonth, name_of: impl Fn(&str) -> String + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let b = m.breakdown.unwrap_or_else(|| unreachable!("filtered"));
    view! {
        <details class="month-lines">
            <summary>{m.period.name.clone()} " — " {format_points(round2(b.total))}</summary>
            <table class="data breakdown-lines">
                <thead><tr>
                    <th scope="col">{t!(i18n, col_criterion)}</th>
                    <th scope="col" class="num">{t!(i18n, col_max)}</th>
                    <th scope="col" class="num">{t!(i18n, col_points)}</th>
                </tr></thead>
                <tbody>
                    {b.lines.iter().map(|l| view! {
                        <tr>
                            <th scope="row"><span class="code">{l.code.clone()}</span> " " {name_of(&l.code)}</th>
                            <td class="num">{format_points(l.max_points)}</td>
                            <td class="num">{format_points(round2(l.points))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <dl class="totals">
                <dt>{t!(i18n, breakdown_bonus)}</dt><dd>{format_points(b.bonus)}</dd>
                <dt>{t!(i18n, breakdown_penalty)}</dt><dd>{format_points(b.penalty)}</dd>
                <dt>{t!(i18n, breakdown_total)}</dt><dd class="total">{format_points(round2(b.total))}</dd>
            </dl>
        </details>
    }
}
