"""Contradictions of numbers and facts between the story's sources, with both sides' evidence.

* counts: claims that count the same kind of thing (the same noun, people-nouns together:
  "residents", "people") with the same verb or in sentences sharing content words, whose
  intervals ("more than 80", "about 120") do not overlap;
* ages: one person given different ages;
* titles: one person given the same kind of role with incompatible qualifiers ("transport
  minister" / "health minister", "former co-host" / "co-host");
* places: one event placed in different locations by different articles.

The result joins the story's ``conflicts`` (those of dates come from the timeline) as
``Conflict(kind="fact")`` through a refiner of that stage.
"""

from __future__ import annotations


from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from newsprism.extract.facts import Claim
from newsprism.extract.interactions import person_nouns
from newsprism.model import Article, Conflict, Person
from newsprism.options import FactOptions, Options
from newsprism.stages import StoryInput, story_stage
from newsprism.story.framing import outlet
from newsprism.story.network import Resolver
from newsprism.story.partition import Partition

# Nouns that count people, whatever the word: "120 residents" and "150 people" count alike.
PEOPLE_UNITS = frozenset(
    "people person resident citizen individual inhabitant civilian local villager evacuee passenger "
    "patient victim".split()
)
FORMER = frozenset({"former", "ex", "then", "outgoing", "retired", "late"})


@story_stage("fact_conflicts", requires=("people",), refines="conflicts")
def add_fact_conflicts(story: StoryInput, options: Options) -> tuple[Conflict, ...]:
    """The story's conflicts, with contradictions of facts added to those of dates."""
    claims = {a.id: list(c or []) for a, c in story.document_results("fact_claims")}
    found = fact_conflicts(
        story.articles, claims, story.results.get("people", ()) or (),
        story.results.get("events", ()) or (), options.compare.facts,
    )
    return tuple(story.results.get("conflicts", ()) or ()) + found


def fact_conflicts(
    articles: Sequence[Article],
    claims: dict[str, list[Claim]],
    people: Sequence[Person],
    events: Sequence = (),
    options: FactOptions | None = None,
) -> tuple[Conflict, ...]:
    """Every contradiction of counts, ages, titles and places between different articles."""
    options = options or FactOptions()
    names = {a.id: outlet(a) for a in articles}
    resolver = Resolver(people)
    found = _counts(claims, resolver, names, options)
    found += _ages(claims, resolver, names, options)
    found += _titles(people, names)
    found += _places(claims, events, names)
    return tuple(found)


def _counts(claims, resolver: Resolver, names, options: FactOptions) -> list[Conflict]:
    items = [(aid, c, resolver.resolve(c.about)[0]) for aid, cs in claims.items() for c in cs if c.facet == "count"]
    partition = Partition(range(len(items)))
    for i, j in combinations(range(len(items)), 2):
        if items[i][0] != items[j][0] and _same_thing(items[i], items[j], options):
            partition.union(i, j)
    groups = [[items[k] for k in members] for members in partition.groups()]
    conflicts = []
    for group in groups:
        if len({aid for aid, _, _ in group}) < 2 or not _disagree([c for _, c, _ in group]):
            continue
        group.sort(key=lambda item: (item[1].low, item[0]))
        unit = _unit(group[0][1])
        values = tuple(c.evidence.text for _, c, _ in group)
        sides = "; ".join(f"“{c.evidence.text}” ({names.get(aid, aid)})" for aid, c, _ in group)
        about = next((pid for _, _, pid in group if pid), None)
        conflicts.append(Conflict(
            kind="fact",
            description=f"Sources give different counts of {unit}: {sides}",
            evidence=tuple(c.evidence for _, c, _ in group),
            values=values,
            about=about or unit,
            facet="count",
        ))
    return conflicts


def _same_thing(a, b, options: FactOptions) -> bool:
    (_, x, px), (_, y, py) = a, b
    if _unit(x) != _unit(y):
        return False
    if px and py and px != py:
        return False
    if x.verb and x.verb == y.verb:
        return True
    shared = (x.context & y.context) - {x.unit, y.unit, x.verb, y.verb}
    return len(shared) >= options.min_shared_words


def _unit(claim: Claim) -> str:
    return "people" if claim.unit in PEOPLE_UNITS else (claim.unit or "things")


def _disagree(claims: list[Claim]) -> bool:
    """Some two claims whose intervals do not overlap."""
    return any(x.high < y.low or y.high < x.low for x, y in combinations(claims, 2))


def _ages(claims, resolver: Resolver, names, options: FactOptions) -> list[Conflict]:
    by_person: dict[str, list] = defaultdict(list)
    for aid, cs in claims.items():
        for claim in cs:
            if claim.facet == "age":
                pid, _ = resolver.resolve(claim.about)
                if pid:
                    by_person[pid].append((aid, claim))
    conflicts = []
    for pid, found in by_person.items():
        if len({aid for aid, _ in found}) < 2:
            continue
        ages = [c.low for _, c in found]
        if max(ages) - min(ages) > options.age_tolerance:
            sides = "; ".join(f"{c.value} ({names.get(aid, aid)})" for aid, c in found)
            conflicts.append(Conflict("fact", f"Sources give {pid} different ages: {sides}",
                                      tuple(c.evidence for _, c in found), values=tuple(c.value for _, c in found),
                                      about=pid, facet="age"))
    return conflicts


def _titles(people: Sequence[Person], names) -> list[Conflict]:
    """Same role word, incompatible qualifiers, in different articles."""
    conflicts = []
    nouns = person_nouns()
    for person in people:
        by_head: dict[str, list] = defaultdict(list)
        for description in person.descriptions:
            words = description.text.lower().replace("’s", "").replace("-", " ").split()
            if not words or words[-1] not in nouns or words[-1] in ("wife", "husband", "friend", "brother", "sister"):
                continue
            for span in description.evidence:
                by_head[words[-1]].append((span, frozenset(words[:-1])))
        for head, uses in by_head.items():
            for (s1, q1), (s2, q2) in combinations(uses, 2):
                if s1.article_id == s2.article_id:
                    continue
                former = bool(q1 & FORMER) != bool(q2 & FORMER)
                if former or (q1 and q2 and not (q1 <= q2 or q2 <= q1)):
                    conflicts.append(Conflict(
                        "fact",
                        f"Sources describe {person.name} differently: “{s1.text}” ({names.get(s1.article_id)}) "
                        f"vs “{s2.text}” ({names.get(s2.article_id)})",
                        (s1, s2), values=(s1.text, s2.text), about=person.id, facet="title",
                    ))
                    break
    return conflicts


def _places(claims, events: Sequence, names) -> list[Conflict]:
    """Different places named for one event by different articles."""
    conflicts = []
    for event in events:
        per_article: dict[str, list[Claim]] = defaultdict(list)
        for span in event.evidence:
            for claim in claims.get(span.article_id, ()):
                start, end = claim.sentence
                if claim.facet == "place" and start <= span.start < end:
                    per_article[span.article_id].append(claim)
        for (a1, c1), (a2, c2) in combinations(per_article.items(), 2):
            p1 = {c.value.lower() for c in c1}
            p2 = {c.value.lower() for c in c2}
            if p1 and p2 and not any(x in y or y in x for x in p1 for y in p2):
                conflicts.append(Conflict(
                    "fact",
                    f"Sources place “{event.description}” differently: {', '.join(sorted(p1))} ({names.get(a1)}) "
                    f"vs {', '.join(sorted(p2))} ({names.get(a2)})",
                    tuple(c.evidence for c in c1 + c2), values=tuple(c.value for c in c1 + c2),
                    about=event.id, facet="place",
                ))
    return conflicts



