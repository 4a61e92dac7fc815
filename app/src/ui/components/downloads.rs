//! Links to the files staff hand on (`/xuat/…`, served by the server).

use crate::i18n::*;
use leptos::prelude::*;

/// "Tải về: XLSX · CSV" for the export `name`, with `query` (`?ky=…`) if any.
#[component]
pub fn Downloads(
    name: &'static str,
    #[prop(optional, into)] query: String,
    /// The A4 print version of the same table, if there is one.
    #[prop(optional)]
    print: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = move |ext: &str| format!("/xuat/{name}.{ext}{query}");
    view! {
        <p class="downloads">
            {t!(i18n, download)} ": "
            <a href=href("xlsx") rel="external" download>"XLSX"</a>
            " · "
            <a href=href("csv") rel="external" download>"CSV"</a>
            {print.map(|p| view! { " · " <a href=p>{t!(i18n, print_link)}</a> })}
        </p>
    }
}
