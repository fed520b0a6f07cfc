"""Neutral multi-outlet brief on NeuS (Lee et al., NAACL 2022): newsprism's brief against the
lead of one outlet and LexRank, in the same run.

Each NeuS item holds the title and lead of three outlets' reports of one event (a left, a
center and a right outlet, in random order) and AllSides' neutral roundup. Each item is one
story of three articles (the leads; titles go into the articles' titles, which the brief does
not read). Every system gets the same length budget: the number of words of the reference
roundup (its ARTICLE part; the roundup's own headline is not a summary sentence), and its
output is cut to that many words. Scores are ROUGE-1, ROUGE-2 and ROUGE-L F1 (``rouge-score``,
Porter stemming), averaged over items, times 100.

Baselines:
* lead: the first outlet's lead (the outlets come in random order, so this is a random one of
  the three);
* LexRank (``sumy``) over the three leads, with a sentence splitter of this script's own
  (sumy's default tokenizer needs NLTK data that cannot be downloaded here).

Usage: python bench/brief_neus.py [--split val|train] [--limit N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "neus"
_ITEM = re.compile(r"TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<text>.*)", re.S)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])")
_WORDS = re.compile(r"\w+(?:['’]\w+)?")


def parse_item(part: str) -> tuple[str, str]:
    match = _ITEM.match(part.strip())
    return (match.group("title"), match.group("text").strip()) if match else ("", part.strip())


def load(split: str, limit: int | None):
    sources = (DATA / f"{split}.source").read_text("utf-8").splitlines()
    targets = (DATA / f"{split}.target").read_text("utf-8").splitlines()
    items = []
    for source, target in list(zip(sources, targets))[:limit]:
        leads = [parse_item(part) for part in source.split("[SEP]")]
        items.append((leads, parse_item(target)[1]))
    return items


def budget_cut(text: str, budget: int) -> str:
    return " ".join(text.split()[:budget])


class SentenceTokenizer:
    """sumy's tokenizer interface: sentences by end punctuation, words by a regular expression."""

    language = "english"

    def to_sentences(self, paragraph: str):
        return [s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip()]

    def to_words(self, sentence: str):
        return _WORDS.findall(sentence)


def lexrank(leads: list[str], budget: int) -> str:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    document = PlaintextParser.from_string("\n\n".join(leads), SentenceTokenizer()).document
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    total = len(document.sentences)
    for count in range(1, total + 1):
        chosen = " ".join(str(s) for s in summarizer(document, count))
        if len(chosen.split()) >= budget:
            break
    return budget_cut(chosen, budget)


def newsprism_briefs(items, budgets):
    """Parse every lead once, then build each item's brief as one story."""
    import newsprism
    from newsprism.model import Article
    from newsprism.options import BriefOptions, Options
    from newsprism.stages import DOCUMENT_STAGES, STORY_STAGES, StoryInput, discover_stages
    from newsprism.story.brief import build_brief

    discover_stages()
    needed = {"narration", "loaded_wording", "timexes"}
    disabled = frozenset((set(DOCUMENT_STAGES) | set(STORY_STAGES)) - needed)
    stories = []
    articles = []
    for i, (leads, _) in enumerate(items):
        members = tuple(Article(id=f"{i}-{k}", source=f"neus/{i}/{k}", text=text, title=title,
                                outlet=f"Outlet {'ABC'[k] if k < 3 else k}")
                        for k, (title, text) in enumerate(leads) if text)
        stories.append(members)
        articles += members
    analysis = newsprism.analyze(articles, Options(disabled_stages=disabled))
    briefs = []
    for members, budget in zip(stories, budgets):
        options = BriefOptions(max_words=budget, min_sentences=1, max_sentences=100, min_relative_score=0.0)
        story = StoryInput("neus", members, analysis.article_results, {})
        briefs.append(budget_cut(" ".join(s.text for s in build_brief(story, options)), budget))
    return briefs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="val", choices=("val", "train"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N items")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"NeuS not found at {DATA}: nothing to measure (clone ../shared beside the project)")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from rouge_score import rouge_scorer

    items = load(args.split, args.limit)
    budgets = [max(1, len(reference.split())) for _, reference in items]
    began = time.perf_counter()
    systems = {
        "lead (one outlet)": [budget_cut(leads[0][1], b) for (leads, _), b in zip(items, budgets)],
        "LexRank (sumy)": [lexrank([t for _, t in leads], b) for (leads, _), b in zip(items, budgets)],
    }
    baseline_seconds = time.perf_counter() - began
    began = time.perf_counter()
    systems["newsprism brief"] = newsprism_briefs(items, budgets)
    brief_seconds = time.perf_counter() - began

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    table = {}
    for name, outputs in systems.items():
        scores = [scorer.score(reference, output) for (_, reference), output in zip(items, outputs)]
        table[name] = {m: 100 * mean(s[m].fmeasure for s in scores) for m in ("rouge1", "rouge2", "rougeL")}

    print(f"NeuS {args.split}: {len(items)} roundups, budget = reference length "
          f"(mean {mean(budgets):.1f} words); baselines {baseline_seconds:.0f}s, newsprism "
          f"{brief_seconds:.0f}s (parse included)\n")
    print(f"{'system':22} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8}")
    for name, row in table.items():
        print(f"{name:22} {row['rouge1']:8.2f} {row['rouge2']:8.2f} {row['rougeL']:8.2f}")
    ours = table["newsprism brief"]
    for name in ("lead (one outlet)", "LexRank (sumy)"):
        ratio = ", ".join(f"{m} x{ours[m] / table[name][m]:.2f}" for m in ("rouge1", "rouge2", "rougeL"))
        print(f"newsprism / {name}: {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
