use super::actions::ActionBar;
use crate::api::reports::{SaveSelfScore, get_report};
use crate::api::review::ReportAction;
use crate::i18n::*;
use crate::ui::session::RequireRole;
use domain::{ReportView, ScoreLine, format_points, is_editable_by_unit};
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
    let save = ServerAction::<SaveSelfScore>::new();
    let act = ServerAction::<ReportAction>::new();
    let report = Resource::new(
        move || (id(), save.version().get(), act.version().get()),
        |(id, _, _)| get_report(id),
    );
    view! {
        <section class="page">
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match report.await {
                        Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                        Ok(r) => view! { <ReportBody r save act /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ReportBody(r: ReportView, save: ServerAction<SaveSelfScore>, act: ServerAction<ReportAction>) -> impl IntoView {
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
    let status = r.status.label();
    let (report_id, version) = (r.id, r.version);
    view! {
        <h1>{t!(i18n, report_title)} " " {r.period_name.clone()}</h1>
        <p class="unit-name">{r.unit_name.clone()}</p>
        <p class=format!("status status-{}", r.status.code())>{status}</p>
        {(!editable).then(|| view! { <p class="notice">{move || t_string!(i18n, read_only_report, status = status).to_string()}</p> })}
        {move || save.value().get().and_then(|r| r.err()).map(|e| view! { <p class="error" role="alert">{e.message_vi()}</p> })}
        <ActionBar report_id unit_id=r.unit_id status=r.status version act />
        <ol class="score-lines">
            {r.lines.into_iter().map(|l| view! { <Line l editable report_id version save /> }).collect_view()}
        </ol>
    }
}

#[component]
fn Line(
    l: ScoreLine,
    editable: bool,
    report_id: i64,
    version: i32,
    save: ServerAction<SaveSelfScore>,
) -> impl IntoView {
    let i18n = use_i18n();
    let self_scored = l.rule == domain::ScoringRule::SelfScored;
    let code = l.code.clone();
    let input_id = format!("score-{}", l.code);
    let explanation = l.explanation.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev).replace(',', ".");
        let score = if text.trim().is_empty() {
            None
        } else {
            Some(text.trim().parse::<f64>().unwrap_or(f64::NAN))
        };
        save.dispatch(SaveSelfScore {
            report_id,
            criterion_code: code.clone(),
            score,
            explanation: explanation.clone(),
            version,
        });
    };
    view! {
        <li class="score-line" data-code=l.code.clone()>
            <div class="criterion">
                <span class="code">{l.code.clone()}</span> " " {l.name.clone()}
                <span class="max">" (" {t!(i18n, col_max)} ": " {format_points(l.max_points)} ")"</span>
            </div>
            <div class="numbers">
                <label for=input_id.clone()>{t!(i18n, col_self)}</label>
                {if self_scored {
                    view! {
                        <input id=input_id class="self-score" inputmode="decimal" disabled=!editable
                            value=l.self_score.map(format_points).unwrap_or_default() on:change=on_change />
                    }.into_any()
                } else {
                    view! { <span class="computed">{t!(i18n, computed)}</span> }.into_any()
                }}
                <span class="reviewed">
                    {t!(i18n, col_reviewed)} ": " {l.reviewed_score.map(format_points).unwrap_or_else(|| "—".into())}
                </span>
                {l.review_reason.clone().map(|r| view! { <span class="reason">{r}</span> })}
            </div>
        </li>
    }
}
