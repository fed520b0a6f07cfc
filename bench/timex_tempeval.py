"""Temporal expressions against TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT), Task A style.

For each document the text inside ``<TEXT>`` is run through newsprism's recogniser and
normaliser with the document's creation time (DCT) as the publication date, and, in the same
run, through a baseline built on ``dateparser.search.search_dates`` with the DCT as
``RELATIVE_BASE``. Scores follow the TempEval-3 Task A definitions:

* strict extraction: a system expression matches a gold one with exactly the same extent;
* relaxed extraction: the extents overlap;
* value F1 and type F1: attribute scores over relaxed matches, where a match counts only when
  the attribute is also equal (P = correct / system expressions, R = correct / gold ones).

Matching is one-to-one (a gold expression is matched by at most one system expression and
vice versa), on character offsets of the tag-free text; the document's own DCT is not scored.
An expression split in two by one side then leaves the other half unmatched. Counting instead
every expression that overlaps any on the other side (precision from the system side, recall
from the gold side) scores a little higher; the last line of the table gives that figure for
comparison, the table itself stays one-to-one. Scores are printed per corpus
(TimeBank, AQUAINT: AQUAINT serves as a held-out check on rules studied mostly on TimeBank)
and overall.

Usage: python bench/timex_tempeval.py [--data ../shared/eval/tempeval3/TBAQ-cleaned]
       [--no-baseline] [--errors FILE]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tempeval_data import TimeMLDoc, read_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "tempeval3" / "TBAQ-cleaned"

Mention = tuple[int, int, str, str]  # start, end, type, value


def match(gold: list[Mention], system: list[Mention], strict: bool) -> list[tuple[Mention, Mention]]:
    """One-to-one pairs of gold and system expressions (exact extent, or any overlap)."""
    pairs = []
    used: set[int] = set()
    for g in gold:
        best = None
        for index, s in enumerate(system):
            if index in used:
                continue
            if strict:
                ok = (s[0], s[1]) == (g[0], g[1])
            else:
                ok = s[0] < g[1] and g[0] < s[1]
            if ok:
                overlap = min(s[1], g[1]) - max(s[0], g[0])
                if best is None or overlap > best[0]:
                    best = (overlap, index)
        if best is not None:
            used.add(best[1])
            pairs.append((g, system[best[1]]))
    return pairs


def _overlap(a: Mention, b: Mention) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Score:
    """Counts for one system on a set of documents."""

    def __init__(self) -> None:
        self.gold = self.system = self.strict = self.relaxed = self.value = self.type = 0
        self.gold_overlapped = self.system_overlapping = 0

    def add(self, gold: list[Mention], system: list[Mention]) -> list[tuple[Mention, Mention]]:
        self.gold += len(gold)
        self.system += len(system)
        self.strict += len(match(gold, system, strict=True))
        pairs = match(gold, system, strict=False)
        self.relaxed += len(pairs)
        self.value += sum(1 for g, s in pairs if g[3] == s[3])
        self.type += sum(1 for g, s in pairs if g[2] == s[2])
        self.gold_overlapped += sum(1 for g in gold if any(_overlap(g, s) for s in system))
        self.system_overlapping += sum(1 for s in system if any(_overlap(g, s) for g in gold))
        return pairs

    def prf(self, correct: int) -> tuple[float, float, float]:
        p = correct / self.system if self.system else 0.0
        r = correct / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def newsprism_system(docs: list[TimeMLDoc]):
    import newsprism.nlp as nlp_module
    from newsprism.extract.timex import find_timexes
    from newsprism.options import NlpOptions

    nlp = nlp_module.load()
    parsed = nlp_module.parse(nlp, (d.text for d in docs), NlpOptions())
    for doc_record in docs:
        started = time.perf_counter()
        doc = next(parsed)
        middle = time.perf_counter()
        refs = find_timexes(doc_record.text, doc_record.dct, doc)
        TIMING["parse"] += middle - started
        TIMING["timex"] += time.perf_counter() - middle
        yield [(r.span.start, r.span.end, r.type, r.value or "") for r in refs]


TIMING = {"parse": 0.0, "timex": 0.0}


def dateparser_system(docs: list[TimeMLDoc]):
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    for doc in docs:
        base = datetime.fromisoformat(doc.dct[:19])
        settings = {"RELATIVE_BASE": base}
        found = search_dates(doc.text, languages=["en"], settings=settings) or []
        parser = DateDataParser(languages=["en"], settings=settings)
        mentions = []
        position = 0
        for substring, moment in found:
            start = doc.text.find(substring, position)
            if start < 0:
                continue
            position = start + len(substring)
            period = parser.get_date_data(substring).period or "day"
            mentions.append((start, position, *_dateparser_value(moment, period)))
        yield mentions


def _dateparser_value(moment: datetime, period: str) -> tuple[str, str]:
    if period == "time":
        return "TIME", moment.strftime("%Y-%m-%dT%H:%M")
    if period == "year":
        return "DATE", f"{moment.year:04d}"
    if period == "month":
        return "DATE", moment.strftime("%Y-%m")
    if period == "week":
        year, week, _ = moment.isocalendar()
        return "DATE", f"{year:04d}-W{week:02d}"
    return "DATE", moment.strftime("%Y-%m-%d")


def evaluate(name, system_outputs, docs, errors=None):
    scores: dict[str, Score] = defaultdict(Score)
    started = time.perf_counter()
    for doc, system in zip(docs, system_outputs):
        gold = [(t.start, t.end, t.type, t.value) for t in doc.timexes]
        for subset in (doc.corpus, "all"):
            pairs = scores[subset].add(gold, system)
        if errors is not None:
            _write_errors(errors, doc, gold, system, pairs)
    return name, scores, time.perf_counter() - started


def _write_errors(out, doc, gold, system, pairs):
    matched_gold = {g for g, _ in pairs}
    matched_system = {s for _, s in pairs}
    for g, s in pairs:
        if g[3] != s[3] or (g[0], g[1]) != (s[0], s[1]):
            out.write(f"MISMATCH\t{doc.dct[:10]}\t{doc.text[g[0]:g[1]]!r}\t{g[2]} {g[3]}\t"
                      f"{doc.text[s[0]:s[1]]!r}\t{s[2]} {s[3]}\t{_context(doc, g)}\n")
    for g in gold:
        if g not in matched_gold:
            out.write(f"MISSED\t{doc.dct[:10]}\t{doc.text[g[0]:g[1]]!r}\t{g[2]} {g[3]}\t\t\t"
                      f"{_context(doc, g)}\n")
    for s in system:
        if s not in matched_system:
            out.write(f"SPURIOUS\t{doc.dct[:10]}\t{doc.text[s[0]:s[1]]!r}\t{s[2]} {s[3]}\t\t\t"
                      f"{_context(doc, s)}\n")


def _context(doc, mention):
    text = doc.text
    left = text[max(0, mention[0] - 60):mention[0]].replace("\n", " ")
    right = text[mention[1]:mention[1] + 40].replace("\n", " ")
    return f"{left}[[{text[mention[0]:mention[1]]}]]{right}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--errors", type=Path, help="write newsprism's errors to this file")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"TempEval-3 data not found at {args.data}; nothing to score.", file=sys.stderr)
        return 0
    docs = read_corpus(args.data)
    results = []
    error_file = args.errors.open("w", encoding="utf-8") if args.errors else None
    results.append(evaluate("newsprism", newsprism_system(docs), docs, error_file))
    if error_file:
        error_file.close()
    if not args.no_baseline:
        results.append(evaluate("dateparser", dateparser_system(docs), docs))
    gold_count = sum(len(d.timexes) for d in docs)
    print(f"TempEval-3 TBAQ-cleaned: {len(docs)} documents, {gold_count} TIMEX3 "
          "(AQUAINT = held-out check)\n")
    header = (f"{'system':<11} {'corpus':<9} {'gold':>5} {'sys':>5} | {'strict P':>8} {'R':>6} "
              f"{'F1':>6} | {'relax P':>7} {'R':>6} {'F1':>6} | {'value F1':>8} {'type F1':>7} "
              f"| {'secs':>5}")
    print(header)
    print("-" * len(header))
    for name, scores, seconds in results:
        for subset in ("TimeBank", "AQUAINT", "all"):
            s = scores[subset]
            sp, sr, sf = s.prf(s.strict)
            rp, rr, rf = s.prf(s.relaxed)
            print(f"{name:<11} {subset:<9} {s.gold:>5} {s.system:>5} | {sp:>8.3f} {sr:>6.3f} "
                  f"{sf:>6.3f} | {rp:>7.3f} {rr:>6.3f} {rf:>6.3f} | {s.prf(s.value)[2]:>8.3f} "
                  f"{s.prf(s.type)[2]:>7.3f} | {seconds:>5.1f}")
    s = results[0][1]["all"]
    p = s.system_overlapping / s.system if s.system else 0.0
    r = s.gold_overlapped / s.gold if s.gold else 0.0
    print(f"\nnewsprism relaxed F1 with overlaps counted per side instead of one-to-one: "
          f"{2 * p * r / (p + r) if p + r else 0.0:.3f} (P {p:.3f}, R {r:.3f})")
    parse, timex = TIMING["parse"], TIMING["timex"]
    print(f"\nspaCy parse {parse:.1f}s, newsprism timexes {timex:.1f}s: recognition and "
          f"normalization add {timex / parse:.1%} to the bare parse")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
