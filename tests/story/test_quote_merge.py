"""Quotations merged across articles: the batch search for alike words misses none."""

import random

from rapidfuzz import fuzz

from newsprism.options import QuotesOptions
from newsprism.story.quotes import _contains, _Item, _near


def _variants(text: str, rng: random.Random, count: int) -> list[str]:
    found = []
    for _ in range(count):
        chars = list(text)
        for _ in range(rng.randrange(14)):
            at = rng.randrange(len(chars))
            edit = rng.randrange(3)
            if edit == 0:
                chars.insert(at, rng.choice("aeiou ’'"))
            elif edit == 1 and len(chars) > 1:
                del chars[at]
            else:
                chars[at] = rng.choice("xyzé")
        found.append("".join(chars))
    return found


def test_near_words_hold_every_member_whose_ratio_reaches_the_threshold():
    rng = random.Random(11)
    words = _variants("the harbour will stay closed for at least three more days", rng, 60)
    words += _variants("we will rebuild it", rng, 20) + ["", "days"]
    groups = [([_Item(None, None, 0.0, w, []) for w in words[k::3]], set()) for k in range(3)]
    for threshold in (85.0, 90.0, 84.5, 50.0, 100.0, 0.5):
        options = QuotesOptions(merge_similarity=threshold)
        for key in words:
            near = _near(key, groups, options)
            assert {w for w in words if fuzz.ratio(key, w) >= threshold} <= near, (threshold, key)


def test_containment_decides_as_the_plain_partial_ratio():
    rng = random.Random(5)
    whole = "the harbour will stay closed for at least three more days, the mayor's office said"
    texts = _variants(whole, rng, 40) + _variants("stay closed for at least three", rng, 20)
    texts += [whole, whole[10:50], whole[:30], "closed", "", "days", "we will rebuild it"]
    for containment in (95.0, 90.0, 94.5, 100.0, 50.0, 1.0, 0.5, 0.0):
        for _ in range(300):
            a, b = rng.choice(texts), rng.choice(texts)
            assert _contains(a, b, containment) == (fuzz.partial_ratio(a, b) >= containment), (a, b, containment)
    assert any(_contains(a, whole, 95.0) for a in texts if a != whole)
