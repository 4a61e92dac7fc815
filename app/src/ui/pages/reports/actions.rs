//! The workflow buttons a report shows to the person looking at it: submit for
//! the unit's head; return, approve, reopen for the standing office.

use crate::api::review::ReportAction;
use crate::i18n::*;
use crate::ui::session::use_session;
use domain::{ActionKind, Id, ReportStatus};
use leptos::prelude::*;

fn label(i18n: leptos_i18n::I18nContext<Locale>, k: ActionKind) -> String {
    match k {
        ActionKind::Submit => t_string!(i18n, action_submit).to_string(),
        ActionKind::Return => t_string!(i18n, action_return).to_string(),
        ActionKind::Approve => t_string!(i18n, action_approve).to_string(),
        ActionKind::Reopen => t_string!(i18n, action_reopen).to_string(),
        ActionKind::Save => t_string!(i18n, save).to_string(),
    }
}

#[component]
pub fn ActionBar(
    report_id: Id,
    unit_id: Id,
    status: ReportStatus,
    /// The report's version as the draft holds it (autosaves move it on).
    version: Signal<i32>,
    /// Nothing typed is still on its way to the server.
    ready: Signal<bool>,
    act: ServerAction<ReportAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let reason = RwSignal::new(String::new());
    // The server decides; this only leaves out buttons that would be refused.
    let kinds = move || {
        let me = session.me.get().and_then(|r| r.ok()).flatten()?;
        let unit_own = me.unit_id == Some(unit_id);
        let ks: Vec<ActionKind> = domain::allowed_actions(status, &me.roles)
            .into_iter()
            .filter(|k| *k != ActionKind::Save && (*k != ActionKind::Submit || unit_own))
            .collect();
        (!ks.is_empty()).then_some(ks)
    };
    view! {
        {move || kinds().map(|ks| {
            let needs_reason = ks.iter().any(|k| k.needs_reason());
            view! {
                <div class="action-bar">
                    {needs_reason.then(|| view! {
                        <label for="reason">{t!(i18n, reason_label)}</label>
                        <textarea id="reason" rows="2" bind:value=reason></textarea>
                    })}
                    <div class="actions">
                        {ks.into_iter().map(|k| view! {
                            <button type="button" class=if k == ActionKind::Approve || k == ActionKind::Submit { "primary" } else { "" }
                                disabled=move || act.pending().get() || (k == ActionKind::Submit && !ready.get())
                                on:click=move |_| { act.dispatch(ReportAction { report_id, kind: k, reason: Some(reason.get()), version: version.get_untracked() }); }>
                                {move || label(i18n, k)}
                            </button>
                        }).collect_view()}
                    </div>
                </div>
            }
        })}
        {move || act.value().get().and_then(|r| r.err()).map(|e| view! { <p class="error" role="alert">{e.message_vi()}</p> })}
    }
}
