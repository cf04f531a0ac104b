//! redress: a rules engine for legal remedy rules.
#![warn(missing_docs)]

pub mod ast;
pub mod diagnostic;
pub mod source;
pub mod syntax;
