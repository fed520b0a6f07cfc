"""Brief sentences told from the story's records, and the acts each brief candidate reports.

Two things the brief takes from the structured records rather than from an outlet's sentences:

* **Quotations.** A direct quotation of a named speaker becomes an attributed sentence,
  "On April 27, 2018, Chance the Rapper said in a statement: “…”", dated by the quote's own
  resolved date (printed only when the text gives it). A long quotation is shortened only by
  choosing whole sentences of it, verbatim: the sentences that perform an act (an apology, a
  rejection, thanks) first, then its opening; sentences left out between two chosen ones are
  marked with an ellipsis. Each chosen sentence cites its own characters in the article, and
  the cue, speaker and date spans are cited with their roles. A quotation already told from
  the post it quotes is not told twice.
* **Acts.** What a candidate reports: the kinds of the story's events and interactions whose
  evidence lies in it, the apologies, responses and rejections its narration reports ("is
  apologizing after …"), the deeds of a post's or quotation's words ("my fault" apologises),
  a reply. Acts that turn the story (an apology, a reply or response, a rejection, a meeting;
  ``BriefOptions.turning_acts``) count fully, any other act of a person (a post, a statement, a
  message) by half; a sentence that reports no act (background, commentary) not at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from newsprism.model import Quote, Span
from newsprism.options import BriefOptions
from newsprism.stages import StoryInput
from newsprism.story.speech_acts import APOLOGY, REJECTION, REQUEST, THANKS
from newsprism.story.speech_acts import sentences as quote_sentences
from newsprism.story.timeline import value_start

# How each channel of a quotation is told.
_CHANNEL_VERBS = {
    "tweet": "wrote on Twitter", "post": "wrote in a post", "text message": "wrote in a text message",
    "email": "wrote in an email", "letter": "wrote in a letter", "statement": "said in a statement",
    "interview": "said in an interview", "speech": "said in a speech",
    "press conference": "said at a press conference", "testimony": "said in testimony",
    "article": "wrote in an article", "video": "said in a video", "broadcast": "said in a broadcast",
}
# Speech acts that are only a tone (VADER praise or criticism), not a deed.
_TONE_ACTS = frozenset({"praises", "criticises"})
# The deeds that words perform, by the cues of :mod:`newsprism.story.speech_acts` (its tone
# and sarcasm readings, which cost a sentiment analysis of every sentence, do not make a
# deed).
_DEEDS = (("thanks", THANKS), ("apologises", APOLOGY), ("asks", REQUEST), ("rejects", REJECTION))
_QUOTE_EVIDENCE = ("content", "cue", "speaker")
_QUOTE_WORD = re.compile(r"\w+")
# Fewer shared content words than this cannot show two quotations to be one.
_MIN_SHARED = 4
# Verbs by which narration reports an act that turns a story ("Chance the Rapper is
# apologizing after …", "Trump responded to …", "the company denied …"); read in the
# narration only, so that quoted words do not count as the outlet's report.
_NARRATED_ACTS = (
    ("apologises", APOLOGY),
    ("responded", re.compile(r"\b(?:respond(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|(?:hit|hits|fired|fires)\s+back)\b",
                             re.I)),
    ("rejects", re.compile(r"\b(?:reject(?:s|ed|ing)?|den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing))\b", re.I)),
)
# Any of them: most narration reports none, and one search for all costs about a third of
# one for each (a case-insensitive pattern opening with a word boundary is tried at every
# character).
_ANY_NARRATED_ACT = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in _NARRATED_ACTS), re.I)


def told_day(quote: Quote) -> date | None:
    """The day a quote's own date expression names, when it names a day."""
    ref = quote.date
    if ref is None or not ref.value or not re.match(r"\d{4}-\d\d-\d\d", ref.value):
        return None
    return value_start(ref.value[:10])


def dated_acts(story: StoryInput) -> dict[str, list[tuple[Iterable[Span], date]]]:
    """Per person, the evidence and day of each of their dated posts and (not background)
    events."""
    acts: dict[str, list[tuple[Iterable[Span], date]]] = {}
    found = [(p.author_id, p.evidence, p.posted) for p in story.results.get("posts", ()) or ()]
    found += [(actor, e.evidence, e.date) for e in story.results.get("events", ()) or ()
              if not e.background for actor in e.actor_ids]
    for person, evidence, when in found:
        if person and when and re.match(r"\d{4}-\d\d-\d\d", when):
            day = value_start(when[:10])
            if day is not None:
                acts.setdefault(person, []).append((evidence, day))
    return acts


def context_day(quote: Quote, posts: dict, acts: dict[str, list[tuple[Iterable[Span], date]]]) -> date | None:
    """When an undated quotation was made, as its article tells it: the date of the post it
    quotes (``posts`` by id), else the latest of its speaker's dated ``acts``
    (:func:`dated_acts`) that the same article reports before it (narration goes on about the
    act it last dated)."""
    if quote.post_id in posts and posts[quote.post_id].posted:
        return value_start(posts[quote.post_id].posted[:10])
    content = [s for s in quote.evidence if s.role == "content"]
    if not content or quote.speaker_id is None:
        return None
    first = content[0]
    best: tuple[int, date] | None = None
    for evidence, day in acts.get(quote.speaker_id, ()):
        for span in evidence:
            if span.article_id == first.article_id and span.end <= first.start:
                if best is None or span.end > best[0]:
                    best = (span.end, day)
    return best[1] if best else None


def excerpt(quote: Quote, options: BriefOptions) -> tuple[str, list[Span]] | None:
    """Whole sentences of a quotation, verbatim, within ``options.max_quote_chars`` (its act
    sentences first, then its opening ones), joined in their order with an ellipsis where
    sentences were left out; and the span of each in its article. None when no sentence of
    it can be found verbatim in the evidence or none fits."""
    found: list[Span] = []
    for content in (s for s in quote.evidence if s.role == "content"):
        for start, end in quote_sentences(content.text):
            text = content.text[start:end].rstrip()
            if text.count("“") != text.count("”") or text.count('"') % 2:
                continue  # a sentence cut inside a quotation within the quotation
            found.append(Span(content.article_id, content.start + start,
                              content.start + start + len(text), text, "source"))
    if not found:
        return None
    # sentences that perform a turning act, the kinds listed first first
    rank = {kind: k for k, kind in enumerate(options.turning_acts)}
    acting = sorted((min(rank.get(kind, len(rank)) for kind in acts), i)
                    for i, span in enumerate(found) for acts in [deeds(span.text)] if acts)
    acting = [i for best, i in acting if best < len(rank)]
    chosen: list[int] = []
    used = 0
    for i in acting + list(range(len(found))):
        if i in chosen:
            continue
        size = len(found[i].text) + 1
        if used + size > options.max_quote_chars and chosen:
            continue
        if size > options.max_quote_chars and (used or size > 2 * options.max_quote_chars):
            continue  # one very long sentence says too much at once
        chosen.append(i)
        used += size
    if not chosen:
        return None
    chosen.sort()
    parts = [found[chosen[0]].text]
    for before, i in zip(chosen, chosen[1:]):
        parts.append(("… " if i > before + 1 else "") + found[i].text)
    return " ".join(parts), [found[i] for i in chosen]


def quote_sentence(speaker: str, channel: str, day: date | None, words: str) -> str:
    """"On April 27, 2018, Chance the Rapper said in a statement: “…”"."""
    verb = _CHANNEL_VERBS.get(channel, "said")
    when = f"On {day:%B} {day.day}, {day.year}, " if day else ""
    return f"{when}{speaker} {verb}: “{words}”"


class QuoteCandidate(NamedTuple):
    """A quotation the brief may tell: the sentence, the quoted words, the cited spans, the
    kinds of its acts, the day of the act, the articles that carry it, the speaker's id, and
    the items it tells (:func:`item_keys`)."""

    sentence: str
    words: str
    cited: list[Span]
    acts: set[str]
    day: date | None
    articles: set[str]
    speaker: str
    items: frozenset[str]


def quote_groups(story: StoryInput, overlap: float) -> dict[str, str]:
    """Each direct quotation's group: the first of the same speaker's quotations whose
    content words it shares (at least ``overlap`` of the longer one's), so that two outlets'
    wordings of one quotation ("gamble with lives" / "gamble with people's lives") count as
    one."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    groups: dict[str, str] = {}
    seen: dict[str, list[tuple[str, set[str]]]] = {}
    for quote in story.results.get("quotes", ()) or ():
        groups[quote.id] = quote.id
        if quote.kind != "direct" or not quote.speaker_id:
            continue  # a paraphrase is no wording of a quotation
        # content words: "I love you" shares its words with much that a person says
        words = set(_QUOTE_WORD.findall(quote.text.lower())) - ENGLISH_STOP_WORDS
        for other, other_words in seen.get(quote.speaker_id, ()):
            # of the longer one: a statement that repeats a short post's words is not its wording
            shared = len(words & other_words)
            if shared >= _MIN_SHARED and shared >= overlap * max(len(words), len(other_words)):
                groups[quote.id] = groups[other]
                break
        seen.setdefault(quote.speaker_id, []).append((quote.id, words))
    return groups


def item_keys(quote: Quote, groups: dict[str, str]) -> frozenset[str]:
    """What telling a quotation tells: the quotation (in any outlet's wording), and the post
    it quotes."""
    return frozenset({f"quote:{groups.get(quote.id, quote.id)}"}
                     | ({f"post:{quote.post_id}"} if quote.post_id else set()))


def quoted_items(story: StoryInput, options: BriefOptions) -> dict[str, list[tuple[int, int, frozenset[str]]]]:
    """Per article, the ranges of the quotations' words with the items they tell, so that a
    sentence carrying a quotation and the quotation told from its record are seen to repeat
    each other."""
    groups = quote_groups(story, options.same_quote_overlap)
    found: dict[str, list[tuple[int, int, frozenset[str]]]] = {}
    for quote in story.results.get("quotes", ()) or ():
        for span in quote.evidence:
            if span.role == "content":
                found.setdefault(span.article_id, []).append((span.start, span.end, item_keys(quote, groups)))
    return found


def quote_candidates(story: StoryInput, options: BriefOptions) -> Iterable[QuoteCandidate]:
    """Each direct quotation of a named speaker that the brief may tell; the day is the
    quote's own or, for an undated one, the day its context gives (:func:`context_day`)."""
    posts = {p.id: p for p in story.results.get("posts", ()) or ()}
    dated = dated_acts(story)
    groups = quote_groups(story, options.same_quote_overlap)
    for quote in story.results.get("quotes", ()) or ():
        if quote.kind != "direct" or not quote.speaker_id or not quote.speaker_name:
            continue
        if quote.post_id in posts and posts[quote.post_id].posted and options.posts:
            continue  # told from the post record
        chosen = excerpt(quote, options)
        if chosen is None or len(re.findall(r"\w+", chosen[0])) < options.min_words:
            continue
        words, spans = chosen
        day = told_day(quote)
        sentence = quote_sentence(quote.speaker_name, quote.channel, day, words)
        cited = spans + [s for s in quote.evidence if s.role in ("cue", "speaker")]
        if day is not None and quote.date.span is not None:
            cited.append(Span(quote.date.span.article_id, quote.date.span.start, quote.date.span.end,
                              quote.date.span.text, "date"))
        acts = deeds(words)
        articles = {s.article_id for s in quote.evidence if s.role in _QUOTE_EVIDENCE}
        yield QuoteCandidate(sentence, words, cited, acts | {"said"}, day or context_day(quote, posts, dated),
                             articles, quote.speaker_id, item_keys(quote, groups))


def record_acts(story: StoryInput) -> dict[str, list[tuple[int, int, str]]]:
    """Per article, the ranges of evidence of each event and interaction, with its kind."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    for event in story.results.get("events", ()) or ():
        if event.kind is None or event.background:
            continue
        for span in event.evidence:
            if span.role in ("act", "post"):
                found.setdefault(span.article_id, []).append((span.start, span.end, event.kind))
    for interaction in story.results.get("interactions", ()) or ():
        for span in interaction.evidence:
            if span.role == "cue":
                found.setdefault(span.article_id, []).append((span.start, span.end, interaction.type))
    return found


def deeds(text: str) -> set[str]:
    """Kinds of the deeds the words ``text`` perform, sentence by sentence: thanks, an
    apology, a request, a rejection (a sentence opening with "no", "nah", …)."""
    found = set()
    for start, end in quote_sentences(text):
        sentence = text[start:end]
        found |= {kind for kind, pattern in _DEEDS if pattern.search(sentence)}
    return found


def narrated_acts(text: str, pieces) -> set[str]:
    """Kinds of turning acts that the narration ``pieces`` (ranges of ``text``) report."""
    if not any(_ANY_NARRATED_ACT.search(text, start, end) for start, end in pieces):
        return set()
    return {kind for kind, pattern in _NARRATED_ACTS
            if any(pattern.search(text, start, end) for start, end in pieces)}


def acts_within(spans: Iterable[Span], found: dict[str, list[tuple[int, int, str]]]) -> set[str]:
    """Kinds of the recorded acts whose evidence lies inside one of ``spans``."""
    kinds = set()
    for span in spans:
        for start, end, kind in found.get(span.article_id, ()):
            if span.start <= start and end <= span.end:
                kinds.add(kind)
    return kinds


def act_strength(acts: set[str], options: BriefOptions) -> float:
    """1 for a candidate reporting an act that turns the story, 0.5 for another act, else 0."""
    if acts & set(options.turning_acts):
        return 1.0
    return 0.5 if acts - _TONE_ACTS else 0.0
