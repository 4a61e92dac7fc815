//! Importing the baseline year's monthly totals from a CSV file: the file
//! is read in the browser and sent as text; the server takes all rows or none.

use super::Actions;
use crate::api::accidents::ImportBaseline;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn BaselineImport(campaign_id: domain::Id, year: i32, actions: Actions) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        actions.import.dispatch(ImportBaseline {
            campaign_id,
            csv: text.get_untracked(),
        });
    };
    let on_file = move |ev: leptos::ev::Event| read_file(ev, text);
    let outcome = move || {
        actions.import.value().get().map(|r| match r {
            Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
            Ok(o) if o.errors.is_empty() => view! {
                <p class="ok" role="status">{t!(i18n, baseline_done, n = o.written, replaced = o.replaced)}</p>
            }
            .into_any(),
            Ok(o) => view! {
                <div class="error" role="alert">
                    <p>{t!(i18n, baseline_errors)}</p>
                    <ul class="row-errors">
                        {o.errors.into_iter().map(|e| view! {
                            <li><strong>{t!(i18n, baseline_line, line = e.line)}</strong> ": " {e.message}</li>
                        }).collect_view()}
                    </ul>
                </div>
            }
            .into_any(),
        })
    };
    view! {
        <form class="form baseline-import" on:submit=submit>
            <h2>{t!(i18n, baseline_title, year = year)}</h2>
            <p class="muted">{t!(i18n, baseline_help)}</p>
            <code class="csv-header">{domain::BASELINE_HEADER.join(",")}</code>
            <label for="baseline-file">{t!(i18n, baseline_file)}</label>
            <input id="baseline-file" type="file" accept=".csv,text/csv" on:change=on_file />
            <label for="baseline-text">{t!(i18n, baseline_text)}</label>
            <textarea id="baseline-text" rows="6" bind:value=text spellcheck="false"></textarea>
            <button type="submit" class="primary" disabled=move || actions.import.pending().get() || text.with(String::is_empty)>
                {move || if actions.import.pending().get() { t!(i18n, working).into_any() } else { t!(i18n, baseline_import).into_any() }}
            </button>
            {outcome}
        </form>
    }
}

/// Reads the chosen file as text into `text` (the textarea shows it).
fn read_file(ev: leptos::ev::Event, text: RwSignal<String>) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Ok(value) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
                text.set(value.as_string().unwrap_or_default());
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (ev, text);
}
