"""A page's reader comments: the comment form's notice and what follows it are not the
report; a report about comments is."""

from __future__ import annotations

import pytest

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
