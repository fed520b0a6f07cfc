"""Who a post is by, and whom it addresses: handles, display names and narration to people.

The ``people`` stage already pairs handles with names ("KANYE WEST (@kanyewest)" makes
``@kanyewest`` a handle of Kanye West). A post's handle is looked up there first; then its
display name among the people's names and aliases; then a handle that spells exactly one
person's name ("@realDonaldTrump"). Words of the narration ("West tweeted", "retweeted the
President") resolve through the people's evidence spans, or, for an epithet, through the
one person it describes. Nothing is resolved on a guess between two people.
"""

from __future__ import annotations

import re
from collections import defaultdict

from newsprism.model import Person, Span
from newsprism.story.people import name_key

_DETERMINERS = re.compile(r"^(?:the|a|an|this|that)\s+", re.IGNORECASE)


class PeopleIndex:
    """Lookups from handles, names, text spans and epithets to person ids."""

    def __init__(self, people: tuple[Person, ...]):
        self.people = {p.id: p for p in people}
        self._handles: dict[str, str] = {}
        self._names: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self._spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        self._epithets: dict[str, set[str]] = defaultdict(set)
        for person in people:
            for handle in person.handles:
                self._handles[handle.lstrip("@").casefold()] = person.id
            for name in (person.name, *person.aliases):
                key = name_key(name)
                if key:
                    self._names[key].add(person.id)
            for span in person.evidence:
                self._spans[span.article_id].append((span.start, span.end, person.id))
            for description in person.descriptions:
                words = description.text.casefold().split()
                if words:
                    self._epithets[words[-1]].add(person.id)
                    self._epithets[description.text.casefold()].add(person.id)

    def by_handle(self, handle: str | None) -> str | None:
        """The person known by this handle, or whose full name it spells (one person only)."""
        if not handle:
            return None
        folded = handle.lstrip("@").casefold()
        if folded in self._handles:
            return self._handles[folded]
        letters = re.sub(r"[^a-z]", "", folded)
        fits = [
            p.id for p in self.people.values()
            if len(name_key(p.name)) >= 2
            and re.sub(r"[^a-z]", "", "".join(name_key(p.name))) in letters
        ]
        return fits[0] if len(fits) == 1 else None

    def by_name(self, name: str | None) -> str | None:
        """The one person with this name or alias (case and titles aside)."""
        if not name:
            return None
        ids = self._names.get(name_key(name), set())
        return next(iter(ids)) if len(ids) == 1 else None

    def by_span(self, span: Span) -> str | None:
        """The person a span of narration names: the person whose mention it overlaps most,
        else the one person an epithet in it describes ("the President", "the minister")."""
        overlaps: dict[str, int] = defaultdict(int)
        for start, end, pid in self._spans.get(span.article_id, ()):
            common = min(end, span.end) - max(start, span.start)
            if common > 0:
                overlaps[pid] = max(overlaps[pid], common)
        if overlaps:
            ranked = sorted(overlaps.items(), key=lambda item: -item[1])
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                return ranked[0][0]
            return None
        return self.by_epithet(span.text)

    def by_epithet(self, text: str) -> str | None:
        """The one person described by the epithet's words or its head noun."""
        phrase = _DETERMINERS.sub("", text.strip()).casefold()
        if not phrase:
            return None
        for key in (phrase, phrase.split()[-1]):
            ids = self._epithets.get(key, set())
            if len(ids) == 1:
                return next(iter(ids))
            if len(ids) > 1:
                return None
        return None

    def handles_of(self, person_id: str | None) -> set[str]:
        """The handles (case-folded, without @) known for a person."""
        person = self.people.get(person_id or "")
        return {h.lstrip("@").casefold() for h in person.handles} if person else set()
