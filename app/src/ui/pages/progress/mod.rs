//! Who has reported: units × periods for the standing office and the
//! council, with the office's extensions.

mod extension;

use crate::api::access::CAMPAIGN_READERS;
use crate::api::progress::{GrantExtension, get_completeness};
use crate::i18n::*;
use crate::ui::session::RequireRole;
use domain::{Cell, CellState, CompletenessGrid};
use leptos::prelude::*;

#[component]
pub fn ProgressPage() -> impl IntoView {
    view! {
        <RequireRole roles=CAMPAIGN_READERS>
            <Progress />
        </RequireRole>
    }
}

#[component]
fn Progress() -> impl IntoView {
    let i18n = use_i18n();
    let extend = ServerAction::<GrantExtension>::new();
    // Reloaded after a grant that worked: a refusal keeps the form as typed.
    let granted = RwSignal::new(0u32);
    Effect::new(move |_| {
        if matches!(extend.value().get(), Some(Ok(_))) {
            granted.update(|n| *n += 1);
        }
    });
    // The current campaign's grid, resolved on the server in one call.
    let grid = Resource::new(move || granted.get(), |_| get_completeness(None));
    let session = crate::ui::session::use_session();
    let is_office = move || session.has_any(crate::api::access::OFFICE);
    view! {
        <section class="page wide progress">
            <h1>{t!(i18n, progress_title)}</h1>
            <p class="muted">{t!(i18n, progress_help)}</p>
            <Legend />
            <crate::ui::components::Downloads name="tien-do" />
            <Transition fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match grid.await {
                        Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                        Ok(None) => view! { <p class="empty">{t!(i18n, no_campaign)}</p> }.into_any(),
                        Ok(Some(g)) => view! {
                            <Unregistered names=g.unregistered.clone() pending=g.pending.clone() />
                            <Grid g=g.clone() />
                            {is_office().then(|| view! { <extension::ExtensionForm g extend /> })}
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Units that have not joined, or whose head has not confirmed: the office
/// follows them up.
#[component]
fn Unregistered(names: Vec<String>, pending: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let list =
        |names: Vec<String>| view! { <ul>{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> };
    view! {
        {(!names.is_empty()).then(|| view! {
            <div class="notice unregistered">
                <p>{t!(i18n, progress_unregistered, n = names.len())}</p>
                {list(names)}
            </div>
        })}
        {(!pending.is_empty()).then(|| view! {
            <div class="notice pending-registrations">
                <p>{t!(i18n, progress_pending, n = pending.len())}</p>
                {list(pending)}
            </div>
        })}
    }
}

/// A short mark per state, so the grid reads without colour too.
pub fn mark(state: CellState) -> &'static str {
    match state {
        CellState::NotStarted => "○",
        CellState::Draft => "✎",
        CellState::Submitted => "↑",
        CellState::Returned => "↩",
        CellState::Approved => "✓",
        CellState::Late => "!",
    }
}

#[component]
fn Legend() -> impl IntoView {
    view! {
        <ul class="legend">
            {CellState::ALL.iter().map(|s| view! {
                <li><span class=format!("cell-mark cell-{}", s.code()) aria-hidden="true">{mark(*s)}</span> " " {s.label()}</li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Grid(g: CompletenessGrid) -> impl IntoView {
    let i18n = use_i18n();
    let totals: Vec<usize> = (0..g.periods.len()).map(|i| g.handed_in(i)).collect();
    let units = g.rows.len();
    let mut last_block = String::new();
    let rows = g
        .rows
        .into_iter()
        .map(|r| {
            let heading = (r.block_name != last_block).then(|| {
                last_block = r.block_name.clone();
                let span = (r.cells.len() + 1).to_string();
                view! { <tr class="block-row"><th colspan=span scope="colgroup">{r.block_name.clone()}</th></tr> }
            });
            view! {
                {heading}
                <tr data-unit=r.unit_id>
                    <th scope="row" class="unit">{r.unit_name.clone()}</th>
                    {r.cells.into_iter().map(|c| view! { <GridCell c /> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll grid-scroll" tabindex="0" role="region" aria-label=move || t_string!(i18n, progress_title).to_string()>
            <table class="grid">
                <thead><tr>
                    <th scope="col">{t!(i18n, unit)}</th>
                    {g.periods.iter().map(|p| view! { <th scope="col">{p.name.clone()}</th> }).collect_view()}
                </tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr>
                    <th scope="row">{t!(i18n, progress_handed_in)}</th>
                    {totals.into_iter().map(|n| view! { <td class="total">{format!("{n}/{units}")}</td> }).collect_view()}
                </tr></tfoot>
            </table>
        </div>
    }
}

#[component]
fn GridCell(c: Cell) -> impl IntoView {
    let label = format!(
        "{}{}{}",
        c.state.label(),
        if c.late && c.state != CellState::Late {
            " (nộp muộn)"
        } else {
            ""
        },
        if c.extended { " (đã gia hạn)" } else { "" },
    );
    let class = format!("cell cell-{}{}", c.state.code(), if c.late { " late" } else { "" });
    let body = view! {
        <span class="cell-mark" aria-hidden="true">{mark(c.state)}</span>
        <span class="visually-hidden">{label.clone()}</span>
        {c.extended.then(|| view! { <span class="ext" aria-hidden="true">"+"</span> })}
    };
    match c.report_id {
        Some(id) => {
            view! { <td class=class title=label.clone()><a href=format!("/bao-cao/{id}")>{body}</a></td> }.into_any()
        }
        None => view! { <td class=class title=label>{body}</td> }.into_any(),
    }
}
