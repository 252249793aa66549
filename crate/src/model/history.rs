//! A bounded record of (epoch, value) points. When full, every other point is dropped and only
//! every 2nd (4th, …) new point is kept, so memory stays flat however long training runs while the
//! curve keeps its shape from the first epoch to the last.

#[derive(Clone, Debug)]
pub struct History<T> {
    points: Vec<(u64, T)>,
    stride: u64,
    cap: usize,
}

impl<T: Copy> History<T> {
    pub fn new(cap: usize) -> Self {
        History { points: Vec::with_capacity(cap + 1), stride: 1, cap: cap.max(4) }
    }

    /// Whether a push now adds a point, rather than replacing the newest one: the newest point is
    /// always kept, an off-stride one only until the next arrives.
    fn appends(&self) -> bool {
        self.points.last().is_none_or(|last| last.0 % self.stride == 0)
    }

    pub fn push(&mut self, epoch: u64, value: T) {
        if self.appends() {
            self.points.push((epoch, value));
        } else if let Some(last) = self.points.last_mut() {
            *last = (epoch, value);
        }
        if self.points.len() > self.cap {
            self.stride *= 2;
            let stride = self.stride;
            let newest = *self.points.last().unwrap();
            self.points.retain(|p| p.0 % stride == 0);
            if self.points.last().map(|p| p.0) != Some(newest.0) {
                self.points.push(newest);
            }
        }
    }

    /// False when a point pushed now at `epoch` would be off-stride, replaced by the next push: its
    /// value need never be known if another push follows. True for the few points that stay.
    pub fn keeps(&self, epoch: u64) -> bool {
        // The stride the push would leave: doubled when its new point overfills the record.
        let stride = if self.appends() && self.points.len() >= self.cap { self.stride * 2 } else { self.stride };
        epoch.is_multiple_of(stride)
    }

    /// Puts `value` at `epoch`: replaces the newest point when it is at that epoch (a state moved
    /// by hand between epochs), else adds one.
    pub fn set_last(&mut self, epoch: u64, value: T) {
        match self.points.last_mut() {
            Some(last) if last.0 == epoch => last.1 = value,
            _ => self.push(epoch, value),
        }
    }

    pub fn clear(&mut self) {
        self.points.clear();
        self.stride = 1;
    }

    pub fn points(&self) -> &[(u64, T)] {
        &self.points
    }

    pub fn last(&self) -> Option<(u64, T)> {
        self.points.last().copied()
    }

    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_bounded_and_keeps_first_and_newest() {
        let mut h = History::new(64);
        for e in 0..100_000u64 {
            h.push(e, e as f64);
            assert!(h.len() <= 65);
        }
        assert_eq!(h.points()[0].0, 0);
        assert_eq!(h.last().unwrap().0, 99_999);
        assert!(h.points().windows(2).all(|w| w[0].0 < w[1].0));
        assert!(h.len() >= 32, "kept {}", h.len());
    }

    #[test]
    fn keeps_tells_which_points_the_next_push_replaces() {
        let mut h = History::new(8);
        let mut kept = 0;
        for e in 0..5000u64 {
            let mut next = h.clone();
            next.push(e, e);
            let off_stride = e % next.stride != 0;
            next.push(e + 1, e + 1);
            if h.keeps(e) {
                kept += 1;
            } else {
                assert!(off_stride && !next.points().iter().any(|p| p.0 == e), "epoch {e}");
            }
            h.push(e, e);
        }
        assert!(kept < 200, "{kept} of 5000 kept");
    }

    #[test]
    fn short_runs_keep_every_point() {
        let mut h = History::new(64);
        for e in 0..50u64 {
            h.push(e, e);
        }
        assert_eq!(h.len(), 50);
    }
}
