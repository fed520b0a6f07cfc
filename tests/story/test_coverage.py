"""The coverage matrix: present, paraphrased, absent; exclusives, omissions, syndication."""

from __future__ import annotations

from newsprism.model import Article, Event, Person, Post, Quote, Span
from newsprism.options import CoverageOptions
from newsprism.story.coverage import build_coverage, duplicate_groups


def span(article: Article, text: str, role: str | None = "content") -> Span:
    start = article.text.index(text)
    return Span(article.id, start, start + len(text), text, role)


SAID = "The money is there. Work can start next week"
COURIER = Article("c", "c.txt", f"“{SAID},” Reyes said. Varga closed the bridge on Tuesday.", outlet="Courier")
HARBOUR = Article("h", "h.txt", "Reyes said the money was there and work could start next week. Varga shut the bridge.",
                  outlet="Harbour")
COAST = Article("n", "n.txt", f"“{SAID},” Reyes said. About 120 people left.", outlet="Coastline")
COAST_COPY = Article("w", "w.txt", f"“{SAID},” Reyes said. About 120 people left.", outlet="Wire Daily")
REYES = Person("daniel-reyes", "Daniel Reyes", aliases=("Reyes",))

QUOTE = Quote("q1", SAID, "direct", "daniel-reyes", "said", "statement",
              (span(COURIER, SAID), span(COAST, SAID), span(COAST_COPY, SAID)))
EVENT = Event("e1", "the bridge closes", (span(COURIER, "Varga closed the bridge", None), span(HARBOUR, "Varga shut the bridge", None)))
EVACUATION = Event("e2", "residents leave", (span(COAST, "About 120 people left", None), span(COAST_COPY, "About 120 people left", None)))


def cells(coverage, item_id):
    row = next(r for r in coverage.rows if r.item_id == item_id)
    return {c.column: c.status for c in row.cells}, row


def test_cells_are_present_paraphrased_or_absent():
    coverage = build_coverage([COURIER, HARBOUR, COAST], [QUOTE], [], [EVENT], [], CoverageOptions(), [REYES])
    statuses, row = cells(coverage, "q1")
    assert statuses == {"Courier": "present", "Harbour": "paraphrased", "Coastline": "present"}
    paraphrase = next(c for c in row.cells if c.column == "Harbour").evidence[0]
    assert paraphrase.text.startswith("Reyes said the money was there") and paraphrase.role == "paraphrase"
    assert HARBOUR.text[paraphrase.start:paraphrase.end] == paraphrase.text
    statuses, _ = cells(coverage, "e1")
    assert statuses == {"Courier": "present", "Harbour": "present", "Coastline": "absent"}


def test_exclusive_and_omitted_per_outlet():
    coverage = build_coverage([COURIER, HARBOUR, COAST], [QUOTE], [], [EVENT, EVACUATION], [], CoverageOptions(), [REYES])
    columns = {c.name: c for c in coverage.columns}
    assert columns["Coastline"].exclusive == ("event:e2",)
    assert columns["Coastline"].omitted == ("event:e1",)  # both other outlets report the closure
    assert columns["Courier"].omitted == ()


def test_syndicated_copies_count_once():
    articles = [COURIER, HARBOUR, COAST, COAST_COPY]
    plain = build_coverage(articles, [QUOTE], [], [EVENT, EVACUATION], [], CoverageOptions(), [REYES])
    assert cells(plain, "e2")[1].reported_by == 2
    synd = build_coverage(articles, [QUOTE], [], [EVENT, EVACUATION], duplicate_groups([("n", "w")]), CoverageOptions(), [REYES])
    _, row = cells(synd, "e2")
    assert row.reported_by == 1
    columns = {c.name: c for c in synd.columns}
    assert columns["Coastline"].copies_of == ("Wire Daily",)
    # Reported only by the one syndicated story: exclusive to it, in both outlets that ran it.
    assert "event:e2" in columns["Coastline"].exclusive and "event:e2" in columns["Wire Daily"].exclusive


def test_a_quotation_of_a_post_shares_the_post_row():
    post = Post("p1", "twitter", "post", SAID, (span(COAST, SAID, "text"),), author_id="daniel-reyes")
    quote = Quote("q2", SAID, "direct", "daniel-reyes", "said", "statement", (span(COURIER, SAID),), post_id="p1")
    coverage = build_coverage([COURIER, COAST], [quote], [post], [], [], CoverageOptions(), [REYES])
    assert [(r.item_kind, r.item_id) for r in coverage.rows] == [("post", "p1")]
    statuses, _ = cells(coverage, "p1")
    assert statuses == {"Courier": "present", "Coastline": "present"}


def test_paraphrase_needs_the_speaker_and_enough_shared_words():
    # Same words, but nobody names the speaker: a coincidence, not a report of the quotation.
    other = Article("o", "o.txt", "Officials said the money was there and work could start next week.", outlet="Other")
    coverage = build_coverage([COURIER, other], [QUOTE], [], [], [], CoverageOptions(), [REYES])
    statuses, _ = cells(coverage, "q1")
    assert statuses["Other"] == "absent"


def test_duplicate_groups_accept_records_and_lists():
    class Group:
        article_ids = ("a", "b")

    class Copies:
        original_id, copy_ids = "f", ("g", "h")

    assert duplicate_groups([Group(), ["c", "d"], ("e",), Copies()]) == [("a", "b"), ("c", "d"), ("f", "g", "h")]
    assert duplicate_groups(None) == []


def reference_paraphrase(text, members, speaker, options):
    """The straightforward search: every sentence of every article against the item."""
    from newsprism.story.coverage import _content, _names, _sentences

    wanted = _content(text)
    if len(wanted) < options.paraphrase_min_words:
        return None
    best = None
    for article in members:
        for start, end in _sentences(article, None):
            sentence = article.text[start:end]
            if speaker is not None and not _names(sentence, speaker):
                continue
            shared = wanted & _content(sentence)
            share = len(shared) / len(wanted)
            if len(shared) >= options.paraphrase_min_words and share >= options.paraphrase_overlap:
                if best is None or share > best[0]:
                    best = (share, Span(article.id, start, end, sentence, "paraphrase"))
    return best[1] if best else None


TIE_A = Article("ta", "ta.txt", "Reyes said the money was there. Reyes said work could start next week.", outlet="T")
TIE_B = Article("tb", "tb.txt", "Reyes said the money was there and work could start next week, he added.", outlet="T")
TIE_C = Article("tc", "tc.txt", TIE_B.text, outlet="T")
QUOTED = Article("tq", "tq.txt", "“The money is there, work can start next week,” Reyes said. He left.", outlet="T")
LEGEND = Person("john-legend", "John Legend", aliases=("Legend",))


def test_indexed_paraphrase_search_matches_the_exhaustive_one():
    from newsprism.story.coverage import SentenceIndex, _content

    cases = [
        (SAID, REYES, [HARBOUR]),  # found
        (SAID, None, [HARBOUR, COAST]),  # no speaker to check
        (SAID, LEGEND, [HARBOUR]),  # the speaker is not named: none (a pronoun would do)
        (SAID, REYES, [TIE_A, TIE_B]),  # the better sentence is in the second article
        (SAID, REYES, [TIE_C, TIE_B]),  # a tie: the first wins
        ("The money is there", REYES, [HARBOUR]),  # too few content words
        ("Bridges and ferries are closed", REYES, [HARBOUR, COURIER]),  # nothing shared
        (SAID, REYES, [QUOTED]),  # only inside a quotation: not a paraphrase
        (SAID, REYES, []),  # no articles
        ("Varga closed the bridge on Tuesday morning", None, [HARBOUR, COURIER]),
        # Ten content words, three shared: a share of exactly 0.3.
        ("Money for work this week: ferries, buses, trains, trams, boats, planes, cars", REYES, [HARBOUR]),
    ]
    for options in (CoverageOptions(), CoverageOptions(paraphrase_overlap=0.3, paraphrase_min_words=2),
                    CoverageOptions(paraphrase_overlap=0.9), CoverageOptions(paraphrase_overlap=0.0, paraphrase_min_words=0),
                    CoverageOptions(paraphrase_overlap=0.3, paraphrase_min_words=3)):
        for text, speaker, members in cases:
            expected = reference_paraphrase(text, members, speaker, options)
            found = SentenceIndex({"T": members}, {}).paraphrases(_content(text), speaker, options).get("T")
            assert found == expected, (text, speaker, [a.id for a in members], options)
            # Several columns share one index: each column finds what it finds alone.
            columns = {f"C{i}": [article] for i, article in enumerate(members)} | {"ALL": members}
            found = SentenceIndex(columns, {}).paraphrases(_content(text), speaker, options)
            for name, alone in columns.items():
                assert found.get(name) == reference_paraphrase(text, alone, speaker, options), (text, name, options)
            asked = SentenceIndex(columns, {}).paraphrases(_content(text), speaker, options, ["ALL"])
            assert set(asked) <= {"ALL"} and asked.get("ALL") == expected
    assert any(reference_paraphrase(t, m, s, CoverageOptions()) for t, s, m in cases)
    assert any(reference_paraphrase(t, m, s, CoverageOptions()) is None for t, s, m in cases)


def _reference_columns(columns, unit_of, rows, options):
    """Exclusives and omissions column by column, row by row (the rule as stated)."""
    units = set(unit_of.values())
    found = {}
    for name in columns:
        unit, exclusive, omitted = unit_of[name], [], []
        for row in rows:
            reporting = {unit_of[c.column] for c in row.cells if c.status != "absent"}
            if reporting == {unit} and len(units) > 1:
                exclusive.append(f"{row.item_kind}:{row.item_id}")
            if unit not in reporting and len(units) > 1 and len(reporting) / (len(units) - 1) > options.omission_share:
                omitted.append(f"{row.item_kind}:{row.item_id}")
        found[name] = (tuple(exclusive), tuple(omitted))
    return found


def test_exclusives_and_omissions_match_the_rule_on_random_matrices():
    import random

    from newsprism.model import CoverageCell, CoverageRow
    from newsprism.story.coverage import _columns

    rng = random.Random(9)
    for _ in range(60):
        names = [f"O{k}" for k in range(rng.randrange(1, 9))]
        columns = {name: [] for name in names}
        unit_of = {name: rng.choice(names[:max(1, len(names) - 2)]) for name in names}  # some share a unit
        rows = [CoverageRow("event", f"e{r}", "", tuple(
                    CoverageCell(name, rng.choice(("present", "paraphrased", "absent", "absent"))) for name in names), 0)
                for r in range(rng.randrange(12))]
        options = CoverageOptions(omission_share=rng.choice((0.0, 0.3, 0.5, 0.99)))
        found = {c.name: (c.exclusive, c.omitted) for c in _columns(columns, unit_of, rows, options)}
        assert found == _reference_columns(columns, unit_of, rows, options)
