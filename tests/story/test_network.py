"""Who responded to whom: speech acts of quoted words, resolution, aggregation."""

from __future__ import annotations

import random

import pytest

from newsprism.extract.interactions import Act, Party
from newsprism.model import Article, Description, Person, Post, Quote, Span
from newsprism.story.network import Resolver, interactions
from newsprism.story.speech_acts import sentences, speech_acts


@pytest.mark.parametrize("text, expected", [
    ("Thank you Maya, very kind of you!", {"thanks"}),
    ("Thanks to the crews who worked all night.", {"thanks"}),
    ("I'm sorry for what I said yesterday.", {"apologises"}),
    ("My fault, everyone.", {"apologises"}),
    ("Nah, that's not it.", {"rejects"}),
    ("No. That is simply false.", {"rejects"}),
    ("I hope you'll reconsider before the vote.", {"asks"}),
    ("Please don't let them divide us.", {"asks"}),
    ("It's nice to see the council finally waking up to its own disaster.", {"mocks"}),
    ("Love how the mayor blames everyone but herself for this mess.", {"mocks"}),
    ("He is a moron and everybody knows it.", {"insults"}),
    ("Maya has done a wonderful, brilliant job for this city.", {"praises"}),
    ("Reyes is a dishonest, cruel and incompetent minister.", {"criticises"}),
    # Two negations around a stance word keep it: love, not criticism.
    ("The critics can't make me not love her.", {"praises"}),
    ("Nobody could make me not admire the way she fought.", {"praises"}),
    ("They can't make me not hate this plan.", {"criticises"}),
    # Plain statements do nothing to anyone.
    ("The bridge stays closed until engineers say it is safe.", set()),
    ("We told the council about the rust in 2022.", set()),
    # "no" inside a sentence is not a rejection; a moral word is not an insult.
    ("There is no money for the repairs yet.", set()),
])
def test_speech_acts(text, expected):
    assert {a.type for a in speech_acts(text)} == expected


def test_speech_acts_are_per_sentence():
    text = "Maya has done a brilliant job. Thank you also to Dr. Ade Bello, a true friend."
    acts = speech_acts(text)
    assert [(a.type, text[a.sentence_start:a.sentence_end][:12]) for a in acts] == [
        ("praises", "Maya has don"), ("thanks", "Thank you al")]


def test_sentences_keep_abbreviations():
    text = "Hi. The U.S. is big. Mr. Smith left... Really?"
    assert [text[s:e] for s, e in sentences(text)] == ["Hi.", "The U.S. is big.", "Mr. Smith left...", "Really?"]


TEXT = ("Okafor ripped Varga on Monday. The mayor replied. “Every report was acted on,” Varga said. "
        "“Thank you, Theo,” Reyes wrote to Okafor.")
ART = Article("a", "a.txt", TEXT, outlet="Courier")


def sp(text: str, role: str | None = None, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return Span("a", start, start + len(text), text, role)


PEOPLE = [
    Person("theo-okafor", "Theo Okafor", aliases=("Okafor", "Theo"),
           evidence=(sp("Okafor"), sp("Theo"), sp("Okafor", nth=1))),
    Person("elena-varga", "Elena Varga", aliases=("Varga",),
           descriptions=(Description("Mayor", (sp("Varga"),)),), evidence=(sp("Varga"), sp("Varga", nth=1))),
    Person("daniel-reyes", "Daniel Reyes", aliases=("Reyes",), evidence=(sp("Reyes"),)),
]


def test_resolver_uses_names_then_epithet_heads_then_earlier_names():
    resolver = Resolver(PEOPLE)
    assert resolver.resolve(Party(sp("Okafor"), (sp("Okafor"),))) == ("theo-okafor", 1.0)
    epithet = Party(sp("The mayor"), (), "mayor", (sp("Okafor"),))
    assert resolver.resolve(epithet)[0] == "elena-varga"
    pronoun = Party(sp("The mayor"), (), None, (sp("Okafor"), sp("Varga")))
    assert resolver.resolve(pronoun, exclude="theo-okafor")[0] == "elena-varga"
    assert resolver.resolve(Party(sp("Monday"), (sp("Monday"),))) == (None, 0.0)


def test_interactions_aggregate_narration_quotes_and_posts():
    ripped = Act("criticises", Party(sp("Okafor"), (sp("Okafor"),)), Party(sp("Varga"), (sp("Varga"),)),
                 sp("ripped", "cue"), (0, 30), date="2025-03-03")
    replied = Act("replies_to", Party(sp("The mayor"), (), "mayor", ()),
                  Party(sp("Okafor"), (), None, (sp("Okafor"),)), sp("replied", "cue"), (31, 49), confidence=0.5)
    wrote = Act("contacts", Party(sp("Reyes"), (sp("Reyes"),)), Party(sp("Okafor", nth=1), (sp("Okafor", nth=1),)),
                sp("wrote", "cue"), (TEXT.index("“Thank"), len(TEXT)))
    thanks_quote = Quote("q1", "Thank you, Theo", "direct", "daniel-reyes", "wrote", "text message",
                         (sp("Thank you, Theo", "content"),))
    other = Article("b", "b.txt", "Thank you, Theo — Daniel Reyes (@dreyes) March 4, 2025", outlet="Harbour")
    post = Post("p1", "twitter", "post", "Thank you, Theo",
                (Span("b", 0, 15, "Thank you, Theo", "text"),), author_id="daniel-reyes", posted="2025-03-04T09:00:00Z")
    result = interactions([ART, other], PEOPLE, {"a": [ripped, replied, wrote]}, [thanks_quote], [post])
    edges = {(i.source_id, i.type, i.target_id): i for i in result}
    assert ("theo-okafor", "criticises", "elena-varga") in edges
    assert edges[("theo-okafor", "criticises", "elena-varga")].dates == ("2025-03-03",)
    assert ("elena-varga", "replies_to", "theo-okafor") in edges
    assert ("daniel-reyes", "contacts", "theo-okafor") in edges
    thanks = edges[("daniel-reyes", "thanks", "theo-okafor")]
    # The quotation names Theo; the post's "Theo" is no recorded mention and no narration
    # says whom it addresses, so it adds nothing rather than a guess.
    assert (thanks.count, thanks.article_ids) == (1, ("a",))
    for interaction in result:
        for span in interaction.evidence:
            source = TEXT if span.article_id == "a" else other.text
            assert source[span.start:span.end] == span.text
        assert {s.role for s in interaction.evidence} <= {"cue", "source", "target", "content"}


def test_a_quotation_addressed_through_narration_targets_the_addressee():
    # '“Every report was acted on,” Varga said' names no one; nothing is invented for it.
    quote = Quote("q2", "Every report was acted on", "direct", "elena-varga", "said", "statement",
                  (sp("Every report was acted on", "content"),))
    assert interactions([ART], PEOPLE, {}, [quote], []) == ()


def _edges(story) -> set[tuple[str, str, str]]:
    return {(i.source_id, i.type, i.target_id) for i in story.interactions}


@pytest.mark.model
def test_seed_interactions_found_with_evidence(seed_analysis):
    story = seed_analysis.stories[0]
    edges = _edges(story)
    for expected in [
        ("donald-trump", "praises", "kanye-west"),          # "lauded West", "a great service"
        ("chance-the-rapper", "defends", "kanye-west"),     # "Chance tried defending Kanye"
        ("chance-the-rapper", "rejects", "donald-trump"),   # retweeted the President: "Nah, that ain't it yo."
        ("john-legend", "criticises", "kanye-west"),        # "Legend, who also criticized West"
        ("kanye-west", "replies_to", "john-legend"),        # "address Legend's call", "In response"
        ("rosie-o-donnell", "criticises", "kanye-west"),    # "ripped West"
        ("james-gunn", "insults", "kanye-west"),            # called West a "complete freaking lunatic"
    ]:
        assert expected in edges, expected
    # Nobody is said to praise or criticise the wrong person in these reports; "the mob can't
    # make me not love him" is love, whatever a single-negation tone rule makes of it.
    assert ("john-legend", "praises", "donald-trump") not in edges
    assert ("kanye-west", "criticises", "donald-trump") not in edges
    texts = {a.id: a.text for a in seed_analysis.articles}
    rejects = next(i for i in story.interactions if i.type == "rejects")
    assert any("Nah" in s.text for s in rejects.evidence)
    for interaction in story.interactions:
        assert interaction.evidence
        for span in interaction.evidence:
            assert texts[span.article_id][span.start:span.end] == span.text


@pytest.mark.model
def test_example_story_interactions_and_count_conflict(example_analysis):
    story = example_analysis.stories[0]
    edges = _edges(story)
    assert ("daniel-reyes", "thanks", "theo-okafor") in edges
    assert ("daniel-reyes", "replies_to", "theo-okafor") in edges
    assert any(t == "rejects" and s == "elena-varga" for s, t, _ in edges)
    counts = [c for c in story.conflicts if c.kind == "fact" and c.facet == "count"]
    assert counts and {"about 120 residents", "About 150 people"} <= set(counts[0].values)


def test_people_named_in_part_of_words_are_named_in_them():
    # Quoted words naming no one but the speaker are not read for acts: that holds only if
    # the people a sentence of them names are among those the whole words name.
    rng = random.Random(9)
    for _ in range(200):
        people = []
        for k in range(rng.randint(1, 5)):
            spans = []
            for _ in range(rng.randint(1, 4)):
                start = rng.randrange(200)
                spans.append(Span("a", start, start + rng.randint(1, 25), "x"))
            people.append(Person(f"p{k}", f"P{k}", evidence=tuple(spans)))
        resolver = Resolver(people)
        for _ in range(20):
            start = rng.randrange(220)
            end = start + rng.randint(0, 80)
            whole = set(resolver.people_in("a", start, end))
            s = rng.randint(start, end)
            assert set(resolver.people_in("a", s, rng.randint(s, end))) <= whole
