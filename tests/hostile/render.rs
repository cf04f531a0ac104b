//! Hostile inputs: see tests/hostile/mod.rs.
