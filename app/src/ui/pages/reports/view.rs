use super::actions::ActionBar;
use super::draft::{Draft, LineInputs, SaveState};
use super::evidence::Evidence;
use super::figures::ActivityFigures;
use crate::api::evidence::list_evidence;
use crate::api::reports::get_report;
use crate::api::review::ReportAction;
use crate::i18n::*;
use crate::ui::session::RequireRole;
use domain::{EvidenceItem, ReportView, ScoreLine, format_points, is_editable_by_unit};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ReportPage() -> impl IntoView {
    view! {
        <RequireRole>
            <Report />
        </RequireRole>
    }
}

#[component]
fn Report() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let act = ServerAction::<ReportAction>::new();
    let reload = RwSignal::new(0u32);
    // Reloaded after a step went through or hit someone else's change; a
    // refused step (no reason given) keeps the page, and what was typed in it.
    Effect::new(move |_| {
        let moved = act
            .value()
            .with(|v| matches!(v, Some(Ok(_)) | Some(Err(crate::api::ApiError::Conflict(_)))));
        if moved {
            reload.update(|n| *n += 1);
        }
    });
    let report = Resource::new(move || (id(), reload.get()), |(id, _)| get_report(id));
    let evidence = Resource::new(move || (id(), reload.get()), |(id, _)| list_evidence(id));
    view! {
        <section class="page">
            <Transition fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match report.await {
                        Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                        Ok(r) => {
                            let items = RwSignal::new(evidence.await.unwrap_or_default());
                            view! { <ReportBody r act reload items /> }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ReportBody(
    r: ReportView,
    act: ServerAction<ReportAction>,
    reload: RwSignal<u32>,
    items: RwSignal<Vec<EvidenceItem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Only the unit's own staff type into its report; others read it.
    let session = crate::ui::session::use_session();
    let own = session
        .me
        .get_untracked()
        .and_then(|m| m.ok())
        .flatten()
        .is_some_and(|me| me.can_write_unit(r.unit_id));
    let editable = own && is_editable_by_unit(r.status);
    let draft = Draft::new(&r);
    if editable {
        Effect::new(move |_| draft.restore());
        draft.retry_when_online();
    }
    let status = r.status.label();
    let ready = Signal::derive(move || draft.is_clean());
    view! {
        <h1>{t!(i18n, report_title)} " " {r.period_name.clone()}</h1>
        <p class="unit-name">{r.unit_name.clone()}</p>
        <p class=format!("status status-{}", r.status.code())>{status}</p>
        {(!editable).then(|| view! { <p class="notice">{move || t_string!(i18n, read_only_report, status = status).to_string()}</p> })}
        {editable.then(|| view! { <DraftBanner draft reload /> })}
        <ActionBar report_id=r.id unit_id=r.unit_id status=r.status version=draft.version.into() ready act />
        <ActivityFigures figures=r.activities.clone() editable draft />
        <ol class="score-lines">
            {r.lines.into_iter().map(|l| view! { <Line l editable draft items /> }).collect_view()}
        </ol>
    }
}

/// The running total and where the draft stands, kept in view while typing.
#[component]
fn DraftBanner(draft: Draft, reload: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let total = move || {
        let (earned, max) = draft.total();
        format!("{} / {}", format_points(earned), format_points(max))
    };
    let keep_mine = move |_| {
        let id = draft.report_id;
        leptos::task::spawn_local(async move {
            if let Ok(v) = get_report(id).await {
                draft.keep_mine(v.version);
            }
        });
    };
    let take_theirs = move |_| {
        draft.drop_mine();
        reload.update(|n| *n += 1);
    };
    view! {
        <div class="draft-banner" role="status" aria-live="polite">
            <span class="running-total">{t!(i18n, draft_total)} " " <strong>{total}</strong></span>
            <span class=move || format!("save-state save-{}", state_code(&draft.state.get()))>
                {move || match draft.state.get() {
                    SaveState::Saved => t_string!(i18n, draft_saved).to_string(),
                    SaveState::Pending => t_string!(i18n, draft_pending).to_string(),
                    SaveState::Saving => t_string!(i18n, draft_saving).to_string(),
                    SaveState::Offline => t_string!(i18n, draft_offline).to_string(),
                    SaveState::Invalid => t_string!(i18n, draft_invalid).to_string(),
                    SaveState::Conflict(m) => m,
                }}
            </span>
            <Show when=move || matches!(draft.state.get(), SaveState::Conflict(_))>
                <span class="conflict-actions">
                    <button type="button" class="small" on:click=keep_mine>{t!(i18n, draft_keep_mine)}</button>
                    <button type="button" class="small" on:click=take_theirs>{t!(i18n, draft_take_theirs)}</button>
                </span>
            </Show>
            {move || draft.errors.with(|e| e.iter().find(|f| f.field == "form").map(|f| f.message.clone()))
                .map(|m| view! { <span class="field-error">{m}</span> })}
        </div>
    }
}

fn state_code(s: &SaveState) -> &'static str {
    match s {
        SaveState::Saved => "saved",
        SaveState::Pending | SaveState::Saving => "pending",
        SaveState::Offline => "offline",
        SaveState::Conflict(_) | SaveState::Invalid => "problem",
    }
}

#[component]
fn Line(l: ScoreLine, editable: bool, draft: Draft, items: RwSignal<Vec<EvidenceItem>>) -> impl IntoView {
    let i18n = use_i18n();
    let inputs: Option<LineInputs> = draft.inputs.with_value(|m| m.get(&l.code).copied());
    let code = l.code.clone();
    let (score_id, explain_id) = (format!("score-{code}"), format!("explain-{code}"));
    let error = |prefix: &str| {
        let field = format!("{prefix}.{code}");
        Signal::derive(move || {
            draft
                .errors
                .with(|e| e.iter().find(|f| f.field == field).map(|f| f.message.clone()))
        })
    };
    let (score_error, explain_error, evidence_error) = (error("score"), error("explanation"), error("evidence"));
    view! {
        <li class="score-line" data-code=code.clone() data-evidence=l.evidence_required.to_string()>
            <div class="criterion">
                <span class="code">{code.clone()}</span> " " {l.name.clone()}
                <span class="max">" (" {t!(i18n, col_max)} ": " {format_points(l.max_points)} ")"</span>
                {l.evidence_required.then(|| view! { <span class="needs-evidence">{t!(i18n, needs_evidence)}</span> })}
            </div>
            {match inputs {
                Some(i) => {
                    let (c1, c2) = (code.clone(), code.clone());
                    view! {
                        <div class="numbers">
                            <label for=score_id.clone()>{t!(i18n, col_self)}</label>
                            <input id=score_id.clone() class="self-score" inputmode="decimal" disabled=!editable
                                aria-invalid=move || score_error.get().is_some().to_string()
                                aria-describedby=format!("err-{score_id}")
                                prop:value=move || i.score.get()
                                on:input=move |ev| { i.score.set(event_target_value(&ev)); draft.edited(&c1); } />
                            <Reviewed l=l.clone() />
                        </div>
                        <span class="field-error" id=format!("err-{score_id}")>{move || score_error.get()}</span>
                        <span class="field-error">{move || evidence_error.get()}</span>
                        <label class="explain-label" for=explain_id.clone()>{t!(i18n, explanation)}</label>
                        <textarea id=explain_id.clone() class="explanation" rows="2" disabled=!editable
                            aria-invalid=move || explain_error.get().is_some().to_string()
                            prop:value=move || i.explanation.get()
                            on:input=move |ev| { i.explanation.set(event_target_value(&ev)); draft.edited(&c2); }></textarea>
                        <span class="field-error">{move || explain_error.get()}</span>
                        <Evidence report_id=draft.report_id code=code.clone() editable items />
                    }.into_any()
                }
                None => {
                    let line_code = l.code.clone();
                    view! {
                    <div class="numbers">
                        <span class="computed">{t!(i18n, computed)}</span>
                        {(l.rule == domain::ScoringRule::ActivityAgainstPledge).then(|| view! {
                            <span class="activity-points">
                                {t!(i18n, line_activity_points)} " " <strong>{move || format_points(draft.line_points(&line_code))}</strong>
                            </span>
                        })}
                        <Reviewed l=l.clone() />
                    </div>
                }.into_any()
                }
            }}
        </li>
    }
}

#[component]
fn Reviewed(l: ScoreLine) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="reviewed">
            {t!(i18n, col_reviewed)} ": " {l.reviewed_score.map(format_points).unwrap_or_else(|| "—".into())}
        </span>
        {l.review_reason.map(|r| view! { <span class="reason">{r}</span> })}
    }
}
