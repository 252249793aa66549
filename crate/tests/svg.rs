//! `sigmoid-lab svg`: the last state's panels as an SVG file that parses as XML, keeps its titles
//! and axis names as text, and has the GIF frame's size and panel grid.

mod common;

use common::out_file;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    common::run_with_font(args, None)
}

/// An element: its name, attributes, and the text directly inside it.
#[derive(Debug)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
}

impl Element {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// Decodes the five XML entities and numeric references; anything else is an error.
fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out += &rest[..i];
        let end = rest[i..].find(';').ok_or_else(|| format!("unterminated entity in {s:?}"))? + i;
        let name = &rest[i + 1..end];
        out.push(match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ if name.starts_with("#x") => {
                char::from_u32(u32::from_str_radix(&name[2..], 16).map_err(|e| e.to_string())?)
                    .ok_or("bad reference")?
            }
            _ if name.starts_with('#') => {
                char::from_u32(name[1..].parse().map_err(|_| format!("bad reference &{name};"))?)
                    .ok_or("bad reference")?
            }
            _ => return Err(format!("unknown entity &{name};")),
        });
        rest = &rest[end + 1..];
    }
    if rest.contains('<') {
        return Err(format!("raw < in {s:?}"));
    }
    Ok(out + rest)
}

/// A small well-formedness check and reader: every tag closed in order, attributes quoted, text
/// escaped. Returns every element in document order.
fn parse_xml(doc: &str) -> Result<Vec<Element>, String> {
    let mut doc = doc.trim_start();
    if let Some(rest) = doc.strip_prefix("<?xml") {
        doc = &rest[rest.find("?>").ok_or("unterminated declaration")? + 2..];
    }
    let mut elements: Vec<Element> = Vec::new();
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut rest = doc;
    let mut roots = 0;
    while let Some(lt) = rest.find('<') {
        let text = unescape(&rest[..lt])?;
        match open.last() {
            Some(&(_, i)) => elements[i].text += &text,
            None if !text.trim().is_empty() => return Err(format!("text outside the root: {text:?}")),
            None => {}
        }
        let gt = rest[lt..].find('>').ok_or("unterminated tag")? + lt;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if tag.starts_with("!--") {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let (top, _) = open.pop().ok_or_else(|| format!("</{name}> closes nothing"))?;
            if top != name.trim() {
                return Err(format!("</{name}> closes <{top}>"));
            }
            continue;
        }
        let empty = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
        let name = tag[..name_end].to_string();
        if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || "-_:.".contains(c)) {
            return Err(format!("bad element name {name:?}"));
        }
        let mut attrs = Vec::new();
        let mut a = tag[name_end..].trim_start();
        while !a.is_empty() {
            let eq = a.find('=').ok_or_else(|| format!("attribute without value in <{name}>"))?;
            let key = a[..eq].trim().to_string();
            let v = a[eq + 1..].trim_start();
            let quote =
                v.chars().next().filter(|c| *c == '"' || *c == '\'').ok_or_else(|| format!("unquoted {key}"))?;
            let close = v[1..].find(quote).ok_or_else(|| format!("unterminated {key}"))? + 1;
            attrs.push((key, unescape(&v[1..close])?));
            a = v[close + 1..].trim_start();
        }
        if open.is_empty() {
            roots += 1;
        }
        elements.push(Element { name: name.clone(), attrs, text: String::new() });
        if !empty {
            open.push((name, elements.len() - 1));
        }
    }
    // The backend puts each text on a line of its own: what is read is the text without them.
    for e in &mut elements {
        e.text = e.text.trim().to_string();
    }
    if !rest.trim().is_empty() || !open.is_empty() || roots != 1 {
        return Err(format!("document not closed: {open:?}, {roots} roots"));
    }
    Ok(elements)
}

fn svg(args: &[&str], name: &str) -> (Vec<Element>, serde_json::Value) {
    let path = out_file(name);
    let mut all = vec!["svg"];
    all.extend_from_slice(args);
    let p = path.to_str().unwrap().to_string();
    all.extend_from_slice(&["--out", &p]);
    let (code, out, err) = run(&all);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let doc = std::fs::read_to_string(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    (parse_xml(&doc).unwrap_or_else(|e| panic!("not XML: {e}")), report)
}

fn gif_size(args: &[&str]) -> (u32, u32) {
    let path = out_file("frame.gif");
    let p = path.to_str().unwrap().to_string();
    let mut all = vec!["gif"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--every", "1000", "--out", &p]);
    assert_eq!(run(&all).0, 0);
    let d = gif::DecodeOptions::new().read_info(std::fs::File::open(&path).unwrap()).unwrap();
    let size = (d.width() as u32, d.height() as u32);
    let _ = std::fs::remove_file(&path);
    size
}

#[test]
fn the_checker_refuses_broken_xml() {
    assert!(parse_xml("<svg><g></svg>").is_err());
    assert!(parse_xml("<svg><text>a < b</text></svg>").is_err());
    assert!(parse_xml("<svg x=1/>").is_err());
    assert!(parse_xml("<svg/><svg/>").is_err());
    assert_eq!(parse_xml("<svg a=\"1\"><text>x &amp; y</text></svg>").unwrap()[1].text, "x & y");
}

#[test]
fn svg_holds_the_titles_as_text_in_the_gif_grid() {
    let flags = ["--seed", "1", "--epochs", "200", "--lang", "en"];
    let (els, report) = svg(&flags, "four.svg");
    let root = &els[0];
    assert_eq!(root.name, "svg");
    let size =
        (root.attr("width").unwrap().parse::<u32>().unwrap(), root.attr("height").unwrap().parse::<u32>().unwrap());
    assert_eq!(size, gif_size(&flags), "the GIF frame's size");
    assert_eq!((report["width"].as_u64(), report["height"].as_u64()), (Some(size.0 as u64), Some(size.1 as u64)));
    assert_eq!(report["epochs"], 200);
    let texts: Vec<&Element> = els.iter().filter(|e| e.name == "text").collect();
    let titles =
        ["x → z: z = wx + b", "z → a: a = sigmoid(z)", "x → a: a = sigmoid(wx + b)", "cost: mean of e = (y − a)²"];
    // Each title once, at the top left of its cell of the 2 × 2 grid (480 × 320 panels).
    let at: Vec<(i64, i64)> = titles
        .iter()
        .map(|title| {
            let found: Vec<&&Element> = texts.iter().filter(|e| e.text == *title).collect();
            assert_eq!(found.len(), 1, "{title} in {:?}", texts.iter().map(|e| &e.text).collect::<Vec<_>>());
            (found[0].attr("x").unwrap().parse().unwrap(), found[0].attr("y").unwrap().parse().unwrap())
        })
        .collect();
    let (x0, y0) = at[0];
    assert_eq!(at, vec![(x0, y0), (x0 + 480, y0), (x0, y0 + 320), (x0 + 480, y0 + 320)]);
    assert_eq!(size, (960, 640));
    // Axis names and tick labels are text too.
    for name in ["size x", "toxic a", "epoch", "mean cost"] {
        assert!(texts.iter().any(|e| e.text == name), "{name}");
    }
    assert!(texts.len() > 40, "{} texts", texts.len());
    assert!(els.iter().any(|e| e.name == "polyline" || e.name == "path"), "the curves are vector paths");
}

#[test]
fn svg_takes_the_gif_flags() {
    let flags =
        ["--seed", "2", "--epochs", "50", "--panels", "xa,landscape,xz", "--lang", "zh", "--w", "4", "--b", "-2"];
    let (els, _) = svg(&flags, "three.svg");
    assert_eq!((els[0].attr("width"), els[0].attr("height")), (Some("1440"), Some("320")));
    assert_eq!(gif_size(&flags), (1440, 320));
    let texts: Vec<&str> = els.iter().filter(|e| e.name == "text").map(|e| e.text.as_str()).collect();
    for title in ["x → z：z = wx + b", "x → a：a = sigmoid(wx + b)", "代价地形：平均代价随 (w, b) 变化"]
    {
        assert!(texts.contains(&title), "{title}");
    }
    // Bad flags are refused as for gif.
    let (code, _, err) = run(&["svg", "--panels", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("--panels"), "{err}");
    // The default name.
    let dir = std::env::temp_dir().join(format!("sigmoid-lab-svg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sigmoid-lab"))
        .args(["svg", "--epochs", "1"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(dir.join("fig.svg").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
