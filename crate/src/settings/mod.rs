//! Every user setting, defined once (`params`), the query string that carries them (`query`), and
//! the small decimal reader and printer both use.

pub mod decimal;
pub mod params;
pub mod query;
pub mod state;
