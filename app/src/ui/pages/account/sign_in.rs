use crate::api::auth::Login;
use crate::i18n::*;
use crate::ui::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Sign-in, built for a phone: one column, large fields, the browser's
/// password manager welcome.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let login = ServerAction::<Login>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(_)) = login.value().get() {
            session.refresh();
            navigate("/tai-khoan", Default::default());
        }
    });
    let error = move || login.value().get().and_then(|r| r.err()).map(|e| e.message_vi());
    view! {
        <section class="page narrow card">
            <h1>{t!(i18n, sign_in_title)}</h1>
            <ActionForm action=login attr:class="form" attr:novalidate=true>
                <label for="username">{t!(i18n, username)}</label>
                <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none"
                    spellcheck="false" required />
                <label for="password">{t!(i18n, password)}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required />
                {move || error().map(|m| view! { <p class="error" role="alert">{m}</p> })}
                <button type="submit" class="primary" disabled=move || login.pending().get()>
                    {move || if login.pending().get() {
                        t_string!(i18n, signing_in).to_string()
                    } else {
                        t_string!(i18n, sign_in_button).to_string()
                    }}
                </button>
            </ActionForm>
        </section>
    }
}
