//! Small components shared by pages.

mod figures_table;
mod layout;

pub use figures_table::FiguresTable;
pub use layout::{DemoBanner, Layout, vietnamese_first};
