"""Throughput and memory of the full analysis against the bare spaCy parse.

The parse is the floor: ``analyze()`` cannot be faster than ``nlp.pipe`` over the same texts
with the same pipeline and batch size, and everything else it does (reading, cleaning, outlet,
date and language inference, every registered stage) should cost little on top. This script
times both in the same run on N documents made from real articles (PolNeAR texts and the seed
articles in ../shared), prints docs/s and the ratio (target: analyze >= 0.8x bare spaCy), a
breakdown of where the rest of the time goes, and the peak memory (RSS) of a fresh process
that streams 5,000 documents from a JSON Lines file through ``iter_articles`` + ``analyze``
(target: < 1.5 GiB).

    python bench/throughput.py                      # N=200, batch size from Options
    python bench/throughput.py -n 500 --batch-size 64 --repeat 3
    python bench/throughput.py --disable people     # which stages run
    python bench/throughput.py --profile            # cProfile of one analyze() run
    python bench/throughput.py --memory-docs 0      # skip the memory measurement

Timings on a shared machine are contended: the script prints the load average and the number
of cores, and takes the best of --repeat interleaved runs of each side; it also prints the
ratio of the process's CPU time, which other processes disturb much less, and the CPU time
analyze() spends outside its own parse against the bare parse (the parse itself swings most
from run to run).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import newsprism
from newsprism import nlp as nlp_module
from newsprism import stages as stage_registry
from newsprism.ingest import document as ingest_document
from newsprism.options import Options

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 0.8
TARGET_RSS_GIB = 1.5


def real_texts(shared: Path, sources: str) -> list[tuple[str, str]]:
    """(name, text) of the real articles available under ``shared``."""
    found = []
    if sources in ("polnear", "both"):
        for split in ("train", "dev"):
            found += sorted((shared / "eval" / "polnear" / split / "text").glob("*.txt"))
    if sources in ("seeds", "both"):
        found += sorted((shared / "seeds").glob("*.txt"))
    return [(path.name, path.read_text(encoding="utf-8")) for path in found]


def write_jsonl(path: Path, texts: list[tuple[str, str]], count: int) -> None:
    """``count`` records cycling through ``texts`` (copies get distinct ids and sources)."""
    with path.open("w", encoding="utf-8") as handle:
        for index in range(count):
            name, text = texts[index % len(texts)]
            handle.write(json.dumps({"id": f"{index}-{name}", "text": text}) + "\n")


def timed(func: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def wall_and_cpu(func: Callable[[], object]) -> tuple[float, float]:
    """Wall seconds and this process's CPU seconds (all its threads) of ``func()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


class Breakdown:
    """Wall time per reading step and per stage, by wrapping the functions the spine calls."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._undo: list[Callable[[], None]] = []

    def wrap(self, label: str, func: Callable) -> Callable:
        def timed_call(*args, **kwargs):
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - start

        return timed_call

    def __enter__(self) -> Breakdown:
        for attribute in ("clean", "detect_language", "estimate_published", "infer_outlet", "outlet_from_url"):
            original = getattr(ingest_document, attribute)
            setattr(ingest_document, attribute, self.wrap(f"read: {attribute}", original))
            self._undo.append(lambda a=attribute, o=original: setattr(ingest_document, a, o))
        for kind, registry in (("document", stage_registry.DOCUMENT_STAGES), ("story", stage_registry.STORY_STAGES)):
            for name, stage in list(registry.items()):
                registry[name] = replace(stage, func=self.wrap(f"{kind} stage: {name}", stage.func))
                self._undo.append(lambda r=registry, n=name, s=stage: r.__setitem__(n, s))
        return self

    def __exit__(self, *exc) -> None:
        for undo in reversed(self._undo):
            undo()


def memory_child(path: str, options_json: str) -> None:
    """Run in a fresh process: stream ``path`` through iter_articles + analyze, print peak RSS."""
    options = Options().with_values(**json.loads(options_json))
    skipped = []
    start = time.perf_counter()
    def progress(done: int, total: int | None) -> None:
        if done % 500 == 0:
            peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"  memory run: {done}/{total} documents, peak so far {peak_mib:.0f} MiB", file=sys.stderr, flush=True)

    articles = newsprism.iter_articles(path, options.read, on_skip=skipped.append)
    analysis = newsprism.analyze(articles, options, progress=progress)
    elapsed = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux (bytes on macOS)
    print(json.dumps({"articles": len(analysis.articles), "skipped": len(skipped) + len(analysis.skipped),
                      "seconds": elapsed, "peak_rss_kib": peak_kib}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--documents", type=int, default=200, help="documents to time (default 200)")
    parser.add_argument("--batch-size", type=int, default=Options().nlp.batch_size, help="nlp.pipe batch size")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: as analyze chooses)")
    parser.add_argument("--sources", choices=("polnear", "seeds", "both"), default="both")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    parser.add_argument("--disable", action="append", default=[], metavar="STAGE", help="stage not to run")
    parser.add_argument("--only", action="append", default=[], metavar="STAGE",
                        help="run only these stages (and nothing that needs a stage left out)")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs of each side; the best counts")
    parser.add_argument("--profile", action="store_true", help="cProfile one analyze() run")
    parser.add_argument("--memory-docs", type=int, default=5000, help="documents for the memory run (0: skip)")
    parser.add_argument("--memory-child", nargs=2, metavar=("JSONL", "OPTIONS"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.memory_child:
        memory_child(*args.memory_child)
        return 0

    texts = real_texts(args.shared, args.sources)
    if not texts:
        print(f"skipped: no real articles under {args.shared} (PolNeAR texts in eval/polnear/*/text, "
              "seeds in seeds/); pass --shared PATH")
        return 0

    stage_registry.discover_stages()
    registered = set(stage_registry.DOCUMENT_STAGES) | set(stage_registry.STORY_STAGES)
    disabled = set(args.disable) | (registered - set(args.only) if args.only else set())
    values = {"nlp.batch_size": args.batch_size, "disabled_stages": frozenset(disabled)}
    if args.model:
        values["nlp.model"] = args.model
    options = Options().with_values(**values)

    nlp = nlp_module.load(options.nlp.model, options.nlp.max_length)
    load1, _, _ = os.getloadavg()
    print(f"newsprism {newsprism.__version__}; model {nlp_module.model_name(nlp)}; batch size {args.batch_size}; "
          f"{os.cpu_count()} cores, load average {load1:.1f} at start")
    for kind, registry in (("per-document", stage_registry.DOCUMENT_STAGES), ("per-story", stage_registry.STORY_STAGES)):
        running = [s.name for s in stage_registry.ordered(registry, disabled)]
        print(f"{kind} stages registered: {', '.join(sorted(registry)) or '-'}; running: {', '.join(running) or '-'}")
    print(f"grouping: {options.grouping}")

    with tempfile.TemporaryDirectory() as tmp:
        corpus_path = Path(tmp) / "corpus.jsonl"
        write_jsonl(corpus_path, texts, args.documents)
        read_s, corpus = timed(lambda: newsprism.read_articles(corpus_path, options.read))
        cleaned = [article.text for article in corpus.articles]
        words = sum(len(text.split()) for text in cleaned)
        print(f"{len(cleaned)} documents from {len(texts)} real articles ({args.sources}), "
              f"{words / max(len(cleaned), 1):.0f} words each on average")

        list(nlp.pipe(cleaned[:8], batch_size=args.batch_size))  # warm caches before timing
        bare_runs, analyze_runs, rest_cpu = [], [], []
        for _ in range(args.repeat):
            bare_runs.append(wall_and_cpu(lambda: sum(1 for _ in nlp.pipe(cleaned, batch_size=args.batch_size))))
            with ParseClock() as parse_clock:
                analyze_runs.append(wall_and_cpu(lambda: newsprism.analyze(corpus, options)))
            rest_cpu.append(analyze_runs[-1][1] - parse_clock.cpu)
        bare_s, analyze_s = min(w for w, _ in bare_runs), min(w for w, _ in analyze_runs)
        bare_cpu, analyze_cpu = min(c for _, c in bare_runs), min(c for _, c in analyze_runs)

        with Breakdown() as breakdown:
            read_total, _ = timed(lambda: newsprism.read_articles(corpus_path, options.read))
            analyze_total, analysis = timed(lambda: newsprism.analyze(corpus, options))
        seconds = breakdown.seconds
        seconds["read: the rest (decoding, format parsing, ids)"] = read_total - sum(
            v for k, v in seconds.items() if k.startswith("read:"))
        seconds["parse (nlp.pipe) and pipeline overhead"] = analyze_total - sum(
            v for k, v in seconds.items() if "stage:" in k)

        n = len(cleaned)
        print()
        print(f"{'':34}{'seconds':>10}{'docs/s':>10}{'x bare':>9}")
        rows = [("bare nlp.pipe", bare_s), ("analyze()", analyze_s), ("read_articles()", read_s),
                ("read + analyze", read_s + analyze_s)]
        for label, seconds in rows:
            ratio = f"{bare_s / seconds:.2f}" if label != "read_articles()" else ""
            print(f"{label:34}{seconds:10.2f}{n / seconds:10.1f}{ratio:>9}")
        ratio = bare_s / analyze_s
        print(f"\nanalyze / bare spaCy: {ratio:.2f}x (target >= {TARGET_RATIO}x): "
              f"{'met' if ratio >= TARGET_RATIO else 'MISSED'}; runs: bare {_runs(bare_runs)}, "
              f"analyze {_runs(analyze_runs)}")
        # Other processes on a shared machine stretch wall time unevenly; CPU time much less.
        print(f"CPU time of this process: bare {1000 * bare_cpu / n:.1f} ms/doc, analyze "
              f"{1000 * analyze_cpu / n:.1f} ms/doc, ratio {bare_cpu / analyze_cpu:.2f}x")
        # The parse's own time swings by a tenth from run to run on a shared machine; the
        # CPU time analyze spends outside its parse is steadier, and the target asks it to stay
        # within a quarter of the parse (0.8x).
        rest = min(rest_cpu)
        print(f"CPU time of analyze() outside its parse: {1000 * rest / n:.1f} ms/doc "
              f"({_runs_ms(rest_cpu, n)}), {100 * rest / bare_cpu:.0f}% of the bare parse "
              f"(0.8x allows {100 * (1 / TARGET_RATIO - 1):.0f}%): ratio with the best bare parse "
              f"{bare_cpu / (bare_cpu + rest):.2f}x")

        sizes = sorted((len(story.article_ids) for story in analysis.stories), reverse=True)
        print(f"\n{len(sizes)} stories (largest {sizes[0] if sizes else 0} articles): story stages cost "
              "more per document as stories grow")
        print("where the time goes (one instrumented run of read_articles and analyze):")
        for label, seconds in sorted(breakdown.seconds.items(), key=lambda item: -item[1]):
            print(f"  {label:50}{seconds:8.2f} s{1000 * seconds / n:9.2f} ms/doc")

        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(newsprism.analyze, corpus, options)
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
            print("\ncProfile of analyze(), by cumulative time:\n" + out.getvalue())

        if args.memory_docs:
            _memory(Path(tmp), texts, args.memory_docs, values)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


class ParseClock:
    """The CPU seconds ``analyze()`` spends inside its parse (the steps of the generator it
    gets from :func:`newsprism.nlp.parse`), by wrapping that function while in use."""

    def __enter__(self) -> ParseClock:
        self.cpu = 0.0
        self._original = original = nlp_module.parse

        def timed_parse(*args, **kwargs):
            docs = original(*args, **kwargs)
            while True:
                start = time.process_time()
                doc = next(docs, None)
                self.cpu += time.process_time() - start
                if doc is None:
                    return
                yield doc

        nlp_module.parse = timed_parse
        return self

    def __exit__(self, *exc) -> None:
        nlp_module.parse = self._original


def _runs_ms(seconds: list[float], n: int) -> str:
    return "/".join(f"{1000 * s / n:.1f}" for s in seconds) + " ms/doc"


def _runs(runs: list[tuple[float, float]]) -> str:
    return "/".join(f"{wall:.1f}" for wall, _ in runs) + " s"


def _memory(tmp: Path, texts: list[tuple[str, str]], count: int, values: dict) -> None:
    print(f"\nmemory run: {count} documents in a fresh process ...", flush=True)
    path = tmp / "memory.jsonl"
    write_jsonl(path, texts, count)
    size_mib = path.stat().st_size / 2**20
    plain = {k: sorted(v) if isinstance(v, frozenset) else v for k, v in values.items()}
    result = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(path), json.dumps(plain)],
        stdout=subprocess.PIPE, text=True, check=False,  # progress and errors go to stderr as they come
    )
    if result.returncode:
        print(f"\nmemory run failed (exit {result.returncode}); see its errors above")
        return
    report = json.loads(result.stdout.strip().splitlines()[-1])
    gib = report["peak_rss_kib"] / 2**20
    print(f"\npeak memory, {report['articles']} documents ({size_mib:.0f} MiB JSONL) streamed through "
          f"iter_articles + analyze in a fresh process: {gib:.2f} GiB RSS (target < {TARGET_RSS_GIB} GiB): "
          f"{'met' if gib < TARGET_RSS_GIB else 'MISSED'}; {report['seconds']:.0f} s, "
          f"{report['articles'] / report['seconds']:.1f} docs/s, {report['skipped']} skipped")


if __name__ == "__main__":
    sys.exit(main())
