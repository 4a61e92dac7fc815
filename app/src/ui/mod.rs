//! The user interface: pages by product area, small shared components.

pub mod chart;
pub mod components;
pub mod format;
pub mod live;
pub mod pages;
pub mod session;

use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

/// The address this site is reached at (`https://host`), for link previews.
#[derive(Clone, Debug)]
pub struct PublicBase(pub String);

/// The public pages a resident opens from a shared link are served as plain
/// HTML with a small script for live figures (`/live.js`), without the
/// app's bundle: they must be fast on a weak connection and read the same
/// with JavaScript off. Reached from a staff page, they render in the app.
pub fn is_static_page(path: &str) -> bool {
    path == "/" || (path.starts_with("/c/") && !path.contains("//"))
}

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let path = use_context::<axum::http::request::Parts>().map(|p| p.uri.path().to_string());
    #[cfg(not(feature = "ssr"))]
    let path: Option<String> = None;
    let is_static = path.as_deref().is_some_and(is_static_page);
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0b4f8a" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                {if is_static {
                    view! { <script src="/live.js" defer></script> }.into_any()
                } else {
                    view! {
                        <AutoReload options=options.clone() />
                        <HydrationScripts options />
                    }
                        .into_any()
                }}
                <MetaTags />
                // After the main stylesheet (MetaTags puts it there), so that its rules win when printing.
                <link rel="stylesheet" href="/print.css" media="print" />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    session::provide_session();
    view! {
        // The language cookie is written only by `/ngon-ngu/{lang}` (one cookie, path `/`).
        <I18nContextProvider
            ssr_lang_header_getter=components::vietnamese_first()
            cookie_options=leptos_i18n::context::CookieOptions::default().readonly(true)
        >
            <Stylesheet id="leptos" href="/pkg/thidua.css" />
            <Title text="Thi đua ATGT" />
            <Router>
                <components::Layout>
                    // Public pages render whole on the server (SsrMode::Async) so
                    // they read the same with JavaScript turned off.
                    <Routes fallback=pages::NotFound>
                        <Route path=path!("/") view=pages::PublicPage ssr=SsrMode::Async />
                        <Route path=path!("/c/:slug") view=pages::PublicPage ssr=SsrMode::Async />
                        <Route path=path!("/c/:slug/don-vi/:unit") view=pages::PublicBreakdownPage ssr=SsrMode::Async />
                        <Route path=path!("/dang-nhap") view=pages::SignInPage />
                        <Route path=path!("/tai-khoan") view=pages::AccountPage />
                        <Route path=path!("/quan-tri/nguoi-dung") view=pages::UsersPage />
                        <Route path=path!("/quan-tri/man-hinh") view=pages::DisplaysPage />
                        <Route path=path!("/nhat-ky") view=pages::AuditPage />
                        <Route path=path!("/bao-cao") view=pages::ReportsPage />
                        <Route path=path!("/dang-ky") view=pages::RegistrationPage />
                        <Route path=path!("/bao-cao/:id") view=pages::ReportPage />
                        <Route path=path!("/man-hinh") view=pages::DashboardPage />
                        <Route path=path!("/tai-nan") view=pages::AccidentsPage />
                        <Route path=path!("/tien-do") view=pages::ProgressPage />
                        <Route path=path!("/xep-hang") view=pages::RankingsPage />
                        <Route path=path!("/khen-thuong") view=pages::AwardsPage />
                        <Route path=path!("/in/bang-tong-hop") view=pages::SummaryPrintPage />
                        <Route path=path!("/in/de-nghi-khen-thuong") view=pages::ProposalsPrintPage />
                        <Route path=path!("/xep-hang/:unit") view=pages::BreakdownPage />
                        <Route path=path!("/thiet-lap") view=pages::SetupPage />
                        <Route path=path!("/thiet-lap/:id") view=pages::CampaignSetupPage />
                    </Routes>
                </components::Layout>
            </Router>
        </I18nContextProvider>
    }
}
