use crate::i18n::*;
use leptos::prelude::*;
use leptos_use::UseLocalesOptions;

/// Vietnamese first: the browser's Accept-Language is ignored, so a visitor
/// sees Vietnamese until they choose English (kept in a cookie).
pub fn vietnamese_first() -> UseLocalesOptions {
    UseLocalesOptions::default().ssr_lang_header_getter(|| None)
}

/// The frame of every page: skip link, header with the language switch, footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let location = leptos_router::hooks::use_location();
    // A plain link to the server, which sets the language cookie and comes
    // back to this address: it works without JavaScript too.
    let switch_href = move || {
        let other = if i18n.get_locale() == Locale::vi { "en" } else { "vi" };
        let here = format!("{}{}", location.pathname.get(), location.search.get());
        let next = percent_encoding::utf8_percent_encode(&here, percent_encoding::NON_ALPHANUMERIC);
        format!("/ngon-ngu/{other}?next={next}")
    };
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"ATGT"</span>
                <span class="brand-name">{t!(i18n, app_name)}</span>
            </a>
            <Nav />
            <a
                class="lang-switch"
                rel="external"
                href=switch_href
                aria-label=move || t_string!(i18n, switch_language_label).to_string()
            >
                {t!(i18n, switch_language)}
            </a>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{t!(i18n, footer)}</p>
        </footer>
    }
}

/// Said on every page that shows demo data.
#[component]
pub fn DemoBanner() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="demo-banner" role="note">
            {t!(i18n, demo_banner)}
        </p>
    }
}

/// Links for the signed-in user's roles, or the sign-in link.
#[component]
fn Nav() -> impl IntoView {
    use crate::api::access::{ADMIN, CAMPAIGN_READERS, OFFICE};
    use domain::{Role, UnitKind};
    let i18n = use_i18n();
    let session = crate::ui::session::use_session();
    view! {
        <nav class="site-nav" aria-label=move || t_string!(i18n, nav_menu).to_string()>
            <Transition>
                {move || Suspend::new(async move {
                    match session.me.await {
                        Ok(Some(me)) => view! {
                            {me.has_any(ADMIN).then(|| view! { <a href="/quan-tri/nguoi-dung">{t!(i18n, nav_users)}</a> })}
                            {me.has_any(OFFICE).then(|| view! { <a href="/thiet-lap">{t!(i18n, nav_setup)}</a> })}
                            {me.has_any(OFFICE).then(|| view! { <a href="/quan-tri/man-hinh">{t!(i18n, nav_displays)}</a> })}
                            {me.unit_id.is_some().then(|| view! { <a href="/bao-cao">{t!(i18n, nav_reports)}</a> })}
                            {me.unit_id.is_some().then(|| view! { <a href="/dang-ky">{t!(i18n, nav_registration)}</a> })}
                            {me.has_any(CAMPAIGN_READERS).then(|| view! { <a href="/tien-do">{t!(i18n, nav_progress)}</a> })}
                            <a href="/xep-hang">{t!(i18n, nav_rankings)}</a>
                            <a href="/khen-thuong">{t!(i18n, nav_awards)}</a>
                            {(me.has_any(&[Role::Admin, Role::StandingOffice, Role::Council])
                                || me.unit_kind == Some(UnitKind::Police))
                                .then(|| view! { <a href="/tai-nan">{t!(i18n, nav_accidents)}</a> })}
                            <a href="/nhat-ky">{t!(i18n, nav_audit)}</a>
                            <a href="/tai-khoan" class="me">{me.display_name.clone()}</a>
                        }.into_any(),
                        _ => view! { <a href="/dang-nhap">{t!(i18n, nav_sign_in)}</a> }.into_any(),
                    }
                })}
            </Transition>
        </nav>
    }
}
