"""Contradictions of counts, ages, titles and places between sources."""

from __future__ import annotations

import math

import pytest

from newsprism.extract.facts import Claim
from newsprism.extract.interactions import Party
from newsprism.model import Article, Description, Event, Person, Span
from newsprism.story.contradictions import fact_conflicts

A = Article("a", "a.txt", "x" * 400, outlet="Courier")
B = Article("b", "b.txt", "y" * 400, outlet="Harbour")
C = Article("c", "c.txt", "z" * 400, outlet="Coastline")


def claim(article: Article, facet: str, value: str, low: float, high: float, unit=None, verb=None,
          about=None, context=(), at: int = 10) -> Claim:
    text = article.text[at:at + len(value)]
    return Claim(facet, value, low, high, Span(article.id, at, at + len(value), text, "value"), (0, 200),
                 unit, verb, about, frozenset(context))


def party(article: Article, start: int, end: int) -> Party:
    span = Span(article.id, start, end, article.text[start:end])
    return Party(span, (span,))


WEST = Person("kanye-west", "Kanye West", evidence=(Span("a", 50, 54, "x" * 4), Span("b", 50, 54, "y" * 4)))


@pytest.mark.parametrize("first, second, conflict", [
    # 120 against 150 residents/people, around the same place: a conflict.
    ((120 * 0.9, 120 * 1.1, "resident", "evacuate", {"terrace", "river", "bridge"}),
     (150 * 0.9, 150 * 1.1, "people", "move", {"terrace", "river", "city"}), True),
    # "more than 80 times" and "100 times": compatible.
    ((80, math.inf, "time", "tweet", set()), (100, 100, "time", "tweet", set()), False),
    # "more than 80 times" and "about 40 times": not.
    ((80, math.inf, "time", "tweet", set()), (36, 44, "time", "tweet", set()), True),
    # Different things counted: residents and cables.
    ((120, 120, "resident", "leave", {"bridge"}), (12, 12, "cable", "corrode", {"bridge"}), False),
    # Same noun, different verbs, nothing else in common: not known to be the same count.
    ((120, 120, "resident", "attend", {"rally"}), (150, 150, "resident", "evacuate", {"flood"}), False),
])
def test_counts_conflict_only_when_they_count_the_same_thing_differently(first, second, conflict):
    c1 = claim(A, "count", "120", first[0], first[1], first[2], first[3], context=first[4])
    c2 = claim(B, "count", "150", second[0], second[1], second[2], second[3], context=second[4])
    found = fact_conflicts([A, B], {"a": [c1], "b": [c2]}, [])
    assert bool(found) is conflict
    if conflict:
        (item,) = found
        assert item.kind == "fact" and item.facet == "count"
        assert {s.article_id for s in item.evidence} == {"a", "b"}
        assert "Courier" in item.description and "Harbour" in item.description


def test_counts_about_different_people_do_not_conflict():
    legend = Person("john-legend", "John Legend", evidence=(Span("b", 60, 64, "y" * 4),))
    c1 = claim(A, "count", "80", 80, math.inf, "time", "tweet", about=party(A, 50, 54))
    c2 = claim(B, "count", "20", 20, 20, "time", "tweet", about=party(B, 60, 64))
    assert fact_conflicts([A, B], {"a": [c1], "b": [c2]}, [WEST, legend]) == ()


def test_one_article_never_conflicts_with_itself():
    c1 = claim(A, "count", "120", 120, 120, "resident", "leave")
    c2 = claim(A, "count", "150", 150, 150, "resident", "leave", at=40)
    assert fact_conflicts([A], {"a": [c1, c2]}, []) == ()


def test_different_ages_of_one_person_conflict():
    c1 = claim(A, "age", "40", 40, 40, about=party(A, 50, 54))
    c2 = claim(B, "age", "41", 41, 41, about=party(B, 50, 54))
    (conflict,) = fact_conflicts([A, B], {"a": [c1], "b": [c2]}, [WEST])
    assert (conflict.facet, conflict.about, conflict.values) == ("age", "kanye-west", ("40", "41"))
    same = claim(B, "age", "40", 40, 40, about=party(B, 50, 54))
    assert fact_conflicts([A, B], {"a": [c1], "b": [same]}, [WEST]) == ()


@pytest.mark.parametrize("first, second, conflict", [
    ("Transport minister", "Health minister", True),
    ("former co-host", "co-host", True),
    ("White House press secretary", "press secretary", False),
    ("singer", "singer", False),
    ("Legend’s wife", "Teigen’s wife", False),  # family words are not titles
])
def test_titles(first, second, conflict):
    a = Article("a", "a.txt", first, outlet="Courier")
    b = Article("b", "b.txt", second, outlet="Harbour")
    person = Person("p", "Pat Doe", descriptions=(
        Description(first, (Span("a", 0, len(first), first),)),
        Description(second, (Span("b", 0, len(second), second),)),
    ))
    found = fact_conflicts([a, b], {}, [person])
    assert bool(found) is conflict
    if conflict:
        assert found[0].facet == "title" and found[0].values == (first, second)


def test_places_of_one_event():
    text_a = "West met Trump at Trump Tower in New York."
    text_b = "West met Trump at the White House in Washington."
    a = Article("a", "a.txt", text_a, outlet="Courier")
    b = Article("b", "b.txt", text_b, outlet="Harbour")
    event = Event("e1", "West meets Trump", (Span("a", 0, 8, text_a[:8]), Span("b", 0, 8, text_b[:8])))

    def place(article, text):
        start = article.text.index(text)
        return Claim("place", text, 0, 0, Span(article.id, start, start + len(text), text, "place"),
                     (0, len(article.text)), "GPE")

    claims = {"a": [place(a, "New York")], "b": [place(b, "Washington")]}
    (conflict,) = fact_conflicts([a, b], claims, [], [event])
    assert conflict.facet == "place" and conflict.about == "e1"
    claims["b"] = [place(b, "Washington"), Claim("place", "New York", 0, 0, Span("b", 0, 0, ""), (0, len(text_b)), "GPE")]
    assert fact_conflicts([a, b], claims, [], [event]) == ()
