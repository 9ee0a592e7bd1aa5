//! # presstag
//!
//! Information extraction for press releases and news: sentences, people, organizations,
//! places and dates (normalized to TIMEX3-style values), and events with their participants,
//! date and place — one JSON record per document, at the speed of a text scanner.
//!
//! ## The pipeline
//!
//! ```text
//! input ──▶ segment ──▶ gazetteer ──▶ rules ──────────▶ resolve ──▶ events ──▶ record ──▶ output
//! (files,   (layout +   (one Aho-    (people, orgs,    (acronyms,   (trigger   (schema 1,  (JSON Lines,
//!  .gz,      punctua-    Corasick     places, dates:    surnames,    lexicon +  offsets in  in input
//!  JSONL)    tion)       pass)        regex + tokens)   overlaps)    roles)     code points) order)
//! ```
//!
//! Each stage is a module: [`input`], [`segment`], [`gazetteer`], [`rules`] and [`dates`],
//! [`resolve`], [`events`], [`record`], and [`run`] for the parallel batch runner. Word lists,
//! abbreviations, trigger words and gazetteers are data in `gazetteers/`, compiled into the
//! library.
//!
//! ## Example
//!
//! ```
//! use presstag::ExtractorBuilder;
//!
//! let extractor = ExtractorBuilder::new().build()?;
//! let record = extractor.extract(
//!     "VIENNA, 2 October 2018 - UNODC Executive Director Yury Fedotov met the press today.",
//! );
//! assert_eq!(record.date.as_deref(), Some("2018-10-02"));
//! let people: Vec<&str> = record
//!     .entities
//!     .iter()
//!     .filter(|e| e.kind == presstag::EntityKind::Person)
//!     .map(|e| e.text.as_str())
//!     .collect();
//! assert_eq!(people, ["Yury Fedotov"]);
//! println!("{}", serde_json::to_string(&record)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Performance
//!
//! Building an [`Extractor`] compiles the gazetteer automaton and every regular expression;
//! it takes tens of milliseconds. Build it once and share it: it is immutable, `Send` and
//! `Sync`, and [`Extractor::extract`] takes `&self`. For many documents use [`run::run`],
//! which reads in bounded batches, extracts in parallel and writes in input order.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod check;
pub mod data;
pub mod dates;
pub mod error;
pub mod events;
pub mod extractor;
pub mod gazetteer;
pub mod input;
pub mod mention;
pub mod record;
pub mod resolve;
pub mod rules;
pub mod run;
pub mod segment;
pub mod text;
pub mod tokens;

pub use check::check_record;
pub use error::{Error, Result};
pub use extractor::{parse_date, DocOptions, Extractor, ExtractorBuilder};
pub use record::{Entity, EntityKind, Event, OffsetUnit, Record};
pub use segment::Segmenter;
