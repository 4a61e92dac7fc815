use crate::i18n::*;
use crate::ui::format;
use domain::{Measure, TargetGoal, TargetProgress};
use leptos::prelude::*;

pub fn measure_label(i18n: leptos_i18n::I18nContext<Locale>, m: Measure) -> String {
    match m {
        Measure::Accidents => t_string!(i18n, measure_accidents).to_string(),
        Measure::Deaths => t_string!(i18n, measure_deaths).to_string(),
        Measure::Injuries => t_string!(i18n, measure_injuries).to_string(),
        Measure::DrinkDriving => t_string!(i18n, measure_drink_driving).to_string(),
        Measure::ParticularlySerious => t_string!(i18n, measure_particularly_serious).to_string(),
        Measure::CommercialCar => t_string!(i18n, measure_commercial_car).to_string(),
    }
}

/// The plan's targets against the figures so far: a table that reads on a
/// 360 px phone (each row becomes a card) and to a screen reader.
#[component]
pub fn FiguresTable(progress: Vec<TargetProgress>, baseline_year: i32) -> impl IntoView {
    let i18n = use_i18n();
    let rows = progress
        .into_iter()
        .map(|p| {
            let measure = p.target.measure;
            let goal = p.target.goal;
            let c = p.comparison;
            let met = p.met;
            view! {
                <tr class=if met { "row met" } else { "row not-met" } data-measure=measure.code()>
                    <th scope="row">
                        <span class="measure">{move || measure_label(i18n, measure)}</span>
                        <span class="goal">
                            {move || match goal {
                                TargetGoal::Decrease => t_string!(i18n, goal_decrease).to_string(),
                                TargetGoal::Zero => t_string!(i18n, goal_zero).to_string(),
                            }}
                        </span>
                    </th>
                    <td class="num current" data-label=move || t_string!(i18n, col_current).to_string()>
                        {c.current}
                    </td>
                    <td class="num baseline" data-label=move || t_string!(i18n, col_baseline).to_string()>
                        {c.baseline}
                    </td>
                    <td class="num change" data-label=move || t_string!(i18n, col_change).to_string()>
                        <span class="delta">{format::signed(c.delta())}</span>
                        " "
                        <span class="pct">{move || format::percent(c.percent(), i18n.get_locale())}</span>
                    </td>
                    <td class="status" data-label=move || t_string!(i18n, col_status).to_string()>
                        <span class="badge">
                            {move || if met { t_string!(i18n, met).to_string() } else { t_string!(i18n, not_met).to_string() }}
                        </span>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="figures">
            <caption class="visually-hidden">{t!(i18n, figures_title)} " " {baseline_year}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, col_target)}</th>
                    <th scope="col" class="num">{t!(i18n, col_current)}</th>
                    <th scope="col" class="num">{t!(i18n, col_baseline)} " " {baseline_year}</th>
                    <th scope="col" class="num">{t!(i18n, col_change)}</th>
                    <th scope="col">{t!(i18n, col_status)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
