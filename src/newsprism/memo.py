"""A bounded memo for functions of one word, cheap enough for the inner loops of a stream.

``functools.lru_cache`` keeps its entries in recency order, and that bookkeeping makes a hit
cost about three plain dictionary lookups; mapping it over every token of a million articles
showed in profiles. :class:`Memo` is a dictionary whose misses compute the value: a hit is a
dictionary lookup (``map(memo.__getitem__, words)`` stays in C), and when it holds ``limit``
entries it starts afresh, so memory stays bounded on an endless stream of new words.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


class Memo(dict):
    """``memo[key]`` is ``function(key)``, computed once per key while it is remembered.

    Args:
        function: a pure function of one hashable argument.
        limit: entries kept before the memo is emptied (at least 1).
    """

    def __init__(self, function: Callable[[Any], Any], limit: int):
        super().__init__()
        if limit < 1:
            raise ValueError(f"a memo must keep at least one entry, not {limit}")
        self.function = function
        self.limit = limit

    def __missing__(self, key: Hashable) -> Any:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.function(key)
        return value
