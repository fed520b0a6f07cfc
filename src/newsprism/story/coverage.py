"""The coverage matrix: which outlet carries which of the story's quotations, posts and events.

Rows are the story's posts (a quotation of a post shares its row), its other quotations and
its events; columns are outlets (all articles of an outlet together). A cell is ``present``
when the item has evidence in the outlet's articles, ``paraphrased`` when an article reports
it in other words (a sentence of narration that shares most of the item's content words and
names its speaker), else ``absent``.

Syndicated copies count once: outlets whose articles are near-duplicate copies of each other
(the ``duplicates`` groups of story clustering) form one unit in every count — how many report
an item, what only one reports, what one omits that most others report.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import accumulate, chain
from collections.abc import Iterable, Sequence

import numpy as np

from newsprism.extract.narration import Narration, merge, quoted_ranges
from newsprism.model import Article, Coverage, CoverageCell, CoverageColumn, CoverageRow, Person, Span
from newsprism.options import CoverageOptions, Options
from newsprism.stages import StoryInput, story_stage
from newsprism.story.framing import POST_TEXT_ROLES, outlet
from newsprism.story.partition import Partition
from newsprism.story.wording import FUNCTION_WORDS

WORD = re.compile(r"[^\W\d_]{3,}")
POST_CARRY_ROLES = (*POST_TEXT_ROLES, "attribution", "url")


@story_stage("coverage", after=("quotes", "posts", "events", "people", "duplicates"))
def coverage_matrix(story: StoryInput, options: Options) -> Coverage:
    """The story's coverage matrix."""
    narrations = {a.id: n for a, n in story.document_results("narration") if n is not None}
    return build_coverage(
        story.articles,
        story.results.get("quotes", ()) or (),
        story.results.get("posts", ()) or (),
        story.results.get("events", ()) or (),
        duplicate_groups(story.results.get("duplicates")),
        options.compare.coverage,
        story.results.get("people", ()) or (),
        narrations,
    )


def duplicate_groups(value) -> list[tuple[str, ...]]:
    """Groups of near-duplicate article ids: from records with ``original_id`` and
    ``copy_ids`` (story clustering's duplicate groups), with ``article_ids``, or plain lists."""
    groups = []
    for group in value or ():
        if hasattr(group, "original_id") and hasattr(group, "copy_ids"):
            group = (group.original_id, *group.copy_ids)
        ids = getattr(group, "article_ids", group)
        if isinstance(ids, (list, tuple)) and all(isinstance(i, str) for i in ids) and len(ids) > 1:
            groups.append(tuple(ids))
    return groups


def build_coverage(
    articles: Sequence[Article],
    quotes: Sequence,
    posts: Sequence,
    events: Sequence,
    duplicates: Iterable[Sequence[str]],
    options: CoverageOptions,
    people: Sequence[Person] = (),
    narrations: dict[str, Narration] | None = None,
) -> Coverage:
    """Rows per item, one column per outlet, syndicated copies joined into one unit."""
    columns: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        columns[outlet(article)].append(article)
    unit_of = _units(columns, duplicates)
    names = {p.id: p for p in people}
    index = SentenceIndex(columns, narrations or {})
    column_of = {a.id: name for name, members in columns.items() for a in members}
    # Most cells of a large story are absent: one (immutable) cell per column serves them all.
    absent = {name: CoverageCell(name, "absent") for name in columns}
    rows = []
    for kind, item_id, label, spans, speaker in _items(quotes, posts, events):
        found: dict[str, list[Span]] = defaultdict(list)
        for span in spans:
            if span.article_id in column_of:
                found[column_of[span.article_id]].append(span)
        missing = [name for name in columns if name not in found]
        paraphrases = {}
        if kind != "event" and missing:
            paraphrases = index.paraphrases(_content(label), names.get(speaker), options, missing)
        cells = []
        for name in columns:
            if name in found:
                cells.append(CoverageCell(name, "present", tuple(found[name])))
            elif name in paraphrases:
                cells.append(CoverageCell(name, "paraphrased", (paraphrases[name],)))
            else:
                cells.append(absent[name])
        reported = {unit_of[c.column] for c in cells if c.status != "absent"}
        rows.append(CoverageRow(kind, item_id, _short(label), tuple(cells), len(reported)))
    return Coverage(_columns(columns, unit_of, rows, options), tuple(rows))


def _items(quotes, posts, events):
    """(kind, id, text, spans, speaker) per row: posts with their quotations, other
    quotations, events."""
    of_post: dict[str, list[Span]] = defaultdict(list)
    for quote in quotes:
        if getattr(quote, "post_id", None):
            of_post[quote.post_id] += [s for s in quote.evidence if s.role == "content"]
    for post in posts:
        # A post shown without words (a picture) is still carried: its attribution or link is.
        spans = [s for s in post.evidence if s.role in POST_CARRY_ROLES] + of_post.get(post.id, [])
        label = post.text or f"(a post without text by {getattr(post, 'handle', None) or 'an unknown account'})"
        yield "post", post.id, label, spans, getattr(post, "author_id", None)
    for quote in quotes:
        if not getattr(quote, "post_id", None):
            yield "quote", quote.id, quote.text, [s for s in quote.evidence if s.role == "content"], quote.speaker_id
    for event in events:
        yield "event", event.id, event.description, list(event.evidence), None


def _units(columns: dict[str, list[Article]], duplicates) -> dict[str, str]:
    """Each column's unit: columns joined through near-duplicate articles share one."""
    partition = Partition(columns)
    column_of = {a.id: name for name, members in columns.items() for a in members}
    for group in duplicates:
        names = sorted({column_of[i] for i in group if i in column_of})
        for other in names[1:]:
            partition.union(names[0], other)
    return {name: partition.find(name) for name in columns}


def _columns(columns, unit_of, rows: list[CoverageRow], options: CoverageOptions) -> tuple[CoverageColumn, ...]:
    units = set(unit_of.values())
    # which units report each row does not depend on the column asking
    reporting_units = [{unit_of[c.column] for c in row.cells if c.status != "absent"} for row in rows]
    # one key string per row, shared by every column that lists the row
    keys = [f"{row.item_kind}:{row.item_id}" for row in rows]
    # the rows each unit alone reports, and those reported by more than the omission share of
    # the other units, read once for all columns (not once per column: rows x columns)
    others = len(units) - 1
    alone: dict[str, list[str]] = defaultdict(list)
    widely: list[tuple[str, set[str]]] = []
    for key, reporting in zip(keys, reporting_units):
        if others and len(reporting) == 1:
            alone[next(iter(reporting))].append(key)
        if others and len(reporting) / others > options.omission_share:
            widely.append((key, reporting))
    result = []
    for name, members in columns.items():
        unit = unit_of[name]
        exclusive = alone.get(unit, [])
        omitted = [key for key, reporting in widely if unit not in reporting]
        copies = tuple(sorted(n for n, u in unit_of.items() if u == unit and n != name))
        result.append(CoverageColumn(name, tuple(a.id for a in members), copies, tuple(exclusive), tuple(omitted)))
    return tuple(result)


class SentenceIndex:
    """The narration sentences of a story's columns with one inverted index of their content
    words, so finding an item's paraphrases reads only the sentences that share a word with it
    instead of comparing the item with every sentence of every column (items x columns x
    sentences per story).

    The postings of all words lie in one array (each word's sentence numbers at a slice of
    it), so an item's shared-word counts are one C pass over its words' slices."""

    def __init__(self, columns: dict[str, Sequence[Article]], narrations: dict[str, Narration]) -> None:
        self._sentences: list[tuple[str, Article, int, int, str]] = []
        self._numbers = np.empty(0, dtype=np.intp)
        self._slices: dict[str, slice] = {}
        self._built = False
        self._columns, self._narrations = columns, narrations

    def _build(self) -> None:
        # Built on first use: a story whose outlets all quote every item never needs it.
        postings: dict[str, list[int]] = defaultdict(list)
        for name, members in self._columns.items():
            for article in members:
                for start, end in _sentences(article, self._narrations.get(article.id)):
                    number = len(self._sentences)
                    sentence = article.text[start:end]
                    self._sentences.append((name, article, start, end, sentence))
                    for word in _content(sentence):
                        postings[word].append(number)
        ends = list(accumulate(map(len, postings.values())))
        self._numbers = np.fromiter(chain.from_iterable(postings.values()), dtype=np.intp)
        self._slices = {word: slice(end - len(numbers), end) for (word, numbers), end in zip(postings.items(), ends)}
        self._built = True

    def paraphrases(self, wanted: set[str], speaker: Person | None, options: CoverageOptions,
                    columns: Iterable[str] | None = None) -> dict[str, Span]:
        """Per column (of ``columns``, default all), the sentence that reports an item with
        content words ``wanted`` in other words: it shares at least ``paraphrase_min_words``
        and a ``paraphrase_overlap`` share of them and names the ``speaker`` (when known); the
        highest share wins, the first in the column on a tie. Columns without one are left out."""
        if len(wanted) < options.paraphrase_min_words:
            return {}
        if not self._built:
            self._build()
        # A sentence passes both tests when it shares at least ``need`` of the words.
        need = max(options.paraphrase_min_words, _least_share(len(wanted), options.paraphrase_overlap))
        if need > len(wanted):
            return {}
        # How many of the words each sentence shares, counted over the words' postings in one
        # C pass: the Python loop below then reads only the sentences that pass (a handful),
        # not every sentence holding one rare word (tens per item).
        numbers, slices = self._numbers, self._slices
        held = [numbers[slices[w]] for w in wanted if w in slices]
        shared = np.bincount(np.concatenate(held) if held else numbers[:0], minlength=len(self._sentences))
        asked = set(self._columns if columns is None else columns)
        best: dict[str, tuple[float, Span]] = {}
        for number in np.flatnonzero(shared >= need).tolist():
            name, article, start, end, sentence = self._sentences[number]
            if name not in asked:
                continue
            share = int(shared[number]) / len(wanted)
            if name in best and share <= best[name][0]:
                continue
            if speaker is not None and not _names(sentence, speaker):
                continue
            best[name] = (share, Span(article.id, start, end, sentence, "paraphrase"))
        return {name: span for name, (_, span) in best.items()}


@lru_cache(maxsize=1024)
def _least_share(size: int, overlap: float) -> int:
    """The fewest of ``size`` words whose share (as computed by the test) reaches ``overlap``."""
    return next((count for count in range(size + 1) if count / size >= overlap), size + 1)


def _sentences(article: Article, narration: Narration | None) -> list[tuple[int, int]]:
    """Sentences of the article that are not inside a quotation."""
    if narration is not None:
        return [(s.start, s.end) for s in narration.sentences if s.pieces]
    quoted = merge(list(quoted_ranges(article.text)))
    ranges = [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", article.text)]
    return [(s, e) for s, e in ranges if not any(a <= s and e <= b for a, b in quoted)]


def _names(sentence: str, person: Person) -> bool:
    words = {w for form in (person.name, *person.aliases) for w in form.split() if len(w) > 2}
    return any(re.search(rf"\b{re.escape(w)}\b", sentence) for w in words) or bool(
        re.search(r"\b(?:he|she|his|her)\b", sentence, re.I)
    )


def _content(text: str) -> set[str]:
    """Content words in a crude stemmed form, so "talked" meets "talk"."""
    return {_stem(w) for w in WORD.findall(text.lower()) if w not in FUNCTION_WORDS}


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
