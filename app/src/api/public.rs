//! Server functions of the public page.
