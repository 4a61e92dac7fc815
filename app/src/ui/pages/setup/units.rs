//! Units from a CSV file: chosen from the computer or pasted, sent whole;
//! a file with a bad row is refused and every row's error is listed.

use crate::api::setup::{ImportOutcome, ImportUnits as Import};
use crate::i18n::*;
use domain::Id;
use leptos::prelude::*;

#[component]
pub fn ImportUnits(campaign_id: Id, writable: bool) -> impl IntoView {
    let i18n = use_i18n();
    let import = ServerAction::<Import>::new();
    let text = RwSignal::new(String::new());
    let file = NodeRef::<leptos::html::Input>::new();
    // A chosen file is read into the text box, so the office sees what goes.
    let on_file = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(f) = file.get().and_then(|i| i.files()).and_then(|l| l.get(0)) {
            leptos::task::spawn_local(async move {
                if let Ok(t) = wasm_bindgen_futures::JsFuture::from(f.text()).await {
                    text.set(t.as_string().unwrap_or_default());
                }
            });
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        import.dispatch(Import {
            campaign_id,
            csv: text.get(),
        });
    };
    if !writable {
        return view! { <p class="muted">{t!(i18n, setup_read_only)}</p> }.into_any();
    }
    view! {
        <p class="muted">{t!(i18n, setup_units_help)}</p>
        <pre class="csv-example">"name,short_name,kind,block\nXã Tân Phú,Tân Phú,commune,Khối xã, thị trấn"</pre>
        <form class="form import-units" on:submit=submit>
            <label for="units-file">{t!(i18n, setup_units_file)}</label>
            <input id="units-file" type="file" accept=".csv,text/csv" node_ref=file on:change=on_file />
            <label for="units-text">{t!(i18n, setup_units_text)}</label>
            <textarea id="units-text" rows="8" bind:value=text></textarea>
            <button type="submit" disabled=move || import.pending().get()>{t!(i18n, setup_import)}</button>
        </form>
        {move || import.value().get().map(|r| match r {
            Ok(ImportOutcome::Imported(n)) => view! {
                <p class="ok" role="status">{t!(i18n, setup_imported)} " " {n}</p>
            }.into_any(),
            Ok(ImportOutcome::Refused(errors)) => view! {
                <div class="error" role="alert">
                    <p>{t!(i18n, setup_import_refused)}</p>
                    <ul>
                        {errors.into_iter().map(|e| view! {
                            <li>{t!(i18n, setup_line)} " " {e.line} ": " {e.message}</li>
                        }).collect_view()}
                    </ul>
                </div>
            }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
        })}
    }
    .into_any()
}
