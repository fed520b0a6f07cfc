"""Build src/newsprism/data/subjective_adjectives.tsv from the Pattern subjectivity lexicon.

The lexicon (De Smedt & Daelemans, "Pattern for Python", public domain under PDDL) rates
English adjectives by polarity (-1 .. 1) and subjectivity (0 .. 1), per word sense. It is
shipped inside the ``textblob`` package as ``textblob/en/en-sentiment.xml``; newsprism ships
only the adjectives it uses, so it does not depend on textblob at run time.

Usage (rebuilds the file in place):
    pip install textblob
    python scripts/build_subjective_adjectives.py [--min-subjectivity 0.7] [--min-polarity 0.3]
"""

from __future__ import annotations

import argparse
import importlib.util
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "data" / "subjective_adjectives.tsv"
# Adjectives the Pattern lexicon rates subjective in senses news narration does not use:
# "own" (possessive), "black"/"white" (colour, ethnicity), "political", "public".
NOT_EVALUATIVE = frozenset("own black white political public private last new real first".split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-subjectivity", type=float, default=0.7)
    parser.add_argument("--min-polarity", type=float, default=0.3)
    args = parser.parse_args()

    # Located without importing textblob (whose import needs nltk and its corpora).
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("textblob is not installed: pip install textblob")
    source = Path(next(iter(spec.submodule_search_locations))) / "en" / "en-sentiment.xml"
    root = ET.fromstring(source.read_text("utf-8"))
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for word in root.iter("word"):
        if word.get("pos", "JJ").startswith("JJ"):
            senses[word.get("form").lower()].append(
                (float(word.get("polarity")), float(word.get("subjectivity")))
            )
    rows = []
    for form, values in sorted(senses.items()):
        polarity = sum(p for p, _ in values) / len(values)
        subjectivity = sum(s for _, s in values) / len(values)
        if (
            form.isalpha()
            and form not in NOT_EVALUATIVE
            and subjectivity >= args.min_subjectivity
            and abs(polarity) >= args.min_polarity
        ):
            rows.append(f"{form}\t{polarity:.2f}\t{subjectivity:.2f}")
    header = (
        "# Subjective adjectives from the Pattern lexicon (De Smedt & Daelemans 2012, PDDL),\n"
        f"# mean over senses, subjectivity >= {args.min_subjectivity}, |polarity| >= {args.min_polarity}.\n"
        "# Rebuild with scripts/build_subjective_adjectives.py.\n"
        "term\tpolarity\tsubjectivity\n"
    )
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} adjectives -> {OUT}")


if __name__ == "__main__":
    main()
