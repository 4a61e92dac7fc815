//! Evidence under each criterion: the files and links already attached,
//! uploads with their progress (a phone's camera photo included), links,
//! and removal while the report is open to the unit.

#[cfg(feature = "hydrate")]
use crate::api::ApiError;
use crate::api::evidence::{add_evidence_link, remove_evidence};
use crate::i18n::*;
use domain::{EvidenceItem, EvidenceKind, Id};
use leptos::prelude::*;

/// One file on its way up.
#[derive(Clone)]
struct Upload {
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    key: u32,
    name: String,
    /// 0.0 to 1.0.
    progress: RwSignal<f64>,
    error: RwSignal<Option<String>>,
}

#[component]
pub fn Evidence(report_id: Id, code: String, editable: bool, items: RwSignal<Vec<EvidenceItem>>) -> impl IntoView {
    let i18n = use_i18n();
    let uploads = RwSignal::new(Vec::<Upload>::new());
    let link = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let mine = {
        let code = code.clone();
        move || {
            items.with(|l| {
                l.iter()
                    .filter(|e| e.criterion_code == code)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        }
    };
    let remove = move |id: Id| {
        leptos::task::spawn_local(async move {
            match remove_evidence(id).await {
                Ok(()) => items.update(|l| l.retain(|e| e.id != id)),
                Err(e) => error.set(Some(e.message_vi())),
            }
        });
    };
    let code_for_link = code.clone();
    let add_link = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (code, url) = (code_for_link.clone(), link.get_untracked());
        leptos::task::spawn_local(async move {
            match add_evidence_link(report_id, code, url).await {
                Ok(item) => {
                    items.update(|l| l.push(item));
                    link.set(String::new());
                    error.set(None);
                }
                Err(e) => error.set(Some(e.message_vi())),
            }
        });
    };
    let code_for_files = code.clone();
    let on_files = move |ev: leptos::ev::Event| start_uploads(ev, report_id, &code_for_files, uploads, items);
    let (file_id, link_id) = (format!("file-{code}"), format!("link-{code}"));
    view! {
        <div class="evidence">
            <ul class="evidence-list">
                {move || mine().into_iter().map(|e| {
                    let id = e.id;
                    let shown = match e.kind {
                        EvidenceKind::File => view! { <a href=format!("/tep/{id}") target="_blank" rel="noopener">{e.name.clone()}</a> }.into_any(),
                        EvidenceKind::Link => view! { <a href=e.name.clone() target="_blank" rel="noopener noreferrer">{e.name.clone()}</a> }.into_any(),
                    };
                    view! {
                        <li data-evidence-id=id>
                            {shown}
                            {e.size_bytes.map(|b| format!(" ({} KB)", (b + 1023) / 1024))}
                            {editable.then(|| view! {
                                <button type="button" class="small" on:click=move |_| remove(id)>{t!(i18n, evidence_remove)}</button>
                            })}
                        </li>
                    }
                }).collect_view()}
                {move || uploads.get().into_iter().map(|u| view! {
                    <li class="uploading">
                        <span>{u.name.clone()}</span>
                        <progress max="1" value=move || u.progress.get()></progress>
                        {move || u.error.get().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
                    </li>
                }).collect_view()}
            </ul>
            {editable.then(|| view! {
                <div class="evidence-add">
                    <label class="button-like" for=file_id.clone()>{t!(i18n, evidence_add_file)}</label>
                    <input id=file_id.clone() class="visually-hidden" type="file" multiple
                        accept="image/*,application/pdf,.pdf,.doc,.docx,.xls,.xlsx" on:change=on_files />
                    <form class="form inline link-form" on:submit=add_link>
                        <label class="visually-hidden" for=link_id.clone()>{t!(i18n, evidence_link)}</label>
                        <input id=link_id.clone() type="url" inputmode="url" placeholder="https://…" bind:value=link />
                        <button type="submit" class="small">{t!(i18n, evidence_add_link)}</button>
                    </form>
                </div>
            })}
            {move || error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        </div>
    }
}

/// Sends each chosen file on its own request, so that each shows its progress.
fn start_uploads(
    ev: leptos::ev::Event,
    report_id: Id,
    code: &str,
    uploads: RwSignal<Vec<Upload>>,
    items: RwSignal<Vec<EvidenceItem>>,
) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(list) = input.files() else { return };
        for i in 0..list.length() {
            if let Some(file) = list.get(i) {
                let key = uploads.with_untracked(|u| u.iter().map(|x| x.key).max().unwrap_or(0) + 1);
                let upload = Upload {
                    key,
                    name: file.name(),
                    progress: RwSignal::new(0.0),
                    error: RwSignal::new(None),
                };
                uploads.update(|u| u.push(upload.clone()));
                send_file(file, report_id, code, upload, uploads, items);
            }
        }
        input.set_value("");
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (ev, report_id, code, uploads, items);
}

#[cfg(feature = "hydrate")]
fn send_file(
    file: web_sys::File,
    report_id: Id,
    code: &str,
    upload: Upload,
    uploads: RwSignal<Vec<Upload>>,
    items: RwSignal<Vec<EvidenceItem>>,
) {
    use wasm_bindgen::{JsCast, closure::Closure};
    let fail = |m: String| upload.error.set(Some(m));
    if file.size() > domain::MAX_EVIDENCE_BYTES as f64 {
        return fail(domain::size_error().message);
    }
    let (Ok(form), Ok(xhr)) = (web_sys::FormData::new(), web_sys::XmlHttpRequest::new()) else {
        return fail(ApiError::Internal.message_vi());
    };
    let _ = form.append_with_str("report_id", &report_id.to_string());
    let _ = form.append_with_str("criterion_code", code);
    let _ = form.append_with_blob_and_filename("file", &file, &file.name());
    let progress = upload.progress;
    let on_progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
        if e.length_computable() && e.total() > 0.0 {
            progress.set(e.loaded() / e.total());
        }
    });
    if let Ok(target) = xhr.upload() {
        target.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    on_progress.forget();
    let request = xhr.clone();
    let on_done = Closure::<dyn FnMut()>::new(move || {
        let body = request.response_text().ok().flatten().unwrap_or_default();
        match request.status().unwrap_or(0) {
            200 => match serde_json::from_str::<EvidenceItem>(&body) {
                Ok(item) => {
                    items.update(|l| l.push(item));
                    uploads.update(|u| u.retain(|x| x.key != upload.key));
                }
                Err(_) => upload.error.set(Some(ApiError::Internal.message_vi())),
            },
            0 => upload.error.set(Some(ApiError::Transport(String::new()).message_vi())),
            _ => {
                let e = serde_json::from_str::<ApiError>(&body).unwrap_or(ApiError::Internal);
                upload.error.set(Some(e.message_vi()));
            }
        }
    });
    xhr.set_onloadend(Some(on_done.as_ref().unchecked_ref()));
    on_done.forget();
    if xhr.open("POST", "/api/evidence/upload").is_err() || xhr.send_with_opt_form_data(Some(&form)).is_err() {
        fail(ApiError::Transport(String::new()).message_vi());
    }
}
