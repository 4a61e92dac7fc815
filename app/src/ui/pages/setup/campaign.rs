//! One campaign's setup: its state and the moves the office may make, its
//! settings, its units (imported from CSV), its sheet and its periods. A
//! lower committee's or a closed campaign shows read-only.

use super::form::CampaignForm;
use super::sheet::SheetEditor;
use super::units::ImportUnits;
use crate::api::access::OFFICE;
use crate::api::setup::{SetCampaignStatus, UpdateCampaign, campaign_setup};
use crate::i18n::*;
use crate::ui::session::RequireRole;
use domain::Id;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CampaignSetupPage() -> impl IntoView {
    view! {
        <RequireRole roles=OFFICE>
            <CampaignSetup />
        </RequireRole>
    }
}

#[component]
fn CampaignSetup() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok()));
    let update = ServerAction::<UpdateCampaign>::new();
    let status = ServerAction::<SetCampaignStatus>::new();
    let data = Resource::new(
        move || (id(), status.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => campaign_setup(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let saved = Signal::derive(move || update.value().get().map(|r| r.map(|_| ())));
    view! {
        <section class="page wide setup">
            <p><a href="/thiet-lap">{t!(i18n, setup_back)}</a></p>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    let s = match data.await {
                        Ok(Some(s)) => s,
                        Ok(None) => return view! { <p class="error" role="alert">{t!(i18n, not_found)}</p> }.into_any(),
                        Err(e) => return view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                    };
                    let c = s.campaign.clone();
                    let campaign_id = c.id;
                    let writable = s.writable;
                    view! {
                        <h1>{c.plan_number.clone()} " — " {c.title.clone()}</h1>
                        <p class="campaign-state">
                            {t!(i18n, status)} ": " <strong>{c.status.label()}</strong>
                            {(!c.committee_name.is_empty()).then(|| format!(" · {}", c.committee_name))}
                        </p>
                        {(!writable).then(|| view! { <p class="notice">{t!(i18n, setup_read_only)}</p> })}
                        <div class="status-moves">
                            {c.status.moves().iter().map(|(to, words)| {
                                let to = *to;
                                view! {
                                    <button type="button" on:click=move |_| {
                                        status.dispatch(SetCampaignStatus { campaign_id, status: to });
                                    }>{*words}</button>
                                }
                            }).collect_view()}
                        </div>
                        {move || status.value().get().and_then(|r| r.err()).map(|e| view! {
                            <p class="error" role="alert">{e.message_vi()}</p>
                        })}
                        <h2>{t!(i18n, setup_settings)}</h2>
                        <CampaignForm draft=Some(s.draft.clone()) submit_label=t_string!(i18n, save).to_string()
                            result=saved read_only=!writable
                            on_submit=move |draft| { update.dispatch(UpdateCampaign { campaign_id, draft }); } />
                        <h2>{t!(i18n, setup_units)}</h2>
                        <ImportUnits campaign_id writable />
                        <h2>{t!(i18n, setup_sheet)}</h2>
                        <SheetEditor campaign_id writable />
                        <h2>{t!(i18n, setup_periods)}</h2>
                        <table class="data periods">
                            <thead><tr>
                                <th scope="col">{t!(i18n, col_period)}</th>
                                <th scope="col">{t!(i18n, setup_col_from)}</th>
                                <th scope="col">{t!(i18n, setup_col_to)}</th>
                                <th scope="col">{t!(i18n, setup_col_deadline)}</th>
                            </tr></thead>
                            <tbody>
                                {s.periods.into_iter().map(|p| view! {
                                    <tr>
                                        <td>{p.name}</td>
                                        <td>{p.starts_on.format("%d/%m/%Y").to_string()}</td>
                                        <td>{p.ends_on.format("%d/%m/%Y").to_string()}</td>
                                        <td>{p.deadline.format("%H:%M %d/%m/%Y").to_string()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
