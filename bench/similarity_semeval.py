"""Article similarity against human judgements: SemEval-2022 Task 8, English pairs.

``../shared/eval/semeval2022-task8-sample`` holds pairs of news articles rated by people from
1 (very similar) to 4 (very dissimilar) on several facets; ``Overall`` is the one compared
here (sign flipped, so that higher means more similar). newsprism's article similarity is the
cosine of its weighted TF-IDF article vectors (words, headline or lead sentence, names, dates,
quotations; :mod:`newsprism.story.vectors`), with document frequencies taken from all English
texts of the sample. In the same run, the reference: plain TF-IDF cosine (scikit-learn,
English stop words, sublinear tf). Printed: Pearson r of each, on the en-en pairs of both
files of the sample.

Usage: python bench/similarity_semeval.py [--features light|spacy]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "semeval2022-task8-sample"
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402
from scipy.stats import pearsonr  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

from newsprism.model import Article  # noqa: E402
from newsprism.options import StoryOptions  # noqa: E402
from newsprism.story.features import doc_features, light_features  # noqa: E402
from newsprism.story.vectors import DocumentFrequencies, dot, feature_keys, vectorize  # noqa: E402


def load_pairs() -> list[tuple[str, str, float]]:
    """(text1, text2, Overall) of every en-en pair with both texts present."""
    csv.field_size_limit(1 << 30)
    pairs = []
    for name in ("training_set.csv", "testing_set.csv"):
        with (DATA / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["lang1"] == row["lang2"] == "en" and row["text1"].strip() and row["text2"].strip():
                    pairs.append((row["text1"], row["text2"], float(row["Overall"])))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--features", choices=("light", "spacy"), default="light")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"skipped: SemEval sample not found at {DATA} (clone with ../shared beside the project)")
    pairs = load_pairs()
    texts = sorted({t for a, b, _ in pairs for t in (a, b)})
    articles = {t: Article(id=f"t{i}", source=f"semeval#{i}", text=t) for i, t in enumerate(texts)}
    if args.features == "spacy":
        from newsprism import nlp as nlp_module

        nlp = nlp_module.load()
        docs = nlp.pipe(texts, batch_size=16)
        features = {t: doc_features(doc, articles[t], {}, None) for t, doc in zip(texts, docs)}
    else:
        features = {t: light_features(articles[t]) for t in texts}
    options = StoryOptions()
    frequencies = DocumentFrequencies()
    for item in features.values():
        frequencies.add(feature_keys(item))
    vectors = {t: vectorize(features[t], frequencies, options) for t in texts}
    gold = np.array([-overall for _, _, overall in pairs])
    ours = np.array([dot(vectors[a], vectors[b]) for a, b, _ in pairs])

    tfidf = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(texts)
    matrix = {t: row for t, row in zip(texts, tfidf.transform(texts))}
    reference = np.array([matrix[a].multiply(matrix[b]).sum() for a, b, _ in pairs])

    r_ours, r_reference = pearsonr(ours, gold)[0], pearsonr(reference, gold)[0]
    print(f"SemEval-2022 Task 8 sample, en-en pairs: {len(pairs)}")
    print(f"{'similarity':<44} Pearson r with -Overall")
    print(f"{'TF-IDF cosine (reference)':<44} {r_reference:.3f}")
    print(f"{'newsprism article similarity (' + args.features + ' features)':<44} {r_ours:.3f}")
    print(f"ratio newsprism / reference: {r_ours / r_reference:.3f}")


if __name__ == "__main__":
    main()
