//! What the unit has to do: reports not handed in, and reports returned
//! with the office's reason.

use crate::api::progress::my_tasks;
use crate::api::reports::start_report;
use crate::i18n::*;
use domain::CellState;
use leptos::prelude::*;

#[component]
pub fn TaskList() -> impl IntoView {
    let i18n = use_i18n();
    let tasks = Resource::new(|| (), |_| my_tasks());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let tasks = tasks.await.unwrap_or_default();
                if tasks.is_empty() {
                    return view! { <p class="ok">{t!(i18n, tasks_none)}</p> }.into_any();
                }
                view! {
                    <h2>{t!(i18n, tasks_title)}</h2>
                    <ul class="task-list">
                        {tasks.into_iter().map(|t| {
                            let href = t.report_id.map(|id| format!("/bao-cao/{id}"));
                            let deadline = t.deadline.format("%d/%m/%Y %H:%M").to_string();
                            view! {
                                <li class=format!("task cell-{}", t.state.code())>
                                    <a href=href>
                                        <span class="period">{t.period_name}</span>
                                        <span class="state">{t.state.label()}</span>
                                    </a>
                                    <span class="deadline">
                                        {t!(i18n, tasks_deadline, time = deadline.clone())}
                                        {t.extended.then(|| view! { " " {t!(i18n, tasks_extended)} })}
                                    </span>
                                    {t.report_id.is_none().then(|| view! { <StartButton period_id=t.period_id /> })}
                                    {(t.state == CellState::Returned).then(|| view! {
                                        <span class="reason">{t!(i18n, tasks_returned_because)} " " {t.return_reason.clone().unwrap_or_default()}</span>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// Opens the unit's report for a period it has not begun, then goes to it.
#[component]
fn StartButton(period_id: domain::Id) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = leptos_router::hooks::use_navigate();
    let pending = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let start = move |_| {
        pending.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match start_report(period_id).await {
                Ok(id) => navigate(&format!("/bao-cao/{id}"), Default::default()),
                Err(e) => failed.set(Some(e.message_vi())),
            }
            pending.set(false);
        });
    };
    view! {
        <button type="button" class="small start-report" disabled=move || pending.get() on:click=start>
            {t!(i18n, tasks_start)}
        </button>
        <span class="field-error" role="status">{move || failed.get()}</span>
    }
}
