//! The signed-in user, shared by every page; refreshed after sign-in and sign-out.

use crate::api::ApiError;
use crate::api::access::Me;
use crate::api::auth::current_user;
use domain::Role;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct SessionCtx {
    pub me: Resource<Result<Option<Me>, ApiError>>,
    version: RwSignal<u32>,
}

impl SessionCtx {
    pub fn refresh(&self) {
        self.version.update(|v| *v += 1);
    }

    /// Whether the signed-in user holds one of `roles` (reactive; false while loading).
    pub fn has_any(&self, roles: &[Role]) -> bool {
        self.me
            .get()
            .and_then(|m| m.ok())
            .flatten()
            .is_some_and(|me| me.has_any(roles))
    }
}

pub fn provide_session() {
    let version = RwSignal::new(0u32);
    let me = Resource::new(move || version.get(), |_| current_user());
    provide_context(SessionCtx { me, version });
}

pub fn use_session() -> SessionCtx {
    expect_context::<SessionCtx>()
}

/// Shows `children` to a signed-in user holding one of `roles` (any signed-in
/// user when `roles` is empty); otherwise says why not. The server checks
/// again on every call: this only spares the user a page of errors.
#[component]
pub fn RequireRole(#[prop(optional)] roles: &'static [Role], children: ChildrenFn) -> impl IntoView {
    use crate::i18n::*;
    let i18n = use_i18n();
    let session = use_session();
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match session.me.await {
                    Ok(Some(me)) if roles.is_empty() || me.has_any(roles) => children.read_value()().into_any(),
                    Ok(Some(_)) => view! { <p class="error" role="alert">{t!(i18n, forbidden)}</p> }.into_any(),
                    _ => view! {
                        <p class="notice">
                            {t!(i18n, need_sign_in)} " " <a href="/dang-nhap">{t!(i18n, nav_sign_in)}</a>
                        </p>
                    }
                        .into_any(),
                }
            })}
        </Suspense>
    }
}

pub fn role_label(i18n: leptos_i18n::I18nContext<crate::i18n::Locale>, role: Role) -> String {
    use crate::i18n::*;
    match role {
        Role::Admin => t_string!(i18n, role_admin).to_string(),
        Role::StandingOffice => t_string!(i18n, role_standing_office).to_string(),
        Role::Council => t_string!(i18n, role_council).to_string(),
        Role::Reporter => t_string!(i18n, role_reporter).to_string(),
        Role::UnitHead => t_string!(i18n, role_unit_head).to_string(),
        Role::Display => t_string!(i18n, role_display).to_string(),
    }
}
