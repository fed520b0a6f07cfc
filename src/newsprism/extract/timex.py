"""The ``timexes`` stage: temporal expressions of an article, normalized against its DCT.

Recognition (:mod:`newsprism.extract.timex_patterns`) finds candidate extents on the text;
the parse removes candidates that are not times ("May" the modal verb, "Friday" inside a
name, a number counting things) and gives the tense of the governing verb; normalization
(:mod:`newsprism.extract.timex_normalize`) turns each expression into a TIMEX3 value. Each
:class:`~newsprism.model.TimeRef` says which DCT it was resolved against and whether that
publication date was given or estimated, so a value built on an estimate says so.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from newsprism.extract.tense import governing_tense
from newsprism.extract.timex_normalize import Context, normalize
from newsprism.extract.timex_patterns import MONTHS, WEEKDAYS, Candidate, find_candidates
from newsprism.model import GIVEN, Article, Span, TimeRef
from newsprism.stages import document_stage

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Entity labels under which a weekday or month name is part of a name, not a date.
_NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT", "NORP"})
_COUNT_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
# "in 1980 to more than 300,000": after these a four-digit number is a year even in a range
_YEAR_PREPOSITIONS = frozenset({"in", "since", "during", "until", "before", "after", "by"})
_ABSOLUTE = "absolute"
POST = "post"
# The text form of an embedded post ends "— Display Name (@handle) Month D, YYYY": a search
# ending at a date's start finds the attribution just before it.
POST_ATTRIBUTION = re.compile(r"\(@\w{1,30}\)\s*$")
_EMBED_DATE = re.compile(
    r"[—–-]\s*[^\n—–]{0,80}\(@\w{1,30}\)\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})")


def parse_dct(value: str | None) -> tuple[date | None, str | None]:
    """The DCT's date and its time (``HH:MM``) from an ISO date or datetime string."""
    if not value:
        return None, None
    match = re.match(r"(\d{4})-(\d\d)(?:-(\d\d))?(?:[T ](\d\d:\d\d))?", value)
    if not match:
        return None, None
    day = int(match.group(3) or 1)
    return date(int(match.group(1)), int(match.group(2)), day), match.group(4)


def find_timexes(text: str, dct: str | None, doc: Doc | None = None, *,
                 dct_precision: str | None = "day", dct_provenance: str | None = GIVEN,
                 article_id: str = "") -> list[TimeRef]:
    """Temporal expressions of ``text`` with TIMEX3 types and values.

    Args:
        text: the text (the same the ``doc`` was parsed from, when given).
        dct: the document creation time, ISO date or datetime, or None.
        doc: the spaCy parse of ``text``; without it no candidate is filtered by the parse and
            no tense is known (weekdays then look back, months and dates take the nearest).
        dct_precision: ``datetime``, ``day``, ``month`` or ``year``: how precisely the DCT is
            known; expressions finer than that get no value (the DCT cannot place them).
        dct_provenance: ``given`` or ``estimated``.
        article_id: the id the spans carry.

    Returns:
        The expressions in text order.
    """
    dct_date, dct_time = parse_dct(dct)
    coarse = dct_precision in ("month", "year")
    context = Context(dct_date, dct_time)
    posts = embedded_post_dates(text)
    refs: list[TimeRef] = []
    for candidate in find_candidates(text):
        if _title(text, candidate) or (doc is not None and not _plausible(doc, candidate)):
            continue
        before = text[max(0, candidate.start - 40):candidate.start]
        tense = governing_tense(doc, candidate.start, candidate.end, before) \
            if doc is not None else None
        post_date = next((d for start, end, d in posts if start <= candidate.start < end), None)
        if post_date is not None:
            # inside an embedded post, "two days ago" counts from the post's date
            resolution = normalize(candidate, Context(post_date), tense, before)
            anchor, provenance = post_date.isoformat(), POST
        else:
            resolution = normalize(candidate, context, tense, before)
            anchor, provenance = dct, dct_provenance
        if resolution is None:
            continue
        value = resolution.value
        if resolution.relative and coarse and value and _finer_than(value, dct_precision) \
                and post_date is None:
            value = None
        refs.append(TimeRef(
            text=candidate.text,
            type=resolution.type,
            value=value,
            span=Span(article_id, candidate.start, candidate.end, candidate.text),
            precision=precision_of(value, resolution.type),
            mod=resolution.mod,
            anchor=anchor if resolution.relative and anchor else None,
            provenance=(provenance if resolution.relative else _ABSOLUTE) if value else None,
        ))
    return refs


def embedded_post_dates(text: str) -> list[tuple[int, int, date]]:
    """Paragraphs that are embedded posts in text form, with the date each was posted.

    Returns (start, end, date) for the post's text: from the paragraph start to the
    attribution dash.
    """
    found = []
    if "(@" not in text:
        return found  # no attribution: most texts (the search tried at every dash)
    for match in _EMBED_DATE.finditer(text):
        try:
            posted = datetime.strptime(match.group("date").replace(".", ""), "%B %d, %Y").date()
        except ValueError:
            try:
                posted = datetime.strptime(match.group("date").replace(".", ""), "%b %d, %Y").date()
            except ValueError:
                continue
        start = text.rfind("\n", 0, match.start()) + 1
        found.append((start, match.start(), posted))
    return found


def precision_of(value: str | None, kind: str) -> str | None:
    """How precise a TIMEX3 value is: ``time``, ``day``, ``week``, ``month``, ``quarter``,
    ``season``, ``year``, ``decade``, ``century`` (None for durations and references)."""
    if not value or kind in ("DURATION", "SET") or value.endswith("_REF"):
        return None
    if "T" in value:
        return "time"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    if "-W" in value:
        return "week"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if "-Q" in value or "-H" in value:
        return "quarter"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{3}", value):
        return "decade"
    if re.fullmatch(r"\d{2}", value):
        return "century"
    return None


def _finer_than(value: str, dct_precision: str) -> bool:
    precision = precision_of(value, "DATE")
    order = ["century", "decade", "year", "season", "quarter", "month", "week", "day", "time"]
    if precision not in order:
        return False
    limit = "month" if dct_precision == "month" else "year"
    return order.index(precision) > order.index(limit)


def _plausible(doc: Doc, candidate: Candidate) -> bool:
    """False for candidates the parse shows are not times."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    first = span[0]
    if candidate.rule == "month" and len(span) == 1:
        if first.tag_ == "MD" or (first.pos_ == "VERB" and first.lower_ in ("march", "may")):
            return False
        if first.ent_type_ in _NAME_LABELS and not _entity_is_date(first):
            return False
    if candidate.rule == "weekday" and len(span) == 1 and (
            any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in first.children)
            or (first.dep_ == "compound" and first.head.pos_ == "PROPN")):
        return False  # part of a name: "Joe Friday", "Friday Night Lights"
    if candidate.rule in ("weekday", "month", "holiday") and first.ent_type_ in _NAME_LABELS:
        entity = next((e for e in doc.ents if e.start <= first.i < e.end), None)
        if entity is not None and len(entity) > len(span):
            return False
    if candidate.rule == "year":
        token = next((t for t in span if t.like_num), first)
        if token.ent_type_ in _COUNT_LABELS:
            return False
        previous = doc[token.i - 1] if token.i > 0 else None
        # "the 1992 protests", "its 1989 results" name a year; "sold 1990 shares" counts
        determined = previous is not None and previous.tag_ in ("DT", "PRP$", "POS")
        if token.dep_ == "nummod" and token.head.tag_ in ("NNS", "NNPS") and not determined \
                and token.head.i > token.i and not _is_time_noun(token.head):
            return False
        following = token.nbor(1) if token.i + 1 < len(doc) else None
        after_preposition = previous is not None and previous.lower_ in _YEAR_PREPOSITIONS
        if following is not None and following.lower_ in ("%", "percent", "to", "-") \
                and not after_preposition and not candidate.text.lower().startswith("fiscal"):
            return following.lower_ == "to" and following.i + 1 < len(doc) and \
                following.nbor(1).like_num and len(following.nbor(1).text) == 4
    if candidate.rule == "duration" and candidate.text.lower() in ("a second", "a minute"):
        following = span[-1].nbor(1) if span[-1].i + 1 < len(doc) else None
        if following is not None and following.pos_ in ("NOUN", "ADJ", "PROPN"):
            return False
    return True


_QUOTE_BEFORE = re.compile(r"(?:``|[\"“‘'])((?:[A-Z][\w'’.]*\s+)*)$")
_NAMES = {w.lower() for w in (*MONTHS, *WEEKDAYS)}


def _title(text: str, candidate: Candidate) -> bool:
    """Whether the expression is part of a quoted title (ABC's "This Week", CBS's
    "60 Minutes", "High Noon"): after an opening quote, its last word capitalised although
    it is no name, and not the quotation's first word alone ("Now we see ...")."""
    quote = _QUOTE_BEFORE.search(text, max(0, candidate.start - 40), candidate.start)
    if quote is None:
        return False
    words = candidate.text.split()
    last = words[-1].strip(".,")
    titled = last[:1].isupper() and last.lower() not in _NAMES
    return titled and (len(words) > 1 or bool(quote.group(1)))


def _entity_is_date(token) -> bool:
    return token.ent_type_ in ("DATE", "TIME")


def _is_time_noun(token) -> bool:
    return token.lemma_.lower() in ("year", "season", "election", "budget", "levels", "prices")


@document_stage("timexes", export=True)
def extract_timexes(doc: Doc, article: Article, results, options) -> list[TimeRef]:
    """The article's temporal expressions, normalized against its publication date."""
    return find_timexes(
        article.text, article.published, doc,
        dct_precision=article.published_precision or ("day" if article.published else None),
        dct_provenance=article.published_provenance or GIVEN,
        article_id=article.id,
    )
