use super::*;
use crate::model::beans::Beans;
use crate::model::trainer::Trainer;
use plotters::prelude::*;

fn trainer() -> Trainer {
    Trainer::new(Beans::course(1, 100), 5.0, -5.0, 0.05)
}

fn svg(
    panel: Panel,
    style: &Style,
    t: &Trainer,
    layer: fn(&DrawingArea<SVGBackend, plotters::coord::Shift>, Panel, &View, &Style, &Trainer),
) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (480, 320)).into_drawing_area();
        layer(&root, panel, &View::of(panel, t), style, t);
        root.present().unwrap();
    }
    out
}

fn axes(root: &DrawingArea<SVGBackend, plotters::coord::Shift>, p: Panel, v: &View, s: &Style, _t: &Trainer) {
    draw_axes(root, p, v, s, _t).unwrap();
}
fn data(root: &DrawingArea<SVGBackend, plotters::coord::Shift>, p: Panel, v: &View, s: &Style, t: &Trainer) {
    draw_data(root, p, v, s, t, &Marks::default()).unwrap();
}
fn ink(root: &DrawingArea<SVGBackend, plotters::coord::Shift>, p: Panel, v: &View, s: &Style, t: &Trainer) {
    draw_ink(root, p, v, s, t).unwrap();
}

#[test]
fn data_layer_lines_up_with_the_axes() {
    for dpr in [1.0, 2.0, 3.0] {
        let style = Style { dpr, ..Style::default() };
        let t = trainer();
        for panel in Panel::ALL {
            let view = View::of(panel, &t);
            let mut out = String::new();
            let root = SVGBackend::with_string(&mut out, (480 * dpr as u32, 320 * dpr as u32)).into_drawing_area();
            let l = view::Layout::of(&style, root.dim_in_pixel(), &view);
            let chart = ChartBuilder::on(&root)
                .margin_top(l.top)
                .margin_right(l.right)
                .margin_bottom(l.bottom)
                .margin_left(l.left)
                .x_label_area_size(l.x_labels)
                .y_label_area_size(l.y_labels)
                .build_cartesian_2d(view.x.0..view.x.1, view.y.0..view.y.1)
                .unwrap();
            let ours = plot_area(&root, &view, &style);
            for p in [
                (view.x.0, view.y.0),
                (view.x.1, view.y.1),
                ((view.x.0 + view.x.1) / 2.0, view.y.0 * 0.3 + view.y.1 * 0.7),
            ] {
                assert_eq!(chart.plotting_area().map_coordinate(&p), ours.map_coordinate(&p), "{panel:?} dpr {dpr}");
            }
        }
    }
}

#[test]
fn a_finer_picture_lies_over_the_device_one() {
    let t = trainer();
    for (dpr, grain) in [(1.0, 2), (1.0, 4), (1.5, 2), (1.25, 3), (2.0, 2), (3.0, 4)] {
        let style = Style { dpr, ..Style::default() };
        let size = ((480.0 * dpr) as u32, (320.0 * dpr) as u32);
        for panel in Panel::ALL {
            let view = View::of(panel, &t);
            let (mut shapes, mut whole) = (Vec::new(), Vec::new());
            let device = vector::VectorBackend::new(&mut whole, size).into_drawing_area();
            let fine = vector::VectorBackend::finer(&mut shapes, size, grain).into_drawing_area();
            let (a, b) = (plot_area(&device, &view, &style), plot_area(&fine, &view, &style.finer(grain)));
            let g = grain as i32;
            // The plot's corners on the same device pixels; a point inside within one pixel of the
            // device's (which plotters truncates to a whole pixel toward the axis's start).
            for p in [(view.x.0, view.y.0), (view.x.1, view.y.1)] {
                let (d, f) = (a.map_coordinate(&p), b.map_coordinate(&p));
                assert_eq!((d.0 * g, d.1 * g), f, "{panel:?} at dpr {dpr}, grain {grain}: {p:?}");
            }
            let p = (view.x.0 * 0.4 + view.x.1 * 0.6, view.y.0 * 0.3 + view.y.1 * 0.7);
            let (d, f) = (a.map_coordinate(&p), b.map_coordinate(&p));
            assert!((d.0 * g - f.0).abs() < g && (d.1 * g - f.1).abs() < g, "{panel:?} at dpr {dpr}: {d:?} {f:?}");
        }
    }
}

#[test]
fn the_page_s_data_is_drawn_at_least_four_units_to_a_css_pixel_below_dpr_2() {
    for (dpr, grain) in [(0.5, 8), (1.0, 4), (1.25, 4), (1.5, 3), (2.0, 1), (3.0, 1), (4.0, 1)] {
        assert_eq!(vector::grain(dpr), grain, "dpr {dpr}");
    }
}

/// The points of path data made of M and L commands.
fn path_points(d: &str) -> Vec<(f64, f64)> {
    d.split(['M', 'L'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (x, y) = p.split_once(' ').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// x → a's curve for a nearly flat neuron, in device pixels, drawn `grain` units to the pixel.
fn flat_composite(grain: u32) -> Vec<(f64, f64)> {
    let mut t = trainer();
    t.set_params(0.3, 0.2);
    let style = Style::default().finer(grain);
    let mut shapes = Vec::new();
    let root = vector::VectorBackend::finer(&mut shapes, (480, 320), grain).into_drawing_area();
    draw_data(&root, Panel::Xa, &View::of(Panel::Xa, &t), &style, &t, &Marks::default()).unwrap();
    let width = style.stroke(2.5);
    let d = shapes
        .iter()
        .filter_map(|s| match s {
            // A long line comes in pieces.
            vector::Shape::Path { paint: vector::Paint::Stroke(_, w) | vector::Paint::Piece(_, w), d }
                if *w == width =>
            {
                Some(path_points(d))
            }
            _ => None,
        })
        .flatten();
    d.map(|(x, y)| (x / grain as f64, y / grain as f64)).collect()
}

#[test]
fn a_nearly_flat_curve_climbs_without_steps_on_the_page_s_picture() {
    let steepest = |pts: &[(f64, f64)]| pts.windows(2).map(|w| (w[1].1 - w[0].1).abs()).fold(0.0, f64::max);
    // At devicePixelRatio 1: the device picture, and the page's.
    let (whole, fine) = (flat_composite(1), flat_composite(vector::grain(1.0)));
    // The curve rises ~15 px over ~420: in whole pixels it climbs in steps of one.
    let rise = (fine[0].1 - fine[fine.len() - 1].1).abs();
    assert!(rise > 5.0 && rise < 40.0, "rise {rise}");
    assert!(steepest(&whole) >= 1.0, "whole pixels step: {}", steepest(&whole));
    assert!(steepest(&fine) <= 0.5, "a quarter pixel's grain: {}", steepest(&fine));
    // Both run across the same plot.
    assert!((whole[0].0 - fine[0].0).abs() < 1.0 && (whole[whole.len() - 1].0 - fine[fine.len() - 1].0).abs() < 1.0);
}

#[test]
fn every_panel_draws_titles_labels_and_no_nan() {
    let t = trainer();
    for lang in [Lang::Zh, Lang::En] {
        for dark in [false, true] {
            let style = Style { lang, dark, ..Style::default() };
            for panel in Panel::ALL {
                let a = svg(panel, &style, &t, axes);
                assert!(
                    a.contains(
                        panel.title(lang, t.activation(), t.cost_fn()).split(['：', ':']).next().unwrap().trim()
                    ),
                    "{panel:?} title"
                );
                let (xname, yname) = panel.axis_labels(lang);
                assert!(a.contains(xname) && a.contains(yname), "{panel:?} axis names");
                let d = svg(panel, &style, &t, data);
                for s in [&a, &d] {
                    assert!(!s.contains("NaN") && !s.contains("inf"), "{panel:?}");
                }
                assert!(d.matches("<polyline").count() + d.matches("<circle").count() > 0, "{panel:?} draws data");
            }
        }
    }
    let a = svg(Panel::Xa, &Style::default(), &t, axes);
    assert!(a.contains("豆豆大小") && a.contains("毒性"));
    let a = svg(Panel::Xa, &Style { lang: Lang::En, ..Style::default() }, &t, axes);
    assert!(a.contains("size") && a.contains("toxic"));
}

#[test]
fn beans_differ_in_shape_and_colour() {
    let t = trainer();
    // They do not move with w and b, so they are drawn with the axes.
    let d = svg(Panel::Xa, &Style::default(), &t, axes);
    let toxic = t.beans().ys().iter().filter(|&&y| y == 1.0).count();
    // Triangles are drawn as polygons, safe beans as circles.
    assert_eq!(d.matches("<polygon").count(), toxic);
    assert_eq!(d.matches("<circle").count(), 100 - toxic);
}

#[test]
fn sigmoid_ink_does_not_depend_on_w_and_b() {
    let style = Style::default();
    let mut t = trainer();
    let before = svg(Panel::Za, &style, &t, ink);
    let data_before = svg(Panel::Za, &style, &t, data);
    t.set_params(-3.0, 1.0);
    assert_eq!(svg(Panel::Za, &style, &t, ink), before);
    assert_ne!(svg(Panel::Za, &style, &t, data), data_before);
}

#[test]
fn scene_repaints_only_what_changed() {
    let style = Style::default();
    let mut t = trainer();
    let mut scene = Scene::default();
    let size = (480, 320);
    for p in Panel::ALL {
        assert_eq!(scene.plan(p, &t, &style, size, &Marks::default()).1, Redraw { axes: true, data: true });
    }
    for p in Panel::ALL {
        assert_eq!(scene.plan(p, &t, &style, size, &Marks::default()).1, Redraw::default(), "{p:?} idle");
    }
    t.set_params(5.1, -5.0);
    let plans: Vec<Redraw> = Panel::ALL.iter().map(|&p| scene.plan(p, &t, &style, size, &Marks::default()).1).collect();
    assert_eq!(
        plans,
        vec![
            Redraw { axes: false, data: true },
            Redraw { axes: false, data: true },
            Redraw { axes: false, data: true },
            // The cost curve's newest point is the cost of the state moved to.
            Redraw { axes: false, data: true },
            Redraw { axes: false, data: true },
        ]
    );
    t.step_epoch();
    assert!(scene.plan(Panel::Cost, &t, &style, size, &Marks::default()).1.data);
    let dark = Style { dark: true, ..style };
    assert!(scene.plan(Panel::Xz, &t, &dark, size, &Marks::default()).1.axes);
}

#[test]
fn z_window_follows_w_and_b_in_coarse_steps() {
    let mut t = trainer();
    assert_eq!(View::of(Panel::Xz, &t).y, (-10.0, 10.0));
    t.set_params(5.01, -5.0);
    assert_eq!(View::of(Panel::Xz, &t).y, (-10.0, 10.0));
    t.set_params(20.0, 20.0);
    assert_eq!(View::of(Panel::Xz, &t).y, (-50.0, 50.0));
    t.set_params(0.5, 0.2);
    assert_eq!(View::of(Panel::Xz, &t).y, (-2.0, 2.0));
}

#[test]
fn a_run_with_a_goal_draws_its_cost_along_a_still_epoch_axis() {
    let mut t = trainer();
    let epochs = |t: &Trainer| View::of(Panel::Cost, t).x;
    assert_eq!(epochs(&t), (0.0, 10.0));
    t.set_goal(1000);
    let mut seen = vec![epochs(&t)];
    for _ in 0..10 {
        t.train_epochs(100);
        seen.push(epochs(&t));
    }
    assert!(seen.iter().all(|&x| x == (0.0, 1000.0)), "{seen:?}");
    // Past the goal ("go on") the axis grows with the run again; a restart forgets the goal.
    t.train_epochs(500);
    assert_eq!(epochs(&t), (0.0, 2000.0));
    t.restart(5.0, -5.0);
    assert_eq!(epochs(&t), (0.0, 10.0));
}

#[test]
fn tiny_canvases_are_skipped_not_drawn_into_negative_space() {
    let view = View::of(Panel::Xa, &trainer());
    let fits = |style: &Style, size| view::Layout::of(style, size, &view).fits(size);
    assert!(!fits(&Style::default(), (40, 40)));
    assert!(!fits(&Style::default(), (400, 60)));
    assert!(fits(&Style::default(), (300, 200)));
    assert!(!fits(&Style { dpr: 3.0, ..Style::default() }, (300, 200)), "margins scale with the pixel ratio");
}

#[test]
fn pixels_map_back_to_data_and_find_beans() {
    let style = Style::default();
    let t = trainer();
    let size = (480u32, 320u32);
    let view = View::of(Panel::Xa, &t);
    let mut out = String::new();
    let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
    let area = plot_area(&root, &view, &style);
    for &(x, y) in &[(0.25, 0.0), (0.8, 1.0), (0.5, 0.5)] {
        let (px, py) = area.map_coordinate(&(x, y));
        let (bx, by) = unmap(&view, &style, size, px as f64, py as f64);
        assert!((bx - x).abs() < 0.01 && (by - y).abs() < 0.01, "{x},{y} -> {bx},{by}");
    }
    let i = 40;
    let (x, y) = (t.beans().xs()[i], t.beans().ys()[i]);
    let (px, py) = area.map_coordinate(&(x, y));
    let found = bean_near(Panel::Xa, &t, &style, size, px as f64 + 1.0, py as f64).unwrap();
    assert!((t.beans().xs()[found] - x).abs() < 0.01);
    assert_eq!(bean_near(Panel::Xa, &t, &style, size, px as f64, py as f64 - 100.0), None);
}

#[test]
fn probe_and_selected_bean_are_drawn_and_repaint() {
    let style = Style::default();
    let t = trainer();
    let mut scene = Scene::default();
    let size = (480, 320);
    scene.plan(Panel::Za, &t, &style, size, &Marks::default());
    let marks = Marks { probe: Some(0.3), bean: Some(3) };
    assert!(scene.plan(Panel::Za, &t, &style, size, &marks).1.data);
    assert!(!scene.plan(Panel::Za, &t, &style, size, &marks).1.axes);
    let mut plain = String::new();
    let mut marked = String::new();
    for (out, m) in [(&mut plain, Marks::default()), (&mut marked, marks)] {
        let root = SVGBackend::with_string(out, (480, 320)).into_drawing_area();
        draw_data(&root, Panel::Xa, &View::of(Panel::Xa, &t), &style, &t, &m).unwrap();
    }
    assert_eq!(marked.matches("<circle").count(), plain.matches("<circle").count() + 2, "a ring and the probe dot");
    assert_eq!(plain.matches("<circle").count(), 0, "the beans themselves are on the axes layer");
}

#[test]
fn a_panel_drawn_into_part_of_a_canvas_keeps_its_labels_inside_that_part() {
    // As in the GIF: four panels in a 2 × 2 grid on one canvas.
    let t = trainer();
    let style = Style::default();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (960, 640)).into_drawing_area();
        let parts = root.split_evenly((2, 2));
        draw_axes(&parts[3], Panel::Cost, &View::of(Panel::Cost, &t), &style, &t).unwrap();
    }
    // Every text of the bottom-right panel lies in the bottom-right quarter.
    for cap in out.split("<text").skip(1) {
        let num = |key: &str| {
            cap.split(&format!("{key}=\"")).nth(1).and_then(|r| r.split('"').next()).and_then(|v| v.parse::<f64>().ok())
        };
        let (x, y) = (num("x").unwrap(), num("y").unwrap());
        assert!(x >= 470.0 && y >= 310.0, "text at {x},{y}");
    }
}

#[test]
fn the_y_labels_room_holds_every_tick_label() {
    let font = 24.0;
    for range in
        [(-0.1, 1.1), (0.0, 1.0), (-2.0, 2.0), (-10.0, 10.0), (-20.0, 20.0), (0.0, 0.05), (0.0, 0.3), (-1000.0, 1000.0)]
    {
        for n in 1..=6 {
            let (ts, step) = frame::ticks(range, n);
            for v in ts {
                let text = frame::tick_text(v, step);
                assert!(
                    frame::text_width(&text, font) <= view::widest_tick(range, font),
                    "{range:?}, {n} ticks: {text}"
                );
            }
        }
    }
}

#[test]
fn a_narrow_panel_keeps_its_title_short_and_gives_the_y_name_to_the_plot() {
    let t = trainer();
    let draw_with = |panel: Panel, size: (u32, u32), style: &Style| {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
            draw_axes(&root, panel, &View::of(panel, &t), style, &t).unwrap();
        }
        out
    };
    let draw = |panel: Panel, size: (u32, u32)| draw_with(panel, size, &Style::default());
    let wide = draw(Panel::Xa, (480, 320));
    assert!(wide.contains("x → a：a = sigmoid(wx + b)") && wide.contains("毒性 a"));
    // Three panels side by side in a 320 px frame.
    let narrow = draw(Panel::Xa, (100, 230));
    assert!(narrow.contains("x → a") && !narrow.contains("sigmoid"), "{narrow}");
    assert!(!narrow.contains("毒性 a") && narrow.contains("豆豆大小 x"));
    // Text keeps its sizes, and there are fewer tick labels instead.
    let sizes = |svg: &str| {
        let mut s: Vec<String> =
            svg.split("font-size=\"").skip(1).filter_map(|r| r.split('"').next()).map(String::from).collect();
        s.dedup();
        s.sort();
        s.dedup();
        s
    };
    assert_eq!(sizes(&narrow), sizes(&wide));
    assert!(narrow.matches("<text").count() < wide.matches("<text").count());
    // A title that fits keeps clear of a small embed's ⚙ button by taking its short form.
    let (zh, corner) = (Style::default(), Style { corner: true, ..Style::default() });
    assert!(draw_with(Panel::Xa, (270, 200), &zh).contains("sigmoid(wx + b)"));
    assert!(!draw_with(Panel::Xa, (270, 200), &corner).contains("sigmoid(wx + b)"));
}
