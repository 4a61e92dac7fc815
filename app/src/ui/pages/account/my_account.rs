use crate::api::auth::{ChangePassword, Logout, LogoutEverywhere};
use crate::i18n::*;
use crate::ui::session::{RequireRole, role_label, use_session};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <RequireRole>
            <AccountDetails />
        </RequireRole>
    }
}

#[component]
fn AccountDetails() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let change = ServerAction::<ChangePassword>::new();
    let logout = ServerAction::<Logout>::new();
    let logout_all = ServerAction::<LogoutEverywhere>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let out = logout.value().get().is_some_and(|r| r.is_ok());
        let out_all = logout_all.value().get().is_some_and(|r| r.is_ok());
        if out || out_all {
            session.refresh();
            navigate("/", Default::default());
        }
    });
    let me = move || session.me.get().and_then(|r| r.ok()).flatten();
    view! {
        <section class="page narrow card">
            <h1>{t!(i18n, nav_account)}</h1>
            {move || me().map(|me| {
                let roles = me.roles.clone();
                view! {
                    <dl class="facts">
                        <div><dt>{t!(i18n, signed_in_as)}</dt><dd class="me-name">{me.display_name.clone()} " (" {me.username.clone()} ")"</dd></div>
                        <div><dt>{t!(i18n, unit)}</dt><dd>{me.unit_name.clone().unwrap_or_else(|| "—".into())}</dd></div>
                        <div><dt>{t!(i18n, roles)}</dt><dd>{move || roles.iter().map(|r| role_label(i18n, *r)).collect::<Vec<_>>().join(", ")}</dd></div>
                    </dl>
                }
            })}
            <h2>{t!(i18n, change_password)}</h2>
            <ActionForm action=change attr:class="form">
                <label for="current">{t!(i18n, current_password)}</label>
                <input id="current" name="current" type="password" autocomplete="current-password" required />
                <label for="new">{t!(i18n, new_password)}</label>
                <input id="new" name="new" type="password" autocomplete="new-password" minlength="10" required />
                {move || change.value().get().map(|r| match r {
                    Ok(()) => view! { <p class="ok" role="status">{t!(i18n, password_changed)}</p> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                })}
                <button type="submit" class="primary">{t!(i18n, save)}</button>
            </ActionForm>
            <div class="actions">
                <button type="button" on:click=move |_| { logout.dispatch(Logout {}); }>{t!(i18n, sign_out)}</button>
                <button type="button" on:click=move |_| { logout_all.dispatch(LogoutEverywhere {}); }>
                    {t!(i18n, sign_out_everywhere)}
                </button>
            </div>
        </section>
    }
}
