use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    view! { <p>"Thi đua ATGT"</p> }
}
