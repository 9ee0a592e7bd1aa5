//! Typed errors of the library. Each says where: the file and line, or the document.

use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A gazetteer file is malformed.
    #[error("{file}:{line}: {message} (fix the line or remove the file from --gazetteers)")]
    Gazetteer {
        /// The gazetteer file (a path, or the name of a built-in file).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A data file compiled into the library is malformed (a bug in presstag itself).
    #[error("built-in data {file}:{line}: {message}")]
    Data {
        /// The data file.
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A date given by the user (e.g. `--date`) is not `YYYY-MM-DD`.
    #[error("invalid date {0:?}: expected YYYY-MM-DD")]
    InvalidDate(String),
}

/// Result with the library's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
