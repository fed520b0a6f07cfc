import pytest

from newsprism.ingest.clean import clean

REMOVED = [
    ("READ MORE: Senator says the budget is dead", "promo"),
    ("Read more: How the vote unfolded", "promo"),
    ("WATCH BELOW: The latest on the flood", "promo"),
    ("WATCH: Firefighters at the scene", "promo"),
    ("RELATED: Mayor resigns", "promo"),
    ("Get breaking National news", "promo"),
    ("Get daily Local news", "promo"),
    ("Sign up for our daily newsletter to get the top headlines", "promo"),
    ("Story continues below advertisement", "promo"),
    ("Share this article", "promo"),
    ("Advertisement", "promo"),
    ("Follow Jane Roe on Twitter @janeroe", "byline"),
    ("You can follow Amal Haddad on Twitter: @amalhaddad", "byline"),
    ("© 2024 Example Media. All rights reserved.", "promo"),
    ("Crews lay a boom off the harbour on Monday. Photograph: Ann Lee/AP", "caption"),
    ("Photo: Bo Kim/AFP/Getty Images", "caption"),
    ("The mayor visits the flooded school. (AP Photo/Jo Park)", "caption"),
    ("A driver fills up his truck. (Ian Shapira - Washington Post)", "caption"),
]

KEPT = [
    "Read the full statement below, the spokesman told reporters on Monday.",
    "More than 80 people were evacuated, officials said.",
    "Watch what happens next, the coach warned his players.",
    "Ad hoc committees were formed within hours.",
    "Share prices fell 4% after the announcement.",
    "She said: follow the money.",
    "Follow the latest news on Twitter, the mayor urged residents.",
    "Subscribers to the service said the outage lasted hours.",
    "Comments from the minister drew criticism.",
    "A spokesman for the council declined to comment.",
    "\"We welcome your comments,\" the mayor told residents.",
    "The agency released a photograph: a boy in a mask on the subway.",
    "Officials studied the photo (AP) on Monday and said it was genuine.",
]


@pytest.mark.parametrize(("line", "kind"), REMOVED)
def test_promotional_line_is_removed_and_remembered(line, kind):
    result = clean(f"The council met on Monday.\n{line}\nIt voted to close the bridge.")
    assert line not in result.text
    assert [(r.kind, r.text) for r in result.removed] == [(kind, line)]
    assert result.text == "The council met on Monday.\nIt voted to close the bridge."


@pytest.mark.parametrize("line", KEPT)
def test_article_line_is_kept(line):
    text = f"The council met on Monday.\n{line}\nIt voted to close the bridge."
    result = clean(text)
    assert result.text == text
    assert result.removed == []


def test_removed_offsets_point_into_the_raw_text():
    raw = "First paragraph.\r\n\r\nREAD MORE: Elsewhere\r\n\r\nLast paragraph.\r\nComments"
    result = clean(raw)
    normalized = raw.replace("\r\n", "\n")
    assert [normalized[r.start:r.end] for r in result.removed] == ["READ MORE: Elsewhere", "Comments"]
    assert result.text == "First paragraph.\n\nLast paragraph."


def test_trailing_comments_only_at_the_end():
    result = clean("Comments\nThe minister spoke.\nComments")
    assert result.text == "Comments\nThe minister spoke."
    assert [r.kind for r in result.removed] == ["trailer"]


def test_sign_off_names_the_author():
    result = clean("The story.\n\nFollow Jane Roe on Twitter @janeroe")
    assert result.authors == ["Jane Roe"]
    assert result.removed[0].note == "author Jane Roe (@janeroe)"


def test_leading_date_line_gives_the_date_and_is_removed():
    result = clean(" date 2021-03-04 The port reopened on Thursday.")
    assert result.date == "2021-03-04"
    assert result.text == "The port reopened on Thursday."
    assert result.removed[0].kind == "date-line"


def test_follow_us_is_promotion_not_an_author():
    result = clean("Text.\nFollow us on Twitter @examplenews")
    assert result.authors == []
    assert result.removed[0].kind == "promo"


@pytest.mark.parametrize("notice", [
    "We welcome comments that advance the story through relevant opinion, anecdotes, links and data.",
    "Views expressed in the comments do not represent those of the site.",
    "Your comments may be published on any of our media.",
    "The site may edit your comments and not all emails will be published.",
    "You must be logged in to report a comment.",
])
def test_the_comment_section_is_removed_from_its_notice_on(notice):
    raw = f"The council met on Monday.\nIt voted to close the bridge.\n{notice}\nGreat decision!\n\nI disagree."
    result = clean(raw)
    assert result.text == "The council met on Monday.\nIt voted to close the bridge."
    assert [(r.kind, r.text) for r in result.removed] == [
        ("comments", notice), ("comments", "Great decision!"), ("comments", "I disagree.")]
