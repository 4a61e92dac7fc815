//! The meeting-room screen: large type, no scrolling, nothing to click.

use crate::api::dashboard::dashboard_overview;
use crate::i18n::*;
use crate::ui::components::{DemoBanner, FiguresTable};
use crate::ui::format;
use leptos::prelude::*;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let overview = Resource::new(|| (), |_| dashboard_overview());
    view! {
        <div class="dashboard">
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(Some(o)) => {
                            let c = o.campaign;
                            view! {
                                <header class="dash-head">
                                    <h1>{c.title.clone()}</h1>
                                    <p>{c.plan_number.clone()} " · " {format::date(c.starts_on)} " – " {format::date(c.ends_on)}</p>
                                </header>
                                {c.is_demo.then(|| view! { <DemoBanner /> })}
                                <h2>{t!(i18n, figures_title)} " " {c.baseline_year}</h2>
                                <FiguresTable progress=o.progress baseline_year=c.baseline_year />
                            }.into_any()
                        }
                        Ok(None) => view! { <p class="empty">{t!(i18n, no_campaign)}</p> }.into_any(),
                        Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
