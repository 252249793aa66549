//! `sigmoid-lab gif`, run as a course author would: the file it writes decodes, with a frame at
//! epoch 0, one every K epochs and one at the end (⌈E/K⌉ + 1 in all).

mod common;

use common::{out_file, run_with_font as run};
use std::path::PathBuf;

/// Size and every frame as a viewer shows it (each laid over the ones before), as RGBA.
fn decode(path: &PathBuf) -> (u32, u32, Vec<Vec<u8>>) {
    let mut opts = gif::DecodeOptions::new();
    opts.set_color_output(gif::ColorOutput::RGBA);
    let mut d = opts.read_info(std::fs::File::open(path).unwrap()).unwrap();
    let (w, h) = (d.width() as usize, d.height() as usize);
    let mut screen = vec![0u8; w * h * 4];
    let mut frames = Vec::new();
    while let Some(f) = d.read_next_frame().unwrap() {
        for y in 0..f.height as usize {
            for x in 0..f.width as usize {
                let s = (y * f.width as usize + x) * 4;
                if f.buffer[s + 3] != 0 {
                    let t = ((y + f.top as usize) * w + x + f.left as usize) * 4;
                    screen[t..t + 4].copy_from_slice(&f.buffer[s..s + 4]);
                }
            }
        }
        frames.push(screen.clone());
    }
    (w as u32, h as u32, frames)
}

/// Share of pixels that differ between two frames.
fn changed(a: &[u8], b: &[u8]) -> f64 {
    let n = a.len() / 4;
    (0..n).filter(|&i| a[i * 4..i * 4 + 3] != b[i * 4..i * 4 + 3]).count() as f64 / n as f64
}

#[test]
fn gif_writes_the_frames_asked_for() {
    let path = out_file("run.gif");
    let (code, out, err) =
        run(&["gif", "--seed", "3", "--epochs", "300", "--every", "60", "--out", path.to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!((v["frames"].as_u64(), v["width"].as_u64(), v["height"].as_u64()), (Some(6), Some(960), Some(640)));
    assert_eq!(v["bytes"].as_u64(), Some(std::fs::metadata(&path).unwrap().len()));

    let (w, h, frames) = decode(&path);
    assert_eq!((w, h, frames.len()), (960, 640, 300 / 60 + 1));
    // Training moved the curves: the last frame is not the first.
    let moved = changed(&frames[0], &frames[frames.len() - 1]);
    assert!(moved > 0.01, "only {moved} of the pixels changed");
}

#[test]
fn the_same_flags_give_the_same_file() {
    let (a, b) = (out_file("a.gif"), out_file("b.gif"));
    for p in [&a, &b] {
        let (code, _, err) = run(
            &["gif", "--seed", "4", "--epochs", "20", "--every", "10", "--panels", "xa", "--out", p.to_str().unwrap()],
            None,
        );
        assert_eq!(code, 0, "{err}");
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn a_step_that_does_not_divide_the_run_still_ends_at_the_last_epoch() {
    let path = out_file("odd.gif");
    let (code, out, err) = run(
        &[
            "gif",
            "--seed",
            "1",
            "--n",
            "30",
            "--epochs",
            "25",
            "--every",
            "10",
            "--panels",
            "xa",
            "--lang",
            "en",
            "--out",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!((v["epochs"].as_u64(), v["frames"].as_u64()), (Some(25), Some(4)));
    let (w, h, frames) = decode(&path);
    assert_eq!((w, h, frames.len()), (480, 320, 4));
}

#[test]
fn without_a_font_the_gif_has_no_text_but_everything_else() {
    let with = out_file("with-font.gif");
    let without = out_file("no-font.gif");
    let args = |p: &PathBuf| {
        vec![
            "gif".to_string(),
            "--seed".into(),
            "2".into(),
            "--epochs".into(),
            "20".into(),
            "--every".into(),
            "10".into(),
            "--out".into(),
            p.to_str().unwrap().into(),
        ]
    };
    let (code, out, err) = run(&args(&without).iter().map(String::as_str).collect::<Vec<_>>(), Some(""));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"text\":false"), "{out}");
    assert!(err.contains("no system font"), "{err}");
    let (_, _, plain) = decode(&without);
    assert_eq!(plain.len(), 3);
    assert!(changed(&plain[0], &plain[2]) > 0.005, "curves still move without text");
    // A missing font file is the same as none.
    let (code, out, _) =
        run(&["gif", "--epochs", "1", "--out", without.to_str().unwrap()], Some("/nonexistent/font.ttf"));
    assert_eq!(code, 0);
    assert!(out.contains("\"text\":false"), "{out}");
    // With the system's fonts, titles and tick labels add ink. The test machine has them
    // (scripts/test.sh installs fonts-noto-cjk): without, this fails rather than passing unseen.
    let (code, out, _) = run(&args(&with).iter().map(String::as_str).collect::<Vec<_>>(), None);
    assert_eq!(code, 0);
    assert!(out.contains("\"text\":true"), "no system font found (install fonts-noto-cjk): {out}");
    let (_, _, text) = decode(&with);
    assert!(changed(&text[0], &plain[0]) > 0.005, "text is drawn");
}

#[test]
fn bad_gif_flags_exit_2_and_write_nothing() {
    let path = out_file("bad.gif");
    for args in [
        vec!["--every", "0"],
        vec!["--every", "many"],
        vec!["--panels", "xz,nope"],
        vec!["--lang", "fr"],
        vec!["--bogus", "1"],
    ] {
        let mut all = vec!["gif", "--out", path.to_str().unwrap()];
        all.extend(args.iter());
        let (code, out, err) = run(&all, None);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty() && !err.is_empty(), "{args:?}");
        assert!(!path.exists(), "{args:?} wrote a file");
    }
    // Too many frames is refused before any drawing.
    let (code, _, err) = run(&["gif", "--epochs", "100000", "--every", "1", "--out", path.to_str().unwrap()], None);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("frames"), "{err}");
}

/// The rows and columns within `rect` (x, y, w, h) whose pixels are darker than `below` (0-255
/// luminance), as (first row, last row, pixels): the ink of text on the light background.
fn ink(frame: &[u8], width: u32, rect: (u32, u32, u32, u32), below: f64) -> (u32, u32, usize) {
    let (mut top, mut bottom, mut count) = (u32::MAX, 0, 0);
    for y in rect.1..rect.1 + rect.3 {
        for x in rect.0..rect.0 + rect.2 {
            let p = &frame[((y * width + x) * 4) as usize..][..3];
            let lum = 0.299 * p[0] as f64 + 0.587 * p[1] as f64 + 0.114 * p[2] as f64;
            if lum < below {
                top = top.min(y);
                bottom = bottom.max(y);
                count += 1;
            }
        }
    }
    (top, bottom, count)
}

/// One frame of one panel, at epoch `epochs`.
fn one_frame(name: &str, panels: &str, lang: &str, epochs: &str) -> (u32, u32, Vec<u8>) {
    let path = out_file(name);
    let (code, out, err) = run(
        &["gif", "--seed", "1", "--epochs", epochs, "--every", "1000", "--panels", panels, "--lang", lang, "--out"]
            .into_iter()
            .chain([path.to_str().unwrap()])
            .collect::<Vec<_>>(),
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"text\":true"), "no system font found (install fonts-noto-cjk): {out}");
    let (w, h, frames) = decode(&path);
    (w, h, frames.last().unwrap().clone())
}

/// Titles are as tall as the page's 14 px bold ones: the ink of "x → a: a = sigmoid(wx + b)",
/// from the top of its parentheses to their foot, and of the Chinese cost title, is at least 11
/// rows; a tick label's digits are at least 7.
#[test]
fn gif_text_is_legible_at_1x() {
    let (w, _, frame) = one_frame("title-en.gif", "xa", "en", "20");
    // The title sits in the top margin (30 px), at the left.
    let (top, bottom, n) = ink(&frame, w, (0, 0, 320, 30), 128.0);
    assert!(n > 100, "the title has ink: {n} pixels");
    let height = bottom - top + 1;
    eprintln!("English title ink: rows {top}..={bottom}, {height} px");
    assert!(height >= 11, "title only {height} px high");
    let (w, _, frame) = one_frame("title-zh.gif", "cost", "zh", "20");
    let (top, bottom, _) = ink(&frame, w, (0, 0, 320, 25), 128.0);
    let height = bottom - top + 1;
    eprintln!("Chinese title ink: rows {top}..={bottom}, {height} px");
    assert!(height >= 11, "Chinese title only {height} px high");
    // The first x tick label ("0", under the axis at x = 54) in the label band below the plot.
    let (top, bottom, _) = ink(&frame, w, (40, 284, 30, 16), 160.0);
    eprintln!("tick label ink: rows {top}..={bottom}, {} px", bottom - top + 1);
    assert!(bottom - top + 1 >= 7, "tick label {top}..={bottom}");
}

/// Pixels in `rect` that are a blend of `ink` and white, between a fifth and four fifths of the
/// way, and pixels of the ink itself (within a tenth of the way): (blends, solid).
fn blends(frame: &[u8], width: u32, rect: (u32, u32, u32, u32), ink: [f64; 3]) -> (usize, usize) {
    let (mut n, mut solid) = (0, 0);
    for y in rect.1..rect.1 + rect.3 {
        for x in rect.0..rect.0 + rect.2 {
            let p = &frame[((y * width + x) * 4) as usize..][..3];
            // How far from white towards the ink, and how far off that segment.
            let t = (255.0 - p[0] as f64) / (255.0 - ink[0]);
            let off = (0..3).map(|c| (255.0 + (ink[c] - 255.0) * t - p[c] as f64).abs()).fold(0.0, f64::max);
            n += ((0.2..=0.8).contains(&t) && off < 16.0) as usize;
            solid += (t >= 0.9 && off < 16.0) as usize;
        }
    }
    (n, solid)
}

/// Curves and beans have soft edges, as on the page's canvas: around the x → a panel's toxic
/// beans (red triangles) and along the x → z line, many pixels are blends of their colour and the
/// white background (plotters' bitmap backend draws markers with hard edges).
#[test]
fn gif_curves_are_anti_aliased() {
    let (w, _, frame) = one_frame("smooth-xa.gif", "xa", "en", "20");
    // The band of toxic beans at a = 1: red triangles overlapping in a row.
    let (beans, red) = blends(&frame, w, (60, 30, w - 80, 60), [207.0, 34.0, 46.0]);
    let (w, h, line) = one_frame("smooth-xz.gif", "xz", "en", "20");
    let (edge, blue) = blends(&line, w, (60, 30, w - 80, h - 72), [9.0, 105.0, 218.0]);
    eprintln!("edge blends / solid pixels: toxic beans {beans} / {red}, x → z line {edge} / {blue}");
    assert!(beans * 6 >= red, "{beans} blended pixels around {red} of the beans' red");
    assert!(edge * 2 >= blue, "{edge} blended pixels along {blue} of the line's blue");
}
