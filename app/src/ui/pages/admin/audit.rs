use crate::api::audit::{AuditQuery, audit_csv, audit_log};
use crate::i18n::*;
use crate::ui::session::RequireRole;
use leptos::prelude::*;

/// The audit trail: the office sees all of it, a unit's staff their unit's part
/// (the server narrows the filter; this page only shows what comes back).
#[component]
pub fn AuditPage() -> impl IntoView {
    view! {
        <RequireRole>
            <Audit />
        </RequireRole>
    }
}

#[component]
fn Audit() -> impl IntoView {
    let i18n = use_i18n();
    let action = RwSignal::new(String::new());
    let page = RwSignal::new(0u64);
    let query = move || AuditQuery {
        action: Some(action.get()),
        page: page.get(),
        ..Default::default()
    };
    let lines = Resource::new(query, audit_log);
    let download = move |_| {
        let q = query();
        leptos::task::spawn_local(async move {
            if let Ok(csv) = audit_csv(q).await {
                save_csv("nhat-ky-thay-doi.csv", &csv);
            }
        });
    };
    view! {
        <section class="page wide">
            <h1>{t!(i18n, audit_title)}</h1>
            <p class="muted">{t!(i18n, audit_help)}</p>
            <div class="toolbar">
                <label for="audit-action">{t!(i18n, filter_action)}</label>
                <input id="audit-action" list="audit-actions" on:change=move |ev| { action.set(event_target_value(&ev)); page.set(0); } />
                <datalist id="audit-actions">
                    {["login", "login_failed", "login_throttled", "logout", "user_created", "user_disabled", "password_changed", "display_token_created"]
                        .into_iter().map(|a| view! { <option value=a></option> }).collect_view()}
                </datalist>
                <button type="button" on:click=download>{t!(i18n, export_csv)}</button>
            </div>
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match lines.await {
                        Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                        Ok(p) => {
                            let pages = p.total.div_ceil(p.page_size).max(1);
                            view! {
                                <div class="table-scroll">
                                    <table class="data audit">
                                        <thead><tr>
                                            <th scope="col">{t!(i18n, col_time)}</th>
                                            <th scope="col">{t!(i18n, col_actor)}</th>
                                            <th scope="col">{t!(i18n, col_action)}</th>
                                            <th scope="col">{t!(i18n, col_record)}</th>
                                            <th scope="col">{t!(i18n, col_old)}</th>
                                            <th scope="col">{t!(i18n, col_new)}</th>
                                            <th scope="col">{t!(i18n, col_reason)}</th>
                                        </tr></thead>
                                        <tbody>
                                            {p.lines.into_iter().map(|l| view! {
                                                <tr data-action=l.action.clone()>
                                                    <td>{l.at}</td><td>{l.actor}</td><td>{l.action.clone()}</td>
                                                    <td>{l.entity} {l.entity_id.map(|i| format!(" #{i}"))}</td>
                                                    <td>{l.old_value}</td><td>{l.new_value}</td><td>{l.reason}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                <nav class="pager" aria-label="pages">
                                    <button type="button" disabled=p.page == 0 on:click=move |_| page.update(|n| *n = n.saturating_sub(1))>{t!(i18n, previous)}</button>
                                    <span>{move || t_string!(i18n, page_of, page = p.page + 1, pages = pages, total = p.total).to_string()}</span>
                                    <button type="button" disabled=p.page + 1 >= pages on:click=move |_| page.update(|n| *n += 1)>{t!(i18n, next)}</button>
                                </nav>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Hands the CSV to the browser as a file download.
fn save_csv(name: &str, csv: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let href = format!("data:text/csv;charset=utf-8,{}", js_sys::encode_uri_component(csv));
        let document = leptos::prelude::document();
        if let Ok(a) = document.create_element("a") {
            let a: web_sys::HtmlAnchorElement = a.unchecked_into();
            a.set_href(&href);
            a.set_download(name);
            a.click();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (name, csv);
}
