"""The streaming story index: articles arrive one at a time and join a story or open one.

Each new article is compared only with *recent* articles that share its strongest features,
found through an inverted index whose lists keep the ``index_postings`` most recent articles
per feature, and only while those articles are within ``index_active_days`` of the newest
publication day (and among the ``index_active_articles`` latest arrivals; when stories are
re-formed, the ``index_retained_articles`` latest articles past that window too). So the cost
of one assignment depends on these bounds, not on how many articles the index holds.

The assignment mirrors the batch clustering (:mod:`newsprism.story.cluster`): the article's
nearest neighbours are the candidates with the highest cosine (over their strongest features,
scaled by the publication-day gap); each neighbour's event similarity blends that cosine with
the neighbours the two have in common; the story holding the largest share of that
similarity wins when the share reaches ``index_threshold`` (without re-forming, an undated
candidate is taken to date from its story's dated members). A near-duplicate of an indexed
article (MinHash LSH over word shingles, confirmed on the signatures) joins its story and is
listed as its copy.
An article that draws strongly on two stories bridges them: the smaller, when it is small and
still active, joins the other (``index_merge_articles``).

On disk (``save``/``load``) an index is a directory of plain JSON: see ``docs/story-index.md``.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
from collections import deque
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from pathlib import Path
from sys import intern

import numpy as np

from newsprism.errors import InputError
from newsprism.model import Article
from newsprism.options import StoryOptions
from newsprism.story import duplicates as dup
from newsprism.story.features import Features, lead_sentence, light_features
from newsprism.story.postings import RecentPostings
from newsprism.story.relink import relink
from newsprism.story.vectors import (DocumentFrequencies, cosine, feature_keys, span_gap,
                                     term_weights, time_factor, weigh)

FORMAT = "newsprism-story-index"
FORMAT_VERSION = 1


class IndexFormatError(InputError):
    """The story index directory is missing, damaged, or of an unknown format."""


@dataclass
class IndexedStory:
    """A story as the index keeps it.

    Attributes:
        id: stable id (derived from the story's first article id).
        article_ids: member articles in arrival order.
        first_day, last_day: earliest and latest known publication days (ordinals) or None.
        title: the headline of its most central article (the one most often chosen as a
            neighbour by later articles; the first one until then).
        duplicates: original article id -> ids of its near-duplicate copies.
    """

    id: str
    article_ids: list[str] = field(default_factory=list)
    first_day: int | None = None
    last_day: int | None = None
    title: str | None = None
    title_score: int = -1
    duplicates: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """JSON-ready data (days as ISO dates)."""
        data = asdict(self)
        data["first_published"] = _iso(data.pop("first_day"))
        data["last_published"] = _iso(data.pop("last_day"))
        return data

    @classmethod
    def from_dict(cls, data: dict) -> IndexedStory:
        """The inverse of :meth:`to_dict`."""
        data = dict(data)
        data["first_day"] = _ordinal(data.pop("first_published", None))
        data["last_day"] = _ordinal(data.pop("last_published", None))
        return cls(**data)


@dataclass(slots=True)
class _Active:
    """What the index remembers of a recent article to compare newcomers with.

    Its vector and weights are kept as key tuples and float arrays, a third of the memory of
    dictionaries (tens of thousands of articles are active, and a smaller heap makes every
    step of a long stream faster); :attr:`vector` and :attr:`weights` give the dictionaries.
    """

    article_id: str
    story: int
    day: int | None
    title: str | None
    vector_keys: tuple[str, ...]
    vector_values: np.ndarray
    weight_keys: tuple[str, ...]
    weight_values: np.ndarray
    neighbours: list[tuple[float, int]]
    minhash: np.ndarray | None
    centrality: int = 0
    copy_of: int | None = None
    retained: bool = False  # past the active window, kept while stories are re-formed

    @property
    def vector(self) -> dict[str, float]:
        """The strongest features' TF-IDF weights, strongest first."""
        return dict(zip(self.vector_keys, self.vector_values.tolist()))

    @property
    def weights(self) -> dict[str, float]:
        """Every feature's weight before inverse document frequency (:func:`term_weights`)."""
        return dict(zip(self.weight_keys, self.weight_values.tolist()))


class StoryIndex:
    """Assigns articles to stories as they arrive (see the module docstring).

    Example::

        index = StoryIndex()
        for article in articles:
            story_id = index.add(article)
        index.save("stories.idx")

    Attributes:
        options: the story options the index runs with.
        stories: every story, by story number (the position stories are referred to by).
        story_of: article id -> story id, for every article ever added.
        active: slot -> what is remembered of each recent article (read-only for callers:
            stories change through :meth:`move_article`, :meth:`open_story` and
            :meth:`refresh_story`, which keep the index's own records consistent).
    """

    def __init__(self, options: StoryOptions | None = None):
        self.options = options or StoryOptions()
        self.frequencies = DocumentFrequencies()
        self.stories: list[IndexedStory] = []
        self.story_of: dict[str, str] = {}
        self._story_position: dict[str, int] = {}
        self.active: dict[int, _Active] = {}
        self._arrivals: deque[int] = deque()
        self._retained: deque[int] = deque()  # slots kept past the active window, oldest first
        self._postings = RecentPostings(self.options.index_postings)
        self._members: dict[int, set[int]] = {}  # story -> its active (or retained) slots
        self._next_slot = 0
        self._newest_day: int | None = None
        self._lsh = dup.BandIndex(self.options)
        self._idf_cache: dict[str, float] = {}
        options = self.options
        self._all_keys_weighed = min(options.title_weight, options.names_weight,
                                     options.dates_weight, options.quotes_weight) > 0
        self._idf_documents = 0

    def __len__(self) -> int:
        return len(self.story_of)

    # -- adding ---------------------------------------------------------------------------

    def add(self, article: Article, features: Features | None = None) -> str:
        """Assign ``article`` to a story (an existing one or a new one) and return its id.

        An article id already in the index is not added twice: its story id is returned.
        """
        if article.id in self.story_of:
            return self.story_of[article.id]
        options = self.options
        features = features or light_features(article)
        weights = term_weights(features, options)
        # When every block weighs, the weights' keys are the article's keys: no second list.
        self.frequencies.add(weights if self._all_keys_weighed else feature_keys(features))
        full = weigh(weights, self.frequencies)
        # One ranking of the features serves both the stored vector and the query.
        ranked = _ranked(full)
        strongest = list(map(full.__getitem__, ranked[:max(options.index_vector_features,
                                                           options.index_query_features)]))
        vector_keys = tuple(ranked[:options.index_vector_features])
        vector_values = strongest[:options.index_vector_features]
        day = features.day
        if day is not None:
            self._newest_day = day if self._newest_day is None else max(self._newest_day, day)
        self._expire()

        minhash = dup.signature_values(dup.shingle_hashes(article.text, options.shingle_size), options)
        original = self._duplicate_of(minhash)
        neighbours = self._neighbours(full, day, query=(ranked[:options.index_query_features],
                                                        strongest[:options.index_query_features]))
        slot = self._next_slot
        self._next_slot += 1
        if original is not None:
            story, absorbed = self.active[original].story, []
        else:
            votes = self._votes(neighbours)  # one vote serves the choice and the bridging
            story = self._choose_story(votes)
            absorbed = self._bridged(votes, len(neighbours), story)
        if story is None:
            story = self.open_story(article.id)
        record = self.stories[story]
        if original is not None:
            record.duplicates.setdefault(self.active[original].article_id, []).append(article.id)
        record.article_ids.append(article.id)
        if day is not None:
            record.first_day = day if record.first_day is None else min(record.first_day, day)
            record.last_day = day if record.last_day is None else max(record.last_day, day)
        self.story_of[article.id] = record.id
        title = article.title or lead_sentence(article.text) or None
        self.active[slot] = _Active(article.id, story, day, title, vector_keys, np.array(vector_values),
                                     tuple(weights), np.fromiter(weights.values(), float, len(weights)),
                                     neighbours, minhash, copy_of=original)
        self._members.setdefault(story, set()).add(slot)
        changed = self._remember(slot, vector_keys, vector_values, minhash, neighbours)
        for other in absorbed:
            self._absorb(other, story)
        if record.title is None and title:
            record.title = title
        if original is None and neighbours and options.index_relink_articles > 0:
            relink(self, slot, changed)
        documents = self.frequencies.documents
        if documents & (documents - 1) == 0 and 16 <= documents <= options.index_refresh_until:
            self._refresh()
        return self.story_of[article.id]

    def _refresh(self) -> None:
        """Score every active article's neighbours again with today's document frequencies
        and re-form the stories around each: the frequencies of a young index move fast, so
        the neighbours its first articles chose drift from those the batch would choose."""
        slots = [*self._arrivals, *self._retained]
        for slot in slots:
            active = self.active[slot]
            active.neighbours = self._neighbours(weigh(active.weights, self.frequencies),
                                                 active.day, itself=slot)
        for slot in slots:
            if self.active[slot].copy_of not in self.active:
                relink(self, slot, set())

    def _duplicate_of(self, minhash) -> int | None:
        best, best_score = None, self.options.duplicate_threshold
        for slot in sorted(self._lsh.query(minhash)):
            active = self.active.get(slot)
            if active is None or active.minhash is None:
                continue
            score = _estimated_jaccard(minhash, active.minhash)
            if score >= best_score:
                best, best_score = slot, score
        return best

    def _neighbours(self, vector: dict[str, float], day: int | None, itself: int | None = None,
                    query: tuple[list[str], list[float]] | None = None) -> list[tuple[float, int]]:
        # The hot loop: accumulate partial dot products over the newcomer's strongest
        # features; the best few candidates are then scored on their whole vectors, with
        # today's document frequencies, as the batch would score them.
        options = self.options
        if query is None:
            keys = _ranked(vector)[:options.index_query_features]
            query = keys, list(map(vector.__getitem__, keys))
        ranked = []
        whole = options.index_relink_articles > 0
        idf = self._idf() if whole else None
        for slot, score in self._postings.best(*query, options.index_candidates):
            active = self.active.get(slot)
            if active is None or slot == itself:
                continue
            if whole:  # worth its cost only where stories are re-formed as the batch would
                score = cosine(vector, zip(active.weight_keys, active.weight_values.tolist()), idf)
            if active.day is None and day is not None and not whole:
                # A vote has no veto of the pairs average linkage weighs (re-forming has):
                # an undated article is taken to date from its story's dated members, or one
                # undated report would tie its event to another of its kind years later.
                story = self.stories[active.story]
                score *= time_factor(*span_gap(day, story.first_day, story.last_day), options)
            else:
                score *= time_factor(day, active.day, options)
            if score >= options.neighbour_floor:
                ranked.append((score, -slot))
        best = heapq.nlargest(options.neighbours, ranked)
        return [(score, -negative) for score, negative in best]

    def _idf(self):
        """Inverse document frequency by key, cached while the document count grows by less
        than 1% (a stale weight that close changes no neighbour)."""
        frequencies = self.frequencies
        if frequencies.documents > 1.01 * self._idf_documents:
            self._idf_cache.clear()
            self._idf_documents = frequencies.documents
        cache, counts = self._idf_cache, frequencies.counts
        base = math.log(1 + frequencies.documents) + 1.0
        log = math.log

        def idf(key: str) -> float:
            value = cache.get(key)
            if value is None:
                value = cache[key] = base - log(1 + counts.get(key, 0))
            return value

        return idf

    def _choose_story(self, votes: dict[int, float]) -> int | None:
        if not votes:
            return None
        story, share = max(votes.items(), key=lambda item: (item[1], -item[0]))
        return story if share >= self.options.index_threshold else None

    def _votes(self, neighbours: list[tuple[float, int]]) -> dict[int, float]:
        """Each story's share of the newcomer's event similarity to its neighbours."""
        options = self.options
        if not neighbours:
            return {}
        mine = {slot for _, slot in neighbours}
        # Early in a story its articles have few neighbours yet: shares are taken of the
        # neighbours there are, not of the k there will be.
        k = len(neighbours)
        votes: dict[int, float] = {}
        for score, slot in neighbours:
            other = self.active[slot]
            theirs = {s for _, s in other.neighbours[:k]} | {slot}
            shared = (len(theirs & mine) + 1) / (k + 1)  # +1: the newcomer is in its own list
            similarity = score ** (1.0 - options.neighbour_weight) * shared ** options.neighbour_weight
            votes[other.story] = votes.get(other.story, 0.0) + similarity / k
        return votes

    def _bridged(self, votes: dict[int, float], neighbours: int, story: int | None) -> list[int]:
        """Small recent stories the newcomer ties strongly to the story it joins.

        An event's first articles open several stories when they arrive before the articles
        that link them; a newcomer that draws at least ``index_threshold`` of its vote from
        each of two stories bridges them, and the smaller one (at most ``index_merge_articles``
        articles, all still active, so the work stays bounded) joins the other.
        """
        options = self.options
        if story is None or options.index_merge_articles <= 0 or neighbours < 2:
            return []
        small = []
        for other, share in votes.items():
            if other == story or share < options.index_threshold:
                continue
            record = self.stories[other]
            members = self._members.get(other, ())
            if len(record.article_ids) <= options.index_merge_articles and len(members) == len(record.article_ids):
                small.append(other)
        return sorted(small)

    def _absorb(self, source: int, target: int) -> None:
        """Move every (active) article of story ``source`` into ``target``."""
        active = self.active
        for member in sorted(self._members.get(source, set())):
            if member in self._members.get(source, ()) and not (
                    active[member].copy_of is not None and active[member].copy_of in active):
                self.move_article(member, target)
        self.refresh_story(target)

    def open_story(self, article_id: str) -> int:
        """Open an empty story named after ``article_id``; returns its story number."""
        story_id = "story-" + hashlib.sha1(article_id.encode()).hexdigest()[:12]
        # A story split off later may be named after an article that opened one before.
        number = 1
        while story_id in self._story_position:
            number += 1
            story_id = f"story-{hashlib.sha1(f'{article_id}#{number}'.encode()).hexdigest()[:12]}"
        self.stories.append(IndexedStory(story_id))
        self._story_position[story_id] = len(self.stories) - 1
        return len(self.stories) - 1

    # -- changing stories (also used by :mod:`newsprism.story.relink`) ---------------------

    def members(self, story: int) -> set[int]:
        """The active (or retained) slots of story number ``story`` (a copy; empty when none
        is)."""
        return set(self._members.get(story, ()))

    def move_article(self, slot: int, target: int) -> None:
        """Move the active article in ``slot`` (with the copies that follow it) from its story
        to story number ``target``; call :meth:`refresh_story` on both once moves are done."""
        active = self.active
        source = active[slot].story
        if source == target:
            return
        copies = [m for m in self._members.get(source, ()) if active[m].copy_of == slot]
        old, new = self.stories[source], self.stories[target]
        for member in (slot, *copies):
            article_id = active[member].article_id
            old.article_ids.remove(article_id)
            new.article_ids.append(article_id)
            self.story_of[article_id] = new.id
            active[member].story = target
            members = self._members[source]
            members.discard(member)
            if not members:
                del self._members[source]
            self._members.setdefault(target, set()).add(member)
        original_id = active[slot].article_id
        if original_id in old.duplicates:
            new.duplicates.setdefault(original_id, []).extend(old.duplicates.pop(original_id))

    def refresh_story(self, story: int) -> None:
        """Title and publication span of story number ``story`` after its members changed."""
        record = self.stories[story]
        members = [self.active[m] for m in sorted(self._members.get(story, ()))]
        if not members:
            return
        complete = len(members) == len(record.article_ids)
        days = [m.day for m in members if m.day is not None]
        if complete:
            record.first_day = min(days) if days else None
            record.last_day = max(days) if days else None
        elif days:
            record.first_day = min(days + ([record.first_day] if record.first_day is not None else []))
            record.last_day = max(days + ([record.last_day] if record.last_day is not None else []))
        titled = [m for m in members if m.title]
        if titled:
            best = max(titled, key=lambda m: m.centrality)  # max keeps the earliest of equals
            if complete or best.centrality >= record.title_score:
                record.title, record.title_score = best.title, best.centrality

    def _remember(self, slot: int, keys, values, minhash, neighbours) -> set[int]:
        """Index the newcomer (its vector's keys and values); returns the slots whose neighbour
        lists took it in."""
        options = self.options
        changed: set[int] = set()
        self._postings.add(slot, list(keys), list(values))
        self._lsh.insert(slot, minhash)
        self._arrivals.append(slot)
        for score, other_slot in neighbours:
            other = self.active[other_slot]
            other.centrality += 1
            record = self.stories[other.story]
            if other.title and other.story == self.active[slot].story and other.centrality > record.title_score:
                record.title, record.title_score = other.title, other.centrality
            # Neighbourhoods are kept symmetric: the newcomer replaces a weaker neighbour.
            if len(other.neighbours) < options.neighbours:
                other.neighbours.append((score, slot))
                changed.add(other_slot)
            else:
                weakest = min(other.neighbours)
                if score > weakest[0]:
                    other.neighbours.remove(weakest)
                    other.neighbours.append((score, slot))
                    changed.add(other_slot)
        return changed

    def _expire(self) -> None:
        """Retire the articles past the active window or beyond the count bound.

        While stories are re-formed, an article published too long before the newest one is
        *retained* (still compared, its similarity scaled by the publication gap as the
        batch's is) until more than ``index_retained_articles`` newer ones have been retained
        after it: the undated reports of an event, which a stream in publication order brings
        last, then find its dated reports, and re-forming sees the pairs that keep two events
        of one kind apart. Without re-forming it leaves at once: a vote, never revisited,
        would let the first undated reports of one event join a long-gone story of another.
        """
        options = self.options
        horizon = None if self._newest_day is None else self._newest_day - options.index_active_days
        while self._arrivals:
            slot = self._arrivals[0]
            active = self.active[slot]
            if len(self._arrivals) >= options.index_active_articles:  # room for the newcomer
                self._arrivals.popleft()
                self._forget(slot)
            elif horizon is not None and active.day is not None and active.day < horizon:
                self._arrivals.popleft()
                active.retained = True
                self._retained.append(slot)
            else:
                break
        keep = options.index_retained_articles if options.index_relink_articles > 0 else 0
        while len(self._retained) > keep:
            self._forget(self._retained.popleft())

    def _forget(self, slot: int) -> None:
        active = self.active.pop(slot)
        if active.minhash is not None:
            self._lsh.remove(slot, active.minhash)
        members = self._members.get(active.story)
        if members is not None:
            members.discard(slot)
            if not members:
                del self._members[active.story]

    # -- reading ----------------------------------------------------------------------------

    def story(self, story_id: str) -> IndexedStory:
        """The story with this id (KeyError when there is none)."""
        return self.stories[self._story_position[story_id]]

    def groups(self) -> list[list[str]]:
        """Every story's article ids, stories in order of their first article (stories whose
        articles all moved to others when stories were re-formed are left out)."""
        return [list(s.article_ids) for s in self.stories if s.article_ids]

    # -- persistence ------------------------------------------------------------------------

    def save(self, directory: str | Path) -> None:
        """Write the index to ``directory`` (created if needed; files replaced)."""
        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        manifest = {
            "format": FORMAT, "version": FORMAT_VERSION,
            "options": asdict(self.options),
            "articles": len(self.story_of), "stories": sum(1 for s in self.stories if s.article_ids),
            "documents": self.frequencies.documents, "next_slot": self._next_slot,
            "newest_published": _iso(self._newest_day),
        }
        _write_json(path / "frequencies.json", dict(self.frequencies.counts))
        with _replacing(path / "stories.jsonl") as handle:
            for story in self.stories:
                if not story.article_ids:
                    continue  # every article moved to other stories
                handle.write(json.dumps(story.to_dict(), ensure_ascii=False) + "\n")
        with _replacing(path / "active.jsonl") as handle:
            for slot in (*self._arrivals, *self._retained):
                active = self.active[slot]
                handle.write(json.dumps({
                    "slot": slot, "article_id": active.article_id,
                    "story": self.stories[active.story].id, "published": _iso(active.day),
                    "title": active.title, "vector": active.vector, "weights": active.weights,
                    "neighbours": [[s, round(score, 6)] for score, s in active.neighbours],
                    "minhash": None if active.minhash is None else active.minhash.tolist(),
                    "centrality": active.centrality,
                    "copy_of": active.copy_of, "retained": active.retained,
                }, ensure_ascii=False) + "\n")
        _write_json(path / "index.json", manifest)  # last: a complete manifest means a complete index

    @classmethod
    def load(cls, directory: str | Path) -> StoryIndex:
        """Read an index written by :meth:`save`.

        Raises:
            IndexFormatError: when the directory does not hold a readable index.
        """
        path = Path(directory)
        try:
            manifest = json.loads((path / "index.json").read_text("utf-8"))
            if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
                raise IndexFormatError(f"not a {FORMAT} version {FORMAT_VERSION} directory", source=str(path))
            known = {f.name for f in fields(StoryOptions)}
            options = StoryOptions(**{k: v for k, v in manifest["options"].items() if k in known})
            index = cls(options)
            counts = json.loads((path / "frequencies.json").read_text("utf-8"))
            index.frequencies = DocumentFrequencies(counts, manifest["documents"])
            for line in _lines(path / "stories.jsonl"):
                story = IndexedStory.from_dict(json.loads(line))
                index._story_position[story.id] = len(index.stories)
                index.stories.append(story)
                for article_id in story.article_ids:
                    index.story_of[article_id] = story.id
            index._next_slot = manifest["next_slot"]
            index._newest_day = _ordinal(manifest.get("newest_published"))
            for line in _lines(path / "active.jsonl"):
                data = json.loads(line)
                slot = data["slot"]
                active = _Active(data["article_id"], index._story_position[data["story"]],
                                 _ordinal(data["published"]), data["title"], *_packed(data["vector"]),
                                 *_packed(data["weights"]),
                                 [(score, s) for s, score in data["neighbours"]],
                                 None if data["minhash"] is None else np.array(data["minhash"], dtype=np.uint32),
                                 data.get("centrality", 0), data.get("copy_of"),
                                 data.get("retained", False))
                index.active[slot] = active
                index._members.setdefault(active.story, set()).add(slot)
                index._postings.add(slot, list(active.vector_keys), active.vector_values.tolist())
                if active.minhash is not None:
                    index._lsh.insert(slot, active.minhash)
                (index._retained if active.retained else index._arrivals).append(slot)
        except IndexFormatError:
            raise
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise IndexFormatError(f"cannot read the story index: {type(error).__name__}: {error}",
                                   source=str(path)) from error
        return index


def _packed(mapping: dict[str, float]) -> tuple[tuple[str, ...], np.ndarray]:
    """A mapping as the key tuple and value array an active article keeps (keys shared)."""
    return tuple(map(intern, mapping)), np.array(list(mapping.values()), dtype=float)


def _ranked(vector: dict[str, float]) -> list[str]:
    """The vector's keys, strongest first."""
    # sorted() is stable: equal weights keep the vector's (deterministic) key order.
    return sorted(vector, key=vector.__getitem__, reverse=True)


def _estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return int(np.count_nonzero(a == b)) / len(a) if len(a) else 0.0


def _iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day is not None else None


def _ordinal(value: str | None) -> int | None:
    return date.fromisoformat(value).toordinal() if value else None


def _write_json(path: Path, data) -> None:
    with _replacing(path) as handle:
        json.dump(data, handle, ensure_ascii=False)


class _replacing:
    """Write to ``path.tmp`` and move it over ``path`` only when writing succeeded."""

    def __init__(self, path: Path):
        self.path = path
        self.temporary = path.with_name(path.name + ".tmp")

    def __enter__(self):
        self.handle = self.temporary.open("w", encoding="utf-8")
        return self.handle

    def __exit__(self, kind, value, traceback):
        self.handle.close()
        if kind is None:
            self.temporary.replace(self.path)
        else:
            self.temporary.unlink(missing_ok=True)


def _lines(path: Path):
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield line
