//! The honour roll's entries: who was commended, for what, and when.

use crate::ui::format;
use domain::Commendation;
use leptos::prelude::*;

#[component]
pub fn HonourList(list: Vec<Commendation>) -> impl IntoView {
    view! {
        <ul class="honour-roll">
            {list.into_iter().map(|c| view! {
                <li>
                    <p class="who">
                        {c.individual_name.clone().map(|n| view! { <strong>{n}</strong> " · " })}
                        {c.unit_name.clone()}
                    </p>
                    <p class="what">{c.text}</p>
                    <p class="when">{format::date_local(c.published_at)}</p>
                </li>
            }).collect_view()}
        </ul>
    }
}
