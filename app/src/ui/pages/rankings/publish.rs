//! The standing office publishes the official ranking to the public page.

use crate::api::publication::PublishRankings;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn PublishBox() -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::ui::session::use_session();
    let is_office = move || session.has_any(crate::api::access::OFFICE);
    let publish = ServerAction::<PublishRankings>::new();
    view! {
        <Show when=is_office>
            <section class="publish-box">
                <p>{t!(i18n, publish_help)}</p>
                <ActionForm action=publish>
                    <button type="submit" disabled=move || publish.pending().get()>{t!(i18n, publish_button)}</button>
                </ActionForm>
                {move || publish.value().get().map(|r| match r {
                    Ok(p) => view! {
                        <p class="notice ok" role="status">{t!(i18n, publish_done)} " " {p.through.name}</p>
                    }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                })}
            </section>
        </Show>
    }
}
