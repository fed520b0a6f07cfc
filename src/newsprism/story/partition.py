"""A union-find partition: joins items linked in pairs into groups (syndicated outlets, counts
of one thing, articles about one event)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable


class Partition:
    """Disjoint sets over hashable items, with path halving."""

    def __init__(self, items: Iterable[Hashable] = ()):
        self.parent: dict[Hashable, Hashable] = {item: item for item in items}

    def find(self, item: Hashable) -> Hashable:
        """The representative of the item's group (the item joins as its own group if new)."""
        parent = self.parent.setdefault(item, item)
        while parent != item:
            self.parent[item] = self.parent[parent]
            item, parent = parent, self.parent[parent]
        return item

    def union(self, a: Hashable, b: Hashable) -> None:
        """Join the groups of ``a`` and ``b`` (the first one's representative stays)."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a

    def groups(self) -> list[list[Hashable]]:
        """Every group, its items in insertion order."""
        found: dict[Hashable, list] = defaultdict(list)
        for item in self.parent:
            found[self.find(item)].append(item)
        return list(found.values())
