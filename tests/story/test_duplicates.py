"""Near-duplicate articles: wire copies grouped under their original."""

import pytest

from newsprism.model import Article
from newsprism.options import StoryOptions
from newsprism.story.duplicates import duplicate_groups, jaccard, shingles
from tests.story.reports import QUAKE_A, QUAKE_B, make, wire_copy


def test_a_lightly_edited_copy_is_grouped_under_the_earliest_original():
    original = make(QUAKE_A[:1], "orig", "2024-05-01")[0]
    copy = wire_copy(original, "copy")
    copy = Article(id=copy.id, source=copy.source, text=copy.text, title=copy.title, published="2024-05-02")
    others = make(QUAKE_A[1:], "a") + make(QUAKE_B, "b")
    (group,) = duplicate_groups([copy, *others, original], StoryOptions())
    assert group.original_id == "orig0" and group.copy_ids == ("copy",)
    assert 0.7 <= group.similarity < 1.0


def test_reports_of_the_same_event_in_their_own_words_are_not_duplicates():
    assert duplicate_groups(make(QUAKE_A, "a"), StoryOptions()) == ()


def test_three_copies_form_one_group_in_input_order_when_undated():
    original = make(QUAKE_B[:1], "b")[0]
    copies = [wire_copy(original, f"c{i}") for i in range(2)]
    (group,) = duplicate_groups([original, *copies], StoryOptions())
    assert group.original_id == "b0" and group.copy_ids == ("c0", "c1")


def test_the_threshold_is_an_option():
    original = make(QUAKE_A[:1], "a")[0]
    half = Article(id="half", source="half", text=original.text[: len(original.text) // 2])
    assert duplicate_groups([original, half], StoryOptions()) == ()
    (group,) = duplicate_groups([original, half], StoryOptions(duplicate_threshold=0.3))
    assert group.copy_ids == ("half",)


@pytest.mark.parametrize("a, b, expected", [
    ("one two three four five six", "one two three four five six", 1.0),
    ("One, two; three four five six!", "one two three four five six", 1.0),
    ("one two three four five six", "seven eight nine ten eleven twelve", 0.0),
    ("one two", "one two", 1.0),  # shorter than a shingle: one shingle of all words
])
def test_shingle_similarity(a, b, expected):
    assert jaccard(shingles(a, 5), shingles(b, 5)) == expected


def test_shingles_are_the_same_in_another_process():
    # Word hashes are CRC-32, not Python's hash(), which changes with PYTHONHASHSEED.
    import os
    import subprocess
    import sys

    code = "from newsprism.story.duplicates import shingles; print(sorted(shingles('the quick brown fox jumps over', 5)))"
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert runs[0] == runs[1] == f"{sorted(shingles('the quick brown fox jumps over', 5))}\n"


def test_stream_signatures_are_datasketch_signatures():
    # The stream signs with numpy what datasketch's MinHash computes shingle by shingle.
    import random

    from newsprism.story.duplicates import _template, shingle_hashes, signature_values

    options = StoryOptions()
    rng = random.Random(3)
    words = "the a quake struck city of Halberg on Monday morning killing two and injuring".split()
    for _ in range(20):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 40)))
        hashes = shingle_hashes(text, options.shingle_size)
        assert set(hashes.tolist()) == shingles(text, options.shingle_size)
        minhash = _template(options.minhash_permutations, options.seed).copy()
        minhash.update_batch(shingles(text, options.shingle_size))
        expected = minhash.hashvalues
        assert signature_values(hashes, options).tolist() == expected.tolist()


def test_band_index_finds_what_datasketch_lsh_finds_and_forgets_removed_slots():
    import random

    from datasketch import MinHashLSH

    from newsprism.story.duplicates import BandIndex, _bands, shingle_hashes, signature_values

    options = StoryOptions()
    rng = random.Random(5)
    base = [f"w{i}" for i in range(60)]
    texts = []
    for _ in range(40):  # edited copies of a few texts: many shared bands, some not
        words = list(rng.choice([base[:30], base[20:50], base[30:]]))
        for _ in range(rng.randint(0, 4)):
            words[rng.randrange(len(words))] = f"x{rng.randrange(1000)}"
        texts.append(" ".join(words))
    signatures = [signature_values(shingle_hashes(t, options.shingle_size), options) for t in texts]
    bands = BandIndex(options)
    lsh = MinHashLSH(num_perm=options.minhash_permutations,
                     params=_bands(options.duplicate_threshold, options.minhash_permutations))
    from newsprism.story.duplicates import _template
    for slot, values in enumerate(signatures):
        minhash = _template(options.minhash_permutations, options.seed).copy()
        minhash.hashvalues[:] = values
        assert bands.query(values) == set(lsh.query(minhash))
        bands.insert(slot, values)
        lsh.insert(slot, minhash)
    assert any(len(bands.query(v)) > 1 for v in signatures)
    for slot in range(0, 40, 2):
        bands.remove(slot, signatures[slot])
    for slot, values in enumerate(signatures):
        found = bands.query(values)
        assert not any(s % 2 == 0 for s in found)
        assert (slot in found) == (slot % 2 == 1)
