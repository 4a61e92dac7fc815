//! Documents to print on A4 in the Vietnamese administrative layout: the
//! issuing body and the national motto side by side, the document number
//! and the place and date, the title, the table, and the signature block.
//! The number and date are typed on the screen and printed in place.

use crate::api::access::CAMPAIGN_READERS;
use crate::api::awards::awards_page;
use crate::api::public::public_overview;
use crate::api::rankings::get_rankings;
use crate::i18n::*;
use crate::ui::session::RequireRole;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Bảng tổng hợp điểm thi đua: the official cumulative ranking of every block.
#[component]
pub fn SummaryPrintPage() -> impl IntoView {
    let rankings = Resource::new(|| (), |_| get_rankings(None, true, false));
    view! {
        <RequireRole roles=CAMPAIGN_READERS>
            <Document kind="BC" title="BẢNG TỔNG HỢP ĐIỂM THI ĐUA">
                <Transition>
                    {move || Suspend::new(async move {
                        let Ok(Some(r)) = rankings.await else { return view! { <p class="empty">"—"</p> }.into_any() };
                        view! {
                            <table class="doc-table">
                                <thead><tr><th scope="col">"STT"</th><th scope="col">"Đơn vị"</th><th scope="col">"Điểm"</th><th scope="col">"Xếp hạng trong khối"</th></tr></thead>
                                {r.standings.tables.into_iter().map(|t| view! {
                                    <tbody>
                                        <tr class="group"><th colspan="4" scope="colgroup">{t.block_name.clone()}</th></tr>
                                        {t.rows.into_iter().enumerate().map(|(i, row)| view! {
                                            <tr>
                                                <td class="num">{i + 1}</td>
                                                <td>{row.unit_name}</td>
                                                <td class="num">{domain::format_points(row.score)}</td>
                                                <td class="num">{row.rank}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                }).collect_view()}
                            </table>
                        }.into_any()
                    })}
                </Transition>
            </Document>
        </RequireRole>
    }
}

/// Danh sách đề nghị khen thưởng: a round's proposals the council approved (or all, before the vote).
#[component]
pub fn ProposalsPrintPage() -> impl IntoView {
    let query = use_query_map();
    let page = Resource::new(
        move || query.with(|q| q.get("ky").and_then(|k| k.parse().ok())),
        awards_page,
    );
    view! {
        <RequireRole roles=CAMPAIGN_READERS>
            <Document kind="TTr" title="DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG">
                <Transition>
                    {move || Suspend::new(async move {
                        let Ok(Some(v)) = page.await else { return view! { <p class="empty">"—"</p> }.into_any() };
                        let list = domain::printed_proposals(v.proposals);
                        view! {
                            <table class="doc-table">
                                <thead><tr>
                                    <th scope="col">"STT"</th><th scope="col">"Tập thể, cá nhân"</th>
                                    <th scope="col">"Hình thức"</th><th scope="col">"Thành tích"</th><th scope="col">"Biểu quyết"</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().enumerate().map(|(i, p)| view! {
                                        <tr>
                                            <td class="num">{i + 1}</td>
                                            <td>{p.individual_name.map(|n| format!("{n}, {}", p.unit_name)).unwrap_or(p.unit_name)}</td>
                                            <td>{p.form_name}</td>
                                            <td>{p.achievement.unwrap_or(p.reason)}</td>
                                            <td class="num">{(p.tally.present > 0).then(|| format!("{}/{}", p.tally.votes_for, p.tally.present))}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    })}
                </Transition>
            </Document>
        </RequireRole>
    }
}

/// The frame of a printed document around `children`.
#[component]
fn Document(kind: &'static str, title: &'static str, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let overview = Resource::new(|| (), |_| public_overview(None));
    let today = crate::ui::format::today();
    let number = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let date = RwSignal::new(today.format("%Y-%m-%d").to_string());
    let date_line = move || {
        let d = chrono::NaiveDate::parse_from_str(&date.get(), "%Y-%m-%d").unwrap_or(today);
        let p = place.get();
        // Left blank, the place is dotted for a pen, as printed forms do.
        let p = if p.trim().is_empty() {
            "…………".to_string()
        } else {
            p
        };
        format!(
            "{p}, ngày {} tháng {} năm {}",
            d.format("%d"),
            d.format("%m"),
            d.format("%Y")
        )
    };
    view! {
        <section class="doc-tools no-print" aria-label=move || t_string!(i18n, print_tools).to_string()>
            <label>{t!(i18n, print_number)} " " <input bind:value=number placeholder="12" /></label>
            <label>{t!(i18n, print_place)} " " <input bind:value=place placeholder="Mỹ Tú" /></label>
            <label>{t!(i18n, print_date)} " " <input type="date" bind:value=date /></label>
            <p class="muted">{t!(i18n, print_help)}</p>
        </section>
        <article class="document">
            <header class="doc-head">
                <div class="issuer">
                    <Transition>
                        {move || Suspend::new(async move {
                            let name = overview.await.ok().flatten().map(|v| v.overview.campaign.committee_name).unwrap_or_default();
                            view! { <p class="body-name">{name.to_uppercase()}</p> }
                        })}
                    </Transition>
                    <p class="doc-number">{move || format!("Số: {}/{kind}-BATGT", number.get())}</p>
                </div>
                <div class="motto">
                    <p class="nation">"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"</p>
                    <p class="motto-line">"Độc lập - Tự do - Hạnh phúc"</p>
                    <p class="place-date"><em>{date_line}</em></p>
                </div>
            </header>
            <h1 class="doc-title">{title}</h1>
            <Transition>
                {move || Suspend::new(async move {
                    overview.await.ok().flatten().map(|v| {
                        let c = v.overview.campaign;
                        view! { <p class="doc-subtitle">{format!("{} (Kế hoạch số {})", c.title, c.plan_number)}</p> }
                    })
                })}
            </Transition>
            {children()}
            <footer class="doc-foot">
                <div class="recipients">
                    <p><strong><em>"Nơi nhận:"</em></strong></p>
                    <p>"- Như trên;"</p>
                    <p>"- Lưu: VT."</p>
                </div>
                <div class="signature">
                    <p class="for">"TM. BAN AN TOÀN GIAO THÔNG"</p>
                    <p class="role">"TRƯỞNG BAN"</p>
                    <p class="sign-note"><em>"(Ký, ghi rõ họ tên, đóng dấu)"</em></p>
                </div>
            </footer>
        </article>
    }
}
