"""Attribution extraction against PolNeAR, with textacy's direct quotations as the peer.

Usage (from the project root)::

    python bench/quotes_polnear.py [--split dev] [--limit N] [--data ../shared/eval/polnear]

Both systems read the same spaCy parse of each article. Printed: precision, recall and F1 of
Source, Cue and Content spans (exact and overlap, see ``bench/polnear.py``), attribution F1
(content overlaps and source overlaps), and speaker accuracy on content-matched attributions;
once over all attributions and once over direct quotations (gold and predicted content spans
that contain a double quotation mark). Articles with several annotators' files count against
each with weight ``1 / annotators`` (``--annotators average``, the default) or against the first
file only (``--annotators first``); the headline figures of the other reading follow the tables.
Then the time of bare ``nlp.pipe`` over the articles, the time newsprism's quote extraction
(person mentions + quotes) adds, and the ratio.

textacy's ``direct_quotations`` raises on unbalanced quotation marks; such articles are counted
and scored as finding nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear import (  # noqa: E402
    ROLES,
    Attribution,
    Score,
    is_direct,
    read_split,
    score_document,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "polnear"


def newsprism_predictions(doc, article, options) -> list[Attribution]:
    """newsprism's attributions of one parsed article, as scored pieces."""
    from newsprism.extract.mentions import find_mentions
    from newsprism.extract.quotes import extract_quotes

    mentions = find_mentions(doc, article, {}, options)
    records = extract_quotes(doc, article, {"mentions": mentions}, options)
    result = []
    for record in records:
        result.append(Attribution(
            source=((record.speaker.start, record.speaker.end),) if record.speaker else (),
            cue=((record.cue.start, record.cue.end),) if record.cue else (),
            content=tuple((c.start, c.end) for c in record.content),
        ))
    return result


def textacy_predictions(doc) -> list[Attribution]:
    """textacy's direct quotations of one parsed article (raises on unbalanced marks)."""
    from textacy.extract import direct_quotations

    result = []
    for triple in direct_quotations(doc):
        def pieces(tokens):
            return tuple((t.idx, t.idx + len(t.text)) for t in tokens)
        content = triple.content
        result.append(Attribution(
            source=pieces(triple.speaker),
            cue=pieces(triple.cue),
            content=((content.start_char, content.end_char),),
        ))
    return result


def direct_only(text: str, attributions: list[Attribution]) -> list[Attribution]:
    return [a for a in attributions if is_direct(text, a.content)]


def print_table(title: str, scores: dict[str, Score]) -> None:
    print(f"\n{title}")
    systems = list(scores)
    header = f"{'':24}" + "".join(f"{name:>27}" for name in systems)
    print(header)
    print(f"{'':24}" + "".join(f"{'P':>9}{'R':>9}{'F1':>9}" for _ in systems))
    for role in ROLES:
        for rule in ("exact", "overlap"):
            row = f"{role + ' ' + rule:24}"
            for name in systems:
                c = scores[name].spans[(role, rule)]
                row += f"{c.precision:9.3f}{c.recall:9.3f}{c.f1:9.3f}"
            print(row)
    row = f"{'attribution':24}"
    for name in systems:
        c = scores[name].attribution
        row += f"{c.precision:9.3f}{c.recall:9.3f}{c.f1:9.3f}"
    print(row)
    row = f"{'speaker accuracy':24}"
    for name in systems:
        s = scores[name]
        row += f"{'':9}{'':9}{s.speaker_accuracy:9.3f}"
    print(row)
    row = f"{'gold / predicted':24}"
    for name in systems:
        c = scores[name].spans[("content", "overlap")]
        row += f"{'':9}{c.gold:9.0f}{c.predicted:9.0f}"
    print(row)


def print_headline(title: str, tables: dict[str, dict[str, Score]]) -> None:
    """Content overlap F1, attribution F1 and speaker accuracy of each system, per table."""
    print(f"\n{title}")
    for table, scores in tables.items():
        cells = []
        for name, score in scores.items():
            content = score.spans[("content", "overlap")]
            cells.append(f"{name} content F1 {content.f1:.3f}, attribution F1 "
                         f"{score.attribution.f1:.3f}, speaker accuracy {score.speaker_accuracy:.3f}")
        print(f"  {table:8} " + "; ".join(cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-textacy", action="store_true", help="skip the textacy peer")
    parser.add_argument("--annotators", choices=("average", "first"), default="average",
                        help="articles with several annotators: average over them, or the first file")
    args = parser.parse_args(argv)
    if not (args.data / args.split).is_dir():
        print(f"PolNeAR not found at {args.data / args.split}: nothing to score "
              "(place the shared data beside the project).")
        return 0

    from newsprism import nlp as nlp_module
    from newsprism.model import Article
    from newsprism.options import Options

    documents = list(read_split(args.data, args.split, args.limit))
    nlp = nlp_module.load()
    options = Options()

    started = time.perf_counter()
    docs = list(nlp.pipe((d.text for d in documents), batch_size=32))
    parse_time = time.perf_counter() - started

    systems = ["newsprism"] + ([] if args.no_textacy else ["textacy"])
    readings = ("average", "first")
    scores = {(reading, table): {name: Score() for name in systems}
              for reading in readings for table in ("all", "direct")}
    elapsed = {name: 0.0 for name in systems}
    textacy_failures = 0
    for document, doc in zip(documents, docs):
        article = Article(id=document.name, source=document.name, text=document.text)
        predictions = {}
        started = time.perf_counter()
        predictions["newsprism"] = newsprism_predictions(doc, article, options)
        elapsed["newsprism"] += time.perf_counter() - started
        if "textacy" in systems:
            started = time.perf_counter()
            try:
                predictions["textacy"] = textacy_predictions(doc)
            except Exception:  # noqa: BLE001 - textacy raises on unbalanced quotation marks
                textacy_failures += 1
                predictions["textacy"] = []
            elapsed["textacy"] += time.perf_counter() - started
        text = document.text
        for reading in readings:
            annotations = document.annotations if reading == "average" else document.annotations[:1]
            for gold in annotations:
                weight = 1 / len(annotations)
                for name in systems:
                    score_document(text, gold, predictions[name], scores[(reading, "all")][name], weight)
                    score_document(text, direct_only(text, gold), direct_only(text, predictions[name]),
                                   scores[(reading, "direct")][name], weight)

    several = sum(1 for d in documents if len(d.annotations) > 1)
    how = ("each annotator's file, averaged" if args.annotators == "average"
           else "the first annotator's file")
    print(f"PolNeAR {args.split}: {len(documents)} articles ({several} with several annotators), "
          f"{sum(len(d.gold) for d in documents)} gold attributions in the first files; "
          f"scored against {how}")
    print_table("All attributions", scores[(args.annotators, "all")])
    print_table("Direct quotations (content spans containing a double quotation mark)",
                scores[(args.annotators, "direct")])
    other = "first" if args.annotators == "average" else "average"
    print_headline(f"Scored against {'the first file only' if other == 'first' else 'every annotator, averaged'}:",
                   {"all": scores[(other, "all")], "direct": scores[(other, "direct")]})
    if "textacy" in systems:
        print(f"\ntextacy raised on {textacy_failures} of {len(documents)} articles "
              "(scored as finding nothing there)")
    print(f"\nbare spaCy nlp.pipe: {parse_time:.2f} s for {len(documents)} articles")
    for name in systems:
        print(f"{name:10} extraction: {elapsed[name]:.2f} s = "
              f"{100 * elapsed[name] / parse_time:.1f}% of the bare parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
