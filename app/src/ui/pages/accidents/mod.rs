//! The accident log page: the police record accidents and import the
//! baseline; the office and the council read.

mod baseline;
mod form;
mod list;

use crate::api::accidents::{AddAccident, ImportBaseline, StrikeAccident, UpdateAccident, accident_log};
use crate::i18n::*;
use crate::ui::components::DemoBanner;
use crate::ui::session::RequireRole;
use domain::AccidentRecord;
use leptos::prelude::*;

#[component]
pub fn AccidentsPage() -> impl IntoView {
    view! {
        <RequireRole>
            <Accidents />
        </RequireRole>
    }
}

/// The actions of the page, shared by its parts so that any of them reloads the log.
#[derive(Clone, Copy)]
struct Actions {
    add: ServerAction<AddAccident>,
    update: ServerAction<UpdateAccident>,
    strike: ServerAction<StrikeAccident>,
    import: ServerAction<ImportBaseline>,
    /// The accident being changed in the form, if any.
    editing: RwSignal<Option<AccidentRecord>>,
}

#[component]
fn Accidents() -> impl IntoView {
    let i18n = use_i18n();
    let actions = Actions {
        add: ServerAction::new(),
        update: ServerAction::new(),
        strike: ServerAction::new(),
        import: ServerAction::new(),
        editing: RwSignal::new(None),
    };
    // Reloaded after a change that worked: a refusal keeps the form as typed.
    let changed = RwSignal::new(0u32);
    Effect::new(move |_| {
        let ok = matches!(actions.add.value().get(), Some(Ok(_)))
            | matches!(actions.update.value().get(), Some(Ok(_)))
            | matches!(actions.strike.value().get(), Some(Ok(_)));
        if ok {
            changed.update(|n| *n += 1);
        }
    });
    // The current campaign's log, resolved on the server in one call.
    let log = Resource::new(move || changed.get(), |_| accident_log(None));
    view! {
        <section class="page wide accidents">
            <h1>{t!(i18n, accidents_title)}</h1>
            <p class="muted">{t!(i18n, accidents_help)}</p>
            <Transition fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match log.await {
                        Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                        Ok(None) => view! { <p class="empty">{t!(i18n, no_campaign)}</p> }.into_any(),
                        Ok(Some(log)) => view! {
                            {log.is_demo.then(|| view! { <DemoBanner /> })}
                            {if log.can_edit {
                                view! {
                                    <form::AccidentForm log=log.clone() actions />
                                }.into_any()
                            } else {
                                view! { <p class="notice">{t!(i18n, accidents_read_only)}</p> }.into_any()
                            }}
                            <list::AccidentList log=log.clone() actions />
                            {log.can_edit.then(|| view! {
                                <baseline::BaselineImport campaign_id=log.campaign_id year=log.baseline_year actions />
                            })}
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
