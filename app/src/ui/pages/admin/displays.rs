use crate::api::access::OFFICE;
use crate::api::admin::{CreateDisplayToken, RevokeDisplayToken, list_display_tokens};
use crate::i18n::*;
use crate::ui::session::RequireRole;
use leptos::prelude::*;

#[component]
pub fn DisplaysPage() -> impl IntoView {
    view! {
        <RequireRole roles=OFFICE>
            <Displays />
        </RequireRole>
    }
}

#[component]
fn Displays() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateDisplayToken>::new();
    let revoke = ServerAction::<RevokeDisplayToken>::new();
    let tokens = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_display_tokens(None),
    );
    let campaign_id = move || tokens.get().and_then(|r| r.ok()).and_then(|t| t.campaign_id);
    let name = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CreateDisplayToken {
            campaign_id: campaign_id(),
            name: name.get(),
        });
    };
    view! {
        <section class="page wide">
            <h1>{t!(i18n, displays_title)}</h1>
            <p class="muted">{t!(i18n, displays_help)}</p>
            <form class="form inline" on:submit=submit>
                <label for="dt-name">{t!(i18n, display_name_label)}</label>
                <input id="dt-name" bind:value=name required />
                <button type="submit" class="primary">{t!(i18n, create)}</button>
            </form>
            {move || create.value().get().map(|r| match r {
                Ok(token) => {
                    let origin = window_origin();
                    view! {
                        <p class="ok" role="status">
                            {t!(i18n, display_link_once)} " "
                            <code class="display-link">{format!("{origin}/man-hinh/{token}")}</code>
                        </p>
                    }.into_any()
                }
                Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
            })}
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    let list = tokens.await.unwrap_or_default().tokens;
                    view! {
                        <table class="data">
                            <thead><tr>
                                <th scope="col">{t!(i18n, display_name_label)}</th>
                                <th scope="col">{t!(i18n, created_at)}</th>
                                <th scope="col">{t!(i18n, status)}</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|t| {
                                    let id = t.id;
                                    view! {
                                        <tr>
                                            <td>{t.name}</td>
                                            <td>{t.created_at}</td>
                                            <td>{if t.revoked {
                                                view! { <span>{t!(i18n, revoked)}</span> }.into_any()
                                            } else {
                                                view! { <button type="button" class="small" on:click=move |_| { revoke.dispatch(RevokeDisplayToken { token_id: id }); }>{t!(i18n, revoke)}</button> }.into_any()
                                            }}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                })}
            </Suspense>
        </section>
    }
}

fn window_origin() -> String {
    #[cfg(feature = "hydrate")]
    {
        leptos::prelude::window().location().origin().unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        String::new()
    }
}
