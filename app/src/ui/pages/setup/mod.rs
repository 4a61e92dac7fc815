//! Campaign setup for a committee's standing office: its campaigns, a new
//! one (from nothing or copied), and each campaign's settings, units, sheet
//! and periods.

mod campaign;
mod form;
mod sheet;
mod units;

pub use campaign::CampaignSetupPage;

use crate::api::access::OFFICE;
use crate::api::setup::{CreateCampaign, get_campaign_draft, list_campaigns};
use crate::i18n::*;
use crate::ui::session::RequireRole;
use domain::{CampaignDraft, CampaignInfo, Id};
use form::CampaignForm;
use leptos::prelude::*;

#[component]
pub fn SetupPage() -> impl IntoView {
    view! {
        <RequireRole roles=OFFICE>
            <Setup />
        </RequireRole>
    }
}

#[component]
fn Setup() -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(|| (), |_| list_campaigns());
    let create = ServerAction::<CreateCampaign>::new();
    // The campaign being copied (with its settings a year on), or none for a new one.
    let source = RwSignal::new(None::<(Id, String, CampaignDraft)>);
    let copy = move |c: CampaignInfo| {
        leptos::task::spawn_local(async move {
            if let Ok(d) = get_campaign_draft(c.id).await {
                source.set(Some((c.id, c.title.clone(), d.moved_by_years(1))));
            }
        });
    };
    // A created campaign opens its own setup page.
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            let navigate = leptos_router::hooks::use_navigate();
            navigate(&format!("/thiet-lap/{id}"), Default::default());
        }
    });
    view! {
        <section class="page wide setup">
            <h1>{t!(i18n, setup_title)}</h1>
            <p class="muted">{t!(i18n, setup_help)}</p>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(l) => view! {
                            <h2>{t!(i18n, setup_own)}</h2>
                            <CampaignList campaigns=l.own.clone() manage=true copy=copy />
                            {(!l.below.is_empty()).then(|| view! {
                                <h2>{t!(i18n, setup_below)}</h2>
                                <CampaignList campaigns=l.below.clone() manage=false copy=copy />
                            })}
                            {(!l.templates.is_empty()).then(|| view! {
                                <h2>{t!(i18n, setup_templates)}</h2>
                                <CampaignList campaigns=l.templates.clone() manage=false copy=copy />
                            })}
                        }.into_any(),
                        Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                    }
                })}
            </Suspense>
            <h2 id="new-campaign">{move || match source.get() {
                Some((_, title, _)) => format!("{} — {title}", t_string!(i18n, setup_copy_title)),
                None => t_string!(i18n, setup_new).to_string(),
            }}</h2>
            {move || {
                let (from, draft) = match source.get() {
                    Some((id, _, d)) => (Some(id), Some(d)),
                    None => (None, None),
                };
                view! {
                    <CampaignForm draft=draft submit_label=t_string!(i18n, setup_create).to_string()
                        result=Signal::derive(move || create.value().get().map(|r| r.map(|_| ())))
                        on_submit=move |draft| { create.dispatch(CreateCampaign { from, draft }); } />
                }
            }}
        </section>
    }
}

#[component]
fn CampaignList(
    campaigns: Vec<CampaignInfo>,
    manage: bool,
    copy: impl Fn(CampaignInfo) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    if campaigns.is_empty() {
        return view! { <p class="muted">{t!(i18n, setup_none)}</p> }.into_any();
    }
    view! {
        <table class="data campaigns">
            <thead><tr>
                <th scope="col">{t!(i18n, plan_number)}</th>
                <th scope="col">{t!(i18n, setup_f_title)}</th>
                <th scope="col">{t!(i18n, period)}</th>
                <th scope="col">{t!(i18n, status)}</th>
                <th scope="col"><span class="visually-hidden">{t!(i18n, setup_actions)}</span></th>
            </tr></thead>
            <tbody>
                {campaigns.into_iter().map(|c| {
                    let dates = format!("{} – {}", c.starts_on.format("%d/%m/%Y"), c.ends_on.format("%d/%m/%Y"));
                    let href = format!("/thiet-lap/{}", c.id);
                    let label = format!("{} {}", t_string!(i18n, setup_copy), c.plan_number);
                    let status = c.status.label();
                    view! {
                        <tr>
                            <td>{c.plan_number.clone()}</td>
                            <td>{c.title.clone()} <span class="muted">" · " {c.committee_name.clone()}</span></td>
                            <td>{dates}</td>
                            <td>{status}</td>
                            <td class="actions">
                                {manage.then(|| view! { <a href=href class="button small">{t!(i18n, setup_manage)}</a> })}
                                <button type="button" class="small" aria-label=label
                                    on:click=move |_| copy(c.clone())>{t!(i18n, setup_copy)}</button>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }.into_any()
}
