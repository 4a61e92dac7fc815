//! Charts drawn on the server as SVG (plotters, no fonts needed): the page
//! embeds the markup, the browser draws it, the wasm bundle carries none of it.

/// Accidents per month, this campaign's year against the baseline year: two
/// lines, labelled months, a legend; `None` with no month to draw.
#[cfg(feature = "ssr")]
pub fn accidents_svg(months: &[crate::api::public::MonthFigures], baseline_year: i32) -> Option<String> {
    use plotters::prelude::*;
    if months.is_empty() {
        return None;
    }
    let max = months
        .iter()
        .map(|m| m.current.accidents.max(m.baseline.accidents))
        .max()
        .unwrap_or(0)
        .max(1);
    let year = months.last().map_or(0, |m| m.year);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (960, 420)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let n = months.len() as i32;
        let mut chart = ChartBuilder::on(&root)
            .margin(16)
            .x_label_area_size(40)
            .y_label_area_size(48)
            .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0u32..(max + max / 5 + 1))
            .ok()?;
        let label = |x: &f64| {
            let i = x.round() as usize;
            months
                .get(i)
                .filter(|_| (x - x.round()).abs() < 1e-6)
                .map(|m| format!("T{}/{}", m.month, m.year))
                .unwrap_or_default()
        };
        chart
            .configure_mesh()
            .x_labels(months.len())
            .x_label_formatter(&label)
            .y_desc("Số vụ")
            .label_style(("sans-serif", 18))
            .light_line_style(RGBColor(235, 238, 242))
            .draw()
            .ok()?;
        let now = RGBColor(192, 57, 43);
        let then = RGBColor(11, 79, 138);
        let series = |pick: fn(&crate::api::public::MonthFigures) -> u32| -> Vec<(f64, u32)> {
            months.iter().enumerate().map(|(i, m)| (i as f64, pick(m))).collect()
        };
        chart
            .draw_series(LineSeries::new(series(|m| m.baseline.accidents), then.stroke_width(3)))
            .ok()?
            .label(format!("Cùng kỳ {baseline_year}"))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], then.stroke_width(3)));
        chart
            .draw_series(
                series(|m| m.baseline.accidents)
                    .into_iter()
                    .map(|p| Circle::new(p, 5, then.filled())),
            )
            .ok()?;
        chart
            .draw_series(LineSeries::new(series(|m| m.current.accidents), now.stroke_width(4)))
            .ok()?
            .label(format!("Năm {year}"))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], now.stroke_width(4)));
        chart
            .draw_series(
                series(|m| m.current.accidents)
                    .into_iter()
                    .map(|p| Circle::new(p, 6, now.filled())),
            )
            .ok()?;
        chart
            .configure_series_labels()
            .label_font(("sans-serif", 18))
            .background_style(WHITE.mix(0.9))
            .border_style(RGBColor(200, 200, 200))
            .position(SeriesLabelPosition::UpperRight)
            .draw()
            .ok()?;
        root.present().ok()?;
    }
    // A title and a description for screen readers; the page's table has the numbers.
    let title =
        format!("<title>Số vụ tai nạn giao thông theo tháng, năm {year} so với cùng kỳ {baseline_year}</title>");
    Some(svg.replacen('>', &format!(" role=\"img\">{title}"), 1))
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use crate::api::public::MonthFigures;
    use domain::AccidentFigures;

    #[test]
    fn the_chart_is_an_svg_with_a_title_and_both_years() {
        let f = |n| AccidentFigures {
            accidents: n,
            ..Default::default()
        };
        let months: Vec<MonthFigures> = (8..=11)
            .map(|m| MonthFigures {
                year: 2024,
                month: m,
                current: f(m),
                baseline: f(12 - m),
            })
            .collect();
        let svg = super::accidents_svg(&months, 2023).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
        assert!(svg.contains("role=\"img\"><title>Số vụ tai nạn"));
        assert!(svg.contains("Cùng kỳ 2023") && svg.contains("Năm 2024"));
        assert!(svg.contains("T8/2024") && svg.contains("T11/2024"));
        assert_eq!(super::accidents_svg(&[], 2023), None);
    }
}
