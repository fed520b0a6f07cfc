"""The per-article ``posts`` stage: markup embeds, flattened embeds, status URLs, narration."""

import pytest

from newsprism.extract.posts import find_posts
from newsprism.model import Article, Embed
from newsprism.options import Options


def article(text, embeds=()):
    return Article(id="a1", source="test", text=text, embeds=tuple(embeds))


def posts_of(text, embeds=(), doc=None):
    found = find_posts(doc, article(text, embeds), {}, Options())
    for post in found:
        for span in post.evidence:
            assert text[span.start:span.end] == span.text
    return found


TWEET_URL = "https://twitter.com/theookafor/status/1896989060363313728"


def test_markup_embed_and_its_flattened_paragraph_are_one_post():
    text = ("Residents were evacuated.\n"
            f"We told the council. — Theo Okafor (@theookafor) March 4, 2025 {TWEET_URL}\n"
            "The council disagreed.")
    embed = Embed(platform="twitter", url=TWEET_URL, status_id="1896989060363313728", handle="theookafor",
                  display_name="Theo Okafor", text="We told the council.", date="March 4, 2025",
                  start=26, end=text.index("\nThe council"))
    (post,) = posts_of(text, [embed])
    assert post.origins == ("embed",)
    assert (post.handle, post.display_name, post.text) == ("theookafor", "Theo Okafor", "We told the council.")
    assert (post.posted, post.precision) == ("2025-03-04T18:20:11Z", "datetime")
    assert {s.role for s in post.evidence} == {"text", "attribution"}


def test_unplaced_embed_finds_its_flattened_form_by_handle_and_words():
    text = "Intro.\n\nWe told the council!! — Theo Okafor (@theookafor) March 4, 2025\n\nMore."
    embed = Embed(platform="twitter", handle="theookafor", text="We told the council", date="2025-03-04")
    (post,) = posts_of(text, [embed])
    assert post.origins == ("embed",) and post.text == "We told the council!!"
    assert (post.posted, post.precision) == ("2025-03-04", "day")


def test_embed_missing_from_the_text_keeps_its_markup_data():
    embed = Embed(platform="instagram", url="https://www.instagram.com/p/CxYz123/", handle="noa.bell",
                  display_name="Noa Bell", text="Sunset at the pier", date="2023-04-02")
    (post,) = posts_of("An article about the pier.", [embed])
    assert (post.platform, post.handle, post.text, post.posted) == ("instagram", "noa.bell", "Sunset at the pier", "2023-04-02")
    assert post.status_id == "CxYz123" and post.evidence == ()


def test_status_url_of_an_embedded_post_adds_its_link_not_a_second_post():
    text = (f"We told the council. — Theo Okafor (@theookafor) March 4, 2025\n\n"
            f"Okafor's post is at {TWEET_URL} for now.")
    embed = Embed(platform="twitter", status_id="1896989060363313728", handle="theookafor",
                  text="We told the council.", date="March 4, 2025")
    (post,) = posts_of(text, [embed])
    assert "url" in post.origins and any(s.role == "url" for s in post.evidence)


def test_flattened_embeds_without_markup_become_posts():
    text = ("Ferry cancelled - Harbour Line (@harbourline) May 5, 2022\n\n"
            "— Harbour Line (@harbourline) May 6, 2022")
    first, second = posts_of(text)
    assert (first.text, first.posted, first.origins) == ("Ferry cancelled", "2022-05-05", ("text",))
    assert (second.text, second.posted) == ("", "2022-05-06")


def test_status_url_takes_the_full_quotation_before_it():
    text = ("Okafor wrote that the council “ignored” residents. “We told the council about the rust "
            "in 2022. Nobody listened,” Okafor wrote.\n" + TWEET_URL)
    (post,) = posts_of(text)
    assert post.text == "We told the council about the rust in 2022. Nobody listened"
    assert (post.handle, post.status_id, post.posted) == ("theookafor", "1896989060363313728", "2025-03-04T18:20:11Z")
    assert post.origins == ("url",)


def test_status_url_after_an_unquoted_paragraph_has_no_text():
    text = "Okafor said the council had ignored residents.\n" + TWEET_URL
    (post,) = posts_of(text)
    assert post.text == "" and post.posted == "2025-03-04T18:20:11Z"


def test_two_urls_do_not_share_one_quotation():
    text = ("“Nobody listened,” Okafor wrote.\n" + TWEET_URL
            + "\nhttps://x.com/danielreyesmp/status/1897190630224945728")
    first, second = posts_of(text)
    assert first.text == "Nobody listened" and second.text == ""
    assert second.handle == "danielreyesmp" and second.posted == "2025-03-05T07:41:09Z"


@pytest.mark.parametrize("words,kind,target", [
    ("@theookafor Thank you, Theo.", "reply", "theookafor"),
    ("RT @theookafor: Nobody listened.", "repost", "theookafor"),
    ("Thanks @theookafor for speaking up.", "post", None),
])
def test_opening_handles_mark_replies_and_reposts(words, kind, target):
    (post,) = posts_of(f"{words} — Dan Reyes (@danielreyesmp) March 5, 2025")
    assert (post.kind, post.target_handle) == (kind, target)


@pytest.mark.model
def test_narrated_repost_with_caption_is_a_post(nlp):
    text = ("The minister posted a long thread on Friday.\n\n"
            "Okafor retweeted the minister with the caption, “Too little, too late.”")
    (post,) = posts_of(text, doc=nlp(text))
    assert (post.kind, post.text, post.origins) == ("repost", "Too little, too late.", ("narration",))
    roles = {s.role: s.text for s in post.evidence}
    assert roles["author"] == "Okafor" and roles["target"] == "the minister" and roles["cue"] == "retweeted"


@pytest.mark.model
def test_narrated_reply_qualifies_the_cited_post(nlp):
    text = ("Reyes replied to Okafor on Wednesday. “Thank you, Theo,” the minister wrote.\n"
            "https://twitter.com/danielreyesmp/status/1897190630224945728")
    (post,) = posts_of(text, doc=nlp(text))
    assert (post.kind, post.origins, post.text) == ("reply", ("url",), "Thank you, Theo")
    assert {s.text for s in post.evidence if s.role == "target"} == {"Okafor"}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Reyes replied to reporters at the bridge. “Work starts next week,” he said.",
    "The company did not respond to The Harbour Post's requests for comment.",
    "Reyes has not yet responded to Okafor’s remarks, although he kept posting on Twitter all weekend.",
    "His post about the bridge was retweeted 3,200 times by Wednesday.",
    "She needs to keep sharing the message of safer bridges with every town she visits.",
    "The aide was responding to a message from Undersecretary Lena Park about the inspection.",
    "Both candidates had to respond to videos showing their old promises about the bridge.",
    "Critics set up the account in the hope that Varga would retweet its quotes.",
    "Critics set up the account in the hope she’d retweet its quotes.",
    "“When people respond by the thousands to your message, that message is mainstream,” Okafor said.",
])
def test_answers_refusals_and_passives_are_not_reposts_or_replies(nlp, text):
    assert posts_of(text, doc=nlp(text)) == ()


@pytest.mark.model
def test_reply_to_someones_messages_targets_their_author(nlp):
    text = 'On Twitter, Varga responded Tuesday to one of Okafor\'s messages by saying, "Stop spreading rumours."'
    (post,) = posts_of(text, doc=nlp(text))
    assert post.kind == "reply" and post.text == "Stop spreading rumours."
    assert {s.text for s in post.evidence if s.role == "target"} == {"Okafor"}


def test_embed_placement_gives_the_start_of_words_on_several_lines():
    text = "Intro line.\nFirst line of the post\nsecond line\n— Theo Okafor (@theookafor) March 4, 2025\nAfter."
    embed = Embed(platform="twitter", handle="theookafor", text="First line of the post second line",
                  date="March 4, 2025", start=12, end=text.index("\nAfter"))
    (post,) = posts_of(text, [embed])
    assert post.text == "First line of the post\nsecond line"


@pytest.mark.model
def test_a_quotation_attributed_to_someone_else_is_no_caption(nlp):
    text = ("“You base your claims on doctored photos?” tweeted Ivo Brandt, the harbour master, on "
            "Thursday, after Varga retweeted an edited image of him.")
    (post,) = posts_of(text, doc=nlp(text))
    assert (post.kind, post.text) == ("repost", "")
    assert not [s for s in post.evidence if s.role == "target"]  # "an image of him" shows him


@pytest.mark.model
def test_one_act_told_twice_in_a_sentence_is_one_post(nlp):
    text = "Varga retweeted it on Monday, thinking she was retweeting one of her own quotes."
    assert len(posts_of(text, doc=nlp(text))) == 1


@pytest.mark.model
def test_act_words_are_read_from_the_arrays_with_split_quote_forms_joined(nlp):
    from newsprism.extract.post_narration import _act_words

    doc = nlp(
        "Reyes quote-tweeted Okafor, then quote - tweeted him again and Retweeted a fan. "
        "She replied to the post, shared it, quoted West and RESPONDED on Friday. "
        "The repost drew replies; a reply-all, re-shares and quote posts followed. "
        "Quote - posted twice, it was re-tweeted, responds, replying."
    )
    found = _act_words(doc)
    assert list(found.values()) == ["quote-tweeted", "quote-tweeted", "Retweeted", "replied", "shared", "quoted",
                                    "repost", "quote-posted", "replying"]
    assert list(found) == sorted(found)  # in text order: the sentences bisect them
    for i, word in found.items():  # each at the token that ends its word
        assert word.endswith(doc[i].text) and doc[i].pos_ in ("VERB", "NOUN")


ACT_PIECES = ["Reyes", "quote-tweeted", "quote", "-", "tweeted", "Retweeted", "RETWEETS", "re-posted", "Quote", "posted",
              "replied", "Replied", "REPLYING", "responds", "responded", "shared", "quoted", "Quoting", "reshared",
              "repost", "reposts", "Rebecca", "quietly", "Ruth", "said", "the", "tweet", "to", "him", "and", "a", "fan",
              "on", "Friday", ",", ".", "ſhared", "Ŕeplied", "re-tweeted", "quote-posts", "Québec"]


@pytest.mark.model
def test_act_words_found_from_first_characters_are_those_every_token_gives(nlp):
    import random

    from newsprism.extract.post_narration import _REPLY, _REPOST, _act_words

    def plain(doc):
        found = {}
        for token in doc:
            if token.pos_ not in ("VERB", "NOUN", "PROPN"):
                continue
            word = token.text
            if token.i > 1 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "quote":
                word = "quote-" + word
            if _REPOST.match(word) or (token.pos_ == "VERB" and (token.lemma_ in ("quote", "share") or _REPLY.match(word))):
                found[token.i] = word
        return found

    rng = random.Random(7)
    texts = [" ".join(ACT_PIECES), ""] + [" ".join(rng.choice(ACT_PIECES) for _ in range(rng.randint(3, 14))) + "."
                                          for _ in range(60)]
    for doc in nlp.pipe(texts):
        assert _act_words(doc) == plain(doc), doc.text
