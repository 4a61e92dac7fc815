//! The router: Leptos pages and server functions, static files, middleware.

use crate::cli::Cli;
use app::ui::{App, shell};
use axum::{Router, http::HeaderValue, routing::get};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use store::DatabaseConnection;
use tower_http::{compression::CompressionLayer, set_header::SetResponseHeaderLayer};

pub async fn serve(cli: &Cli, db: DatabaseConnection) -> Result<(), Box<dyn std::error::Error>> {
    let mut conf = get_configuration(None)?;
    conf.leptos_options.site_addr = cli.addr.parse()?;
    conf.leptos_options.site_root = cli.site_root.clone().into();
    let options = conf.leptos_options;
    let addr = options.site_addr;

    let routes = generate_route_list(App);
    let app = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .leptos_routes_with_context(
            &options,
            routes,
            {
                let db = db.clone();
                move || provide_context(db.clone())
            },
            {
                let options = options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler(shell))
        .with_state(options)
        .layer(CompressionLayer::new())
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("referrer-policy", "strict-origin-when-cross-origin"))
        .layer(header("x-frame-options", "DENY"));

    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("listening on http://{addr}");
    axum::serve(listener, app.into_make_service())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

fn header(name: &'static str, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(
        axum::http::HeaderName::from_static(name),
        HeaderValue::from_static(value),
    )
}
