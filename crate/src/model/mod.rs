//! The maths of one neuron, of the lesson-06 network of three, and their training, with no drawing
//! and no platform code.

pub mod beans;
pub mod costbound;
pub mod epoch;
pub mod fastexp;
pub mod history;
pub mod netrun;
pub mod network;
pub mod neuron;
pub mod pairs;
pub mod rng;
pub mod trainer;
