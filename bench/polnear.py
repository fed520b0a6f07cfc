"""PolNeAR reading and attribution scoring, shared by the quotation benchmark.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attributions in brat standoff: ``T``
rows are Source / Cue / Content spans (character offsets, discontinuous pieces joined by
``;``), ``E`` rows link them into one attribution. Some articles carry several annotators'
files (``<id>_<annotator>.ann``); the reader keeps them all and the scorer counts such an
article against each annotator with weight ``1 / annotators`` (the average over annotators, so
no one annotator's reading decides and the article weighs as much as any other). Scoring
against the first file in name order only is the other reading the data's README allows; the
benchmark prints both.

Scoring works on word tokens (runs of letters and digits): punctuation and quotation marks
never decide a match, so a system that keeps a quote's marks and one that drops them are
scored alike. A predicted span and a gold span

* match **exactly** when they cover the same word tokens;
* match **by overlap** when the tokens they share are at least half of the gold span's and at
  least half of the predicted span's (both directions, so a span swallowing a whole
  paragraph does not match a short gold span inside it).

Predicted and gold spans are paired one to one (largest shared token count first), so one
prediction never counts for two gold spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("source", "cue", "content")
WORD = re.compile(r"\w+")
# Double marks, including the two straight apostrophes some archives (the New York Times')
# write for one; a single mark is too often an apostrophe to count.
QUOTE_MARK = re.compile(r"''|``|[\"“”„‟«»]")


@dataclass(frozen=True)
class Attribution:
    """One attribution: each role is a tuple of (start, end) character pieces (may be empty)."""

    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]


@dataclass
class Document:
    """An article of PolNeAR with each annotator's gold attributions (files in name order)."""

    name: str
    text: str
    annotations: list[list[Attribution]] = field(default_factory=list)

    @property
    def gold(self) -> list[Attribution]:
        """The first annotator's attributions."""
        return self.annotations[0] if self.annotations else []


def _pieces(field_text: str) -> tuple[tuple[int, int], ...]:
    pieces = []
    for part in field_text.split(";"):
        start, end = part.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def read_ann(text: str) -> list[Attribution]:
    """The attributions of one brat ``.ann`` file (``E`` rows with their ``T`` spans)."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = (label, _pieces(offsets))
            except ValueError:
                continue
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) >= 2:
                events.append(parts[1].split())
    result = []
    for args in events:
        roles: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
        for arg in args:
            role, _, ref = arg.partition(":")
            role = role.rstrip("0123456789").lower()
            if role in roles and ref in spans:
                roles[role].extend(spans[ref][1])
        if roles["content"] or roles["cue"]:
            result.append(Attribution(*(tuple(sorted(roles[r])) for r in ROLES)))
    return result


def read_split(root: Path, split: str, limit: int | None = None) -> Iterator[Document]:
    """Each article of a split (``train``, ``dev``) with every annotator's attributions."""
    text_dir = root / split / "text"
    ann_dir = root / split / "attributions"
    names = sorted(p.stem for p in text_dir.glob("*.txt"))
    for count, name in enumerate(names):
        if limit is not None and count >= limit:
            return
        anns = sorted(ann_dir.glob(f"{name}_*.ann"))
        if not anns:
            continue
        text = (text_dir / f"{name}.txt").read_text(encoding="utf-8")
        yield Document(name, text, [read_ann(a.read_text(encoding="utf-8")) for a in anns])


def tokens(text: str, pieces: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Start offsets of the word tokens that fall inside the pieces."""
    found = set()
    for start, end in pieces:
        for match in WORD.finditer(text, start, end):
            found.add(match.start())
    return frozenset(found)


def is_direct(text: str, pieces: Iterable[tuple[int, int]]) -> bool:
    """A content span that contains a double quotation mark (or is enclosed by one)."""
    pieces = list(pieces)
    if not pieces:
        return False
    start, end = min(s for s, _ in pieces), max(e for _, e in pieces)
    inner = any(QUOTE_MARK.search(text, s, e) for s, e in pieces)
    before = QUOTE_MARK.search(text[max(0, start - 2):start])
    after = QUOTE_MARK.match(text, end)
    return inner or bool(before and before.end() == min(2, start)) or bool(after)


@dataclass
class Counts:
    """True positives and totals for one role under one matching rule (weighted: an article
    scored against several annotators adds each annotator's counts times ``1 / annotators``)."""

    tp: float = 0.0
    predicted: float = 0.0
    gold: float = 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def overlaps(a: frozenset[int], b: frozenset[int]) -> bool:
    """Shared tokens are at least half of each span."""
    if not a or not b:
        return False
    shared = len(a & b)
    return 2 * shared >= len(a) and 2 * shared >= len(b)


def pair(pred: list[frozenset[int]], gold: list[frozenset[int]], exact: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) that match, largest shared count first."""
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if (p == g and p) if exact else overlaps(p, g):
                candidates.append((-len(p & g), i, j))
    candidates.sort()
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


@dataclass
class Score:
    """Span counts per role and rule, attribution counts, and speaker agreement."""

    spans: dict[tuple[str, str], Counts] = field(
        default_factory=lambda: {(r, m): Counts() for r in ROLES for m in ("exact", "overlap")})
    attribution: Counts = field(default_factory=Counts)
    speaker_matched: float = 0.0
    speaker_correct: float = 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.speaker_matched if self.speaker_matched else 0.0


def score_document(
    text: str, gold: list[Attribution], pred: list[Attribution], score: Score, weight: float = 1.0
) -> None:
    """Add one document's counts, times ``weight``, to ``score``.

    Span roles are scored independently (every span of that role in the document). An
    attribution is correct when its content overlaps a gold content and its source overlaps
    that attribution's gold source (or both have none); speaker accuracy is the share of
    content-matched predictions whose source matches.
    """
    for role in ROLES:
        p_spans = [tokens(text, getattr(a, role)) for a in pred]
        g_spans = [tokens(text, getattr(a, role)) for a in gold]
        p_spans = list({s for s in p_spans if s})
        g_spans = list({s for s in g_spans if s})
        for rule in ("exact", "overlap"):
            counts = score.spans[(role, rule)]
            counts.tp += weight * len(pair(p_spans, g_spans, rule == "exact"))
            counts.predicted += weight * len(p_spans)
            counts.gold += weight * len(g_spans)
    p_content = [tokens(text, a.content) for a in pred]
    g_content = [tokens(text, a.content) for a in gold]
    pairs = pair(p_content, g_content, exact=False)
    correct = 0
    for i, j in pairs:
        p_source, g_source = tokens(text, pred[i].source), tokens(text, gold[j].source)
        same = overlaps(p_source, g_source) or (not p_source and not g_source)
        correct += same
    score.attribution.tp += weight * correct
    score.attribution.predicted += weight * sum(1 for c in p_content if c)
    score.attribution.gold += weight * sum(1 for c in g_content if c)
    score.speaker_matched += weight * len(pairs)
    score.speaker_correct += weight * correct
