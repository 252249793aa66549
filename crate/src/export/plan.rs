//! The plan of an export, the one the CLI and the page both follow: which epochs get a frame and
//! where each panel goes, or why there can be no such export.

use super::{cells, default_every, image_size, schedule, ExportError, MAX_FRAMES};
use crate::draw::Style;

/// How `panels` panels over `epochs` epochs are exported.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Epochs between frames.
    pub every: u64,
    /// The epoch of every frame, from 0 to the run's last.
    pub frames: Vec<u64>,
    /// Each panel's place (x, y, width, height) in CSS pixels, in panel order.
    pub cells: Vec<(i32, i32, u32, u32)>,
    /// The image's size (width, height) in CSS pixels.
    pub size: (u32, u32),
}

impl Plan {
    /// A frame every `every` epochs (about 100 frames when None). Refused: no panels, a step of
    /// 0, or more than MAX_FRAMES frames (a larger step is needed: the step asked for is never
    /// changed behind the asker's back).
    pub fn new(panels: usize, epochs: u64, every: Option<u64>) -> Result<Plan, ExportError> {
        if panels == 0 {
            return Err(ExportError("no panels to draw".into()));
        }
        let every = every.unwrap_or_else(|| default_every(epochs));
        if every == 0 {
            return Err(ExportError("a frame every 0 epochs: the step must be at least 1".into()));
        }
        // ⌈epochs / every⌉ + 1 frames, counted before the schedule is made.
        let count = epochs.div_ceil(every).saturating_add(1);
        if count > MAX_FRAMES as u64 {
            return Err(ExportError(format!(
                "{count} frames is too many (at most {MAX_FRAMES}): take a larger step than {every}"
            )));
        }
        let css = Style::default();
        Ok(Plan { every, frames: schedule(epochs, every), cells: cells(panels, &css), size: image_size(panels, &css) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_step_cuts_a_run_into_about_a_hundred_frames() {
        let plan = Plan::new(4, 1000, None).unwrap();
        assert_eq!((plan.every, plan.frames.len()), (10, 101));
        assert_eq!((plan.frames[0], plan.frames[100]), (0, 1000));
        assert_eq!(plan.size, (960, 640));
        assert_eq!(plan.cells, vec![(0, 0, 480, 320), (480, 0, 480, 320), (0, 320, 480, 320), (480, 320, 480, 320)]);
        // A short run: a frame every epoch; none at all: the one frame at epoch 0.
        assert_eq!(Plan::new(1, 50, None).unwrap().frames.len(), 51);
        assert_eq!(Plan::new(1, 0, None).unwrap().frames, vec![0]);
    }

    #[test]
    fn a_step_asked_for_is_kept_and_the_last_epoch_always_gets_a_frame() {
        let plan = Plan::new(1, 25, Some(10)).unwrap();
        assert_eq!((plan.every, plan.frames), (10, vec![0, 10, 20, 25]));
        assert_eq!(Plan::new(2, 1000, Some(1)).unwrap().frames.len(), 1001);
    }

    #[test]
    fn five_panels_fill_the_image_three_over_two() {
        let plan = Plan::new(5, 10, None).unwrap();
        assert_eq!(plan.size, (1440, 640));
        assert_eq!(plan.cells[3..], [(0, 320, 720, 320), (720, 320, 720, 320)]);
        let area: u32 = plan.cells.iter().map(|c| c.2 * c.3).sum();
        assert_eq!(area, 1440 * 640);
    }

    #[test]
    fn too_many_frames_no_panels_or_a_zero_step_are_refused_with_the_reason() {
        let e = Plan::new(4, 100_000, Some(1)).unwrap_err();
        assert_eq!(e.0, "100001 frames is too many (at most 2000): take a larger step than 1");
        // The most frames a plan may have is allowed; one more is not.
        assert_eq!(Plan::new(4, MAX_FRAMES as u64 - 1, Some(1)).unwrap().frames.len(), MAX_FRAMES);
        assert!(Plan::new(4, MAX_FRAMES as u64, Some(1)).is_err());
        // The count is made before the schedule: a huge run is refused at once.
        assert!(Plan::new(4, u64::MAX, Some(1)).unwrap_err().0.contains("too many"));
        assert_eq!(Plan::new(0, 10, None).unwrap_err().0, "no panels to draw");
        assert!(Plan::new(3, 10, Some(0)).unwrap_err().0.contains("at least 1"));
    }
}
