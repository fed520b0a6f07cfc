"""What normalizing one document's temporal expressions shares: the document context (its
DCT and the values already resolved), the resolution record, and the reading of lead words
("last", "the past", "early") that shift or qualify an expression."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
WORD_RE = re.compile(r"[A-Za-z]+(?:['’]s)?|\d+(?:[.,]\d+)?(?:\s+\d/\d)?|\d+")
EDGE_MODS = (("the end of", "END"), ("end of", "END"), ("the beginning of", "START"),
             ("beginning of", "START"), ("the start of", "START"), ("start of", "START"),
             ("the middle of", "MID"), ("middle of", "MID"), ("earlier", "START"),
             ("early", "START"), ("later", "END"), ("late", "END"), ("mid", "MID"))
PREVIOUS_WORDS = ("last", "past", "previous", "prior", "the past", "the last", "the previous",
             "the prior", "this past", "latest", "the latest")
NEXT_WORDS = ("next", "coming", "following", "upcoming", "the next", "the coming", "the following",
         "this coming")


@dataclass
class Context:
    """What normalization of one document knows: its DCT and the dates it already resolved."""

    dct: date | None
    dct_time: str | None = None
    # (granularity, value); "period" marks a definite span of months with no calendar value
    # ("the first nine months"), which "a year earlier" may then refer to
    mentioned: list[tuple[str, str]] = field(default_factory=list)

    def last(self, *granularities: str) -> str | None:
        """The most recent resolved value of one of these granularities."""
        entry = self.last_entry(*granularities)
        return entry[1] if entry else None

    def last_entry(self, *granularities: str) -> tuple[str, str] | None:
        """The most recent (granularity, value) of one of these granularities."""
        for granularity, value in reversed(self.mentioned):
            if granularity in granularities:
                return granularity, value
        return None


@dataclass(frozen=True)
class Resolution:
    """A normalized expression: TIMEX3 type and value, modifier, granularity, and whether the
    value depends on the DCT (``relative``)."""

    type: str
    value: str | None
    mod: str | None = None
    granularity: str | None = None
    relative: bool = False
    derived: bool = False


def edge_mod(text: str) -> str | None:
    lowered = text.lower()
    for prefix, mod in EDGE_MODS:
        if lowered.startswith(prefix):
            return mod
    return None


def lead_words(text: str, names) -> str:
    """The words before the first of ``names`` in ``text`` (lower case, single spaces)."""
    lowered = text.lower()
    positions = [lowered.find(n) for n in names if n in lowered]
    if not positions:
        return ""
    return lowered[:min(positions)].strip(" ,")


def strip_edge(lead: str) -> str:
    for prefix, _ in EDGE_MODS:
        if lead.startswith(prefix):
            return lead[len(prefix):].strip(" -")
    return lead
