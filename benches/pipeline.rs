//! Throughput of the whole pipeline and of its stages, in bytes per second, on the bundled
//! corpus (every release of `corpus/releases/`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use presstag::input::{DocumentReader, Fields, InputMode, Source};
use presstag::run::{run, RunOptions};
use presstag::ExtractorBuilder;
use std::path::Path;

fn corpus() -> Vec<presstag::input::Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/releases");
    DocumentReader::new(vec![Source::Path(dir)], InputMode::Auto, Fields::default()).collect()
}

fn pipeline(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let ex = ExtractorBuilder::new().build().unwrap();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract_all_1_thread", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(ex.process(d));
            }
        })
    });
    g.bench_function("run_jsonl_1_thread", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(bytes * 4);
            let opts = RunOptions {
                threads: 1,
                ..RunOptions::default()
            };
            run(&ex, docs.clone().into_iter(), &mut out, opts, &mut |_| {}).unwrap();
            std::hint::black_box(out)
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(ex.segmenter().segment(&d.text));
            }
        })
    });
    g.bench_function("gazetteer", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(ex.gazetteer().find(&d.text));
            }
        })
    });
    let dates = presstag::dates::DateTagger::new().unwrap();
    g.bench_function("dates", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(dates.find(&d.text));
            }
        })
    });
    g.finish();
    // Start-up: the whole extractor, and the gazetteer (TSV parsing plus the Aho-Corasick
    // automaton) on its own.
    let mut g = c.benchmark_group("startup");
    g.sample_size(20);
    g.bench_function("build_extractor", |b| {
        b.iter(|| ExtractorBuilder::new().build().unwrap())
    });
    g.bench_function("gazetteer_load", |b| {
        b.iter(|| presstag::gazetteer::Gazetteer::load(true, &[]).unwrap())
    });
    g.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
