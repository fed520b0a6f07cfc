"""A page's reader comments: the comment form's notice and what follows it are not the
report; a report about comments is."""

from __future__ import annotations

import random
import re

import pytest

from newsprism.extract import comments
from newsprism.extract.comments import comment_notice, comment_post, comment_section


@pytest.mark.parametrize("sentence, expected", [
    ("We welcome comments that advance the story through relevant opinion, anecdotes, links and data.", True),
    ("Views expressed in the comments do not represent those of the site.", True),
    ("A selection of your comments may be published, displaying your name and location.", True),
    ("The BBC may edit your comments and not all emails will be published.", True),
    ("Please email us to report offensive comments.", True),
    ("You must be logged in to report a comment.", True),
    ("This discussion is now closed.", True),
    ("This debate is now closed.", True),
    # negatives: comments reported, someone's words, a long post that names comments
    ("A spokesman for the port declined to comment.", False),
    ("The minister's comments drew criticism from the union.", False),
    ("\"We welcome your comments,\" the mayor told residents on Monday.", False),
    ("The discussion is expected to continue on Monday.", False),
    # invitations that open a blog or a live page, whose report follows them
    ("Leave your thoughts in the comments section below.", False),
    ("You can either comment below the line or get in touch with us online.", False),
    ("Could you comment on the involvement of the other companies?", False),
    ("The minister's comments were published on Monday.", False),
    ("Yet, if you look over these comments, and I'm sure they are representative of public opinion, the main "
     "idea is to prevent compromised representatives from voting on matters in which they have a financial "
     "interest, which is what the rules were written for in the first place.", False),
])
def test_a_comment_notice_addresses_the_reader(sentence, expected):
    assert comment_notice(sentence) is expected


@pytest.mark.parametrize("sentence, expected", [
    ("At 2:04 pm on 10 Jun 2010, barryp wrote: The company must pay.", True),
    ("The head of the newsroom At 18:20 29th Apr 2009, vampfan wrote: Stay calm.", True),
    # negatives: a report of what someone wrote, a time without a post
    ("At 10:30 on Monday, the minister wrote to the company.", False),
    ("Hayward wrote: \"We are sorry.\"", False),
    ("At 5:00 pm on May 2, crews sealed the well.", False),
])
def test_a_readers_post_is_headed_by_its_time_and_author(sentence, expected):
    assert comment_post(sentence) is expected


@pytest.mark.parametrize("sentences, start", [
    (["The port reopened.", "At 9:15 am on 03 Jun 2030, harbourfan wrote: Finally!", "Good."], 1),
    (["The port reopened.", "Ships queued.", "We welcome comments on this story.", "Great news!"], 2),
    (["The port reopened.", "A spokesman declined to comment.", "Ships queued."], 3),
    ([], 0),
])
def test_the_comment_section_starts_at_the_notice(sentences, start):
    assert comment_section(sentences) == start


_PIECES = ["We", "welcome", "COMMENTS", "Comment", "comments", "coMMent", "This", "THIS", "debate", "discussion", "thread",
           "is", "has been", "now", "closed", "CLOSED", "cloſed", "Cloſed", "ſ", "\u212a", "İ", "ı", "your", "PLEASE", "edit",
           "published", "views", "expressed", "report", "At", "On", "2:04", "18.20", "pm", "on", "10 Jun 2010,", "barryp",
           "wrote", "Wrote", "WROTE", ":", "“", "”", "\"", ",", ".", "\n", "the", "minister"]


@pytest.mark.parametrize("seed", range(4))
def test_notices_and_posts_are_what_the_rules_find_in_every_sentence(seed):
    """The words looked for before the rules are read skip no sentence the rules would take."""
    rng = random.Random(seed)
    for _ in range(3000):
        text = rng.choice([" ", "", "  "]).join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12)))
        assert comment_notice(text) is comments._notice(text), text
        assert comment_post(text) is bool(comments._POST.search(text)), text


def test_the_skipped_sentences_cannot_match_ignoring_case():
    """No character outside these words' letters and capitals matches them ignoring case."""
    for code in range(0x110000):
        char = chr(code)
        if char.lower() not in "comentl" and re.fullmatch(r"[comentl]", char, re.IGNORECASE):
            raise AssertionError(f"U+{code:04X} matches ignoring case but lower() does not give the letter")
