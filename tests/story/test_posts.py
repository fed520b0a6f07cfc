"""The story's posts: one record per post across articles, linked to people."""

from dataclasses import replace

from newsprism.extract.posts import find_posts
from newsprism.model import Article, ArticleAnalysis, Description, Person, Post, Span
from newsprism.options import Options
from newsprism.stages import StoryInput
from newsprism.story.posts import merge_posts

OKAFOR = Person(id="theo-okafor", name="Theo Okafor", aliases=("Okafor",), handles=("@theookafor",))
REYES = Person(id="daniel-reyes", name="Daniel Reyes", aliases=("Reyes",),
               descriptions=(Description("Transport minister", ()),))
VARGA = Person(id="elena-varga", name="Elena Varga", aliases=("Varga",), handles=("@mayorvarga",))
PEOPLE = (OKAFOR, REYES, VARGA)


def story_of(texts, people=PEOPLE, posts=None):
    articles = [Article(id=f"a{n}", source=f"a{n}.txt", text=text) for n, text in enumerate(texts)]
    results = {}
    for n, article in enumerate(articles):
        found = posts[n] if posts else find_posts(None, article, {}, Options())
        results[article.id] = ArticleAnalysis(article.id, {"posts": found})
    return StoryInput("s", tuple(articles), results, {"people": people}), articles


def merged(texts, **kwargs):
    story, _ = story_of(texts, **kwargs)
    return merge_posts(story, Options())


RUST = "We told the council about the rust in 2022. Nobody listened."
STATUS = "https://twitter.com/theookafor/status/1896989060363313728"


def test_an_embed_and_a_quoted_status_url_are_one_post_with_both_wordings():
    (post,) = merged([
        f"{RUST} — Theo Okafor (@theookafor) March 4, 2025",
        "“We told the council about the rust in 2022. Nobody listened,” he wrote.\n" + STATUS,
    ])
    assert post.id == "post-twitter-1896989060363313728"
    assert (post.author_id, post.posted, post.precision) == ("theo-okafor", "2025-03-04T18:20:11Z", "datetime")
    assert post.text == RUST and set(post.origins) == {"text", "url"}
    assert {s.article_id for s in post.evidence} == {"a0", "a1"}
    assert [v.text for v in post.variants] == [RUST, RUST[:-1]]
    assert [v.evidence[0].article_id for v in post.variants] == ["a0", "a1"]


def test_wording_changes_of_outlets_still_merge():
    (post,) = merged([
        "You don't have to agree with the council but they can't ignore us. — Theo Okafor (@theookafor) March 4, 2025",
        "You don’t have to agree with the Council but they can’t ignore us — Theo Okafor (@theookafor) March 4, 2025",
    ])
    assert len(post.variants) == 2


def test_same_author_and_day_with_other_words_are_two_posts():
    posts = merged([
        f"{RUST} — Theo Okafor (@theookafor) March 4, 2025",
        "The gym is cold tonight. — Theo Okafor (@theookafor) March 4, 2025",
    ])
    assert len(posts) == 2


def test_same_words_by_another_account_or_on_a_distant_day_are_other_posts():
    posts = merged([
        f"{RUST} — Theo Okafor (@theookafor) March 4, 2025",
        f"{RUST} — Terrace Group (@terraces) March 4, 2025",
        f"{RUST} — Theo Okafor (@theookafor) March 20, 2025",
    ])
    assert len(posts) == 3


def test_two_posts_of_one_article_are_never_merged():
    posts = merged([
        f"{RUST} — Theo Okafor (@theookafor) March 4, 2025\n\n{RUST} — Theo Okafor (@theookafor) March 4, 2025",
    ])
    assert len(posts) == 2


def test_a_quotation_spanning_two_posts_is_merged_with_neither():
    posts = merged([
        ("We told the council about the rust in 2022. — Theo Okafor (@theookafor) March 4, 2025\n\n"
         "Nobody listened to the terraces then. — Theo Okafor (@theookafor) March 4, 2025"),
        "“We told the council about the rust in 2022. Nobody listened to the terraces then,” he wrote.\n" + STATUS,
    ])
    assert len(posts) == 3


def test_authors_link_by_handle_display_name_or_a_handle_spelling_the_name():
    posts = merged([
        ("Bridge closed. — Theo Okafor (@theookafor) March 4, 2025\n\n"
         "Repairs funded. — Daniel Reyes (@minister_office) March 4, 2025\n\n"
         "Stay safe. — City Hall (@elenavarga_office) March 4, 2025\n\n"
         "Hello. — Someone Else (@someone) March 4, 2025"),
    ])
    authors = {p.text: p.author_id for p in posts}
    assert authors == {"Bridge closed.": "theo-okafor", "Repairs funded.": "daniel-reyes",
                       "Stay safe.": "elena-varga", "Hello.": None}


def _status_post(article_id, text, words, author_words):
    start = text.index(words)
    author = text.index(author_words)
    url = text.index("https://")
    return Post(
        id=f"{article_id}-post-1", platform="twitter", kind="post", text=words,
        evidence=(Span(article_id, start, start + len(words), words, "text"),
                  Span(article_id, author, author + len(author_words), author_words, "author"),
                  Span(article_id, url, len(text), text[url:], "url")),
        handle="theookafor", status_id="1896989060363313728", posted="2025-03-04T18:20:11Z",
        precision="datetime", origins=("url",))


def test_a_quotation_the_narration_gives_to_someone_else_is_not_the_posts_text():
    text = "Varga also tweeted, “All is well,” in reply to a photo Okafor posted.\n" + STATUS
    people = (OKAFOR, REYES, replace(VARGA, evidence=(Span("a0", 0, 5, "Varga"),)))
    (post,) = merged([text], people=people, posts=[(_status_post("a0", text, "All is well", "Varga"),)])
    assert post.text == "" and not [s for s in post.evidence if s.role in ("text", "author")]
    assert post.author_id == "theo-okafor"


def test_a_quotation_the_narration_gives_to_the_author_is_kept():
    text = "Okafor tweeted, “All is well,” on Tuesday.\n" + STATUS
    people = (Person(id="theo-okafor", name="Theo Okafor", handles=("@theookafor",),
                     evidence=(Span("a0", 0, 6, "Okafor"),)),)
    (post,) = merged([text], people=people, posts=[(_status_post("a0", text, "All is well", "Okafor"),)])
    assert post.text == "All is well"


def test_narrated_repost_links_author_target_and_the_post_shown_beside_it():
    text = ("Okafor retweeted the minister with the caption, “Too late.”\n\n"
            "Repairs start Monday. — Daniel Reyes (@danielreyesmp) March 5, 2025")
    cue = text.index("retweeted")
    target = text.index("the minister")
    caption = text.index("Too late.")
    narrated = Post(
        id="a0-post-1", platform="twitter", kind="repost", text="Too late.",
        evidence=(Span("a0", 0, 6, "Okafor", "author"), Span("a0", cue, cue + 9, "retweeted", "cue"),
                  Span("a0", target, target + 12, "the minister", "target"),
                  Span("a0", caption, caption + 9, "Too late.", "text")),
        origins=("narration",))
    shown = find_posts(None, Article(id="a0", source="a0", text=text), {}, Options())
    people = (Person(id="theo-okafor", name="Theo Okafor", evidence=(Span("a0", 0, 6, "Okafor"),)),
              Person(id="daniel-reyes", name="Daniel Reyes", handles=("@danielreyesmp",),
                     descriptions=(Description("Transport minister", ()),)))
    posts = merged([text], people=people, posts=[(narrated, *shown)])
    repost = next(p for p in posts if p.kind == "repost")
    reyes = next(p for p in posts if p.kind == "post")
    assert (repost.author_id, repost.target_id, repost.target) == ("theo-okafor", "daniel-reyes", reyes.id)
