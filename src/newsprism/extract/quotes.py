"""The ``quotes`` stage: every attribution of an article with its cue, speaker and channel.

Quotations are found from their marks (:mod:`newsprism.extract.quotemarks`), attributions
from the parse (:mod:`newsprism.extract.attribution`) and from speaker labels
(:mod:`newsprism.extract.speaker_labels`, ``PENCE: …``); this module puts them together:

0. a quotation inside (or around) a labelled transcript turn is that turn's speaker's;
1. a quotation inside the content of a parsed frame takes that frame ("West said, “…”" is
   direct; "fans feel “betrayed”" inside a longer clause makes the clause a partial quote);
2. otherwise a cue right after it (“…,” West said, “…” ― Name) or right before it (Legend
   continued: “…”) in the same paragraph, or a paragraph ending with a colon just before
   (:mod:`newsprism.extract.quote_cues`); titles in the writer's phrase are skipped;
3. the second part of a quotation broken by its attribution (“…,” West said. “…”) joins the
   first;
4. a paragraph that is only a quotation continues the speaker of the attributed quotation just
   before it (flagged ``continued``);
5. what is left is kept as an unattributed quotation only when it reads as speech (long enough);
   short quoted words without a cue are scare quotes, titles or nicknames and are dropped.

Text inside embedded social posts (the ``posts`` stage's spans when it ran, else paragraphs in
the flattened embed form ``… — Name (@handle) Month D, YYYY``) is a post, not a quotation of the
narration, and is skipped. Records are built in :mod:`newsprism.extract.quote_records`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from newsprism.extract import cues
from newsprism.extract.attribution import QUOTE_MARK_TOKENS, Frame, find_frames
from newsprism.extract.quote_cues import attributed_after, nearby_cue
from newsprism.extract.quote_records import Found, Quotations, build_record
from newsprism.extract.quotemarks import Quoted, find_quoted, find_single_quoted
from newsprism.extract.speaker_labels import label_frames
from newsprism.extract.speakers import ArticlePeople, SpeakerRef
from newsprism.model import Article, Attribution, Mention
from newsprism.options import Options, QuotesOptions
from newsprism.stages import document_stage

if TYPE_CHECKING:
    from spacy.tokens import Doc

# (within one line: the whole text is searched at once, every match ending its line)
EMBED_TAIL = re.compile(
    r"[—–-][^\S\n]*[^\n()]{1,80}\(@\w{1,30}\)[^\S\n]+[A-Z][a-z]+\.? \d{1,2}, \d{4}[^\S\n]*"
    r"(?:https?://\S+[^\S\n]*)?$",
    re.MULTILINE,
)
POST_ROLES = frozenset({"text", "attribution"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


@document_stage("quotes", requires=("mentions",), after=("posts",))
def extract_quotes(doc: Doc, article: Article, results: Mapping[str, Any], options: Options) -> list[Attribution]:
    """Every attribution of one parsed article (see the module docstring for the rules)."""
    return find_attributions(doc, article, results.get("mentions") or [], options.quotes,
                             posts=results.get("posts"))


def find_attributions(
    doc: Doc,
    article: Article,
    mentions: list[Mention],
    options: QuotesOptions | None = None,
    posts: Iterable[Any] | None = None,
) -> list[Attribution]:
    """Attributions of one article, in text order.

    Args:
        doc: the article's parse (of ``article.text``).
        article: the article (offsets refer to its cleaned text).
        mentions: the article's person mentions (the ``mentions`` stage).
        options: thresholds; defaults when None.
        posts: records with ``evidence`` spans of embedded posts to skip, when known.
    """
    options = options or QuotesOptions()
    text = article.text
    skip = _post_ranges(text, article.id, posts)
    quoted, _stray = find_quoted(text)
    quoted += find_single_quoted(text, [q.outer for q in quoted])
    quoted = sorted((q for q in quoted if not _inside(q.outer[0], skip)), key=lambda q: q.outer[0])
    q_tokens = [_token_range(doc, q) for q in quoted]
    labels = [lf for lf in label_frames(doc, text, options.label_min_words, options.label_max_words)
              if not _inside(doc[lf.frame.cue[0]].idx, skip)]
    # A labelled turn is all the speaker's: verbs of saying inside it are the speaker's own.
    turns = [(min(lf.frame.content), max(lf.frame.content) + 1) for lf in labels]
    frames = [
        f for f in find_frames(doc, [r for r in q_tokens if r] + turns, text)
        if f.family in options.families and not _inside(doc[f.cue[0]].idx, skip)
    ] + [lf.frame for lf in labels]
    verbatim = {id(lf.frame) for lf in labels if lf.verbatim}
    found: dict[int, Found] = {}  # by frame id / quote index
    by_frame: dict[int, Found] = {}
    for f in frames:
        by_frame[id(f)] = Found(f, order=f.cue[0], verbatim=id(f) in verbatim)

    by_cue = {f.cue[0]: by_frame[id(f)] for f in frames}
    previous: Found | None = None
    for index, (q, rng) in enumerate(zip(quoted, q_tokens)):
        if not rng or _names_a_work(doc, text, q, rng):
            continue
        turn = next((by_frame[id(lf.frame)] for lf in labels
                     if lf.frame.source[0] - 1 <= rng[0] <= lf.frame.content[-1]), None)
        if turn is not None:
            # Marks inside a transcript turn (or around it) quote that turn's speaker.
            turn.quotes.append(q)
            turn.flags.update(q.flags)
            previous = turn
            continue
        strong = attributed_after(doc, text, q, rng, options)
        if strong is not None:
            # “…,” West said: the quotation is this attribution's own, whatever clause the
            # parse hung it from ("X hinted at it: “…,” he told the Times").
            item = _claim(strong, _clause_start(doc, text, q, rng), frames, by_frame, by_cue)
        else:
            item = _frame_for(doc, rng, frames, by_frame)
        if item is None and previous is not None and _broken_continuation(doc, text, quoted, index, previous, options):
            previous.quotes.append(q)
            previous.flags.update(q.flags)
            continue
        if item is None:
            frame = nearby_cue(doc, text, q, rng, options)
            if frame is not None:
                item = by_cue.get(frame.cue[0])
                if item is None:
                    item = Found(frame, order=frame.cue[0])
                    by_frame[id(frame)] = by_cue[frame.cue[0]] = item
                elif not item.quotes:
                    item.frame.content = sorted(set(item.frame.content) | set(range(*rng)))
                    if not item.frame.source:
                        item.frame.source, item.frame.source_head = frame.source, frame.source_head
        if item is None and not _title_like(text, q):
            item = _same_sentence_frame(doc, rng, frames, by_frame)
        if item is None and options.continue_paragraphs and previous is not None and _continues(doc, text, q, previous):
            # Later paragraphs (or sentences) of the same speaker's words: one quotation.
            previous.quotes.append(q)
            previous.flags.update({*q.flags, "continued"})
            continue
        if item is None:
            if options.min_unattributed_words and _reads_as_speech(text, q, options):
                item = Found(None, flags={"unattributed"}, order=rng[0])
                found[-index - 1] = item
            else:
                continue
        item.quotes.append(q)
        item.flags.update(q.flags)
        previous = item if item.frame is not None or item.speaker_from is not None else None

    items = [f for f in by_frame.values() if f.quotes or options.indirect]
    items += list(found.values())
    items.sort(key=lambda f: f.order)
    hidden = skip + [q.outer for q in quoted]
    people = ArticlePeople.build(doc, text, mentions, hidden)
    quotations = Quotations(quoted)
    recent: list[tuple[int, SpeakerRef]] = []
    refs: dict[int, SpeakerRef] = {}
    records = []
    for item in items:
        record, ref = build_record(doc, article, item, people, recent, refs, options, quotations)
        if record is None:
            continue
        refs[id(item)] = ref
        if ref.mention is not None:
            recent.append((item.order, ref))
        records.append(record)
    records.sort(key=lambda r: r.content[0].start)
    return records


def _post_ranges(text: str, article_id: str, posts: Iterable[Any] | None) -> list[tuple[int, int]]:
    ranges = []
    for post in posts or ():
        spans = [s for s in getattr(post, "evidence", ()) or () if getattr(s, "article_id", None) == article_id]
        # Only an embed (its words followed by its "— Name (@handle) Date" line) is a post in
        # the text; a post's other evidence (a quotation of it next to its link, who reposted
        # it) is narration.
        if any(getattr(s, "role", None) == "attribution" for s in spans):
            ranges.extend((s.start, s.end) for s in spans if getattr(s, "role", None) in POST_ROLES)
    for match in EMBED_TAIL.finditer(text):
        ranges.append((text.rfind("\n", 0, match.start()) + 1, match.end()))
    return ranges


def _inside(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in ranges)


def _token_range(doc: Doc, q: Quoted) -> tuple[int, int] | None:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.start, span.end


def _frame_for(doc: Doc, rng: tuple[int, int], frames: list[Frame], by_frame) -> Found | None:
    """The frame whose content shares most words with the quotation.

    The parse often gives a cue only part of a quotation (its first sentence, or the words
    before a bracket), so any overlap counts and the content is then extended over the whole
    quotation.
    """
    best, best_shared = None, 0
    for frame in frames:
        if rng[0] <= frame.cue[0] < rng[1]:
            continue
        # (content is sorted and distinct: the words it shares with the quotation are a slice)
        shared = bisect_left(frame.content, rng[1]) - bisect_left(frame.content, rng[0])
        if shared > best_shared:
            best, best_shared = frame, shared
    if best is None:
        return None
    if best_shared < rng[1] - rng[0]:
        low = min(min(best.content), rng[0])
        high = max(max(best.content) + 1, rng[1])
        cue = set(best.cue) | set(best.source)
        best.content = [i for i in range(low, high) if i not in cue and not doc[i].is_space]
    return by_frame[id(best)]


def _same_sentence_frame(doc: Doc, rng: tuple[int, int], frames: list[Frame], by_frame) -> Found | None:
    """Quoted words later in a sentence whose attribution came first belong to it (“harm” in
    "telling him fans feel “betrayed” because they know the “harm …”")."""
    sent = doc[rng[0]].sent
    best = None
    for frame in frames:
        if sent.start <= frame.cue[0] < rng[0] and frame.content and max(frame.content) < rng[0]:
            if best is None or frame.cue[0] > best.cue[0]:
                best = frame
    if best is None:
        return None
    gap = doc[max(best.content) + 1:rng[0]]
    if any(t.text in (";", ".") for t in gap) or len(gap) > 12:
        return None
    if any(t.i in best.source for t in gap) and not any(t.i in best.cue for t in gap):
        # "After calling X “…,” West proceeded to …": the source opens the main clause, which
        # is not the content ("“…,” he said, but “…”" goes on with it).
        return None
    best.content = sorted(set(best.content) | set(range(max(best.content) + 1, rng[1])))
    return by_frame[id(best)]


def _clause_start(doc: Doc, text: str, q: Quoted, rng) -> tuple[int, int]:
    """The quotation's token range, from the start of its sentence when the quotation goes on
    from the writer's words ("Trump's plan is “a disaster,” X said": X said all of it)."""
    before = text[:q.outer[0]].rstrip(" \t")
    if not before or not (before[-1].isalnum() or before[-1] == ","):
        return rng
    mark = doc.char_span(q.outer[0], q.outer[0] + 1, alignment_mode="expand")
    start = mark.start if mark is not None else rng[0]
    sent_start = doc[start].sent.start
    while start > sent_start and doc[start - 1].text not in (":", ";", "\n", "”", '"', "''") and not doc[start - 1].is_space:
        start -= 1
    lead = doc[start:rng[0]]
    if any(cues.speech_lemma(t) and t.pos_ == "VERB" for t in lead):
        return rng  # "After Scalia said that …" is an attribution of its own
    if before[-1] == "," and any(t.tag_ in FINITE for t in lead):
        return rng  # "X told reporters, “…,” he said": a clause of its own before the comma
    return start, rng[1]


def _claim(frame: Frame, rng, frames: list[Frame], by_frame, by_cue) -> Found:
    """The attribution of ``frame``, which takes the quotation's words from every other frame."""
    item = by_cue.get(frame.cue[0])
    if item is None:
        item = Found(frame, order=frame.cue[0])
        by_frame[id(frame)] = by_cue[frame.cue[0]] = item
    elif not item.quotes:
        # The parse may hang the whole sentence before the quotation from the cue: the content
        # of “…,” X said is the quotation.
        item.frame.content = list(range(*rng))
        if not item.frame.source:
            item.frame.source, item.frame.source_head = frame.source, frame.source_head
    taken = set(range(*rng)) | set(item.frame.cue) | set(item.frame.source)
    for other in frames:
        if other is not item.frame:
            other.content = [i for i in other.content if i not in taken]
    return item


def _broken_continuation(
    doc: Doc, text: str, quoted: list[Quoted], index: int, previous: Found, options: QuotesOptions
) -> bool:
    """“…,” West said. “…”: the quotation right after an attribution that follows a quotation."""
    if previous.frame is None or not previous.quotes or index == 0:
        return False
    last = previous.quotes[-1]
    current = quoted[index]
    if last is not quoted[index - 1]:
        return False
    between = text[last.outer[1]:current.outer[0]]
    if "\n" in between or len(between) > options.broken_gap:
        return False
    cue_start = doc[previous.frame.cue[0]].idx
    if not (last.outer[1] <= cue_start < current.outer[0] and between.rstrip().endswith((".", ",", ":", ";"))):
        return False
    # The attribution between the two parts is one sentence, however long its source's
    # description ("…,” said X, an economist who … group. “…”); a sentence of narration after
    # it would make the next quotation a new one.
    span = doc.char_span(last.outer[1], current.outer[0], alignment_mode="contract")
    inner = [t for t in span or () if not t.is_space][:-1]
    return not any(t.text in (".", "!", "?") or t.text in QUOTE_MARK_TOKENS for t in inner)


def _continues(doc: Doc, text: str, q: Quoted, previous: Found) -> bool:
    """A quotation continues the attributed quotation before it: straight on after it, later
    in the same paragraph with no other cue between, or opening the next paragraph when that
    quotation ended its own."""
    if not previous.quotes:
        return False
    last = previous.quotes[-1]
    between = text[last.outer[1]:q.outer[0]]
    if not between.strip():
        return True  # straight on from the previous quotation (a mark reopened in place)
    if "\n" not in between:
        span = doc.char_span(last.outer[1], q.outer[0], alignment_mode="contract")
        return len(between) < 100 and span is not None and not any(
            cues.speech_lemma(t) or t.pos_ == "VERB" for t in span)
    para_start = text.rfind("\n", 0, q.outer[0]) + 1
    if text[para_start:q.outer[0]].strip():
        return False
    prev_para_end = para_start - 1
    while prev_para_end > 0 and text[prev_para_end - 1].isspace():
        prev_para_end -= 1
    tail = text[last.outer[1]:prev_para_end]
    if "\n" in tail:
        return False
    # The previous paragraph ends with that quotation (an attribution after it is fine).
    return len(tail) < 80 and tail.count(".") <= 1


def _title_like(text: str, q: Quoted) -> bool:
    """Quoted words in title case ("State of the Union", "Make America Great Again"): the name
    of a work, a show or a slogan, not speech."""
    words = q.text(text).strip(" ,.:;!?").split()
    if not words or len(words) > 8:
        return False
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with"}
    return all(w[:1].isupper() or w.lower() in small or not w[:1].isalpha() for w in words) and words[0][:1].isupper()


def _names_a_work(doc: Doc, text: str, q: Quoted, rng) -> bool:
    """Title-case words in marks inside the writer's noun phrase ("on the broadcast of “Fox
    News Sunday,”", "his book ''Make Your Kid a Millionaire''"): the name of a show, a book or
    a slogan, never speech, even with a cue right after it."""
    if rng[0] == 0 or not _title_like(text, q):
        return False
    before = doc[rng[0] - 1]
    if before.text in QUOTE_MARK_TOKENS and before.i > 0:
        before = doc[before.i - 1]
    return before.pos_ in ("ADP", "DET", "NOUN", "PROPN") or before.lower_ in ("'s", "’s")


def _reads_as_speech(text: str, q: Quoted, options: QuotesOptions) -> bool:
    words = q.text(text).split()
    return len(words) >= options.min_unattributed_words and not _title_like(text, q)
