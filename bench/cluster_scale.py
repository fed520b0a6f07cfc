"""Scale of the streaming story index: cost per article at 10k, 100k and 1M articles.

The stream is synthetic but made of real text: every ECB+ event folder
(``../shared/eval/ecbplus/docs``) is a pool of sentences, and each article draws 4 to 10
sentences of one folder in random order, so no two articles are alike while the reports of
one event share its vocabulary. Articles arrive at a steady rate (``--per-day``, publication
dates advancing one day per that many articles); each folder speaks in bursts of
``--burst`` days with five times that many silent days between, and each burst is one event
of the gold labels.

Assignment runs on one core without spaCy: light features (regular-expression tokens) are
timed apart from ``StoryIndex.add``. Each size runs in its own process so peak memory
(max RSS) is that size's alone. The table ends with the per-article cost at the largest size
over the smallest (target <= 2) and the time the largest stream took.

Usage: python bench/cluster_scale.py [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT.parent / "shared" / "eval" / "ecbplus" / "docs"
sys.path.insert(0, str(ROOT / "src"))

from newsprism.model import Article  # noqa: E402
from newsprism.options import StoryOptions  # noqa: E402
from newsprism.story.features import light_features  # noqa: E402
from newsprism.story.index import StoryIndex  # noqa: E402

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def sentence_pools() -> list[list[str]]:
    """One list of sentences per ECB+ event folder."""
    pools = []
    for folder in sorted(p for p in DOCS.iterdir() if p.is_dir()):
        sentences = []
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text("utf-8"))
            text = data.get("text") or data.get("title") or ""
            sentences += [s.strip() for s in _SENTENCE.split(text) if len(s.split()) >= 4]
        if len(sentences) >= 8:
            pools.append(sentences)
    return pools


def stream(size: int, per_day: int, burst: int, seed: int):
    """Yield (article, gold event label) pairs in publication order."""
    rng = random.Random(seed)
    pools = sentence_pools()
    start = 738000  # an ordinal day in 2021; any will do
    for number in range(size):
        day = number // per_day
        epoch = day // burst
        # Folder f speaks in epochs where (epoch + f) % 6 == 0: bursts with silences between,
        # longer than the index's active window, so that each burst is an event of its own.
        speaking = [f for f in range(len(pools)) if (epoch + f) % 6 == 0]
        folder = rng.choice(speaking)
        pool = pools[folder]
        chosen = rng.sample(pool, rng.randint(4, min(10, len(pool))))
        published = _iso(start + day)
        article = Article(id=f"s{number}", source=f"synthetic/{number}", text=" ".join(chosen[1:]),
                          title=chosen[0], published=published, published_precision="day",
                          published_provenance="given")
        yield article, (folder, epoch)


def _iso(ordinal: int) -> str:
    from datetime import date

    return date.fromordinal(ordinal).isoformat()


def bcubed_f1(gold: list, predicted: list) -> float:
    """B-cubed F1 of a clustering against gold labels."""
    by_gold, by_pred, pairs = defaultdict(int), defaultdict(int), defaultdict(int)
    for g, p in zip(gold, predicted):
        by_gold[g] += 1
        by_pred[p] += 1
        pairs[(g, p)] += 1
    n = len(gold)
    precision = sum(c * c / by_pred[p] for (g, p), c in pairs.items()) / n
    recall = sum(c * c / by_gold[g] for (g, p), c in pairs.items()) / n
    return 2 * precision * recall / (precision + recall)


def run_one(size: int, per_day: int, burst: int, seed: int) -> dict:
    """Stream ``size`` articles into a fresh index; return timings and peak memory."""
    index = StoryIndex(StoryOptions())
    feature_seconds = assign_seconds = 0.0
    gold, predicted = [], []
    clock = time.process_time
    for article, label in stream(size, per_day, burst, seed):
        t0 = clock()
        features = light_features(article)
        t1 = clock()
        story = index.add(article, features)
        t2 = clock()
        feature_seconds += t1 - t0
        assign_seconds += t2 - t1
        gold.append(label)
        predicted.append(story)
    return {
        "size": size,
        "features_per_s": size / feature_seconds,
        "assign_per_s": size / assign_seconds,
        "total_per_s": size / (feature_seconds + assign_seconds),
        "us_per_article": 1e6 * (feature_seconds + assign_seconds) / size,
        "total_s": feature_seconds + assign_seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "stories": len(index.stories),
        "events": len(set(gold)),
        "bcubed_f1": bcubed_f1(gold, predicted),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--per-day", type=int, default=2_000)
    parser.add_argument("--burst", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not DOCS.exists():
        sys.exit(f"skipped: ECB+ not found at {DOCS} (clone with ../shared beside the project)")
    if args.one:
        print(json.dumps(run_one(args.one, args.per_day, args.burst, args.seed)))
        return
    rows = []
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size), "--per-day", str(args.per_day),
                   "--burst", str(args.burst), "--seed", str(args.seed)]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(output.strip().splitlines()[-1]))
        row = rows[-1]
        print(f"{row['size']:>9,} articles  features {row['features_per_s']:>8,.0f}/s  "
              f"assign {row['assign_per_s']:>8,.0f}/s  total {row['total_per_s']:>8,.0f}/s  "
              f"{row['us_per_article']:>6,.0f} us/article  {row['total_s']:>7,.0f} s  "
              f"peak {row['peak_mb']:>7,.0f} MB  {row['stories']:>7,} stories for "
              f"{row['events']:,} events  B3 F1 {row['bcubed_f1']:.3f}", flush=True)
    first, last = rows[0], rows[-1]
    print(f"\nper-article cost at {last['size']:,} / at {first['size']:,}: "
          f"{last['us_per_article'] / first['us_per_article']:.2f} (target <= 2)")
    print(f"{last['size']:,} articles assigned in {last['total_s'] / 60:.1f} min of CPU time on one core "
          f"(light features + assignment; target < 20 min for 1,000,000)")


if __name__ == "__main__":
    main()
