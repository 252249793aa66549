//! The network stage's charts: the hidden neurons h1(x), h2(x); the output a(x) over the lesson-06
//! beans (with the one line linear hidden neurons collapse to); the mean cost per epoch. Each is one
//! layer, drawn whole (the axes' text is placed by anchor, never measured).

use super::axes::dashed;
use super::data::{bean, clip_line, inside, pixels_wide, sample};
use super::frame::{draw_frame, draw_title, text_width, tick_text, Frame};
use super::view::{bucket, nice_ceiling, plot_area, View, A_WINDOW};
use super::{Lang, Style};
use crate::model::netrun::NetworkRun;
use crate::model::network::LayerActivation;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The sizes the charts show: the lesson-06 beans lie in [0, 2).
pub const X_RANGE: (f64, f64) = (0.0, 2.0);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetPanel {
    /// h1(x) and h2(x), the hidden neurons' outputs.
    Hidden,
    /// a(x) with the beans.
    Output,
    /// Mean cost per epoch.
    Cost,
}

impl NetPanel {
    pub const ALL: [NetPanel; 3] = [NetPanel::Hidden, NetPanel::Output, NetPanel::Cost];

    pub fn key(self) -> &'static str {
        match self {
            NetPanel::Hidden => "hidden",
            NetPanel::Output => "output",
            NetPanel::Cost => "cost",
        }
    }

    pub fn from_key(key: &str) -> Option<NetPanel> {
        NetPanel::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn title(self, lang: Lang, hidden: LayerActivation, output: LayerActivation) -> &'static str {
        use LayerActivation::{Linear, Sigmoid};
        match (self, lang, hidden, output) {
            (NetPanel::Hidden, Lang::Zh, Sigmoid, _) => "隐藏层：h = sigmoid(w·x + b)",
            (NetPanel::Hidden, Lang::En, Sigmoid, _) => "hidden: h = sigmoid(w·x + b)",
            (NetPanel::Hidden, Lang::Zh, Linear, _) => "隐藏层：h = w·x + b（线性）",
            (NetPanel::Hidden, Lang::En, Linear, _) => "hidden: h = w·x + b (linear)",
            (NetPanel::Output, Lang::Zh, _, Sigmoid) => "输出：a = sigmoid(v1·h1 + v2·h2 + c)",
            (NetPanel::Output, Lang::En, _, Sigmoid) => "output: a = sigmoid(v1·h1 + v2·h2 + c)",
            (NetPanel::Output, Lang::Zh, _, Linear) => "输出：a = v1·h1 + v2·h2 + c",
            (NetPanel::Output, Lang::En, _, Linear) => "output: a = v1·h1 + v2·h2 + c",
            (NetPanel::Cost, Lang::Zh, ..) => "代价：e = (y − a)² 的平均",
            (NetPanel::Cost, Lang::En, ..) => "cost: mean of e = (y − a)²",
        }
    }

    fn axis_labels(self, lang: Lang) -> (&'static str, &'static str) {
        match (self, lang) {
            (NetPanel::Hidden, Lang::Zh) => ("豆豆大小 x", "h"),
            (NetPanel::Hidden, Lang::En) => ("size x", "h"),
            (NetPanel::Output, Lang::Zh) => ("豆豆大小 x", "毒性 a"),
            (NetPanel::Output, Lang::En) => ("size x", "toxic a"),
            (NetPanel::Cost, Lang::Zh) => ("训练轮数 epoch", "平均代价"),
            (NetPanel::Cost, Lang::En) => ("epoch", "mean cost"),
        }
    }
}

/// A window that holds the values of `f` over the sizes and the beans' 0 and 1, its ends in coarse
/// steps (so the axes move rarely).
fn window(f: impl Fn(f64) -> f64) -> (f64, f64) {
    let values = (0..=40).map(|i| f(X_RANGE.0 + (X_RANGE.1 - X_RANGE.0) * i as f64 / 40.0));
    let (lo, hi) = values.fold((0.0, 1.0), |(lo, hi): (f64, f64), v| (lo.min(v), hi.max(v)));
    let end = |v: f64, least: f64| {
        if v <= least {
            least
        } else {
            bucket(v * 1.05, &[2.0, 3.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0])
        }
    };
    (-end(-lo, -A_WINDOW.0), end(hi, A_WINDOW.1))
}

/// The axis ranges of a chart.
pub fn net_view(panel: NetPanel, run: &NetworkRun) -> View {
    let net = run.network();
    match panel {
        NetPanel::Hidden if net.hidden == LayerActivation::Sigmoid => View { x: X_RANGE, y: A_WINDOW },
        NetPanel::Hidden => {
            let (lo, hi) = window(|x| net.forward(x).h1);
            let (lo2, hi2) = window(|x| net.forward(x).h2);
            View { x: X_RANGE, y: (lo.min(lo2), hi.max(hi2)) }
        }
        NetPanel::Output => {
            // Room for the line z when it is drawn (linear hidden neurons) or is a itself (linear output).
            let y = match (net.collapsed_line(), net.output) {
                (Some((s, i)), _) => window(|x| s * x + i),
                (None, LayerActivation::Linear) => window(|x| net.predict(x)),
                (None, LayerActivation::Sigmoid) => A_WINDOW,
            };
            View { x: X_RANGE, y }
        }
        NetPanel::Cost => {
            let points = run.cost_points();
            let top = points.iter().map(|p| p.1).filter(|c| c.is_finite()).fold(0.0, f64::max);
            let y = bucket(top * 1.05, &[0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 5.0, 10.0, 100.0, 1000.0]);
            View { x: (0.0, nice_ceiling(run.epoch().max(run.goal()) as f64)), y: (0.0, y) }
        }
    }
}

/// "1.23·x − 0.45" with true minus signs.
fn line_text(slope: f64, intercept: f64) -> String {
    let sign = if intercept < 0.0 { "−" } else { "+" };
    format!("{}·x {sign} {}", tick_text(slope, 0.01), tick_text(intercept.abs(), 0.01))
}

/// What a chart's axes show: its view (drawn with, by the axes and the data alike) and its look.
/// The page repaints the axes only when this changes: while the network trains, the curves move
/// and the axes stay.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NetAxes {
    pub view: View,
    hidden: LayerActivation,
    output: LayerActivation,
    style: Style,
}

impl NetAxes {
    pub fn of(panel: NetPanel, run: &NetworkRun, style: &Style) -> NetAxes {
        let net = run.network();
        NetAxes { view: net_view(panel, run), hidden: net.hidden, output: net.output, style: *style }
    }
}

/// Chart `panel`'s background, title, frame, ticks and axis names on `root` (the whole picture,
/// device pixels), for its `view` (`net_view`).
pub fn draw_network_axes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: NetPanel,
    view: &View,
    run: &NetworkRun,
    style: &Style,
) -> DrawResult<DB> {
    let net = run.network();
    root.fill(&style.palette().background)?;
    draw_title(root, panel.title(style.lang, net.hidden, net.output), style)?;
    let area = plot_area(root, view, style);
    let (x_name, y_name) = panel.axis_labels(style.lang);
    let frame =
        Frame { x_ticks: 5, y_ticks: if panel == NetPanel::Cost { 5 } else { 4 }, x_name, y_name, grid: style.grid };
    draw_frame(root, &area, view, style, &frame)
}

/// Chart `panel`'s curves, beans and legend, on a transparent picture of the axes' size: drawn
/// over them.
pub fn draw_network_data<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: NetPanel,
    view: &View,
    run: &NetworkRun,
    style: &Style,
) -> DrawResult<DB> {
    let pal = style.palette();
    let net = run.network();
    let area = plot_area(root, view, style);
    let thin = ShapeStyle::from(pal.muted).stroke_width(style.stroke(1.0));
    let curve = |c: RGBAColor| ShapeStyle::from(c).stroke_width(style.stroke(2.5));
    let legend = TextStyle::from(style.font(12.0)).pos(Pos::new(HPos::Left, VPos::Top));
    let (xr, yr) = area.get_pixel_range();
    let base = root.get_base_pixel();
    let (left, top) = (xr.start - base.0 + style.px(6.0), yr.start - base.1 + style.px(4.0));
    let row = |i: i32| (left, top + i * style.px(17.0));
    // A legend too wide for a narrow plot (a small embed) keeps only its name; the colour says the rest.
    let room = root.dim_in_pixel().0 as i32 - left - style.px(4.0);
    let fit = |whole: String, name: &str| {
        if text_width(&whole, style.font(12.0).get_size()) <= room {
            whole
        } else {
            name.to_string()
        }
    };
    // On a backing of the chart's background: in a small plot the curves pass under the legend.
    let label = |text: String, i: i32, color: &RGBAColor| -> DrawResult<DB> {
        let (x, y) = row(i);
        let size = style.font(12.0).get_size();
        let (pad, w, h) = (style.px(2.0), text_width(&text, size), (size * 1.25) as i32);
        let backing = ShapeStyle::from(pal.background.mix(0.85)).filled();
        root.draw(&Rectangle::new([(x - pad, y - pad), (x + w + pad, y + h)], backing))?;
        root.draw(&Text::new(text, (x, y), legend.color(color)))?;
        Ok(())
    };
    let px = pixels_wide(&area, style);
    match panel {
        NetPanel::Hidden => {
            let f = if net.hidden == LayerActivation::Sigmoid { "σ" } else { "" };
            let p = run.params();
            let name = |k: u8, w: f64, b: f64| match f {
                "" => format!("h{k} = {}", line_text(w, b)),
                _ => format!("h{k} = σ({})", line_text(w, b)),
            };
            area.draw(&PathElement::new(sample(view.x, px, |x| net.forward(x).h1), curve(pal.line)))?;
            area.draw(&PathElement::new(sample(view.x, px, |x| net.forward(x).h2), curve(pal.probe)))?;
            label(fit(name(1, p.w1, p.b1), "h1"), 0, &pal.line)?;
            label(fit(name(2, p.w2, p.b2), "h2"), 1, &pal.probe)?;
        }
        NetPanel::Output => {
            if net.output == LayerActivation::Sigmoid {
                dashed(&area, (view.x.0, 0.5), (view.x.1, 0.5), thin, style)?;
            }
            for (x, y) in run.beans().iter() {
                bean(&area, (x, y), y == 1.0, 0, 3.0, style, &pal)?;
            }
            let mut one_line = None;
            if let Some((s, i)) = net.collapsed_line() {
                // One line, so at most one border: where z = 0 (a = 0.5, or a = 0 for a linear output).
                let border = (s != 0.0).then(|| -i / s).filter(|x| inside(*x, view.x));
                if let Some(x) = border {
                    let shape = ShapeStyle::from(pal.boundary).stroke_width(style.stroke(1.5));
                    dashed(&area, (x, view.y.0), (x, view.y.1), shape, style)?;
                }
                if net.output == LayerActivation::Sigmoid {
                    if let Some((x0, x1)) = clip_line(s, i, view.x, view.y) {
                        area.draw(&PathElement::new(vec![(x0, s * x0 + i), (x1, s * x1 + i)], curve(pal.line)))?;
                    }
                }
                one_line = Some(match style.lang {
                    Lang::Zh => fit(format!("一条直线 z = {}", line_text(s, i)), "一条直线"),
                    Lang::En => fit(format!("one line z = {}", line_text(s, i)), "one line"),
                });
            }
            area.draw(&PathElement::new(sample(view.x, px, |x| net.predict(x)), curve(pal.sigmoid)))?;
            // Over the curves.
            if let Some(text) = one_line {
                label(text, 0, &pal.text)?;
            }
        }
        NetPanel::Cost => {
            let points: Vec<(f64, f64)> = run.cost_points().iter().map(|&(e, c)| (e as f64, c)).collect();
            area.draw(&PathElement::new(points.clone(), ShapeStyle::from(pal.cost).stroke_width(style.stroke(2.0))))?;
            if let Some(&last) = points.last() {
                area.draw(&Circle::new(last, style.px(3.5), pal.cost.filled()))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::beans::Beans;
    use crate::model::network::Params;

    fn run(hidden: LayerActivation, output: LayerActivation, params: Params) -> NetworkRun {
        NetworkRun::new(Beans::middle(29, 100), params, hidden, output, 0.3)
    }

    /// A whole chart, as the page shows it: its axes, then its data over them.
    fn draw_network<DB: DrawingBackend>(
        root: &DrawingArea<DB, Shift>,
        panel: NetPanel,
        run: &NetworkRun,
        style: &Style,
    ) -> DrawResult<DB> {
        let view = net_view(panel, run);
        draw_network_axes(root, panel, &view, run, style)?;
        draw_network_data(root, panel, &view, run, style)
    }

    fn svg(panel: NetPanel, run: &NetworkRun, style: &Style) -> String {
        let mut out = String::new();
        {
            let root =
                SVGBackend::with_string(&mut out, (480 * style.dpr as u32, 320 * style.dpr as u32)).into_drawing_area();
            draw_network(&root, panel, run, style).unwrap();
            root.present().unwrap();
        }
        out
    }

    #[test]
    fn a_narrow_chart_names_its_curves_without_the_formulas_it_has_no_room_for() {
        let draw = |panel: NetPanel, size: (u32, u32), hidden: LayerActivation| {
            let mut out = String::new();
            {
                let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
                let r = run(hidden, LayerActivation::Sigmoid, Params::initial(29));
                draw_network(&root, panel, &r, &Style::default()).unwrap();
            }
            out
        };
        // The texts drawn, whole.
        let texts = |svg: String| -> Vec<String> {
            svg.split("<text")
                .skip(1)
                .map(|t| t.split_once('>').unwrap().1.split("</text>").next().unwrap().trim().to_string())
                .collect()
        };
        let wide = texts(draw(NetPanel::Hidden, (480, 320), LayerActivation::Sigmoid));
        assert!(
            wide.iter().any(|t| t.starts_with("h1 = σ(")) && wide.iter().any(|t| t.starts_with("h2 = σ(")),
            "{wide:?}"
        );
        // Three charts side by side in a 320 px embed.
        let narrow = texts(draw(NetPanel::Hidden, (100, 230), LayerActivation::Sigmoid));
        assert!(narrow.contains(&"h1".into()) && narrow.contains(&"h2".into()), "{narrow:?}");
        assert!(!narrow.iter().any(|t| t.contains("σ(")), "{narrow:?}");
        let line = texts(draw(NetPanel::Output, (480, 320), LayerActivation::Linear));
        assert!(line.iter().any(|t| t.starts_with("一条直线 z = ")), "{line:?}");
        let narrow = texts(draw(NetPanel::Output, (100, 230), LayerActivation::Linear));
        assert!(narrow.contains(&"一条直线".into()) && !narrow.iter().any(|t| t.contains("z = ")), "{narrow:?}");
    }

    #[test]
    fn a_legend_lies_over_the_curves_on_a_backing_that_covers_its_text() {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (100, 230)).into_drawing_area();
            let r = run(LayerActivation::Sigmoid, LayerActivation::Sigmoid, Params::initial(29));
            draw_network(&root, NetPanel::Hidden, &r, &Style::default()).unwrap();
        }
        let attr = |el: &str, name: &str| -> f64 {
            let at = el.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            el[at..].split('"').next().unwrap().parse().unwrap()
        };
        let last_curve = out.rfind("<polyline").unwrap();
        for name in ["h1", "h2"] {
            let text = out.find(&format!(">\n{name}\n</text>")).unwrap();
            let el = &out[out[..text].rfind("<text").unwrap()..text];
            let backing = &out[out[..text].rfind("<rect").unwrap()..];
            assert!(last_curve < out.len() - backing.len(), "{name}: its backing is drawn over the curves");
            let (x, y, w, h) =
                (attr(backing, "x"), attr(backing, "y"), attr(backing, "width"), attr(backing, "height"));
            let (tx, ty, size) = (attr(el, "x"), attr(el, "y"), attr(el, "font-size"));
            // Two glyphs: at least a font size wide; a line is about 1.2 font sizes tall.
            let inside = x <= tx && tx + size <= x + w && y <= ty && ty + 1.2 * size <= y + h;
            assert!(inside, "{name} at ({tx}, {ty}), {size} px, on {backing}");
        }
    }

    /// What `draw` puts on a 480×320 SVG, without the document around it.
    fn body(draw: impl Fn(&DrawingArea<SVGBackend, Shift>)) -> String {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (480, 320)).into_drawing_area();
            draw(&root);
            root.present().unwrap();
        }
        let start = out.find("<svg").unwrap();
        let open = start + out[start..].find('>').unwrap() + 1;
        out[open..out.rfind("</svg>").unwrap()].trim().to_string()
    }

    #[test]
    fn the_axes_hold_the_frame_and_the_data_the_curves_on_a_transparent_picture() {
        let r = run(LayerActivation::Linear, LayerActivation::Sigmoid, Params::initial(29));
        let style = Style::default();
        for panel in NetPanel::ALL {
            let view = net_view(panel, &r);
            let axes = body(|root| draw_network_axes(root, panel, &view, &r, &style).unwrap());
            let data = body(|root| draw_network_data(root, panel, &view, &r, &style).unwrap());
            let title = panel.title(style.lang, LayerActivation::Linear, LayerActivation::Sigmoid);
            assert!(axes.contains(title), "{panel:?}: the axes have the title");
            assert!(data.contains("<polyline"), "{panel:?}: the curves are data");
            assert!(!data.contains(title), "{panel:?}: no title in the data");
            // The background is the axes'; the data, drawn over them, has none of its own.
            let background = r#"width="480" height="320""#;
            assert!(axes.contains(background) && !data.contains(background), "{panel:?}: {data:.200}");
        }
    }

    #[test]
    fn training_moves_the_data_and_leaves_the_axes_as_they_were() {
        let mut r = run(LayerActivation::Sigmoid, LayerActivation::Sigmoid, Params::initial(29));
        r.set_goal(1000);
        r.train_epochs(10);
        let style = Style::default();
        let look = |r: &NetworkRun| {
            NetPanel::ALL.map(|p| {
                let axes = NetAxes::of(p, r, &style);
                (axes, body(|root| draw_network_data(root, p, &axes.view, r, &style).unwrap()))
            })
        };
        let before = look(&r);
        r.train_epochs(40);
        let after = look(&r);
        for (panel, ((axes0, data0), (axes1, data1))) in NetPanel::ALL.iter().zip(before.iter().zip(after.iter())) {
            assert_eq!(axes0, axes1, "{panel:?}: the axes stay");
            assert_ne!(data0, data1, "{panel:?}: the data moves");
        }
        // A new look (linear hidden neurons, the other language) is new axes.
        let mut linear = run(LayerActivation::Linear, LayerActivation::Sigmoid, Params::initial(29));
        linear.set_goal(1000);
        assert_ne!(NetAxes::of(NetPanel::Hidden, &linear, &style), before[0].0);
        let en = Style { lang: Lang::En, ..style };
        assert_ne!(NetAxes::of(NetPanel::Cost, &r, &en), NetAxes::of(NetPanel::Cost, &r, &style));
    }

    #[test]
    fn a_run_with_a_goal_keeps_the_cost_charts_epoch_axis_still() {
        let mut r = run(LayerActivation::Sigmoid, LayerActivation::Sigmoid, Params::initial(29));
        r.set_goal(1000);
        let mut seen = vec![];
        for _ in 0..5 {
            r.train_epochs(200);
            seen.push(net_view(NetPanel::Cost, &r).x);
        }
        assert!(seen.iter().all(|&x| x == (0.0, 1000.0)), "{seen:?}");
        r.reset();
        assert_eq!(net_view(NetPanel::Cost, &r).x, (0.0, 10.0));
    }

    /// The points of the polylines stroked in `colour` ("#RRGGBB").
    fn polylines(svg: &str, colour: &str) -> Vec<Vec<(f64, f64)>> {
        svg.split("<polyline")
            .skip(1)
            .filter(|s| s.split("/>").next().unwrap().to_uppercase().contains(&format!("STROKE=\"{colour}\"")))
            .map(|s| {
                let points = s.split("points=\"").nth(1).unwrap().split('"').next().unwrap();
                points
                    .split_whitespace()
                    .map(|p| {
                        let (x, y) = p.split_once(',').unwrap();
                        (x.parse().unwrap(), y.parse().unwrap())
                    })
                    .collect()
            })
            .collect()
    }

    fn hex(c: RGBAColor) -> String {
        format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
    }

    #[test]
    fn every_chart_draws_in_both_languages_and_themes() {
        let start = Params::initial(29);
        for hidden in [LayerActivation::Sigmoid, LayerActivation::Linear] {
            for output in [LayerActivation::Sigmoid, LayerActivation::Linear] {
                let mut r = run(hidden, output, start);
                r.train_epochs(20);
                for lang in [Lang::Zh, Lang::En] {
                    for (dark, dpr) in [(false, 1.0), (true, 2.0)] {
                        let style = Style { lang, dark, dpr, ..Style::default() };
                        for panel in NetPanel::ALL {
                            let out = svg(panel, &r, &style);
                            let title = panel.title(lang, hidden, output);
                            assert!(out.contains(title.split(['：', ':']).next().unwrap()), "{panel:?} {title}");
                            assert!(!out.contains("NaN") && !out.contains("inf"), "{panel:?}");
                            assert!(out.contains("<polyline"), "{panel:?} has a curve");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn linear_hidden_neurons_draw_a_straight_output() {
        let style = Style::default();
        let pal = style.palette();
        let cases = [
            Params { w1: 1.5, b1: -0.5, w2: -2.0, b2: 1.0, v1: 0.8, v2: 0.3, c: 0.2 },
            Params { w1: -3.0, b1: 2.0, w2: 4.0, b2: -1.0, v1: 1.0, v2: 1.0, c: 0.0 },
            Params::initial(29),
        ];
        for p in cases {
            // Output none: a is z, the collapsed line itself. Output sigmoid: z is drawn as a line.
            for (output, colour) in [(LayerActivation::Linear, pal.sigmoid), (LayerActivation::Sigmoid, pal.line)] {
                let out = svg(NetPanel::Output, &run(LayerActivation::Linear, output, p), &style);
                let lines = polylines(&out, &hex(colour));
                let points: Vec<(f64, f64)> = lines.into_iter().flatten().collect();
                assert!(points.len() >= 2, "{p:?} {output:?}: a line is drawn");
                let (first, last) = (points[0], points[points.len() - 1]);
                for (x, y) in &points {
                    let t = (x - first.0) / (last.0 - first.0);
                    let on = first.1 + t * (last.1 - first.1);
                    assert!((y - on).abs() <= 1.0, "{p:?} {output:?}: ({x}, {y}) off the line by {}", y - on);
                }
                assert!(out.contains("z = "), "the line's formula is written");
            }
        }
        // Sigmoid hidden neurons bend a: no straight line through its points.
        let bump = Params { w1: 12.0, b1: -5.0, w2: 12.0, b2: -15.0, v1: 8.0, v2: -8.0, c: -4.0 };
        let out = svg(NetPanel::Output, &run(LayerActivation::Sigmoid, LayerActivation::Sigmoid, bump), &style);
        let points: Vec<(f64, f64)> = polylines(&out, &hex(pal.sigmoid)).into_iter().flatten().collect();
        let lowest = points.iter().map(|p| p.1).fold(f64::MAX, f64::min);
        let (first, last) = (points[0].1, points[points.len() - 1].1);
        assert!(
            first - lowest > 100.0 && last - lowest > 100.0,
            "a bump: high in the middle ({first} {lowest} {last})"
        );
        assert!(!out.contains("z = "), "no single line to write");
    }
}
