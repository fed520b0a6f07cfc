"""The records newsprism reads, extracts and writes.

Records are frozen dataclasses that hold strings and character offsets, never spaCy objects,
so they serialize to JSON, go into a store and cross process boundaries unchanged. Every
extracted record carries ``evidence``: spans of an article's cleaned ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Values of Article.published_provenance.
GIVEN = "given"
ESTIMATED = "estimated"


@dataclass(frozen=True, slots=True)
class Span:
    """Exact characters of one article's cleaned text: ``text == article.text[start:end]``.

    ``role`` says what the span is evidence of, when a record cites several kinds of spans
    (a quote's ``content``, ``cue`` and ``speaker``); it is None for plain mentions.
    """

    article_id: str
    start: int
    end: int
    text: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class RemovedText:
    """Text that cleaning took out of an article, kept so nothing vanishes unseen.

    ``start``/``end`` are offsets into the article's raw text (before cleaning); ``kind`` names
    the rule (``date-line``, ``promo``, ``byline``, ``trailer``, ``caption``, ``comments``).
    """

    kind: str
    text: str
    start: int
    end: int
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Embed:
    """A social-media post embedded in an article's markup (tweet blockquote, Instagram, ...).

    Readers flatten an embed into the article text as a paragraph in the text form
    ``<text> — Display Name (@handle) Month D, YYYY <url>`` so that its words carry offsets like
    any other text; ``start``/``end`` locate that paragraph in the cleaned text when it
    survived extraction (None when it could not be placed). The paragraph starts with ``text``
    (the post's words, on one line), so ``text`` spans ``start`` to ``start + len(text)``.
    ``date`` is the ISO day the embed shows, or, for a tweet that shows none, the UTC time its
    status id encodes.
    """

    platform: str
    url: str | None = None
    status_id: str | None = None
    handle: str | None = None
    display_name: str | None = None
    text: str = ""
    date: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, as read and cleaned.

    ``published`` is an ISO date or datetime (or None when nothing could be given or
    estimated); ``published_provenance`` is ``given`` (from metadata or the text's own date
    line) or ``estimated`` (from dates inside the text), with ``published_reason`` saying how.
    ``outlet_provenance`` says where the outlet name came from in the same way.
    ``notes`` are problems met while reading that did not stop it (a malformed feed read
    leniently, embedded posts the text extractor lost, a truncated archive record).
    """

    id: str
    source: str
    text: str
    url: str | None = None
    outlet: str | None = None
    outlet_provenance: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_precision: str | None = None
    published_provenance: str | None = None
    published_reason: str | None = None
    language: str | None = None
    format: str = "text"
    removed: tuple[RemovedText, ...] = ()
    embeds: tuple[Embed, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, or a stage that failed on one article."""

    input: str
    reason: str
    stage: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to a person inside one article.

    ``kind`` is ``name`` (an entity or a capitalised name), ``handle`` (``@name``),
    ``description`` (a role or epithet attached to a name, such as
    "White House press secretary"), or ``pronoun``.
    ``name`` is the mention's canonical surface (the name it belongs to for descriptions).
    """

    kind: str
    text: str
    span: Span
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Description:
    """A role or epithet attached to a person in one article, with where it was said."""

    text: str
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Person:
    """One person across all articles of a story, with every name and handle they go by."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    descriptions: tuple[Description, ...] = ()
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A temporal expression as the text gives it, with its normalized value when known.

    ``type`` and ``value`` follow TimeML TIMEX3 (``DATE`` ``2018-04-25``, ``DURATION`` ``P2D``,
    ``SET``, ``TIME``). ``precision`` says what the value pins down (``day``, ``month``,
    ``year`` ...). A value computed from a publication date names that date in ``anchor`` and
    its provenance (``given`` or ``estimated``) in ``provenance``; a value the text states
    outright has provenance ``absolute``; inside an embedded post, relative expressions count
    from the post's date (provenance ``post``, ``anchor`` that date). ``mod`` is TIMEX3's modifier (``START``, ``END``,
    ``MID``).
    """

    text: str
    type: str
    value: str | None
    span: Span | None = None
    precision: str | None = None
    anchor: str | None = None
    provenance: str | None = None
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """An attribution: who said what, through which channel, with evidence of each part.

    ``evidence`` holds every article's ``content`` span (each outlet's own wording of the same
    quotation), and the ``cue`` and ``speaker`` spans. ``speaker_id`` is a person of the story,
    or None when the speaker is unresolved; ``speaker_name`` is how the text names the speaker
    (the person's name, or the phrase: "White House officials"), and ``speaker_confidence``
    how sure the resolution is (1.0 for a name next to the cue, lower for pronouns and
    epithets). ``flags``: ``unbalanced`` (quotation marks recovered), ``continued`` (speaker
    carried from the paragraph before), ``unattributed`` (no speaker found). For a ``partial``
    quote ``text`` is exactly the quoted words (fragments joined by " … ") and ``context`` the
    reported clause around them as the article gives it; None for other kinds.
    """

    id: str
    text: str
    kind: str
    speaker_id: str | None
    cue: str | None
    channel: str
    evidence: tuple[Span, ...]
    speaker_confidence: float | None = None
    post_id: str | None = None
    date: TimeRef | None = None
    speaker_name: str | None = None
    flags: tuple[str, ...] = ()
    context: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """One article's attribution, before its speaker is resolved across the story.

    ``content`` holds the pieces of what was said (several for a quotation broken by its
    attribution or running over paragraphs); ``quoted`` the words inside quotation marks of a
    partial quote, whose ``text`` is those words (joined by " … ") and ``context`` the whole
    reported clause. ``speaker`` is the source phrase as written ("the 40-year-old rapper", "he");
    ``speaker_kind`` says what it is (``name``, ``handle``, ``pronoun``, ``epithet``, ``group``,
    ``none``) and ``speaker_mention`` the name of the person it resolves to within the article
    (None when unresolved), with ``speaker_alternatives`` for an epithet. ``flags`` mark
    recoveries and inferences (``unbalanced``, ``continued``, ``unattributed``). ``family`` is
    the cue's kind: ``speech`` (said), ``attitude`` (accused, praised) or ``thought`` (believes).
    """

    article_id: str
    kind: str
    text: str
    content: tuple[Span, ...]
    channel: str
    family: str | None = None
    cue: Span | None = None
    speaker: Span | None = None
    speaker_kind: str = "none"
    speaker_mention: Span | None = None
    speaker_name: str | None = None
    speaker_confidence: float = 0.0
    speaker_alternatives: tuple[Span, ...] = ()
    epithet: str | None = None
    quoted: tuple[Span, ...] = ()
    date: TimeRef | None = None
    flags: tuple[str, ...] = ()
    context: str | None = None


@dataclass(frozen=True, slots=True)
class PostVariant:
    """One wording of a post as articles carry it, with where each article carries it."""

    text: str
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Post:
    """A social-media post recovered from the articles of a story.

    ``kind`` is ``post``, ``reply`` or ``repost`` (a retweet or quote post). ``posted`` is an
    ISO date (``precision`` ``day``, as printed under an embed) or a UTC datetime
    (``precision`` ``datetime``, decoded from a status id). ``target`` is the id of the post
    this one replies to or reposts and ``target_id`` the person it addresses, when the text
    lets them be known; ``target_handle`` is that account as the text names it.
    ``variants`` are the distinct wordings articles give the post (the first is ``text``);
    ``origins`` say how the articles carry it: ``embed`` (from the page's embed markup),
    ``text`` (a flattened embed: "… — Name (@handle) Date"), ``url`` (a status link) or
    ``narration`` (a repost or reply the article describes). Evidence roles: ``text``,
    ``attribution``, ``url``, ``author``, ``target``, ``cue``.
    """

    id: str
    platform: str
    kind: str
    text: str
    evidence: tuple[Span, ...]
    handle: str | None = None
    author_id: str | None = None
    display_name: str | None = None
    posted: str | None = None
    precision: str | None = None
    status_id: str | None = None
    url: str | None = None
    target: str | None = None
    target_id: str | None = None
    target_handle: str | None = None
    variants: tuple[PostVariant, ...] = ()
    origins: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, placed on the story's timeline.

    ``kind`` names the act (``said``, ``posted``, ``met`` ... or the verb's dictionary form);
    ``date`` is a TIMEX3 value with its ``precision``; ``date_provenance`` says where the date
    comes from: ``post`` (a post's own timestamp), ``absolute`` (the text states it),
    ``given`` or ``estimated`` (resolved against a given or an estimated publication date).
    ``background`` marks events well before the story (earlier history it recalls).
    """

    id: str
    description: str
    evidence: tuple[Span, ...]
    date: str | None = None
    precision: str | None = None
    actor_ids: tuple[str, ...] = ()
    background: bool = False
    kind: str | None = None
    date_provenance: str | None = None


@dataclass(frozen=True, slots=True)
class Interaction:
    """One person acting towards another (praises, criticises, replies to, ...).

    ``count`` is the number of reports of such acts (a quotation or post carried by several
    articles counts once); ``dates`` the dates the acts carry; ``cues`` the words that
    signalled them ("ripped", "Thank you"). Evidence spans have roles ``cue``, ``source``,
    ``target`` and ``content``.
    """

    source_id: str
    target_id: str
    type: str
    evidence: tuple[Span, ...]
    count: int = 1
    dates: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources that disagree (about a date, a number, a fact), with both sides' evidence.

    ``values`` are the disagreeing values (for ``date`` conflicts, TIMEX3 values); ``about``
    is the id of the event, post or quote they concern, when there is one.
    For ``kind == "fact"``, ``facet`` says what differs (``count``, ``age``, ``title``,
    ``place``) and ``about`` is the person, event or counted thing concerned.
    """

    kind: str
    description: str
    evidence: tuple[Span, ...]
    values: tuple[str, ...] = ()
    about: str | None = None
    facet: str | None = None


@dataclass(frozen=True, slots=True)
class Difference:
    """One way a wording of a quotation departs from its reference wording.

    ``kind`` is one of ``typography``, ``capitalisation``, ``punctuation``, ``spelling``,
    ``regional_spelling``, ``truncation``, ``omission``, ``insertion``, ``splice``,
    ``paraphrase``, ``meaning_change``; ``subtype`` narrows it (``doubled-letter``, ``end``,
    ``negation`` ...). ``evidence`` holds the reference's words (role ``reference``, or
    ``dropped`` when the wording leaves them out) and the wording's own (role ``variant``, or
    ``inserted``), each in its article's text.
    """

    kind: str
    detail: str
    reference_text: str
    variant_text: str
    evidence: tuple[Span, ...]
    subtype: str | None = None


@dataclass(frozen=True, slots=True)
class WordingFidelity:
    """How one article's wording of a quotation compares with the reference wording.

    ``verdict`` is the most serious kind among ``differences`` (``identical`` when there are
    none); ``verbatim`` is the share of the wording's words found in the reference, in order.
    """

    article_id: str
    verdict: str
    verbatim: float
    evidence: tuple[Span, ...]
    differences: tuple[Difference, ...] = ()


@dataclass(frozen=True, slots=True)
class Fidelity:
    """Every wording of one quotation or post, aligned word by word against a reference.

    ``item_kind`` is ``quote`` or ``post`` and ``item_id`` its id. ``reference_kind`` says how
    the reference was chosen: ``post`` (the post itself, as embedded) or ``fullest`` (the most
    complete wording, the earliest article winning ties).
    """

    item_kind: str
    item_id: str
    reference_kind: str
    reference: tuple[Span, ...]
    wordings: tuple[WordingFidelity, ...]


@dataclass(frozen=True, slots=True)
class EvaluativeWord:
    """A loaded or evaluative word in an outlet's own narration ("ripped", "elites").

    ``term`` is the lexicon entry it matched, ``category`` the entry's kind (``attack_verb``,
    ``praise_verb``, ``reporting_loaded``, ``loaded_noun``, ``label``, ``intensifier``,
    ``hedge``, ``subjective_adjective``, ``sentiment``); ``person_ids`` are the people named
    in the same sentence.
    """

    text: str
    term: str
    category: str
    polarity: float
    evidence: tuple[Span, ...]
    person_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Tone:
    """The tone of an outlet's narration toward one person.

    ``score`` is the mean VADER compound score (-1 .. 1) of the narration of the sentences
    that name the person, quoted and embedded text removed; ``lexicon_score`` the mean
    polarity of the evaluative words in them (None without any). ``evidence`` holds the
    scored narration (role ``narration``).
    """

    person_id: str
    score: float | None
    sentences: int
    positive: int
    negative: int
    lexicon_score: float | None
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class SourceShare:
    """Whom an outlet cites: one speaker's quotations and embedded posts in its articles.

    ``words`` counts the quoted words, ``share`` their part of all the outlet's quoted words;
    ``speaker_id`` is None for quotations whose speaker is unresolved.
    """

    speaker_id: str | None
    quotes: int
    posts: int
    words: int
    share: float
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Framing:
    """How one outlet tells the story: tone toward each main person, its evaluative words,
    its reporting verbs, and whom it quotes.

    ``narration_share`` is the share of its text that is its own voice (not quoted or
    embedded); ``neutral_verbs`` and ``loaded_verbs`` count reporting verbs of each kind in it.
    """

    outlet: str
    article_ids: tuple[str, ...]
    narration_share: float
    tone: tuple[Tone, ...]
    evaluative: tuple[EvaluativeWord, ...]
    neutral_verbs: int
    loaded_verbs: int
    sources: tuple[SourceShare, ...]


@dataclass(frozen=True, slots=True)
class CoverageCell:
    """Whether one column (an outlet) carries one item: ``present`` (with the spans),
    ``paraphrased`` (a sentence that reports it in other words) or ``absent``."""

    column: str
    status: str
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """One quotation, post or event of the story across the outlets.

    ``item_kind`` is ``quote``, ``post`` or ``event`` and ``item_id`` its id (a quotation of
    a post shares the post's row). ``reported_by`` counts the outlets that carry it, present or
    paraphrased, syndicated copies once.
    """

    item_kind: str
    item_id: str
    label: str
    cells: tuple[CoverageCell, ...]
    reported_by: int


@dataclass(frozen=True, slots=True)
class CoverageColumn:
    """One outlet of the coverage matrix.

    ``copies_of`` names the outlets whose articles are near-duplicate copies of this one's (a
    syndicated story): together they count once. ``exclusive`` lists the rows (as
    ``kind:id``) only this outlet reports; ``omitted`` those it leaves out although most other
    outlets report them.
    """

    name: str
    article_ids: tuple[str, ...]
    copies_of: tuple[str, ...] = ()
    exclusive: tuple[str, ...] = ()
    omitted: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Coverage:
    """What each outlet of a story reports: rows are items, columns outlets."""

    columns: tuple[CoverageColumn, ...]
    rows: tuple[CoverageRow, ...]


@dataclass(frozen=True, slots=True)
class BriefSentence:
    """One sentence of a story brief and the spans it rests on."""

    text: str
    citations: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Near-duplicate articles of one story: syndicated wire copies or lightly edited reprints.

    ``original_id`` is the earliest published member (the first given when dates tie or are
    unknown); ``copy_ids`` are the others. Coverage figures count the whole group once.
    ``similarity`` is the lowest Jaccard similarity of word shingles between linked members.
    """

    original_id: str
    copy_ids: tuple[str, ...]
    similarity: float


@dataclass(frozen=True, slots=True)
class TimelineDate:
    """One date of a story's timeline summary: the day, the sentences that tell what happened
    on it (each with its citations), and how much the story's articles refer to it.

    ``mentions`` counts sentences that name the day; ``articles`` counts articles that name it
    or were published on it; ``score`` is the date-importance score it was ranked by.
    """

    date: str
    sentences: tuple[BriefSentence, ...]
    mentions: int = 0
    articles: int = 0
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Story:
    """One real-world event or episode and everything reconstructed about it.

    ``grouping`` says how the story's articles were put together (for example that clustering
    was not run and every input article forms this one story). ``title`` is the story's most
    central headline (or lead sentence); ``keywords`` the words and names that mark the
    event; ``key_people`` the ids of its most cited people; ``duplicates`` its groups of
    near-duplicate articles.
    """

    id: str
    title: str | None
    article_ids: tuple[str, ...]
    grouping: str
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    posts: tuple[Post, ...] = ()
    events: tuple[Event, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    brief: tuple[BriefSentence, ...] = ()
    timeline_summary: tuple[TimelineDate, ...] = ()
    fidelity: tuple[Fidelity, ...] = ()
    framing: tuple[Framing, ...] = ()
    coverage: Coverage | None = None
    keywords: tuple[str, ...] = ()
    key_people: tuple[str, ...] = ()
    duplicates: tuple[DuplicateGroup, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """What the per-document stages found in one article, by stage name."""

    article_id: str
    results: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Analysis:
    """The result of :func:`newsprism.analyze`: articles, what was skipped, and the stories.

    ``article_results`` holds each article's per-document stage outputs; those of stages
    registered with ``export=True`` (such as ``timexes``) appear in the JSON under the article.
    """

    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    skipped: tuple[Skipped, ...] = ()
    article_results: dict[str, ArticleAnalysis] = field(default_factory=dict)
    exported_stages: tuple[str, ...] = ()
    model: str | None = None

    def article(self, article_id: str) -> Article:
        """Return the article with this id (KeyError when there is none)."""
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def to_dict(self) -> dict[str, Any]:
        """The analysis as plain JSON-ready data, in the documented contract (docs/output.md)."""
        from newsprism.report.json_output import analysis_to_dict

        return analysis_to_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        """The analysis as a JSON string (see docs/output.md and report/schema.json)."""
        from newsprism.report.json_output import analysis_to_json

        return analysis_to_json(self, indent=indent)
