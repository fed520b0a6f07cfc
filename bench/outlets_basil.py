"""How outlets differ, measured on real multi-outlet coverage: tone and quote-share tables.

The sample: the seed story (three outlets) and event groups built from PolNeAR
(``../shared/eval/polnear``: 2016 election news from seven publishers, with publisher and
date in ``metadata.tsv``). Articles of different publishers are grouped as reports of the
same event when

* they were published within ``--days`` days of each other (default 1), and
* their TF-IDF cosine similarity (scikit-learn, English stop words, sublinear tf) is at least
  ``--link`` (default 0.24, read off the similarity of pairs whose titles name one event); groups are the connected components of these links, and a member
  whose mean similarity to the rest of its group is below ``--keep`` (default 0.18) is dropped
  (so that a chain of pairwise links does not join two events);
* a group needs ``--min-publishers`` publishers (default 2; one article each); the ``--groups`` groups with the
  most publishers are analysed (default 12). The script prints each group's titles so that a
  reader can check they report one event.

Each group is analysed as one story. Printed, per outlet (publisher) over all groups:

* the share of its text in its own voice, loaded vs neutral reporting verbs, evaluative words
  per 100 words of narration, and the mean VADER tone of its narration toward Donald Trump
  and Hillary Clinton (sentences naming them, quotations and embeds removed);
* the same tone computed on whole sentences (quotations left in): the reference measured in
  the same run, which shows how much of a naive score is other people's words;
* quote share: the share of quoted words given to Trump, Clinton and everyone else, from
  newsprism's quotations (when the quotes stage is installed) and, for PolNeAR articles, from
  the gold attribution annotations (Content spans, by Source) as the reference;
* spot checks: each outlet's most negative and most positive narration sentence toward each
  candidate, with article and character offsets, to read against the numbers.

Usage: python bench/outlets_basil.py [--groups 10] [--days 1] [--link 0.45]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from statistics import fmean

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "eval" / "polnear"
SEEDS = SHARED / "seeds"
CANDIDATES = {"trump": ("Trump",), "clinton": ("Clinton", "Hillary")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=12)
    parser.add_argument("--days", type=int, default=1)
    parser.add_argument("--link", type=float, default=0.24)
    parser.add_argument("--keep", type=float, default=0.18)
    parser.add_argument("--min-publishers", type=int, default=2)
    args = parser.parse_args()
    if not POLNEAR.exists():
        sys.exit(f"PolNeAR not found at {POLNEAR}: put ../shared beside the project to run this benchmark")

    import newsprism
    from newsprism.model import Article

    records = load_polnear()
    groups = event_groups(records, args)
    print(f"# {len(groups)} PolNeAR event groups (of {len(records)} articles), plus the seed story\n")
    samples: list[tuple[str, list[Article], dict]] = []
    for k, group in enumerate(groups, 1):
        day = min(r["date"] for r in group)
        print(f"group {k} ({day}, {len({r['publisher'] for r in group})} publishers)")
        for r in group:
            print(f"    {r['publisher']:<13} {r['title'][:90]}")
        articles = [
            Article(id=r["id"], source=str(r["path"]), text=r["text"], outlet=r["publisher"], title=r["title"],
                    published=r["date"].isoformat(), published_provenance="given")
            for r in group
        ]
        samples.append((f"group {k}", articles, {r["id"]: r for r in group}))
    if SEEDS.exists():
        samples.append(("seeds", list(newsprism.read_articles([SEEDS])), {}))
    print()

    started = time.perf_counter()
    rows: dict[str, dict] = defaultdict(lambda: defaultdict(list))
    spots: dict[tuple[str, str], list] = defaultdict(list)
    for name, articles, gold in samples:
        analysis = newsprism.analyze(articles)
        for story in analysis.stories:
            collect(analysis, story, gold, rows, spots)
    elapsed = time.perf_counter() - started
    print_tables(rows)
    print_spots(spots)
    total = sum(len(a) for _, a, _ in samples)
    print(f"\n{total} articles analysed in {elapsed:.1f} s ({total / elapsed:.2f} articles/s; "
          "machine shared with other jobs: timings are indicative)")


def load_polnear() -> list[dict]:
    records = []
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["publisher"] in ("", "parc", "publisher") or not row["publication_date"]:
                continue
            for split in ("train", "dev"):
                path = POLNEAR / split / "text" / f"{row['filename']}.txt"
                if path.exists():
                    records.append({
                        "id": row["filename"], "path": path, "split": split, "publisher": row["publisher"],
                        "date": date.fromisoformat(row["publication_date"]), "title": row["title"],
                        "text": path.read_text(encoding="utf-8"),
                    })
                    break
    return records


def event_groups(records: list[dict], args) -> list[list[dict]]:
    """Connected components of same-window, different-publisher, similar-text links."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    from newsprism.story.partition import Partition

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(r["text"] for r in records)
    similarity = cosine_similarity(matrix)
    partition = Partition(range(len(records)))
    for i in range(len(records)):
        for j in range(i + 1, len(records)):
            a, b = records[i], records[j]
            if (a["publisher"] != b["publisher"] and abs((a["date"] - b["date"]).days) <= args.days
                    and similarity[i, j] >= args.link):
                partition.union(i, j)
    groups = []
    for members in partition.groups():
        if len(members) < 2:
            continue
        kept = [i for i in members if fmean(similarity[i, j] for j in members if j != i) >= args.keep]
        # One article per publisher: the one most similar to the rest.
        best: dict[str, int] = {}
        for i in kept:
            publisher = records[i]["publisher"]
            score = fmean(similarity[i, j] for j in kept if j != i) if len(kept) > 1 else 0
            if publisher not in best or score > fmean(similarity[best[publisher], j] for j in kept if j != best[publisher]):
                best[publisher] = i
        if len(best) >= args.min_publishers:
            groups.append([records[i] for i in best.values()])
    groups.sort(key=lambda g: (-len(g), min(r["date"] for r in g)))
    return groups[: args.groups]


def candidate_ids(story) -> dict[str, str]:
    """Which of the story's people are the two candidates."""
    found = {}
    for person in story.people:
        for key, words in CANDIDATES.items():
            if key not in found and any(w in person.name.split() for w in words):
                found[key] = person.id
    return found


def collect(analysis, story, gold: dict, rows, spots) -> None:
    from newsprism import sentiment
    from newsprism.story.lexicon import EVALUATIVE

    people = candidate_ids(story)
    by_id = {a.id: a for a in analysis.articles}
    evidence = {p.id: p.evidence for p in story.people}
    analyzer = sentiment.analyzer()
    for framing in story.framing:
        row = rows[framing.outlet]
        row["articles"].append(len(framing.article_ids))
        row["narration"].append(framing.narration_share)
        row["loaded"].append(framing.loaded_verbs)
        row["neutral"].append(framing.neutral_verbs)
        for article_id in framing.article_ids:
            article = by_id[article_id]
            narration = analysis.article_results[article_id].results.get("narration")
            if narration is None:
                continue
            words = sum(len(article.text[s:e].split()) for sent in narration.sentences for s, e in sent.pieces)
            hits = sum(1 for sent in narration.sentences for h in sent.hits if h.entry.category in EVALUATIVE)
            row["words"].append(words)
            row["evaluative"].append(hits)
            for key, pid in people.items():
                spans = [s for s in evidence.get(pid, ()) if s.article_id == article_id]
                for sent in narration.sentences:
                    inside = [s for s in spans if sent.start <= s.start < sent.end]
                    if not inside:
                        continue
                    whole = analyzer.polarity_scores(article.text[sent.start:sent.end])["compound"]
                    row[f"whole_{key}"].append(whole)
                    if sent.pieces and any(a <= s.start and s.end <= b for s in inside for a, b in sent.pieces):
                        tone = sent.compound(article.text)
                        row[f"tone_{key}"].append(tone)
                        text = " | ".join(article.text[a:b] for a, b in sent.pieces)
                        spots[(framing.outlet, key)].append((tone, article_id, sent.start, sent.end, text))
        for share in framing.sources:
            who = next((k for k, pid in people.items() if pid == share.speaker_id), "others")
            row[f"quoted_{who}"].append(share.words)
        for article_id in framing.article_ids:
            if article_id in gold:
                for who, words in gold_shares(gold[article_id]).items():
                    row[f"gold_{who}"].append(words)


def gold_shares(record: dict) -> dict[str, int]:
    """Quoted words per candidate from PolNeAR's gold attributions (the first annotator's)."""
    folder = POLNEAR / record["split"] / "attributions"
    files = sorted(folder.glob(f"{record['id']}*.ann"))
    if not files:
        return {}
    spans: dict[str, tuple[str, str]] = {}
    counts: dict[str, int] = defaultdict(int)
    lines = files[0].read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("T"):
            tid, info, text = (line.split("\t") + ["", ""])[:3]
            spans[tid] = (info.split(" ", 1)[0], text)
    for line in lines:
        if line.startswith("E"):
            parts = dict(p.split(":", 1) for p in line.split("\t")[1].split() if ":" in p)
            content = spans.get(parts.get("Content", ""), ("", ""))[1]
            source = spans.get(parts.get("Source", ""), ("", ""))[1]
            if not content:
                continue
            who = next((k for k, words in CANDIDATES.items() if any(w in source for w in words)), "others")
            counts[who] += len(content.split())
    return counts


def print_tables(rows) -> None:
    def mean(values) -> str:
        return f"{fmean(values):+.3f}" if values else "   –  "

    print("## Tone of each outlet's own voice (VADER compound, sentences naming the candidate)\n")
    print(f"{'outlet':<14}{'arts':>5}{'own voice':>10}{'loaded/neutral verbs':>22}{'eval/100w':>10}"
          f"{'Trump n':>8}{'Trump':>8}{'(whole)':>9}{'Clinton n':>10}{'Clinton':>9}{'(whole)':>9}")
    ratios = []
    for outlet, row in sorted(rows.items()):
        words = sum(row["words"]) or 1
        print(f"{outlet:<14}{sum(row['articles']):>5}{fmean(row['narration']):>10.0%}"
              f"{sum(row['loaded']):>12}/{sum(row['neutral']):<9}{100 * sum(row['evaluative']) / words:>10.2f}"
              f"{len(row['tone_trump']):>8}{mean(row['tone_trump']):>8}{mean(row['whole_trump']):>9}"
              f"{len(row['tone_clinton']):>10}{mean(row['tone_clinton']):>9}{mean(row['whole_clinton']):>9}")
        for key in ("trump", "clinton"):
            if row[f"tone_{key}"] and row[f"whole_{key}"]:
                ratios.append(abs(fmean(row[f"whole_{key}"]) - fmean(row[f"tone_{key}"])))
    if ratios:
        print(f"\nmean |whole-sentence tone - own-voice tone| over outlets and candidates: {fmean(ratios):.3f}"
              " (how much a score that keeps quotations is moved by other people's words)")

    print("\n## Quote share: quoted words per speaker (newsprism quotations | PolNeAR gold attributions)\n")
    print(f"{'outlet':<14}{'Trump':>8}{'Clinton':>9}{'others':>8}   |{'Trump':>8}{'Clinton':>9}{'others':>8}")
    for outlet, row in sorted(rows.items()):
        ours = [sum(row[f"quoted_{k}"]) for k in ("trump", "clinton", "others")]
        gold = [sum(row[f"gold_{k}"]) for k in ("trump", "clinton", "others")]
        print(f"{outlet:<14}" + "".join(_share(v, ours, w) for v, w in zip(ours, (8, 9, 8)))
              + "   |" + "".join(_share(v, gold, w) for v, w in zip(gold, (8, 9, 8))))
    print("(shares of each side's total; '–' where no quoted words were found)")


def _share(value: int, total: list[int], width: int) -> str:
    return f"{value / sum(total):>{width}.0%}" if sum(total) else f"{'–':>{width}}"


def print_spots(spots) -> None:
    print("\n## Spot checks: most negative and most positive own-voice sentence per outlet and candidate\n")
    for (outlet, key), found in sorted(spots.items()):
        found.sort()
        for label, item in (("most negative", found[0]), ("most positive", found[-1])):
            score, article_id, start, end, text = item
            text = re.sub(r"\s+", " ", text)
            print(f"{outlet} / {key} / {label} {score:+.2f} [{article_id} {start}:{end}] {text[:160]}")


if __name__ == "__main__":
    main()
