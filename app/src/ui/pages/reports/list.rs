use crate::api::access::UNIT_STAFF;
use crate::api::reports::my_reports;
use crate::i18n::*;
use crate::ui::session::RequireRole;
use leptos::prelude::*;

#[component]
pub fn ReportsPage() -> impl IntoView {
    view! {
        <RequireRole roles=UNIT_STAFF>
            <Reports />
        </RequireRole>
    }
}

#[component]
fn Reports() -> impl IntoView {
    let i18n = use_i18n();
    let reports = Resource::new(|| (), |_| my_reports());
    view! {
        <section class="page">
            <h1>{t!(i18n, reports_title)}</h1>
            <crate::ui::pages::RegistrationNotice />
            <super::tasks::TaskList />
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match reports.await {
                        Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="empty">{t!(i18n, reports_none)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="report-list">
                                {list.into_iter().map(|r| view! {
                                    <li>
                                        <a href=format!("/bao-cao/{}", r.id)>
                                            <span class="period">{r.period_name}</span>
                                            <span class=format!("status status-{}", r.status.code())>{r.status.label()}</span>
                                        </a>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
