//! The screen's panels besides the figures and the chart: who has reported
//! for the period being collected, the honour roll, each block's ranking.

use crate::api::award_publish::PublicAwardList;
use crate::i18n::*;
use crate::ui::components::HonourList;
use crate::ui::pages::progress::mark;
use crate::ui::pages::rankings::RankingTable;
use domain::{BlockTable, CellState, Commendation, PeriodCompleteness};
use leptos::prelude::*;

/// More units than fit on a TV: only those still to hand in are named.
const UNITS_ON_SCREEN: usize = 45;

#[component]
pub fn CompletenessPanel(p: PeriodCompleteness) -> impl IntoView {
    let i18n = use_i18n();
    let total = p.cells.len();
    let done = p.count(CellState::Submitted) + p.count(CellState::Approved);
    let counts: Vec<(CellState, usize)> = CellState::ALL
        .iter()
        .map(|s| (*s, p.count(*s)))
        .filter(|(_, n)| *n > 0)
        .collect();
    let mut cells = p.cells;
    if cells.len() > UNITS_ON_SCREEN {
        cells.retain(|c| !matches!(c.state, CellState::Submitted | CellState::Approved));
    }
    let hidden = cells.len().saturating_sub(UNITS_ON_SCREEN);
    cells.truncate(UNITS_ON_SCREEN);
    view! {
        <h2 data-period=p.period.id.to_string()>{t!(i18n, dashboard_completeness)} " — " {p.period.name.clone()}</h2>
        <p class="dash-sub">
            <strong class="done">{done} "/" {total}</strong> " " {t!(i18n, dashboard_handed_in)}
            " · " {t!(i18n, dashboard_deadline)} " " {p.period.deadline.format("%d/%m/%Y %H:%M").to_string()}
        </p>
        <ul class="state-counts">
            {counts.into_iter().map(|(s, n)| view! {
                <li class=format!("cell-{}", s.code()) data-state=s.code()>
                    <span aria-hidden="true">{mark(s)}</span> " " {s.label()} " " <strong>{n}</strong>
                </li>
            }).collect_view()}
        </ul>
        <ul class="unit-cells">
            {cells.into_iter().map(|c| view! {
                <li class=format!("cell-{}", c.state.code()) data-unit=c.unit_id.to_string()>
                    <span class="cell-mark" aria-hidden="true">{mark(c.state)}</span>
                    <span class="name">{c.unit_name}</span>
                    <span class="visually-hidden">{c.state.label()}</span>
                </li>
            }).collect_view()}
        </ul>
        {(hidden > 0).then(|| view! { <p class="dash-sub">"+ " {hidden} " " {t!(i18n, dashboard_more_units)}</p> })}
    }
}

/// Entries the honour panel holds at most, to stay readable from the back of the room.
const HONOUR_ON_SCREEN: usize = 6;

/// The honour roll: awards whose decision is signed, then the latest commendations.
#[component]
pub fn HonourPanel(list: Vec<Commendation>, awards: Vec<PublicAwardList>) -> impl IntoView {
    let i18n = use_i18n();
    let mut awarded: Vec<_> = awards.iter().flat_map(PublicAwardList::awarded).collect();
    awarded.truncate(HONOUR_ON_SCREEN);
    let room = HONOUR_ON_SCREEN.saturating_sub(awarded.len()).max(2);
    view! {
        <h2>{t!(i18n, dashboard_honour)}</h2>
        {(!awarded.is_empty()).then(|| view! {
            <ul class="honour-roll awarded" aria-label=move || t_string!(i18n, dashboard_awarded)>
                {awarded.into_iter().map(|(p, d)| view! {
                    <li data-proposal=p.id.to_string()>
                        <p class="who">{p.individual_name.clone().map(|n| format!("{n} · ")).unwrap_or_default()} {p.unit_name}</p>
                        <p class="what">{p.form_name}</p>
                        <p class="when">
                            {move || t_string!(i18n, dashboard_awarded_by, number = d.number.clone(),
                                date = d.signed_on.format("%d/%m/%Y").to_string()).to_string()}
                        </p>
                    </li>
                }).collect_view()}
            </ul>
        })}
        <HonourList list=list.into_iter().take(room).collect() />
    }
}

/// Whether the honour panel has anything to show.
pub fn has_honour(list: &[Commendation], awards: &[PublicAwardList]) -> bool {
    !list.is_empty() || awards.iter().any(|l| !l.awarded().is_empty())
}

/// A block's ranking; rows that moved since the last update slide from
/// where they stood.
#[component]
pub fn BlockPanel(t: BlockTable, shifts: Vec<i32>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2>{t!(i18n, dashboard_ranking)} " — " {t.block_name.clone()}</h2>
        <RankingTable t class="dash-ranking" shifts />
    }
}
