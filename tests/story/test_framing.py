"""Framing: the outlet's own voice (quotations masked), evaluative words, tone, sources."""

from __future__ import annotations

import random

import pytest

from newsprism import sentiment
from newsprism.extract.narration import Narration, NarrationSentence, _pieces, embed_ranges, merge, quoted_ranges
from newsprism.model import Article, Embed, Person, Post, Quote, Span
from newsprism.options import FramingOptions
from newsprism.story.framing import POST_TEXT_ROLES, WORD, main_people, outlet_framing, source_shares, sources_by_article
from newsprism.story.lexicon import Hit, TokenInfo, evaluative_lexicon, is_evaluative


def masked_text(text: str) -> str:
    """The text with quoted ranges blanked out, to read what stays narration."""
    chars = list(text)
    for start, end in merge(list(quoted_ranges(text))):
        for i in range(start, end):
            chars[i] = "_"
    return "".join(chars)


@pytest.mark.parametrize("text, kept, removed", [
    ("The mayor called it “a disgrace” on Monday.", "The mayor called it", "disgrace"),
    ('He said "we will win" and left.', "and left.", "we will win"),
    ("She wrote: “The plan fails.\nIt fails again.", "It fails again.", "The plan fails"),
    ("Critics called the plan ‘reckless’, she said.", "Critics called the plan", "reckless"),
    ("Clinton: Trump's view of the world is 'dangerously wrong'; she spoke.", "Trump's view of the world is", "dangerously"),
    ("The '90s were over and Trump's 'plan' failed.", "failed.", "plan"),
    # Apostrophes are text, not quotation marks.
    ("The council’s report and the mayor’s plan were late.", "council’s report and the mayor’s plan", None),
    ("Rock ’n’ roll isn’t dead, the singer’s fans say.", "isn’t dead, the singer’s fans say", None),
])
def test_quoted_text_is_removed_and_apostrophes_stay(text, kept, removed):
    masked = masked_text(text)
    assert kept in masked
    if removed:
        assert removed not in masked


def test_flattened_embed_paragraph_and_status_url_are_not_narration():
    text = ("The singer replied within minutes.\n"
            "we did nothing wrong pic.twitter.com/abc — Jo Vance (@jovance) March 3, 2024\n"
            "https://twitter.com/jovance/status/123456\n"
            "A dash - in prose (like this) is fine on April 3, 2024.")
    article = Article("a", "a.txt", text, embeds=(Embed("twitter", start=0, end=3),))
    ranges = merge(list(embed_ranges(article)))
    blanked = "".join("_" if any(s <= i < e for s, e in ranges) else c for i, c in enumerate(text))
    assert "we did nothing wrong" not in blanked
    assert "status/123456" not in blanked
    assert "singer replied" in blanked  # only the reader-placed embed's own range went
    assert "A dash - in prose" in blanked


EMBED_LINES = [
    "we did nothing wrong — Jo Vance (@jovance) March 3, 2024", "— Jo (@jo) Sept. 3, 2024  ",
    "https://twitter.com/jovance/status/123456", "  http://t.co/x ", "pic.twitter.com/abc",
    "see https://example.com here", "(@handle) said", "a - b (@x) May 1, 2020 and more", "plain prose",
    "A dash - in prose (like this) is fine on April 3, 2024.", "", "ftp://host", "pic.twitter.com",
]


def test_embed_lines_are_found_as_the_line_by_line_search_finds_them():
    import random
    import re

    from newsprism.extract.narration import EMBED_TAIL, URL_LINE

    rng = random.Random(3)
    texts = EMBED_LINES + ["\n".join(EMBED_LINES)] + [
        "\n".join(rng.choice(EMBED_LINES) for _ in range(rng.randint(1, 6))) for _ in range(300)]
    for text in texts:
        expected = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)
                    if EMBED_TAIL.search(m.group()) or URL_LINE.match(m.group())]
        assert list(embed_ranges(Article("a", "a.txt", text))) == expected, text


def test_pieces_skip_masked_parts_and_empty_leftovers():
    text = "Trump said “great things” , then left."
    start = text.index("“")
    end = text.index("”") + 1
    pieces = _pieces(0, len(text), [(start, end)], text)
    assert [text[s:e] for s, e in pieces] == ["Trump said", ", then left."]


def tokens(*triples) -> list[TokenInfo]:
    out, offset = [], 0
    for text, lemma, pos in triples:
        out.append(TokenInfo(text, lemma, pos, offset))
        offset += len(text) + 1
    return out


@pytest.mark.parametrize("triples, expected", [
    ([("O'Donnell", "O'Donnell", "PROPN"), ("ripped", "rip", "VERB"), ("West", "West", "PROPN")],
     [("rip", "attack_verb")]),
    ([("scorn", "scorn", "ADJ"), ("from", "from", "ADP"), ("Hollywood", "Hollywood", "PROPN"),
      ("elites", "elite", "NOUN")], [("scorn", "loaded_noun"), ("Hollywood elites", "label")]),
    ([("Trump", "Trump", "PROPN"), ("lauded", "laud", "VERB"), ("him", "he", "PRON")], [("laud", "praise_verb")]),
    ([("she", "she", "PRON"), ("said", "say", "VERB")], [("say", "reporting_neutral")]),
    ([("he", "he", "PRON"), ("claimed", "claim", "VERB")], [("claim", "reporting_loaded")]),
    ([("a", "a", "DET"), ("so-called", "so-called", "ADJ"), ("expert", "expert", "NOUN")], [("so-called", "hedge")]),
    ([("an", "an", "DET"), ("absurd", "absurd", "ADJ"), ("plan", "plan", "NOUN")], [("absurd", "subjective_adjective")]),
    # A person named Legend is not praise; a plain factual sentence has no evaluative word.
    ([("John", "John", "PROPN"), ("Legend", "Legend", "PROPN"), ("wrote", "write", "VERB")],
     [("write", "reporting_neutral")]),
    ([("The", "the", "DET"), ("bridge", "bridge", "NOUN"), ("closed", "close", "VERB"), ("on", "on", "ADP"),
      ("Tuesday", "Tuesday", "PROPN")], []),
])
def test_lexicon_matches_lemmas_and_phrases(triples, expected):
    hits = evaluative_lexicon().match(tokens(*triples))
    assert [(h.entry.term, h.entry.category) for h in hits] == expected


def _plain_match(lexicon, tokens):
    """Lexicon matching token by token, every lookup made: what the lookups ahead must give."""
    def norm(word):
        return word.lower().replace("’", "'")

    hits, taken = [], set()
    lemmas, surfaces = [norm(t.lemma) for t in tokens], [norm(t.text) for t in tokens]
    for size in range(lexicon.longest, 1, -1):
        for i in range(len(tokens) - size + 1):
            if any(k in taken for k in range(i, i + size)):
                continue
            entry = lexicon.phrases.get(tuple(lemmas[i:i + size])) or lexicon.phrases.get(tuple(surfaces[i:i + size]))
            if entry is not None:
                hits.append((entry, tokens[i].start, tokens[i + size - 1].end, ""))
                taken.update(range(i, i + size))
    for i, token in enumerate(tokens):
        if i in taken or token.pos in ("PROPN", "PUNCT", "SPACE") or not token.text[:1].isalpha():
            continue
        if token.text[:1].isupper() and i > 0 and tokens[i - 1].pos != "PUNCT":
            continue
        entry = lexicon.entry(lemmas[i], token.pos) or lexicon.entry(surfaces[i], token.pos)
        if entry is not None:
            hits.append((entry, token.start, token.end, token.text))
    return sorted(hits, key=lambda h: h[1])


def test_lexicon_matches_as_a_plain_token_by_token_reading_does():
    import random

    lexicon = evaluative_lexicon()
    words = [("witch", "witch", "NOUN"), ("hunt", "hunt", "NOUN"), ("Hollywood", "Hollywood", "PROPN"),
             ("elites", "elite", "NOUN"), ("so", "so", "ADV"), ("-", "-", "PUNCT"), ("called", "call", "VERB"),
             ("so-called", "so-called", "ADJ"), ("ripped", "rip", "VERB"), ("Ripped", "rip", "VERB"),
             ("said", "say", "VERB"), ("absurd", "absurd", "ADJ"), ("Absurd", "absurd", "ADJ"),
             ("claimed", "claim", "VERB"), ("tirade", "tirade", "NOUN"), ("tirade", "tirade", "ADJ"),
             ("great", "great", "ADJ"), ("great", "great", "PROPN"), ("very", "very", "ADV"), (",", ",", "PUNCT"),
             ("the", "the", "DET"), ("bridge", "bridge", "NOUN"), ("’90s", "’90s", "NOUN"), ("3", "3", "NUM"),
             ("don’t", "don’t", "VERB"), ("Legend", "Legend", "PROPN"), ("horrible", "horrible", "ADJ")]
    rng = random.Random(13)
    for _ in range(1500):
        sample = tokens(*(rng.choice(words) for _ in range(rng.randint(0, 12))))
        found = [(h.entry, h.start, h.end, h.text) for h in lexicon.match(sample)]
        assert found == _plain_match(lexicon, sample), sample


def test_evaluative_words_and_neutral_verbs():
    assert is_evaluative("slam") and is_evaluative("laud") and is_evaluative("tirade")
    assert not is_evaluative("say") and not is_evaluative("bridge") and not is_evaluative("Tuesday")


def _hit(term: str, category: str, polarity: float, start: int, text: str) -> Hit:
    from newsprism.story.lexicon import Entry

    return Hit(Entry(term, category, polarity, "any", "test"), start, start + len(text), text)


def test_outlet_framing_scores_narration_sentences_naming_each_person():
    text = "Varga slammed the terrible plan. “Reyes is a liar,” she said. Reyes praised the brave crews."
    a = Article("a", "a.txt", text, outlet="Courier")
    first_end = text.index(".") + 1
    s1 = NarrationSentence(0, first_end, ((0, first_end),), (_hit("slam", "attack_verb", -0.6, 6, "slammed"),))
    quote_start = text.index("“")
    said_end = text.index("said.") + 5
    s2 = NarrationSentence(first_end + 1, said_end, ((text.index(" she") + 1, said_end),), ())
    s3 = NarrationSentence(said_end + 1, len(text), ((said_end + 1, len(text)),), ())
    narration = Narration("a", len(text), ((quote_start, text.index("”") + 1),), (s1, s2, s3))
    reyes_in_quote = Span("a", text.index("Reyes"), text.index("Reyes") + 5, "Reyes")
    reyes_narration = Span("a", said_end + 1, said_end + 6, "Reyes")
    people = [
        Person("elena-varga", "Elena Varga", evidence=(Span("a", 0, 5, "Varga"),) * 3),
        Person("daniel-reyes", "Daniel Reyes", evidence=(reyes_in_quote, reyes_narration, reyes_narration)),
    ]
    framing = outlet_framing([a], {"a": narration}, people, (), (), FramingOptions())[0]
    tones = {t.person_id: t for t in framing.tone}
    vader = sentiment.analyzer()
    # the tone is VADER's score of the sentence's narration, computed when framing asks
    assert tones["elena-varga"].score == round(vader.polarity_scores(text[:first_end])["compound"], 3) < 0
    assert tones["elena-varga"].negative == 1
    # The mention inside the quotation does not count: only the narration sentence does.
    assert tones["daniel-reyes"].sentences == 1
    assert tones["daniel-reyes"].score == round(vader.polarity_scores(text[said_end + 1:])["compound"], 3) > 0
    assert [(w.text, w.category) for w in framing.evaluative] == [("slammed", "attack_verb")]
    assert framing.evaluative[0].evidence[0].text == "slammed"
    for tone in framing.tone:
        for span in tone.evidence:
            assert text[span.start:span.end] == span.text


def test_main_people_need_enough_mentions():
    people = [Person("a", "A", evidence=(Span("x", 0, 1, "A"),) * 5), Person("b", "B", evidence=(Span("x", 0, 1, "B"),))]
    assert [p.id for p in main_people(people, FramingOptions(min_mentions=3))] == ["a"]


def test_source_shares_count_quoted_words_per_speaker_once():
    text = "“We told the council,” Okafor said. “Nobody listened.” — Theo Okafor (@theookafor) March 4, 2025"
    q1 = Quote("q1", "We told the council", "direct", "theo-okafor", "said", "statement",
               (Span("a", 1, 20, text[1:20], "content"), Span("a", 22, 28, "Okafor", "speaker")))
    post_start = text.index("Nobody")
    post = Post("p1", "twitter", "post", "Nobody listened.", (Span("a", post_start, post_start + 16, text[post_start:post_start + 16], "text"),),
                author_id="theo-okafor")
    q2 = Quote("q2", "It is safe", "direct", None, "said", "statement", (Span("b", 0, 10, "It is safe", "content"),))
    shares = source_shares({"a"}, sources_by_article([q1, q2], [post]))
    assert len(shares) == 1
    share = shares[0]
    assert (share.speaker_id, share.quotes, share.posts, share.words, share.share) == ("theo-okafor", 1, 1, 6, 1.0)


def _scanned_source_shares(article_ids, quotes, posts):
    """Source shares read from every record of the story for the one outlet."""
    quoted = {}
    content_ranges = {}

    def count(speaker, kind, spans):
        entry = quoted.setdefault(speaker, [0, 0, 0, []])
        entry[kind] += 1
        entry[2] += sum(len(WORD.findall(span.text)) for span in spans)
        entry[3] += spans

    for quote in quotes:
        spans = [s for s in quote.evidence if s.article_id in article_ids and s.role == "content"]
        for span in spans:
            content_ranges.setdefault(span.article_id, []).append((span.start, span.end))
        if spans:
            count(quote.speaker_id, 0, spans)
    for post in posts:
        spans = [s for s in post.evidence if s.article_id in article_ids and s.role in POST_TEXT_ROLES
                 and not any(a < s.end and s.start < b for a, b in content_ranges.get(s.article_id, ()))]
        if spans:
            count(post.author_id, 1, spans)
    total = sum(e[2] for e in quoted.values()) or 1
    return sorted(((k, e[0], e[1], e[2], round(e[2] / total, 3), tuple(e[3])) for k, e in quoted.items()),
                  key=lambda row: (-row[3], row[0] or ""))


def test_source_shares_from_the_story_index_match_a_scan_of_every_record():
    rng = random.Random(3)
    articles, speakers = ["a", "b", "c", "d"], [None, "p1", "p2", "p3"]
    text = "we told the council and nobody listened to the words of the mayor today"

    def spans(roles):
        found = []
        for _ in range(rng.randrange(1, 5)):
            start = rng.randrange(len(text) - 5)
            end = rng.randrange(start + 1, len(text))
            found.append(Span(rng.choice(articles), start, end, text[start:end], rng.choice(roles)))
        return tuple(found)

    for _ in range(60):
        quotes = [Quote(f"q{k}", "x", "direct", rng.choice(speakers), "said", "statement",
                        spans(("content", "content", "speaker", "cue"))) for k in range(rng.randrange(8))]
        posts = [Post(f"p{k}", "twitter", "post", "x", spans((None, "text", "content", "url", "author")),
                      author_id=rng.choice(speakers)) for k in range(rng.randrange(5))]
        sources = sources_by_article(quotes, posts)
        for size in range(1, len(articles) + 1):
            ids = set(rng.sample(articles, size))
            found = [(s.speaker_id, s.quotes, s.posts, s.words, s.share, s.evidence) for s in source_shares(ids, sources)]
            assert found == _scanned_source_shares(ids, quotes, posts)


@pytest.mark.model
def test_breitbart_narration_evaluative_wording_is_listed(seed_analysis):
    story = seed_analysis.stories[0]
    framing = {f.outlet: f for f in story.framing}
    breitbart = {w.text.lower() for w in framing["Breitbart"].evaluative}
    assert {"torrent", "scorn", "hollywood elites", "ripped", "lauded"} <= breitbart
    # Words inside quotations and embedded posts are the speakers', not the outlet's.
    assert "moron" not in breitbart and "lunatics" not in breitbart and "betrayed" not in breitbart
    cbs = {w.text.lower() for w in framing["CBS Chicago"].evaluative}
    assert not cbs & {"ripped", "torrent", "elites"}
    assert framing["Breitbart"].loaded_verbs > framing["Global News"].loaded_verbs


def test_people_in_a_sentence_read_from_the_article_index_match_a_scan():
    from newsprism.extract.narration import NarrationSentence
    from newsprism.model import Person, Span
    from newsprism.story.framing import _mentions_by_article, _people_in

    def person(pid, *spans):
        return Person(pid, pid, evidence=tuple(Span(a, s, e, "x" * (e - s)) for a, s, e in spans))

    people = (person("p1", ("a", 0, 5), ("b", 30, 35)), person("p2", ("a", 12, 18), ("a", 40, 44)),
              person("p3", ("b", 2, 6)), person("p4", ("a", 8, 13)))  # p4 straddles two pieces
    sentences = [NarrationSentence(0, 20, ((0, 10), (11, 20)), ()),
                 NarrationSentence(0, 20, (), ()),
                 NarrationSentence(21, 50, ((21, 45),), ()),
                 NarrationSentence(21, 50, ((21, 41),), ())]
    index = _mentions_by_article(people)
    for article in ("a", "b", "c"):
        for sentence in sentences:
            expected = tuple(p.id for p in people if any(
                e.article_id == article and any(s <= e.start and e.end <= t for s, t in sentence.pieces)
                for e in p.evidence))
            assert _people_in(sentence, index.get(article, ()), people) == expected
    assert _people_in(sentences[0], index["a"], people) == ("p1", "p2")


def test_narration_pieces_skip_masked_ranges_as_a_scan_does():
    import random
    import re

    from newsprism.extract.narration import _pieces, merge

    text = "Mara Quinn said “the plan works” and left. Leo Hart, who “never” agreed, stayed on."
    n = len(text)

    def reference(start, end, masked):
        # Character by character: the maximal runs outside every masked range, trimmed.
        free = [not any(s <= i < e for s, e in masked) for i in range(start, end)]
        runs, i = [], start
        while i < end:
            j = i
            while j < end and free[j - start]:
                j += 1
            piece = text[i:j]
            left, right = i + len(piece) - len(piece.lstrip()), j - (len(piece) - len(piece.rstrip()))
            if left < right and re.search(r"[^\W\d_]{2}", text[left:right]):
                runs.append((left, right))
            i = j + 1
        return runs

    rng = random.Random(5)
    cases = [[], [(0, n)], [(16, 32), (58, 65)], [(0, 5), (5, 9)], [(40, 50)]]
    cases += [[(s, s + rng.randint(1, 15)) for s in rng.sample(range(n), rng.randint(1, 6))] for _ in range(40)]
    for ranges in cases:
        masked = merge(ranges)
        for start, end in ((0, 42), (43, n), (0, n), (20, 30), (50, 51)):
            assert _pieces(start, end, masked, text) == reference(start, end, masked), (ranges, start, end)
    assert _pieces(0, 42, merge([(16, 32)]), text) == [(0, 15), (33, 42)]


def test_narration_tokens_inside_pieces_are_the_ones_a_token_scan_keeps():
    import random

    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsprism.extract.narration import _Tokens

    rng = random.Random(7)
    words = ["Mara", "Quinn", "said", "“", "the", "plan", "works", "”", "and", "left", ".", "\n", "Leo", "stayed"]
    for _ in range(30):
        picked = [rng.choice(words) for _ in range(rng.randint(0, 25))]
        doc = Doc(Vocab(), words=picked, spaces=[rng.random() < 0.6 for _ in picked])
        tokens, n = _Tokens(doc, doc.text), len(doc.text)
        for _ in range(20):
            cuts = sorted(rng.sample(range(n + 1), min(n + 1, 2 * rng.randint(1, 4))))
            pieces = [(s, e) for s, e in zip(cuts[::2], cuts[1::2]) if s < e]
            first = rng.randint(0, len(doc))
            last = rng.randint(first, len(doc))
            expected = [t.i for t in doc[first:last]
                        if any(s <= t.idx and t.idx + len(t) <= e for s, e in pieces)]
            runs = tokens.within(first, last, pieces)
            assert [i for run in runs for i in run] == expected, (picked, pieces, first, last)
            assert [info.start for info in tokens.infos(runs)] == [doc[i].idx for i in expected]
            assert [info.text for info in tokens.infos(runs)] == [doc[i].text for i in expected]


def _every_span(value, roles):
    """Spans of the given roles anywhere in a value, every field of every record read."""
    import dataclasses

    if isinstance(value, Span):
        return [(value.start, value.end)] if value.role in roles else []
    if dataclasses.is_dataclass(value):
        return [r for f in dataclasses.fields(value) for r in _every_span(getattr(value, f.name), roles)]
    if isinstance(value, (list, tuple)):
        return [r for v in value for r in _every_span(v, roles)]
    return []


def test_masked_record_spans_are_every_span_the_records_hold(seed_analysis, example_analysis):
    # Fields declared as text, numbers or flags are not walked: none of them holds a span.
    from newsprism.extract.narration import POST_WORDS, _record_ranges

    found = {"quotes": 0, "posts": 0}
    for analysis in (seed_analysis, example_analysis):
        for article in analysis.article_results.values():
            for stage, roles in (("quotes", ("content",)), ("posts", POST_WORDS)):
                records = article.results.get(stage)
                assert sorted(_record_ranges(records, roles)) == sorted(_every_span(records, roles))
                found[stage] += len(_every_span(records, roles))
    assert found["quotes"] and found["posts"], found
