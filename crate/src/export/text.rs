//! Text for native frames, drawn with ab_glyph the way the page's canvas draws it: the font size is
//! the em (not the font's ascent-to-descent height, which is what ab_glyph's scale means and made
//! text a third too small), glyphs sit on one baseline at sub-pixel pen positions, anchors are the
//! canvas's (`top`, `middle`, `bottom` of the em box) and a collection's Simplified Chinese face is
//! the one used (Noto Sans CJK's first face is Japanese: 直, 门 and the digits' punctuation differ).

use ab_glyph::{point, Font, FontVec, PxScale, ScaleFont};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

/// The faces of one font file (a collection holds several), by the names in each face's `name`
/// table: its family (name ID 1) and full name (ID 4), in English where both forms exist.
pub fn face_names(data: &[u8]) -> Vec<String> {
    let offsets: Vec<usize> = if data.get(..4) == Some(b"ttcf") {
        let n = be32(data, 8).unwrap_or(0) as usize;
        (0..n.min(64)).filter_map(|i| be32(data, 12 + 4 * i).map(|o| o as usize)).collect()
    } else {
        vec![0]
    };
    offsets.into_iter().map(|off| face_name(data, off).unwrap_or_default()).collect()
}

fn be16(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(d.get(at..at + 2)?.try_into().ok()?))
}

fn be32(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(d.get(at..at + 4)?.try_into().ok()?))
}

/// "family | full name" of the face whose table directory starts at `off`.
fn face_name(d: &[u8], off: usize) -> Option<String> {
    let tables = be16(d, off + 4)? as usize;
    let name = (0..tables).map(|i| off + 12 + 16 * i).find(|&r| d.get(r..r + 4) == Some(b"name"))?;
    let table = be32(d, name + 8)? as usize;
    let count = be16(d, table + 2)? as usize;
    let strings = table + be16(d, table + 4)? as usize;
    let mut found = [None, None];
    for r in (0..count).map(|i| table + 6 + 12 * i) {
        let (platform, language, id) = (be16(d, r)?, be16(d, r + 4)?, be16(d, r + 6)?);
        let slot = match id {
            1 => 0,
            4 => 1,
            _ => continue,
        };
        // Windows names in US English (UTF-16BE), else Mac Roman ones in English.
        let text = match (platform, language) {
            (3, 0x409) => {
                let (len, at) = (be16(d, r + 8)? as usize, strings + be16(d, r + 10)? as usize);
                let units: Vec<u16> =
                    d.get(at..at + len)?.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
                String::from_utf16_lossy(&units)
            }
            (1, 0) if found[slot].is_none() => {
                let (len, at) = (be16(d, r + 8)? as usize, strings + be16(d, r + 10)? as usize);
                d.get(at..at + len)?.iter().map(|&b| b as char).collect()
            }
            _ => continue,
        };
        found[slot] = Some(text);
    }
    Some(format!("{} | {}", found[0].clone().unwrap_or_default(), found[1].clone().unwrap_or_default()))
}

/// The face of a font file to draw with: in a collection, the Simplified Chinese one (a name
/// with the word "SC", as Noto Sans CJK SC and Source Han Sans SC are called), else the first.
pub fn sc_index(data: &[u8]) -> u32 {
    face_names(data).iter().position(|n| n.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| w == "SC")).unwrap_or(0)
        as u32
}

/// A face loaded for drawing, with the index it was read at.
pub struct Face {
    pub font: FontVec,
    pub index: u32,
}

impl Face {
    /// The Simplified Chinese face of the file's bytes (see `sc_index`), if they are a font.
    pub fn load(data: Vec<u8>) -> Option<Face> {
        let index = sc_index(&data);
        let font = FontVec::try_from_vec_and_index(data, index).ok()?;
        Some(Face { font, index })
    }

    /// ab_glyph's scale for an em of `size` pixels: its scale is the ascent-to-descent height.
    fn scale(&self, size: f64) -> PxScale {
        let upem = self.font.units_per_em().unwrap_or(1000.0);
        PxScale::from(size as f32 * self.font.height_unscaled() / upem)
    }

    /// The pen position of each glyph the face has (a character it lacks is left out, never a
    /// box), and the advance of the whole line, at an em of `size`.
    fn layout(&self, text: &str, size: f64) -> (Vec<(ab_glyph::GlyphId, f32)>, f32) {
        let font = self.font.as_scaled(self.scale(size));
        let mut x = 0.0f32;
        let mut prev = None;
        let mut glyphs = Vec::new();
        for c in text.chars() {
            let id = font.glyph_id(c);
            if id.0 == 0 && !c.is_whitespace() {
                continue;
            }
            if let Some(p) = prev {
                x += font.kern(p, id);
            }
            glyphs.push((id, x));
            x += font.h_advance(id);
            prev = Some(id);
        }
        (glyphs, x)
    }

    /// The line's width and em height in whole pixels, as a canvas measures it.
    pub fn measure(&self, text: &str, size: f64) -> (u32, u32) {
        let (_, width) = self.layout(text, size);
        (width.ceil() as u32, size.ceil() as u32)
    }

    /// The em box above and below the baseline at an em of `size`: the font's ascent and descent
    /// scaled to add up to one em (what a canvas's `top` and `bottom` baselines mean).
    fn em_box(&self, size: f64) -> (f32, f32) {
        let (asc, desc) = (self.font.ascent_unscaled(), -self.font.descent_unscaled());
        let up = size as f32 * asc / (asc + desc).max(1.0);
        (up, size as f32 - up)
    }

    /// Draws `text` at an em of `size` with its anchor at `pos`, turned by `transform` about
    /// `pos` as a canvas's rotate() does, calling `plot(x, y, coverage)` for each pixel it inks.
    pub fn draw(
        &self,
        text: &str,
        size: f64,
        anchor: Pos,
        transform: &FontTransform,
        pos: (i32, i32),
        mut plot: impl FnMut(i32, i32, f32),
    ) {
        let (glyphs, width) = self.layout(text, size);
        let (up, down) = self.em_box(size);
        let dx = match anchor.h_pos {
            HPos::Left => 0.0,
            HPos::Center => -width / 2.0,
            HPos::Right => -width,
        };
        let baseline = match anchor.v_pos {
            VPos::Top => up,
            VPos::Center => (up - down) / 2.0,
            VPos::Bottom => -down,
        };
        let font = self.font.as_scaled(self.scale(size));
        for (id, x) in glyphs {
            let glyph = id.with_scale_and_position(font.scale(), point(dx + x, baseline));
            let Some(outline) = font.outline_glyph(glyph) else { continue };
            let b = outline.px_bounds();
            outline.draw(|gx, gy, c| {
                // Glyph pixel (gx, gy) in the text's own frame, then turned about the anchor.
                let (tx, ty) = (b.min.x as i32 + gx as i32, b.min.y as i32 + gy as i32);
                let (sx, sy) = match transform {
                    FontTransform::None => (tx, ty),
                    FontTransform::Rotate90 => (-ty, tx),
                    FontTransform::Rotate180 => (-tx, -ty),
                    FontTransform::Rotate270 => (ty, -tx),
                };
                plot(pos.0 + sx, pos.1 + sy, c);
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTO: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    /// Rows of ink of one character drawn alone (top-anchored), as (first row, last row).
    fn ink_rows(face: &Face, text: &str, size: f64) -> (i32, i32) {
        let (mut top, mut bottom) = (i32::MAX, i32::MIN);
        face.draw(text, size, Pos::new(HPos::Left, VPos::Top), &FontTransform::None, (0, 0), |_, y, c| {
            if c > 0.5 {
                top = top.min(y);
                bottom = bottom.max(y);
            }
        });
        (top, bottom)
    }

    #[test]
    fn the_collection_s_simplified_chinese_face_is_picked() {
        let Ok(data) = std::fs::read(NOTO) else { return eprintln!("{NOTO} missing: skipped") };
        let names = face_names(&data);
        assert!(names.len() >= 4, "{names:?}");
        assert!(names[0].contains("JP"), "the default face is Japanese: {names:?}");
        let i = sc_index(&data);
        assert!(names[i as usize].contains("CJK SC"), "{i}: {names:?}");
        // 直 is drawn differently in Japan and China: the SC face's outline is not the JP one's.
        let sc = Face::load(data.clone()).unwrap();
        let jp = Face { font: FontVec::try_from_vec_and_index(data, 0).unwrap(), index: 0 };
        let pixels = |f: &Face| {
            let mut v = Vec::new();
            f.draw("直", 40.0, Pos::new(HPos::Left, VPos::Top), &FontTransform::None, (0, 0), |x, y, c| {
                if c > 0.5 {
                    v.push((x, y))
                }
            });
            v
        };
        assert_ne!(pixels(&sc), pixels(&jp));
    }

    #[test]
    fn digits_and_the_point_share_a_baseline_at_the_em_size() {
        let Ok(data) = std::fs::read(NOTO) else { return eprintln!("{NOTO} missing: skipped") };
        let face = Face::load(data).unwrap();
        let (d_top, d_bottom) = ink_rows(&face, "0", 22.0);
        let (p_top, p_bottom) = ink_rows(&face, ".", 22.0);
        // Digits are about 0.73 em tall; the point sits on their baseline, not halfway up.
        assert!((15..=18).contains(&(d_bottom - d_top + 1)), "digit {d_top}..{d_bottom}");
        assert!((p_bottom - d_bottom).abs() <= 1, "point {p_top}..{p_bottom}, digit {d_top}..{d_bottom}");
        assert!(p_bottom - p_top < 5, "a point, not a bar: {p_top}..{p_bottom}");
        // The measured line is as wide as the advances, its height one em.
        assert_eq!(face.measure("0.5", 22.0).1, 22);
    }
}
