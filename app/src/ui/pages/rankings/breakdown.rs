//! `/xep-hang/{unit}`: why a unit stands where it does — each criterion's
//! maximum, self-score, reviewed score, reason and evidence; cumulatively,
//! each closed period's total.

use super::{choice, query};
use crate::api::rankings::{BreakdownView, unit_breakdown};
use crate::i18n::*;
use crate::ui::session::RequireRole;
use domain::{RankingMode, format_points, round2};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn BreakdownPage() -> impl IntoView {
    view! {
        <RequireRole>
            <Breakdown />
        </RequireRole>
    }
}

#[component]
fn Breakdown() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let choice = choice();
    let unit = move || {
        params
            .read()
            .get("unit")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let data = Resource::new(move || (unit(), choice.get()), |(u, (p, o))| unit_breakdown(u, p, o));
    view! {
        <section class="page wide breakdown">
            <Transition fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                        Ok(b) => view! { <Body b /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Body(b: BreakdownView) -> impl IntoView {
    let i18n = use_i18n();
    let official = b.mode == RankingMode::Official;
    let back = format!("/xep-hang{}", query(b.period.as_ref().map(|p| p.id), official));
    let scope = b
        .period
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| t_string!(i18n, rankings_cumulative).to_string());
    let mode = if official {
        t_string!(i18n, rankings_official)
    } else {
        t_string!(i18n, rankings_provisional)
    };
    view! {
        <p><a href=back>{t!(i18n, breakdown_back)}</a></p>
        <h1>{b.unit_name.clone()}</h1>
        <p class="scope">{scope} " · " {mode.to_string()}</p>
        {(!b.period_totals.is_empty()).then(|| view! {
            <table class="data period-totals">
                <thead><tr><th scope="col">{t!(i18n, col_period)}</th><th scope="col" class="num">{t!(i18n, col_score)}</th></tr></thead>
                <tbody>
                    {b.period_totals.iter().map(|(p, total)| view! {
                        <tr><th scope="row">{p.name.clone()}</th><td class="num">{total.map(|t| format_points(round2(t))).unwrap_or_else(|| "—".into())}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
        {b.breakdown.clone().map(|s| {
            let lines = b.lines.clone();
            view! {
                <table class="data breakdown-lines">
                    <thead><tr>
                        <th scope="col">{t!(i18n, col_criterion)}</th>
                        <th scope="col" class="num">{t!(i18n, col_max)}</th>
                        <th scope="col" class="num">{t!(i18n, col_self)}</th>
                        <th scope="col" class="num">{t!(i18n, col_reviewed)}</th>
                        <th scope="col" class="num">{t!(i18n, col_points)}</th>
                        <th scope="col">{t!(i18n, col_reason)}</th>
                    </tr></thead>
                    <tbody>
                        {s.lines.iter().map(|l| {
                            let info = lines.iter().find(|x| x.code == l.code).cloned();
                            let show = |x: Option<f64>| x.map(format_points).unwrap_or_else(|| "—".into());
                            view! {
                                <tr data-code=l.code.clone()>
                                    <th scope="row">
                                        <span class="code">{l.code.clone()}</span> " " {info.as_ref().map(|i| i.name.clone())}
                                        <ul class="evidence-links">
                                            {info.as_ref().map(|i| i.evidence.iter().map(|e| view! {
                                                <li><a href=format!("/tep/{}", e.id)>{e.name.clone()}</a></li>
                                            }).collect_view())}
                                        </ul>
                                    </th>
                                    <td class="num">{format_points(l.max_points)}</td>
                                    <td class="num">{show(l.self_score)}</td>
                                    <td class="num">{show(l.reviewed_score)}</td>
                                    <td class="num points">{format_points(round2(l.points))}</td>
                                    <td>{info.and_then(|i| i.review_reason)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <dl class="totals">
                    <dt>{t!(i18n, breakdown_earned)}</dt><dd>{format_points(round2(s.earned))} " / " {format_points(s.applicable_max)}</dd>
                    <dt>{t!(i18n, breakdown_normalized)}</dt><dd>{format_points(round2(s.normalized))}</dd>
                    <dt>{t!(i18n, breakdown_bonus)}</dt><dd>{format_points(s.bonus)}</dd>
                    <dt>{t!(i18n, breakdown_penalty)}</dt><dd>{format_points(s.penalty)}</dd>
                    <dt>{t!(i18n, breakdown_total)}</dt><dd class="total">{format_points(round2(s.total))}</dd>
                </dl>
            }
        })}
    }
}
