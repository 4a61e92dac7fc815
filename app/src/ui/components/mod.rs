//! Small components shared by pages.

mod downloads;
mod figures_table;
mod honour;
mod layout;

pub use downloads::Downloads;
pub use figures_table::FiguresTable;
pub use honour::HonourList;
pub use layout::{DemoBanner, Layout, vietnamese_first};
