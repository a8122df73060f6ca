//! A horizontal bar chart as inline SVG (geometry from `playground_model::directory::chart`).

use leptos::prelude::*;
use playground_model::directory::chart::LAYOUT;

const LABEL_WIDTH: f64 = 170.0;
const VALUE_WIDTH: f64 = 120.0;

/// One bar per (label, count); `tone` names a CSS class per label (e.g. the outcome), and
/// clicking a bar calls `on_pick` with its label.
#[component]
pub fn BarChart(
    #[prop(into)] title: String,
    values: Vec<(String, usize)>,
    #[prop(optional)] tone: Option<fn(&str) -> &'static str>,
    #[prop(optional)] on_pick: Option<Callback<String>>,
) -> impl IntoView {
    let bars = LAYOUT.bars(&values);
    let height = LAYOUT.height(bars.len()).max(1.0);
    let width = LABEL_WIDTH + LAYOUT.max_width + VALUE_WIDTH;
    let summary = values
        .iter()
        .map(|(l, c)| format!("{l}: {c}"))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <figure class="dir-chart">
            <figcaption>{title}</figcaption>
            <svg
                viewBox=format!("0 0 {width} {height}")
                role="img"
                aria-label=summary
                class="bar-chart"
            >
                {bars
                    .into_iter()
                    .map(|bar| {
                        let text_y = bar.y + LAYOUT.bar_height * 0.72;
                        let class = format!(
                            "bar {}",
                            tone.map(|t| t(&bar.label)).unwrap_or("")
                        );
                        let label = bar.label.clone();
                        let pick = move |_| {
                            if let Some(cb) = on_pick {
                                cb.run(label.clone());
                            }
                        };
                        view! {
                            <g class="bar-row" data-label=bar.label.clone() on:click=pick>
                                <text x=LABEL_WIDTH - 8.0 y=text_y class="bar-label">
                                    {bar.label.clone()}
                                </text>
                                <rect
                                    x=LABEL_WIDTH
                                    y=bar.y
                                    width=bar.width
                                    height=LAYOUT.bar_height
                                    rx="3"
                                    class=class
                                ></rect>
                                <text x=LABEL_WIDTH + bar.width + 6.0 y=text_y class="bar-value">
                                    {format!("{} ({} %)", bar.count, bar.percent)}
                                </text>
                            </g>
                        }
                    })
                    .collect_view()}
            </svg>
        </figure>
    }
}
