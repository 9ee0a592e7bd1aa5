//! The `presstag` command: arguments, inputs, output and exit status. The work is in the library.

use anyhow::{Context, Result};
use clap::{Parser, ValueEnum};
use presstag::input::{DocumentReader, Fields, InputMode, Source};
use presstag::run::{run, RunOptions, RunStats};
use presstag::{ExtractorBuilder, OffsetUnit};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, ValueEnum)]
enum InputArg {
    Auto,
    Text,
    Lines,
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OffsetsArg {
    Chars,
    Bytes,
}

/// Extract sentences, people, organizations, places, dates and events from press releases,
/// as one JSON record per document (JSON Lines).
///
/// `presstag segment [OPTIONS] [PATH ...]` prints the sentences of the input, one per line.
#[derive(Debug, Parser)]
#[command(
    name = "presstag",
    version,
    after_help = "Subcommand: presstag segment [OPTIONS] [PATH ...] prints one sentence per line."
)]
struct Args {
    /// Files or folders (walked recursively: .txt, .jsonl, .ndjson, and .gz of these); none or "-" reads standard input.
    paths: Vec<PathBuf>,
    /// How to read input: auto (by extension; on stdin JSONL if it starts with "{"), text, lines, jsonl.
    #[arg(long, value_enum, default_value = "auto")]
    input: InputArg,
    /// JSONL field holding the document id.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// JSONL field holding the text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// JSONL field holding the document date.
    #[arg(long, default_value = "date")]
    date_field: String,
    /// Write records to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, default_value_t = 0)]
    threads: usize,
    /// Document date (YYYY-MM-DD) for documents with neither a date field nor a dateline.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Offsets in code points (chars, like Python) or UTF-8 bytes.
    #[arg(long, value_enum, default_value = "chars")]
    offsets: OffsetsArg,
    /// A folder of extra gazetteer files (*.tsv), on top of the built-in ones. Repeatable.
    #[arg(long, value_name = "DIR")]
    gazetteers: Vec<PathBuf>,
    /// Documents per batch (memory grows with the batch, not with the input).
    #[arg(long, default_value_t = 256, hide = true)]
    batch: usize,
    /// Never show a progress bar.
    #[arg(long)]
    no_progress: bool,
}

/// mimalloc: the pipeline makes many small allocations per document, and the gazetteer build
/// tens of thousands at start-up; it is markedly faster at both than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Set by the first SIGINT/SIGTERM: the run stops after the records already made.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// On the first Ctrl-C the run stops cleanly; a second one exits at once.
fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
}

fn main() -> ExitCode {
    let mut argv: Vec<String> = std::env::args().collect();
    let segment = argv.get(1).is_some_and(|a| a == "segment");
    if segment {
        argv.remove(1);
    }
    let args = Args::parse_from(argv);
    install_interrupt_handler();
    match real_main(args, segment) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("presstag: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn real_main(args: Args, segment: bool) -> Result<ExitCode> {
    for p in &args.paths {
        if p.as_os_str() != "-" {
            std::fs::metadata(p).with_context(|| format!("{}: cannot read", p.display()))?;
        }
    }
    let date = args.date.as_deref().map(presstag::parse_date).transpose()?;
    let mut builder = ExtractorBuilder::new();
    builder.default_date(date).offsets(match args.offsets {
        OffsetsArg::Chars => OffsetUnit::Chars,
        OffsetsArg::Bytes => OffsetUnit::Bytes,
    });
    for g in &args.gazetteers {
        builder.gazetteer_dir(g);
    }
    // `presstag segment` needs the segmenter only: no gazetteers to build.
    let extractor = if segment {
        None
    } else {
        Some(builder.build().context("cannot load gazetteers")?)
    };
    let mode = match args.input {
        InputArg::Auto => InputMode::Auto,
        InputArg::Text => InputMode::Text,
        InputArg::Lines => InputMode::Lines,
        InputArg::Jsonl => InputMode::Jsonl,
    };
    let fields = Fields {
        id: args.id_field.clone(),
        text: args.text_field.clone(),
        date: args.date_field.clone(),
    };
    let sources = args.paths.iter().map(|p| Source::Path(p.clone())).collect();
    let reader = DocumentReader::new(sources, mode, fields);
    let sink: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(
            std::fs::File::create(p)
                .with_context(|| format!("cannot write --output {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 20, sink);

    let Some(extractor) = extractor else {
        let segmenter = presstag::Segmenter::new().context("cannot load the segmenter")?;
        return segment_all(&segmenter, reader, &mut out);
    };
    let opts = RunOptions {
        threads: args.threads,
        batch_docs: args.batch.max(1),
        cancel: Some(&INTERRUPTED),
        ..RunOptions::default()
    };
    let bar = (!args.no_progress && std::io::stderr().is_terminal())
        .then(|| progress_bar(input_size(&args.paths)));
    let started = std::time::Instant::now();
    let mut progress = |s: &RunStats| {
        if let Some(b) = &bar {
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            b.set_position(s.bytes.min(b.length().unwrap_or(u64::MAX)));
            b.set_message(format!(
                "{} documents, {:.1} MB, {:.1} MB/s",
                s.documents,
                s.bytes as f64 / 1e6,
                s.bytes as f64 / 1e6 / secs
            ));
        }
    };
    let stats = run(&extractor, reader, &mut out, opts, &mut progress)?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if stats.interrupted {
        eprintln!(
            "presstag: interrupted; {} whole records were written (the rest of the input was not read)",
            stats.documents
        );
        return Ok(ExitCode::from(130));
    }
    if stats.errors > 0 && !stats.output_closed {
        eprintln!(
            "presstag: {} of {} documents could not be processed (see their \"error\" field)",
            stats.errors, stats.documents
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Bytes that may be whitespace: ASCII whitespace and the start of any non-ASCII character.
const MAYBE_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0x80 || (b as u8).is_ascii_whitespace();
        b += 1;
    }
    t
};

/// True when `s` holds a non-ASCII whitespace character (no-break space, U+2000–U+200A, line
/// and paragraph separators, …). Only their lead bytes (0xC2, 0xE1, 0xE2, 0xE3) are looked at.
fn has_unicode_space(s: &str) -> bool {
    let bytes = s.as_bytes();
    let at = |i: usize| s[i..].chars().next().is_some_and(char::is_whitespace);
    memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes).any(at)
        || memchr::memchr_iter(0xE1, bytes).any(at)
}

/// Appends `s` to `out` with every run of whitespace (line breaks included) made one space.
fn push_flat(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    // Most sentences have only single spaces and line breaks (hard-wrapped text): copy the
    // pieces between the breaks whole.
    static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
    let simple = DOUBLE_SPACE.find(bytes).is_none()
        && memchr::memchr2(0x0B, 0x0C, bytes).is_none()
        && !has_unicode_space(s);
    if simple {
        let is_ws = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
        let lead = bytes.iter().take_while(|b| is_ws(b)).count();
        let trail = bytes[lead..].iter().rev().take_while(|b| is_ws(b)).count();
        let t = &bytes[lead..bytes.len() - trail];
        let mut from = 0;
        while let Some(o) = memchr::memchr3(b'\n', b'\r', b'\t', &t[from..]) {
            let brk = from + o;
            // The piece may end in one space ("word \n"); the break's run ends before the
            // next word (the text is trimmed, so there is one).
            let piece_end = if brk > from && t[brk - 1] == b' ' {
                brk - 1
            } else {
                brk
            };
            out.extend_from_slice(&t[from..piece_end]);
            out.push(b' ');
            from = brk + t[brk..].iter().take_while(|b| is_ws(b)).count();
        }
        out.extend_from_slice(&t[from..]);
        return;
    }
    // The length of the whitespace character at `i`, or 0.
    let space_at = |i: usize| -> usize {
        if bytes[i] < 0x80 {
            usize::from(bytes[i].is_ascii_whitespace())
        } else {
            s[i..]
                .chars()
                .next()
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8)
        }
    };
    let mut i = 0;
    let mut first = true;
    while i < bytes.len() {
        let n = space_at(i);
        if n > 0 {
            i += n;
            continue;
        }
        let start = i;
        // The word runs to the next whitespace character.
        while i < bytes.len() {
            match bytes[i..].iter().position(|&b| MAYBE_SPACE[b as usize]) {
                None => i = bytes.len(),
                Some(o) => {
                    i += o;
                    if space_at(i) > 0 {
                        break;
                    }
                    i += s[i..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
        if !first {
            out.push(b' ');
        }
        first = false;
        out.extend_from_slice(&bytes[start..i]);
    }
}

/// The total size in bytes of the input files, when it is known up front: files and folders
/// without compressed files (standard input and `.gz` sizes say nothing of the text).
fn input_size(paths: &[PathBuf]) -> Option<u64> {
    fn walk(p: &std::path::Path, total: &mut u64) -> Option<()> {
        let m = std::fs::metadata(p).ok()?;
        if m.is_dir() {
            for e in std::fs::read_dir(p).ok()?.flatten() {
                walk(&e.path(), total)?;
            }
        } else if p.extension().is_some_and(|e| e == "gz") {
            return None;
        } else {
            *total += m.len();
        }
        Some(())
    }
    if paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-") {
        return None;
    }
    let mut total = 0;
    for p in paths {
        walk(p, &mut total)?;
    }
    Some(total)
}

/// A progress bar with documents, MB done, rate and ETA when the input size is known, else a
/// spinner with the same counts.
fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    let (bar, template) = match total {
        Some(n) => (
            indicatif::ProgressBar::new(n),
            "{bar:30} {percent:>3}% {msg} [{elapsed_precise}, ETA {eta}]",
        ),
        None => (
            indicatif::ProgressBar::new_spinner(),
            "{spinner} {msg} [{elapsed_precise}]",
        ),
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

fn segment_all(
    segmenter: &presstag::Segmenter,
    reader: DocumentReader,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let write = |out: &mut dyn Write| -> std::io::Result<()> {
        let mut buf = Vec::with_capacity(1 << 16);
        for doc in reader {
            if INTERRUPTED.load(Ordering::Relaxed) {
                break;
            }
            if let Some(e) = &doc.error {
                eprintln!("presstag: {e}");
                continue;
            }
            buf.clear();
            for s in segmenter.segment(&doc.text) {
                push_flat(&mut buf, s.slice(&doc.text));
                buf.push(b'\n');
            }
            out.write_all(&buf)?;
        }
        out.flush()
    };
    match write(out) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("cannot write output"),
    }
}

#[cfg(test)]
mod tests {
    use super::push_flat;

    #[test]
    fn flattening_makes_every_whitespace_run_one_space() {
        for (input, want) in [
            ("One sentence.", "One sentence."),
            ("Wrapped\nline and\r\n  more.", "Wrapped line and more."),
            (" lead\tand trail ", "lead and trail"),
            (
                "No-break\u{a0}space and “quotes” — dash.",
                "No-break space and “quotes” — dash.",
            ),
            (
                "Ideographic\u{3000}space\u{2028}sep.",
                "Ideographic space sep.",
            ),
            ("", ""),
            (
                "Hard \n wrapped\r\n\r\nand\ttabbed \t",
                "Hard wrapped and tabbed",
            ),
            ("\n\n", ""),
            ("Double  space\nand break.", "Double space and break."),
        ] {
            let mut out = Vec::new();
            push_flat(&mut out, input);
            assert_eq!(String::from_utf8(out).unwrap(), want, "{input:?}");
        }
    }
}
