//! The router: Leptos pages and server functions, static files, middleware.

use crate::cli::Cli;
use crate::metrics::Metrics;
use crate::security::{self, CspNonce};
use app::auth::{Backend, Throttle};
use app::ui::{App, shell};
use axum::{Router, middleware, routing::get};
use axum_login::AuthManagerLayerBuilder;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::net::SocketAddr;
use store::DatabaseConnection;
use tower::Layer;
use tower_http::compression::CompressionLayer;
use tower_sessions::{ExpiredDeletion, Expiry, SessionManagerLayer, cookie::SameSite, cookie::time::Duration};

pub async fn serve(cli: &Cli, db: DatabaseConnection) -> Result<(), Box<dyn std::error::Error>> {
    let mut conf = get_configuration(None)?;
    conf.leptos_options.site_addr = cli.addr.parse()?;
    conf.leptos_options.site_root = cli.site_root.clone().into();
    let options = conf.leptos_options;
    let addr = options.site_addr;
    let (app, hub, metrics) = build(cli, options, db);
    if let Some(metrics_addr) = &cli.metrics_addr {
        let listener = tokio::net::TcpListener::bind(metrics_addr).await?;
        tracing::info!("metrics on http://{metrics_addr}/metrics");
        let scrape = Router::new()
            .route("/metrics", get(crate::metrics::scrape))
            .with_state((metrics, hub.clone()));
        tokio::spawn(async move { axum::serve(listener, scrape).await });
    }
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("listening on http://{addr}");
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(async move {
            crate::ops::shutdown_signal().await;
            // Requests in flight finish; live streams end now (their pages
            // reconnect elsewhere or after the restart) so they do not hold the exit.
            tracing::info!("shutting down: finishing the requests in flight");
            hub.close_streams();
        })
        .await?;
    tracing::info!("stopped");
    Ok(())
}

/// The whole site, as the tests drive it.
pub fn router(cli: &Cli, options: LeptosOptions, db: DatabaseConnection) -> Router {
    build(cli, options, db).0
}

/// The site, its live hub (for the shutdown) and its metrics (for their listener).
pub fn build(cli: &Cli, options: LeptosOptions, db: DatabaseConnection) -> (Router, app::live::LiveHub, Metrics) {
    let sessions = store::sessions::DbSessionStore::new(db.clone());
    let sweeper = sessions.clone();
    tokio::spawn(async move {
        loop {
            if let Err(e) = sweeper.delete_expired().await {
                tracing::warn!("deleting expired sessions: {e}");
            }
            tokio::time::sleep(std::time::Duration::from_secs(600)).await;
        }
    });
    let session_layer = SessionManagerLayer::new(sessions)
        .with_name("thidua_sid")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(cli.https)
        .with_expiry(Expiry::OnInactivity(Duration::minutes(cli.session_idle_minutes)));
    let auth_layer = AuthManagerLayerBuilder::new(Backend { db: db.clone() }, session_layer).build();
    let throttle = Throttle::new(cli.login_per_account, cli.login_per_address);
    let https = cli.https;
    let files = app::api::evidence::FilesDir(cli.files_dir.clone().into());
    let hub = app::live::LiveHub::start(db.clone());

    // What every page and server function reads from its context; the
    // not-found page renders the app too, so it gets the same.
    let public_url = cli.public_url.clone().map(|u| u.trim_end_matches('/').to_string());
    let proxies = app::auth::TrustedProxies(cli.trusted_proxies.clone());
    let context = {
        let db = db.clone();
        let files = files.clone();
        let hub = hub.clone();
        move || {
            provide_context(db.clone());
            provide_context(files.clone());
            provide_context(hub.clone());
            provide_context(throttle.clone());
            provide_context(proxies.clone());
            provide_context(public_base(public_url.as_deref(), https));
            // Leptos's hydration script carries the nonce the CSP header names.
            let nonce =
                use_context::<axum::http::request::Parts>().and_then(|p| p.extensions.get::<CspNonce>().cloned());
            if let Some(CspNonce(n)) = nonce {
                provide_context(leptos::nonce::Nonce::from_value(n));
            }
        }
    };
    let routes = generate_route_list(App);
    let cache = crate::public_cache::PageCache::default();
    let cache_hub = hub.clone();
    let app = Router::new()
        .route("/healthz", get(crate::ops::healthz))
        .route("/readyz", get(crate::ops::readyz))
        .route("/man-hinh/{token}", get(crate::display::open))
        .route("/tep/{id}", get(crate::evidence::download))
        .route("/truc-tiep/{campaign}", get(crate::live::stream))
        .route("/du-lieu/{slug}/{file}", get(crate::open_data::dataset))
        .route("/xuat/{file}", get(crate::exports::export))
        .route(
            "/ngon-ngu/{lang}",
            get(
                move |lang: axum::extract::Path<String>, back: axum::extract::Query<crate::site::Back>| {
                    crate::site::language(https, lang, back)
                },
            ),
        )
        .leptos_routes_with_context(&options, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(context, shell))
        .with_state(options)
        .layer(middleware::from_fn(app::api::auth::absolute_timeout))
        .layer(auth_layer)
        .layer(middleware::from_fn(security::refuse_cross_site))
        .layer(middleware::map_response(security::unprocessable_arguments))
        .layer(middleware::from_fn(crate::site::static_cache_headers))
        .layer(middleware::from_fn(crate::site::plain_public_pages))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn(move |req, next| {
            security::content_security_policy(https, req, next)
        }))
        .layer(axum::Extension(db))
        .layer(axum::Extension(files))
        .layer(axum::Extension(hub.clone()));
    // Public pages are cached whole (compressed, security headers included),
    // in front of the routing: a hit skips everything else.
    let cached = middleware::from_fn(move |req, next| {
        let (cache, hub) = (cache.clone(), cache_hub.clone());
        async move { cache.serve(&hub, req, next).await }
    })
    .layer(app);
    let metrics = Metrics::default();
    let site = Router::new()
        .fallback_service(cached)
        .layer(middleware::from_fn_with_state(metrics.clone(), crate::metrics::record));
    (site, hub, metrics)
}

/// `https://host` for link previews: the configured address, else the request's host.
fn public_base(configured: Option<&str>, https: bool) -> app::ui::PublicBase {
    if let Some(url) = configured {
        return app::ui::PublicBase(url.to_string());
    }
    let host = use_context::<axum::http::request::Parts>()
        .and_then(|p| {
            p.headers
                .get(axum::http::header::HOST)
                .and_then(|h| h.to_str().ok())
                .map(str::to_string)
        })
        .unwrap_or_default();
    let scheme = if https { "https" } else { "http" };
    app::ui::PublicBase(format!("{scheme}://{host}"))
}
