"""Quote fidelity: how each outlet's wording of a quotation departs from the original.

Every wording is aligned word by word against a reference wording (the post itself when the
quotation is a post, else the fullest wording) and each difference is classified, from the
harmless to the serious: typography, capitalisation, punctuation, spelling correction,
regional spelling, truncation, omission, insertion, splice, paraphrase, meaning change. Each
difference points at the words in both texts, so a reader can see it.

Alignment runs on keys that ignore case, apostrophes and regional spelling (see
:mod:`newsprism.story.wording`), so that "Colour" lines up with "color" and the surface
comparison afterwards says what kind of difference it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from newsprism.model import Difference, Fidelity, Span, WordingFidelity
from newsprism.options import FidelityOptions
from newsprism.story.wording import (
    FUNCTION_WORDS,
    Token,
    is_negation,
    letters,
    number_value,
    regional_pair,
    spelling_relation,
    tokenize,
    typographic,
)

# From the harmless to the serious: a wording's verdict is its most serious difference.
SEVERITY = (
    "identical", "typography", "capitalisation", "punctuation", "spelling", "regional_spelling",
    "truncation", "omission", "insertion", "splice", "paraphrase", "meaning_change",
)
# Differences that leave the quoted words as they were said.
COSMETIC = frozenset({"identical", "typography"})
SENTENCE_END = frozenset(".!?")


@dataclass(frozen=True)
class Wording:
    """One article's wording of a quotation: its quoted fragments, in reading order.

    ``primary`` marks the post itself (the embedded post's text); ``published`` is the
    article's publication date, used to break ties between equally full wordings.
    """

    article_id: str
    segments: tuple[Span, ...]
    primary: bool = False
    published: str | None = None

    def tokens(self) -> list[Token]:
        found: list[Token] = []
        for index, span in enumerate(self.segments):
            found += tokenize(span.text, span.start, index)
        return found

    @property
    def text(self) -> str:
        return " ".join(span.text for span in self.segments)


def choose_reference(wordings: Sequence[Wording]) -> tuple[Wording, str]:
    """The wording others are compared with, and how it was chosen.

    The post itself wins (``post``); otherwise the fullest wording (``fullest``), since
    partial quotes are cut from the full form; the earliest article breaks ties.
    """
    primaries = [w for w in wordings if w.primary]
    pool, how = (primaries, "post") if primaries else (list(wordings), "fullest")
    best = min(
        pool,
        key=lambda w: (-sum(t.kind == "word" for t in w.tokens()), w.published or "9999", w.article_id),
    )
    return best, how


def compare_wordings(
    reference: Wording,
    variant: Wording,
    options: FidelityOptions | None = None,
    others: Sequence[str] = (),
) -> WordingFidelity:
    """Align ``variant`` against ``reference`` and classify every difference.

    Args:
        reference: the wording taken as the original.
        variant: the wording to check.
        options: thresholds (defaults when None).
        others: texts of other posts by the same author; words of the variant found there
            but not in the reference mark a splice of two sources.
    """
    options = options or FidelityOptions()
    aligner = _Aligner(reference, variant, options, others)
    # Words taken from another post of the author are a splice, not words of this one.
    own = len(aligner.var) - aligner.spliced
    verbatim = min(1.0, aligner.matched / own) if own > 0 else 1.0
    var = aligner.var
    evidence = tuple(_role(span, "variant") for span in variant.segments)

    if len(var) >= options.paraphrase_min_words and verbatim < options.paraphrase_max_verbatim:
        difference = Difference(
            kind="paraphrase",
            detail=f"only {aligner.matched} of {len(var)} words found in the reference",
            reference_text=reference.text,
            variant_text=variant.text,
            evidence=tuple(_role(s, "reference") for s in reference.segments) + evidence,
        )
        return WordingFidelity(variant.article_id, "paraphrase", round(verbatim, 3), evidence, (difference,))

    differences = aligner.run()
    verdict = max((d.kind for d in differences), key=SEVERITY.index, default="identical")
    return WordingFidelity(variant.article_id, verdict, round(verbatim, 3), evidence, tuple(differences))


def fidelity_of(
    item_kind: str,
    item_id: str,
    wordings: Sequence[Wording],
    options: FidelityOptions | None = None,
    others: Sequence[str] = (),
) -> Fidelity | None:
    """Compare every wording of one quotation or post with its reference; None when there
    are fewer wordings than ``options.min_wordings``."""
    options = options or FidelityOptions()
    if len(wordings) < max(2, options.min_wordings):
        return None
    reference, how = choose_reference(wordings)
    compared = tuple(
        compare_wordings(reference, wording, options, others)
        for wording in wordings
        if wording is not reference
    )
    return Fidelity(
        item_kind=item_kind,
        item_id=item_id,
        reference_kind=how,
        reference=tuple(_role(s, "reference") for s in reference.segments),
        wordings=compared,
    )


def _role(span: Span, role: str) -> Span:
    return Span(span.article_id, span.start, span.end, span.text, role)


class _Aligner:
    """Turns the opcodes of one alignment into classified differences."""

    def __init__(self, reference: Wording, variant: Wording, options: FidelityOptions, others):
        self.reference, self.variant = reference, variant
        self.ref_all, self.var_all = reference.tokens(), variant.tokens()
        self.ref = [t for t in self.ref_all if t.kind == "word"]
        self.var = [t for t in self.var_all if t.kind == "word"]
        matcher = SequenceMatcher(None, [t.key for t in self.ref], [t.key for t in self.var], autojunk=False)
        self.opcodes = matcher.get_opcodes()
        self.options = options
        self.others = [typographic(o).casefold() for o in others]
        self.differences: list[Difference] = []
        equal = [k for k, op in enumerate(self.opcodes) if op[0] == "equal"]
        self.first_equal = equal[0] if equal else len(self.opcodes)
        self.last_equal = equal[-1] if equal else -1
        self.moved, moved_words = self._moved_blocks()
        # Words in order, plus words moved as a block: both are verbatim.
        self.matched = sum(i2 - i1 for tag, i1, i2, _, _ in self.opcodes if tag == "equal") + moved_words
        self.spliced = sum(
            j2 - j1 for tag, _, _, j1, j2 in self.opcodes
            if tag == "insert" and j2 - j1 >= 3 and self._from_other_source(self._var_text(j1, j2))
        )

    def run(self) -> list[Difference]:
        moved = self.moved
        for k, (tag, i1, i2, j1, j2) in enumerate(self.opcodes):
            if k in moved:
                continue
            if tag == "equal":
                self._equal(i1, i2, j1, j2)
            elif tag == "replace":
                self._replace(i1, i2, j1, j2)
            elif tag == "delete":
                self._delete(k, i1, i2, j1)
            elif tag == "insert":
                self._insert(k, i1, j1, j2)
        for k in sorted(moved):
            tag, i1, i2, j1, j2 = self.opcodes[k]
            if tag == "delete":
                self._add("splice", "reordered", f"moved: “{self._ref_text(i1, i2)}”",
                          (i1, i2), None)
            else:
                self._add("splice", "reordered", f"moved here: “{self._var_text(j1, j2)}”",
                          None, (j1, j2))
        return sorted(self.differences, key=_position)

    # --- opcode handlers -------------------------------------------------------------------

    def _equal(self, i1: int, i2: int, j1: int, j2: int) -> None:
        for offset in range(i2 - i1):
            r, v = self.ref[i1 + offset], self.var[j1 + offset]
            self._same_word(r, v, i1 + offset, j1 + offset)
            if offset + 1 < i2 - i1:
                self._marks_between(i1 + offset, j1 + offset)

    def _same_word(self, r: Token, v: Token, i: int, j: int) -> None:
        if r.text == v.text:
            return
        if typographic(r.text) == typographic(v.text):
            self._add("typography", None, f"“{r.text}” -> “{v.text}”", (i, i + 1), (j, j + 1))
        elif regional_pair(letters(r.text), letters(v.text)):
            self._add("regional_spelling", None, f"“{r.text}” -> “{v.text}”", (i, i + 1), (j, j + 1))
        elif typographic(r.text).casefold() != typographic(v.text).casefold():
            relation = spelling_relation(r.text, v.text) or "apostrophe"
            self._add("spelling", relation, f"“{r.text}” -> “{v.text}”", (i, i + 1), (j, j + 1))
        else:
            self._add("capitalisation", None, f"“{r.text}” -> “{v.text}”", (i, i + 1), (j, j + 1))

    def _marks_between(self, i: int, j: int) -> None:
        """Punctuation between two aligned word pairs (not across a break in the wording)."""
        v_left, v_right = self.var[j], self.var[j + 1]
        if v_left.segment != v_right.segment:
            return
        r_marks = _marks(self.ref_all, self.ref[i], self.ref[i + 1])
        v_marks = _marks(self.var_all, v_left, v_right)
        r_text, v_text = "".join(t.text for t in r_marks), "".join(t.text for t in v_marks)
        if r_text == v_text:
            return
        kind = "typography" if typographic(r_text) == typographic(v_text) else "punctuation"
        detail = f"“{r_text or '(none)'}” -> “{v_text or '(none)'}” after “{v_left.text}”"
        self.differences.append(Difference(
            kind=kind,
            detail=detail,
            reference_text=r_text,
            variant_text=v_text,
            evidence=_spans(r_marks, self.reference, "reference") + _spans(v_marks, self.variant, "variant"),
        ))

    def _replace(self, i1: int, i2: int, j1: int, j2: int) -> None:
        if i2 - i1 == j2 - j1:
            run: list[tuple[str, str | None, int, int]] = []
            for offset in range(i2 - i1):
                kind, subtype = self._word_change(self.ref[i1 + offset].text, self.var[j1 + offset].text)
                run.append((kind, subtype, i1 + offset, j1 + offset))
            self._merge_runs(run)
            return
        r_words = [t.text for t in self.ref[i1:i2]]
        v_words = [t.text for t in self.var[j1:j2]]
        if letters("".join(r_words)) == letters("".join(v_words)):
            kind, subtype = "spelling", "spacing"
        else:
            kind, subtype = _meaning(r_words, v_words)
        self._add(kind, subtype, f"“{' '.join(r_words)}” -> “{' '.join(v_words)}”", (i1, i2), (j1, j2))

    def _word_change(self, r: str, v: str) -> tuple[str, str | None]:
        relation = spelling_relation(r, v)
        if relation is not None:
            return "spelling", relation
        return _meaning([r], [v])

    def _merge_runs(self, run: list[tuple[str, str | None, int, int]]) -> None:
        """One difference per run of neighbouring word changes of the same kind (spelling
        fixes stay one per word, so each can be seen)."""
        k = 0
        while k < len(run):
            kind, subtype, i, j = run[k]
            end = k + 1
            while kind == "meaning_change" and end < len(run) and run[end][:2] == (kind, subtype):
                end += 1
            i_end, j_end = run[end - 1][2] + 1, run[end - 1][3] + 1
            self._add(kind, subtype, f"“{self._ref_text(i, i_end)}” -> “{self._var_text(j, j_end)}”",
                      (i, i_end), (j, j_end))
            k = end

    def _delete(self, k: int, i1: int, i2: int, j: int) -> None:
        dropped = self._ref_text(i1, i2)
        words = [t.text for t in self.ref[i1:i2]]
        if k < self.first_equal:
            self._add("truncation", "start", f"leaves out the beginning: “{dropped}”", (i1, i2), None, "dropped")
        elif k > self.last_equal:
            self._add("truncation", "end", f"leaves out the end: “{dropped}”", (i1, i2), None, "dropped")
        elif self.var[j - 1].segment != self.var[j].segment:
            self._add("truncation", "fragments", f"quoted in fragments, between them: “{dropped}”",
                      (i1, i2), None, "dropped")
        elif any(t.kind == "ellipsis" for t in _marks(self.var_all, self.var[j - 1], self.var[j])):
            self._add("omission", "marked", f"cut marked with an ellipsis: “{dropped}”", (i1, i2), None, "dropped")
        elif any(is_negation(w) for w in words):
            self._add("meaning_change", "negation", f"negation dropped: “{dropped}”", (i1, i2), None, "dropped")
        elif any(number_value(w) is not None for w in words):
            self._add("meaning_change", "number", f"number dropped: “{dropped}”", (i1, i2), None, "dropped")
        elif len(words) >= self.options.splice_min_words or self._crosses_sentence(i1, i2):
            self._add("splice", "unmarked-cut", f"joined across an unmarked cut of “{dropped}”",
                      (i1, i2), None, "dropped")
        else:
            self._add("omission", "unmarked", f"words left out: “{dropped}”", (i1, i2), None, "dropped")

    def _insert(self, k: int, i: int, j1: int, j2: int) -> None:
        added = self._var_text(j1, j2)
        words = [t.text for t in self.var[j1:j2]]
        if self._bracketed(j1, j2):
            self._add("insertion", "bracketed", f"editorial insertion: “{added}”", None, (j1, j2), "inserted")
        elif len(words) >= 3 and self._from_other_source(added):
            self._add("splice", "sources", f"joined with words from another post: “{added}”",
                      None, (j1, j2), "inserted")
        elif any(is_negation(w) for w in words):
            self._add("meaning_change", "negation", f"negation added: “{added}”", None, (j1, j2), "inserted")
        elif any(number_value(w) is not None for w in words):
            self._add("meaning_change", "number", f"number added: “{added}”", None, (j1, j2), "inserted")
        else:
            where = "start" if k < self.first_equal else "end" if k > self.last_equal else "middle"
            self._add("insertion", where, f"words not in the reference: “{added}”", None, (j1, j2), "inserted")

    # --- helpers ---------------------------------------------------------------------------

    def _moved_blocks(self) -> tuple[set[int], int]:
        """Opcodes of a chunk deleted in one place and inserted in another (a reordering), and
        how many words moved."""
        moved: set[int] = set()
        words = 0
        deletes = [(k, op) for k, op in enumerate(self.opcodes) if op[0] == "delete"]
        inserts = [(k, op) for k, op in enumerate(self.opcodes) if op[0] == "insert"]
        for kd, (_, i1, i2, _, _) in deletes:
            keys = [t.key for t in self.ref[i1:i2]]
            for ki, (_, _, _, j1, j2) in inserts:
                other = [t.key for t in self.var[j1:j2]]
                if ki in moved or min(len(keys), len(other)) < 3:
                    continue
                block = SequenceMatcher(None, keys, other, autojunk=False).find_longest_match()
                # Most of the shorter chunk reappears elsewhere: moved, not dropped and added.
                if block.size >= 3 and block.size * 2 >= min(len(keys), len(other)):
                    moved.update((kd, ki))
                    words += block.size
                    break
        return moved, words

    def _crosses_sentence(self, i1: int, i2: int) -> bool:
        start = self.ref[i1 - 1] if i1 > 0 else self.ref[i1]
        marks = _marks(self.ref_all, start, self.ref[i2 - 1])
        inside = [t for t in self.ref_all if start.start <= t.start < self.ref[i2 - 1].end]
        return any(t.text in SENTENCE_END for t in marks + inside if t.kind != "word")

    def _bracketed(self, j1: int, j2: int) -> bool:
        before = [t for t in self.var_all if t.end <= self.var[j1].start and t.segment == self.var[j1].segment]
        after = [t for t in self.var_all if t.start >= self.var[j2 - 1].end and t.segment == self.var[j1].segment]
        return bool(before and after and before[-1].text in "[(" and after[0].text in "])")

    def _from_other_source(self, text: str) -> bool:
        needle = typographic(text).casefold()
        return any(fuzz.partial_ratio(needle, other) >= self.options.source_match for other in self.others)

    def _ref_text(self, i1: int, i2: int) -> str:
        return " ".join(s.text for s in _spans_between(self.reference, self.ref[i1], self.ref[i2 - 1], ""))

    def _var_text(self, j1: int, j2: int) -> str:
        return " ".join(s.text for s in _spans_between(self.variant, self.var[j1], self.var[j2 - 1], ""))

    def _add(self, kind, subtype, detail, ref_range, var_range, var_role: str | None = None) -> None:
        evidence: tuple[Span, ...] = ()
        ref_text = var_text = ""
        if ref_range is not None:
            i1, i2 = ref_range
            role = "dropped" if var_role == "dropped" else "reference"
            ref_text = self._ref_text(i1, i2)
            evidence += _spans_between(self.reference, self.ref[i1], self.ref[i2 - 1], role)
        if var_range is not None:
            j1, j2 = var_range
            role = "inserted" if var_role == "inserted" else "variant"
            var_text = self._var_text(j1, j2)
            evidence += _spans_between(self.variant, self.var[j1], self.var[j2 - 1], role)
        self.differences.append(Difference(kind, detail, ref_text, var_text, evidence, subtype))


def _meaning(r_words: list[str], v_words: list[str]) -> tuple[str, str]:
    """The kind of change when different words stand in the same place."""
    if sum(map(is_negation, r_words)) % 2 != sum(map(is_negation, v_words)) % 2:
        return "meaning_change", "negation"
    r_numbers = [number_value(w) for w in r_words if number_value(w) is not None]
    v_numbers = [number_value(w) for w in v_words if number_value(w) is not None]
    if (r_numbers or v_numbers) and r_numbers != v_numbers:
        return "meaning_change", "number"
    content = [w for w in r_words + v_words if letters(w) not in FUNCTION_WORDS]
    return "meaning_change", "content" if content else "function-word"


def _marks(tokens: list[Token], left: Token, right: Token) -> list[Token]:
    """Punctuation strictly between two words of the same wording (links left out)."""
    return [t for t in tokens if t.kind in ("punct", "ellipsis") and left.end <= t.start and t.end <= right.start]


def _spans_between(wording: Wording, first: Token, last: Token, role: str) -> tuple[Span, ...]:
    """The text from ``first`` to ``last`` as spans, one per fragment of the wording crossed."""
    spans = []
    for index in range(first.segment, last.segment + 1):
        segment = wording.segments[index]
        start = first.start if index == first.segment else segment.start
        end = last.end if index == last.segment else segment.end
        spans.append(_cut(segment, start, end, role))
    return tuple(spans)


def _spans(parts: list[Token], wording: Wording, role: str) -> tuple[Span, ...]:
    """Each run of neighbouring tokens in ``parts`` as one span."""
    spans: list[Span] = []
    run: list[Token] = []
    for token in parts:
        if run and (token.segment != run[-1].segment or token.start != run[-1].end):
            spans += _spans_between(wording, run[0], run[-1], role)
            run = []
        run.append(token)
    if run:
        spans += _spans_between(wording, run[0], run[-1], role)
    return tuple(spans)


def _cut(segment: Span, start: int, end: int, role: str) -> Span:
    text = segment.text[start - segment.start:end - segment.start]
    return Span(segment.article_id, start, end, text, role or None)


def _position(difference: Difference) -> tuple:
    first = min(difference.evidence, key=lambda s: (s.role not in ("variant", "inserted"), s.start), default=None)
    return (first.start if first else 0,)
