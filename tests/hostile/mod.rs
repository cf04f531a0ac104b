//! Hostile and unlucky inputs (issue 11): each test names the input that
//! once crashed, leaked or lost something, and asserts what a user sees now.

mod files;
mod input;
mod render;
mod scale;
