//! The browser's end of the live stream: an EventSource per page, opened
//! again with growing pauses after a failure, a watchdog that marks the data
//! stale when the server has been silent too long, and the last good
//! snapshot kept whatever happens.

use crate::i18n::*;
use crate::live::LiveSnapshot;
use domain::Id;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Live {
    /// The latest snapshot received; never cleared by an error.
    pub snapshot: RwSignal<Option<LiveSnapshot>>,
    /// The stream failed or has been silent too long.
    pub stale: RwSignal<bool>,
}

/// Listens to the campaign's stream while the calling component lives.
pub fn use_live(campaign_id: Id) -> Live {
    let live = Live {
        snapshot: RwSignal::new(None),
        stale: RwSignal::new(false),
    };
    #[cfg(feature = "hydrate")]
    client::start(live, campaign_id);
    #[cfg(not(feature = "hydrate"))]
    let _ = campaign_id;
    live
}

/// "Cập nhật lúc …" and, when the stream is down, a banner that says the
/// figures may be out of date while it reconnects.
#[component]
pub fn LiveStatus(live: Live, #[prop(optional)] fallback_time: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let time = move || {
        live.snapshot
            .with(|s| s.as_ref().map(|s| crate::ui::format::time_local(s.at)))
            .or_else(|| fallback_time.clone())
            .unwrap_or_default()
    };
    view! {
        <p class="updated" role="status">{move || t_string!(i18n, live_updated, time = time()).to_string()}</p>
        <Show when=move || live.stale.get()>
            <p class="stale-banner" role="alert">{t!(i18n, live_stale)}</p>
        </Show>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use super::Live;
    use crate::live::{LiveSnapshot, STALE_AFTER_SECS, stream_path};
    use leptos::prelude::*;
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;
    use std::time::Duration;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{EventSource, MessageEvent};

    thread_local! {
        /// Open streams by listener, so that leaving the page closes them.
        static OPEN: RefCell<HashMap<u64, EventSource>> = RefCell::new(HashMap::new());
        static NEXT: Cell<u64> = const { Cell::new(0) };
        static HEARD: RefCell<HashMap<u64, f64>> = RefCell::new(HashMap::new());
    }

    pub fn start(live: Live, campaign_id: domain::Id) {
        let key = NEXT.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        HEARD.with(|h| h.borrow_mut().insert(key, js_sys::Date::now()));
        connect(live, campaign_id, key, 0);
        let watchdog = set_interval_with_handle(
            move || {
                let heard = HEARD.with(|h| h.borrow().get(&key).copied()).unwrap_or(0.0);
                if js_sys::Date::now() - heard > STALE_AFTER_SECS as f64 * 1000.0 {
                    live.stale.try_set(true);
                }
            },
            Duration::from_secs(2),
        )
        .ok();
        on_cleanup(move || {
            if let Some(w) = watchdog {
                w.clear();
            }
            OPEN.with(|o| {
                if let Some(es) = o.borrow_mut().remove(&key) {
                    es.close();
                }
            });
            HEARD.with(|h| h.borrow_mut().remove(&key));
        });
    }

    fn heard(key: u64, live: Live) {
        HEARD.with(|h| {
            if let Some(t) = h.borrow_mut().get_mut(&key) {
                *t = js_sys::Date::now();
            }
        });
        live.stale.try_set(false);
    }

    fn connect(live: Live, campaign_id: domain::Id, key: u64, failures: u32) {
        // The page was left meanwhile: nothing to reconnect for.
        if HEARD.with(|h| !h.borrow().contains_key(&key)) {
            return;
        }
        let Ok(es) = EventSource::new(&stream_path(campaign_id)) else {
            return retry(live, campaign_id, key, failures);
        };
        // A stream that delivered starts the pauses again from one second.
        let delivered = std::rc::Rc::new(Cell::new(false));
        let ok = delivered.clone();
        let on_snapshot = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
            let Some(text) = ev.data().as_string() else { return };
            if let Ok(s) = serde_json::from_str::<LiveSnapshot>(&text) {
                live.snapshot.try_set(Some(s));
                ok.set(true);
                heard(key, live);
            }
        });
        let on_ping = Closure::<dyn Fn(MessageEvent)>::new(move |_| heard(key, live));
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            live.stale.try_set(true);
            let closed = OPEN.with(|o| o.borrow_mut().remove(&key));
            if let Some(es) = closed {
                es.close();
                let failures = if delivered.get() { 0 } else { failures + 1 };
                retry(live, campaign_id, key, failures);
            }
        });
        let _ = es.add_event_listener_with_callback("snapshot", on_snapshot.as_ref().unchecked_ref());
        let _ = es.add_event_listener_with_callback("ping", on_ping.as_ref().unchecked_ref());
        es.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The stream owns its handlers for as long as it lives (one per connection).
        on_snapshot.forget();
        on_ping.forget();
        on_error.forget();
        OPEN.with(|o| o.borrow_mut().insert(key, es));
    }

    /// 1, 2, 4 … seconds, at most 30: a restarted server is found quickly,
    /// a dead one is not hammered.
    fn retry(live: Live, campaign_id: domain::Id, key: u64, failures: u32) {
        let wait = Duration::from_secs((1u64 << failures.min(5)).min(30));
        set_timeout(move || connect(live, campaign_id, key, failures), wait);
    }
}
