use crate::api::access::ADMIN;
use crate::api::admin::{CreateUser, NewUserForm, SetUserActive, list_units, list_users};
use crate::i18n::*;
use crate::ui::session::{RequireRole, role_label};
use domain::Role;
use leptos::prelude::*;

#[component]
pub fn UsersPage() -> impl IntoView {
    view! {
        <RequireRole roles=ADMIN>
            <Users />
        </RequireRole>
    }
}

#[component]
fn Users() -> impl IntoView {
    let i18n = use_i18n();
    let set_active = ServerAction::<SetUserActive>::new();
    let create = ServerAction::<CreateUser>::new();
    let users = Resource::new(
        move || (set_active.version().get(), create.version().get()),
        |_| list_users(),
    );
    view! {
        <section class="page wide">
            <h1>{t!(i18n, users_title)}</h1>
            {move || set_active.value().get().and_then(|r| r.err()).map(|e| view! { <p class="error" role="alert">{e.message_vi()}</p> })}
            <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match users.await {
                        Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
                        Ok(list) => view! {
                            <div class="table-scroll">
                                <table class="data">
                                    <thead><tr>
                                        <th scope="col">{t!(i18n, username)}</th>
                                        <th scope="col">{t!(i18n, display_name)}</th>
                                        <th scope="col">{t!(i18n, unit)}</th>
                                        <th scope="col">{t!(i18n, roles)}</th>
                                        <th scope="col">{t!(i18n, status)}</th>
                                        <th scope="col"><span class="visually-hidden">{t!(i18n, status)}</span></th>
                                    </tr></thead>
                                    <tbody>
                                        {list.into_iter().map(|u| {
                                            let (id, active) = (u.id, u.is_active);
                                            let roles = u.roles.clone();
                                            view! {
                                                <tr data-user=u.username.clone()>
                                                    <td>{u.username.clone()} {u.is_demo.then(|| view! { <small class="muted">" · " {t!(i18n, demo_account)}</small> })}</td>
                                                    <td>{u.display_name.clone()}</td>
                                                    <td>{u.unit_name.clone().unwrap_or_default()}</td>
                                                    <td>{move || roles.iter().map(|r| role_label(i18n, *r)).collect::<Vec<_>>().join(", ")}</td>
                                                    <td class="user-status">{move || if active { t_string!(i18n, active).to_string() } else { t_string!(i18n, disabled).to_string() }}</td>
                                                    <td>
                                                        <button type="button" class="small" on:click=move |_| { set_active.dispatch(SetUserActive { user_id: id, active: !active }); }>
                                                            {move || if active { t_string!(i18n, disable).to_string() } else { t_string!(i18n, enable).to_string() }}
                                                        </button>
                                                    </td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any(),
                    }
                })}
            </Suspense>
            <NewUser create />
        </section>
    }
}

#[component]
fn NewUser(create: ServerAction<CreateUser>) -> impl IntoView {
    let i18n = use_i18n();
    let (username, display_name, password) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let (unit_id, role) = (
        RwSignal::new(String::new()),
        RwSignal::new(Role::Reporter.code().to_string()),
    );
    let units = Resource::new(|| (), |_| list_units());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CreateUser {
            form: NewUserForm {
                username: username.get(),
                display_name: display_name.get(),
                email: None,
                unit_id: unit_id.get().trim().parse().ok(),
                role: Role::from_code(&role.get()).unwrap_or(Role::Reporter),
                campaign_id: None,
                password: password.get(),
            },
        });
    };
    view! {
        <h2>{t!(i18n, create_user)}</h2>
        <form class="form" on:submit=submit>
            <label for="nu-username">{t!(i18n, username)}</label>
            <input id="nu-username" bind:value=username autocomplete="off" required />
            <label for="nu-name">{t!(i18n, display_name)}</label>
            <input id="nu-name" bind:value=display_name required />
            <label for="nu-role">{t!(i18n, role)}</label>
            <select id="nu-role" on:change=move |ev| role.set(event_target_value(&ev))>
                {[Role::Reporter, Role::UnitHead, Role::StandingOffice, Role::Council, Role::Admin].into_iter().map(|r| view! {
                    <option value=r.code() selected=move || role.get() == r.code()>{move || role_label(i18n, r)}</option>
                }).collect_view()}
            </select>
            <label for="nu-unit">{t!(i18n, unit_id)}</label>
            <select id="nu-unit" on:change=move |ev| unit_id.set(event_target_value(&ev))>
                <option value="">"—"</option>
                <Suspense>
                    {move || Suspend::new(async move {
                        units.await.unwrap_or_default().into_iter().map(|u| view! {
                            <option value=u.id.to_string()>{u.name}</option>
                        }).collect_view()
                    })}
                </Suspense>
            </select>
            <label for="nu-password">{t!(i18n, new_password)}</label>
            <input id="nu-password" type="password" autocomplete="new-password" bind:value=password required />
            {move || create.value().get().map(|r| match r {
                Ok(_) => view! { <p class="ok" role="status">{t!(i18n, created)}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e.message_vi()}</p> }.into_any(),
            })}
            <button type="submit" class="primary">{t!(i18n, create)}</button>
        </form>
    }
}
