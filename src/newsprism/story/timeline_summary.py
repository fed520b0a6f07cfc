"""The ``timeline_summary`` stage: a story's most important dates, each told in cited sentences.

The method is DATEWISE (Ghalandari & Ifrim, "Examining the State-of-the-Art in News Timeline
Summarization", ACL 2020), run on newsprism's own records:

1. **Dates.** Every sentence names the day of its first day-precise temporal expression (the
   ``timexes`` stage resolves "on Tuesday" or "two days ago" against the article's
   publication date);
   each article adds its publication day. Per day: how many sentences name it, before and
   after their article's publication, how many articles name it (likewise), and how many
   were published on it. Days are ranked by the number of sentences naming them
   (``mention_count``), by publications (``pub_count``), or by a linear score of all seven
   statistics (``supervised``, with weights learned elsewhere, as the paper learns them on
   other datasets).
2. **Candidates.** For a day d: the sentences that name d, and the first sentences of the
   articles published on d or shortly after that name no day. Both sets are TF-IDF vectors;
   the day's vector keeps the words found in both sets (mean of each set's sum), so it
   describes what was reported *about* d; candidates are ranked by their cosine to it.
   A candidate is told from after the dateline, publication stamp or photo credit that opens
   it (:mod:`newsprism.extract.datelines`); a headline that a one-line export ran into the
   lead is a sentence of its own, and the page's reader comments (from the comment form's
   notice on, :mod:`newsprism.extract.comments`) are not the article's sentences at all. A
   candidate is told only when it reads as a report on its own: a
   question, a piece of a sentence the parser cut, a teaser cut with an ellipsis, a
   first-person comment (:func:`reports`), a sentence between two such (:func:`first_person_passage`)
   or a picture's caption (:func:`caption`, :func:`opening_caption`) is not one. A sentence
   whose wording recurs in articles of several different days is page furniture, never a
   candidate (:func:`boilerplate`).
3. **Selection.** From the candidates, sentences are chosen greedily so that their sum is
   closest (cosine) to the candidates' centroid (the paper's CentroidOpt), skipping
   sentences that repeat one already chosen. The paper keeps only sentences that name one
   of the dataset's topic keywords; here the story's own keywords (:func:`keywords`, counted
   outside page furniture) weight each candidate's score instead, so that an on-topic report
   beats a digression.

Each chosen sentence cites its own span and the expression that names the day.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

import numpy as np

from newsprism.extract.comments import comment_section
from newsprism.extract.datelines import CAPTION_OPENING, CREDIT_HEAD, dateline_end, headline_cuts, stamped
from newsprism.extract.narration import embed_ranges
from newsprism.extract.sentences import quotation_end
from newsprism.model import Article, BriefSentence, Span, TimelineDate, TimeRef
from newsprism.options import Options, TimelineSummaryOptions
from newsprism.stages import StoryInput, story_stage
from newsprism.story.tfidf import lower_words, terms, tfidf

FEATURES = ("sents_total", "sents_before", "sents_after", "docs_total", "docs_before",
            "docs_after", "docs_published")
RANKINGS = ("mention_count", "pub_count", "supervised")
_WORD = re.compile(r"\w+")
# Two of those words (found without listing them all): a word's character, then other
# characters and another word's.
_TWO_WORDS = re.compile(r"\w\W+\w")
_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


@dataclass
class Sentence:
    """A sentence of a story's article with the days it names and the expressions naming them."""

    article: Article
    start: int
    end: int
    position: int
    published: date | None
    days: dict[date, Span] = field(default_factory=dict)
    complete: bool = True

    @property
    def text(self) -> str:
        return self.article.text[self.start:self.end]

    @cached_property
    def words(self) -> list[str]:
        """The sentence's words in lower case (read by furniture, keywords, topicality and
        its TF-IDF vector)."""
        return lower_words(self.text)

    def span(self, role: str = "sentence") -> Span:
        return Span(self.article.id, self.start, self.end, self.text, role)


def ref_day(ref: TimeRef) -> date | None:
    """The day a temporal expression names, when it names one (a day or a time of day)."""
    if ref.type not in ("DATE", "TIME") or not ref.value or ref.precision not in ("day", "time"):
        return None
    match = _DAY.match(ref.value)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def published_day(article: Article) -> date | None:
    """The article's publication day, when known to the day."""
    if not article.published or article.published_precision in ("month", "year"):
        return None
    match = _DAY.match(article.published)
    return date(*map(int, match.groups())) if match else None


def collect_sentences(story: StoryInput) -> list[Sentence]:
    """The story's sentences with the days each names."""
    timexes = dict((a.id, refs or []) for a, refs in story.document_results("timexes"))
    result = []
    for article, bounds in story.document_results("sentences"):
        refs = [(ref, day) for ref in timexes.get(article.id, ()) if ref.span is not None
                for day in [ref_day(ref)] if day is not None]
        published = published_day(article)
        embedded = list(embed_ranges(article))
        bounds = bounds or ()
        texts = [article.text[s:e] for s, e, _ in bounds]
        passage = first_person_passage(texts)
        # readers' comments exported with the page are not the outlet's report
        bounds = bounds[:comment_section(texts)]
        for position, (line_start, end, verb) in enumerate(bounds):
            start = dateline_end(article.text, line_start, end)  # the report, not the page's furniture
            # a headline (and a caption) that the page's export ran into the lead is a
            # sentence of its own
            cuts = headline_cuts(article.text, start, end) if position == 0 else []
            if position == 0:
                pictured = opening_caption(article.text, bounds, bool(cuts) or stamped(article.text, line_start, start))
            for piece_start, piece_end in zip([start, *cuts], [*cuts, end]):
                last = piece_end == end
                if last:
                    # a quotation the sentence opens is told whole (the parser cuts long ones)
                    piece_end = quotation_end(article.text, piece_start, end,
                                              (bounds[k][:2] for k in range(position + 1, len(bounds))))
                piece_end = len(article.text[:piece_end].rstrip())  # a headline's end, not the space after it
                sentence = Sentence(article, piece_start, piece_end, position, published)
                # a line without a verb or one that introduces what follows ("… along with
                # his response:") does not tell anything on its own; an embedded post's words
                # are told with their attribution by the brief, not as an outlet's report
                sentence.complete = verb and piece_start < piece_end and not sentence.text.rstrip().endswith(":") \
                    and not any(s < piece_end and piece_start < e for s, e in embedded) and reports(sentence.text) \
                    and not caption(article.text, bounds, position) and not passage[position] \
                    and not (position < pictured and last) \
                    and not CAPTION_OPENING.match(sentence.text)
                # a sentence is about the first day it names (as DATEWISE gives each sentence
                # one time); naming it for every day it mentions blurs the candidates of each
                low = line_start if piece_start == start else piece_start
                first = next(((ref, day) for ref, day in refs if low <= ref.span.start < piece_end), None)
                if first is not None:
                    sentence.days[first[1]] = first[0].span
                result.append(sentence)
    return result


# How a sentence starts: a capital or a digit, after an opening quotation mark or not.
_OPENING = re.compile(r"[\"“‘']?[A-Z0-9]")


# Quoted words, to the closing mark or to the end of the text.
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


# An ellipsis outside quotation marks: a teaser cut mid-sentence ("… shot up the d.. .",
# "… spill tha ... NEW ORLEANS --"); inside them it marks words left out of a quotation.
_CUT = re.compile(r"\.\s?\.\s?\.|…")


# The first person outside quotation marks: a commenter's, a columnist's or a witness's own
# account ("I say: the tragedy is a moral crisis"), not the outlet's report of the day.
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|[Mm]e|[Mm]y|[Ww]e|[Ww]e're|[Ww]e've|us|[Oo]ur)\b")


def reports(text: str) -> bool:
    """Whether a sentence can tell a date on its own: it starts as a sentence does (not inside
    one that the parser cut, "massive oil spill in …"), it is not a question (a reader's or an
    explainer's "Can humans catch swine flu?" reports nothing), it is not someone's words
    alone, without who said them, nor told in the first person outside quotation marks (a
    reader's comment, a columnist's view), and it is not a teaser cut with an ellipsis."""
    if not _OPENING.match(text) or text.rstrip("\"”’' ").endswith("?"):
        return False
    told = _QUOTED.sub(" ", text)
    return _TWO_WORDS.search(told) is not None and _CUT.search(told) is None and _FIRST_PERSON.search(told) is None


def first_person(text: str) -> bool:
    """Whether a sentence speaks in the first person outside quotation marks."""
    return bool(_FIRST_PERSON.search(_QUOTED.sub(" ", text)))


def first_person_passage(texts: list[str]) -> list[bool]:
    """For each of an article's sentences (``texts``, in order), whether it stands between
    two sentences in the first person: it is part of someone's own account (a reader's
    comment, a column, an eyewitness's diary) even when it does not say "I" itself."""
    voiced = [first_person(text) for text in texts]
    return [0 < k < len(texts) - 1 and voiced[k - 1] and voiced[k + 1] for k in range(len(texts))]


def caption(text: str, bounds, position: int) -> bool:
    """Whether sentence ``position`` of ``bounds`` is a picture's caption: the next sentence
    opens with the photo credit ("… wear masks on the subway." + "Photograph: Ann Lee/AP …")."""
    return position + 1 < len(bounds) and bool(CREDIT_HEAD.match(text, bounds[position + 1][0]))


def opening_caption(text: str, bounds, head: bool, longest: int = 3) -> int:
    """How many of an article's first sentences (``bounds``) are the caption of its opening
    picture: when the page's head (a headline cut from the lead, a publication stamp) opens
    the text and a photo credit heads one of the next ``longest`` sentences, what lies between
    them is the caption ("BP profits jump | Tuesday 27 April 2010 08.47 BST | The rig burning
    last week. | Photograph: …/AP | BP has smashed forecasts …"); 0 otherwise."""
    if not head:
        return 0
    return next((k for k in range(1, min(longest, len(bounds) - 1) + 1)
                 if CREDIT_HEAD.match(text, bounds[k][0])), 0)


def date_statistics(sentences: list[Sentence]) -> dict[date, dict[str, int]]:
    """The reference statistics of every day (see :data:`FEATURES`)."""
    stats: dict[date, dict[str, int]] = defaultdict(lambda: dict.fromkeys(FEATURES, 0))
    named: dict[str, set[date]] = defaultdict(set)
    published: dict[str, date | None] = {}
    for sentence in sentences:
        published[sentence.article.id] = sentence.published
        for day in sentence.days:
            side = "before" if sentence.published and day < sentence.published else "after"
            stats[day]["sents_total"] += 1
            stats[day][f"sents_{side}"] += 1
            named[sentence.article.id].add(day)
    for article_id, pub in published.items():
        for day in named[article_id]:
            side = "before" if pub and day < pub else "after"
            stats[day]["docs_total"] += 1
            stats[day][f"docs_{side}"] += 1
        if pub is not None:
            stats[pub]["docs_published"] += 1
    return dict(stats)


def feature_matrix(stats: dict[date, dict[str, int]]) -> tuple[list[date], np.ndarray]:
    """Days and their statistics, each statistic scaled by its largest value in the story."""
    days = sorted(stats)
    matrix = np.array([[stats[d][f] for f in FEATURES] for d in days], dtype=float)
    if len(days):
        top = matrix.max(axis=0)
        matrix = matrix / np.where(top > 0, top, 1)
    return days, matrix.reshape(len(days), len(FEATURES))


def rank_dates(stats: dict[date, dict[str, int]], options: TimelineSummaryOptions) -> list[tuple[date, float]]:
    """Days by importance, most important first (ties: the earlier day first)."""
    if options.ranking not in RANKINGS:
        raise ValueError(f"unknown date ranking {options.ranking!r}; known: {', '.join(RANKINGS)}")
    if options.ranking == "supervised":
        if len(options.weights) != len(FEATURES) + 1:
            raise ValueError(f"supervised date ranking needs {len(FEATURES) + 1} weights "
                             f"({', '.join(FEATURES)}, intercept); got {len(options.weights)}")
        days, matrix = feature_matrix(stats)
        scores = matrix @ np.array(options.weights[:-1]) + options.weights[-1]
        scored = [(d, float(s)) for d, s in zip(days, scores)]
    else:
        key = "sents_total" if options.ranking == "mention_count" else "docs_published"
        scored = [(d, float(values[key])) for d, values in stats.items() if values[key] > 0]
    return sorted(scored, key=lambda item: (-item[1], item[0]))


def _bounds(sentences: list[Sentence], options: TimelineSummaryOptions) -> tuple[date, date]:
    start = date.fromisoformat(options.start) if options.start else date.min
    if options.end:
        end = date.fromisoformat(options.end)
    else:
        days = [s.published for s in sentences if s.published]
        end = max(days) if days else date.max
    return start, end


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _normalize(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=-1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1)


class DateSummarizer:
    """Candidate collection and centroid selection over one story's sentences."""

    def __init__(self, sentences: list[Sentence], options: TimelineSummaryOptions):
        self.options = options
        self.sentences = sentences
        self.vectors = None
        if sentences:
            try:
                self.vectors = tfidf([s.words for s in sentences]).tocsr()
            except ValueError:  # nothing but stop words
                self.vectors = None
        self.mentioning: dict[date, list[int]] = defaultdict(list)
        self.published: dict[date, list[int]] = defaultdict(list)
        excluded = boilerplate(sentences, options.boilerplate_days)
        # the story's words are those of its reports, not of its pages' furniture
        story_words = keywords([s for i, s in enumerate(sentences) if i not in excluded], options.keywords)
        # how many of the story's keywords each sentence names (its topicality)
        self.topical = [len(story_words.intersection(s.words)) for s in sentences]
        for i, sentence in enumerate(sentences):
            if i in excluded:
                continue
            for day in sentence.days:
                self.mentioning[day].append(i)
            if not sentence.days and sentence.published and sentence.position < options.lead_sentences:
                self.published[sentence.published].append(i)

    def candidates(self, day: date) -> list[int]:
        """Sentences that may tell ``day``, the closest to the day's vector first."""
        mentioning = self.mentioning.get(day, [])
        published = [i for k in range(self.options.pub_window_days + 1)
                     for i in self.published.get(day + timedelta(days=k), [])]
        pool = mentioning + [i for i in published if i not in set(mentioning)]
        if self.vectors is None or not pool:
            return pool
        means = [np.asarray(self.vectors[ids].mean(axis=0)).ravel() for ids in (mentioning, published) if ids]
        if len(means) == 2:
            # words reported both about the day and on it describe it
            vector = np.where((means[0] > 0) & (means[1] > 0), means[0] + means[1], 0.0)
            if not vector.any():
                vector = means[0] + means[1]
        else:
            vector = means[0]
        similarity = self.vectors[pool] @ vector
        order = np.argsort(-similarity, kind="stable")
        return [pool[k] for k in order[:self.options.max_candidates]]

    def select(self, pool: list[int], k: int, used: set[int]) -> list[int]:
        """Up to ``k`` sentences of ``pool`` whose sum is closest to the pool's centroid."""
        options = self.options
        allowed = [i for i in pool if i not in used and self.sentences[i].complete
                   and options.min_words <= _words(self.sentences[i].text) <= options.max_words]
        if self.vectors is None:
            return allowed[:k]
        if not allowed:
            return []
        matrix = self.vectors[pool]
        rows = matrix[:, np.unique(matrix.indices)].toarray()  # only the words the pool uses
        centroid = _normalize(rows.sum(axis=0))
        index = {i: k for k, i in enumerate(pool)}
        similar = _normalize(rows) @ _normalize(rows).T
        chosen: list[int] = []
        total = np.zeros_like(centroid)
        while len(chosen) < k:
            best, best_score = None, -math.inf
            for i in allowed:
                if i in chosen or any(similar[index[i], index[j]] > options.max_similarity for j in chosen):
                    continue
                score = float(_normalize(total + rows[index[i]]) @ centroid) \
                    * (1 + options.keyword_weight * self.topical[i])
                if score > best_score:
                    best, best_score = i, score
            if best is None:
                break
            chosen.append(best)
            total = total + rows[index[best]]
        return chosen


def boilerplate(sentences: list[Sentence], days: int) -> set[int]:
    """Indices of the sentences whose words recur in articles published on at least ``days``
    different days: a site's furniture ("Explore all of our graphics …", a comment form's
    rules) rather than a report of what happened on one of them (``days`` 0: none is)."""
    if days <= 0:
        return set()
    days_seen: dict[str, set[date | None]] = defaultdict(set)
    wordings = [" ".join(s.words) for s in sentences]
    for sentence, wording in zip(sentences, wordings):
        days_seen[wording].add(sentence.published)
    return {i for i, wording in enumerate(wordings) if len(days_seen[wording]) >= days}


def keywords(sentences: list[Sentence], k: int) -> set[str]:
    """The story's ``k`` keywords: the content words named by the most of its articles (ties:
    alphabetical), e.g. "oil", "bp", "spill", "gulf" for a story of an oil spill."""
    if k <= 0:
        return set()
    by_article: dict[str, set[str]] = defaultdict(set)
    for sentence in sentences:
        by_article[sentence.article.id].update(sentence.words)
    articles = Counter(w for words in by_article.values() for w in words)
    # each word is judged once, not at each of its uses; and only the k first are ordered
    content = [(-articles[w], w) for w in terms(articles) if not w.isdigit()]
    return {w for _, w in heapq.nsmallest(k, content)}


def summarize_timeline(sentences: list[Sentence], options: TimelineSummaryOptions) -> tuple[TimelineDate, ...]:
    """The timeline summary of a story's sentences, in date order."""
    stats = date_statistics(sentences)
    start, end = _bounds(sentences, options)
    ranked = [(d, s) for d, s in rank_dates(stats, options) if start <= d <= end]
    # built for the first ranked day only: its vectors cost more than the rest of the stage,
    # and a story whose sentences name no day in its bounds needs none
    summarizer = None
    used: set[int] = set()
    result = []
    for day, score in ranked:
        if len(result) >= options.dates:
            break
        summarizer = summarizer or DateSummarizer(sentences, options)
        chosen = summarizer.select(summarizer.candidates(day), options.sentences_per_date, used)
        if not chosen:
            continue
        used.update(chosen)
        told = []
        for i in sorted(chosen, key=lambda i: (sentences[i].published or date.max, sentences[i].article.id, sentences[i].start)):
            sentence = sentences[i]
            citations = [sentence.span()]
            if day in sentence.days:
                citations.append(_role(sentence.days[day], "date"))
            told.append(BriefSentence(" ".join(sentence.text.split()), tuple(citations)))
        articles = {s.article.id for s in sentences if day in s.days or s.published == day}
        result.append(TimelineDate(day.isoformat(), tuple(told), stats.get(day, {}).get("sents_total", 0),
                                   len(articles), round(score, 4)))
    return tuple(sorted(result, key=lambda t: t.date))


def _role(span: Span, role: str) -> Span:
    return Span(span.article_id, span.start, span.end, span.text, role)


@story_stage("timeline_summary")
def timeline_summary(story: StoryInput, options: Options) -> tuple[TimelineDate, ...]:
    """The story's most important dates, each with its cited sentences."""
    return summarize_timeline(collect_sentences(story), options.timeline_summary)
