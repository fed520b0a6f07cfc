"""The cue lexicon: words that introduce what someone said or thought, and the channel they imply.

Three families of verbs, by what they take as content:

* ``SPEECH`` verbs report words (said, tweeted, told, wrote, argued ...). Their content is a
  clause, a quotation, or a direct object ("said this", "tweeted a photo").
* ``ATTITUDE`` verbs report a stance towards someone or something and take it as an object
  ("accused X of Y", "praised X for Y", "endorsed X", "called X a liar").
* ``THOUGHT`` verbs report beliefs, wishes and findings ("believes", "hopes", "polls show") and
  count only with a clausal complement ("thinks that ...", "wants to ...").

The lists follow the reporting-verb inventories of attribution research (PARC and its
successors); a lemma listed in several families takes the first of speech, attitude, thought. Channels come first
from the verb itself (``tweeted`` -> tweet, ``texted`` -> text message) and then from the words
around it (``in a statement``, ``told reporters``, ``on Instagram``), see :func:`channel_of`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEECH = frozenset(
    """say tell add write tweet retweet post text email e-mail message blog text ask answer reply
    respond retort counter explain note argue claim announce declare state insist warn caution
    acknowledge admit concede confirm deny suggest report reveal disclose predict promise vow
    pledge urge recall remark observe comment continue conclude assert allege contend maintain
    stress emphasize emphasise reiterate repeat mention joke quip boast brag complain lament
    shout yell scream chant exclaim whisper mutter testify quote cite describe proclaim pronounce
    interject muse speculate estimate echo assure inform notify remind signal hint imply indicate
    recount relate narrate mention underscore highlight question wonder query demand plead beg
    request propose recommend advise instruct order read write caption dictate telegraph
    preach lecture concur object protest grumble gripe sneer scoff snap fume rant vent rail
    thunder bellow quote affirm reaffirm profess swear guarantee forecast project outline detail
    specify clarify elaborate acknowledge retweet share announce broadcast publish print
    suggest opine theorize theorise posit reason figure recount confess apologize apologise
    point refer reference allude invoke voice express list discuss talk issue articulate
    vouch bemoan lash liken portray characterize characterise retweete respond bark snarl
    growl holler cry gush laugh marvel rave coach sigh huff tout"""
    .split()
)

ATTITUDE = frozenset(
    """accuse criticize criticise blame praise thank mock slam blast rip attack dismiss reject
    denounce condemn decry defend tout hail applaud congratulate endorse back support oppose
    label dub brand call deride ridicule lambast lambaste chide rebuke scold berate castigate
    assail excoriate fault credit commend laud salute welcome celebrate challenge dispute
    contradict refute rebut debunk disavow renounce repudiate threaten insult taunt tease
    belittle disparage ridicule vilify smear savage pan trash knock needle jab skewer roast
    question deem dismiss side distance balk spar brush charge advocate champion
    back approve rebuff snub""".split()
)

THOUGHT = frozenset(
    """think believe know feel hope fear worry expect doubt suspect want wish consider
    understand realize realise recognize recognise agree disagree assume presume suppose
    imagine envision conclude decide intend plan seek aim prefer show find indicate suggest
    reveal demonstrate prove confirm determine estimate calculate project anticipate
    predict worry trust guess reckon sense acknowledge remember recall forget learn discover
    notice see hear read seem appear hop interpret contemplate view regard""".split()
)

# "X appears to ...", "polls seem to show", "may prove to be": raising verbs, an attribution only
# with a clause ("proved that ..."), never with an infinitive.
RAISING = frozenset({"seem", "appear", "prove"})

# Nouns that name a communication; "in a statement", "Legend's text read", "X's claim that".
MESSAGE_NOUNS = {
    "statement": "statement",
    "release": "statement",
    "communique": "statement",
    "tweet": "tweet",
    "retweet": "tweet",
    "post": "post",
    "caption": "post",
    "text": "text message",
    "message": None,
    "email": "email",
    "e-mail": "email",
    "letter": "letter",
    "memo": "letter",
    "note": "letter",
    "interview": "interview",
    "speech": "speech",
    "remark": "speech",
    "remarks": "speech",
    "address": "speech",
    "rally": "speech",
    "conference": "press conference",
    "briefing": "press conference",
    "testimony": "testimony",
    "op-ed": "article",
    "column": "article",
    "essay": "article",
    "book": "article",
    "video": "video",
    "podcast": "interview",
    "comment": None,
    "comments": None,
    "claim": None,
    "announcement": "statement",
    "report": None,
    "screenshot": None,
}

# What a verb says about the channel on its own.
VERB_CHANNELS = {
    "tweet": "tweet",
    "retweet": "tweet",
    "text": "text message",
    "email": "email",
    "e-mail": "email",
    "post": "post",
    "blog": "post",
    "caption": "post",
    "testify": "testimony",
    "publish": "article",
    "broadcast": "broadcast",
}

PLATFORMS = {
    "twitter": "tweet",
    "x": "tweet",
    "instagram": "post",
    "facebook": "post",
    "tiktok": "post",
    "snapchat": "post",
    "threads": "post",
    "youtube": "video",
    "reddit": "post",
    "truth": "post",
    "blog": "post",
}

# "told reporters", "told CNN": telling a journalist or an outlet is an interview.
PRESS_NOUNS = frozenset(
    """reporter reporters journalist journalists press media interviewer host anchor
    correspondent newspaper paper outlet network magazine station radio""".split()
)

CHANNELS = (
    "tweet", "post", "text message", "email", "letter", "statement", "interview", "speech",
    "press conference", "testimony", "article", "video", "broadcast", "unknown",
)


def is_cue_lemma(lemma: str) -> bool:
    """Whether a verb lemma can introduce an attribution at all."""
    return lemma in SPEECH or lemma in ATTITUDE or lemma in THOUGHT


def family(lemma: str) -> str | None:
    """``speech``, ``attitude`` or ``thought`` for a cue lemma, None for other words."""
    if lemma in SPEECH:
        return "speech"
    if lemma in ATTITUDE:
        return "attitude"
    if lemma in THOUGHT:
        return "thought"
    return None


def channel_of(cue: Token | None, extra: list[Token] | None = None) -> str:
    """The channel an attribution went through, from its cue and the words around the cue.

    The verb decides first (``tweeted``); then prepositional and object phrases of the cue
    ("in a statement", "on Twitter", "in a text message", "told reporters"), then the subject
    when it names a message ("Legend's text read").

    Args:
        cue: the cue token (verb or noun), or None.
        extra: further tokens to read for channel words (for example the subject phrase).

    Returns:
        One of :data:`CHANNELS`.
    """
    if cue is None:
        return "unknown"
    lemma = speech_lemma(cue) or cue.lemma_.lower()
    if lemma in VERB_CHANNELS and (cue.pos_ == "VERB" or cue.lower_ != lemma):
        return VERB_CHANNELS[lemma]
    words: list[Token] = []
    for child in cue.children:
        if child.dep_ in ("prep", "agent", "dobj", "dative", "npadvmod", "advcl", "obl"):
            words.extend(t for t in child.subtree if t.i - cue.i < 12)
    words.extend(extra or [])
    if cue.pos_ == "NOUN":
        words.insert(0, cue)
    found = _channel_words(words)
    if found:
        return found
    if lemma == "tell":
        for child in cue.children:
            if child.dep_ in ("dobj", "dative", "iobj") and (
                child.lemma_.lower() in PRESS_NOUNS or child.ent_type_ == "ORG"
            ):
                return "interview"
    return "unknown"


def _channel_words(words: list[Token]) -> str | None:
    lowered = [w.lower_ for w in words]
    for k, word in enumerate(words):
        low = lowered[k]
        if low == "text" and k + 1 < len(words) and lowered[k + 1] in ("message", "messages"):
            return "text message"
        if low in ("press", "news") and k + 1 < len(words) and lowered[k + 1] in ("conference", "briefing"):
            return "press conference"
        if low in PLATFORMS and word.text[:1].isupper():
            return PLATFORMS[low]
        pos = word.pos_
        if pos not in ("NOUN", "PROPN"):
            continue  # (the lemma of the other words need not be read)
        lemma = word.lemma_.lower()
        if lemma in MESSAGE_NOUNS and MESSAGE_NOUNS[lemma]:
            if lemma == "release" and not (k > 0 and lowered[k - 1] in ("press", "news")):
                continue
            if lemma in ("conference", "briefing") and not (k > 0 and lowered[k - 1] in ("press", "news")):
                continue
            return MESSAGE_NOUNS[lemma]
        if pos == "NOUN" and lemma in ("interviewer",):
            return "interview"
    return None


IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "read": ("read",),
    "speak": ("spoke", "spoken"), "think": ("thought",), "know": ("knew", "known"),
    "feel": ("felt",), "see": ("saw", "seen"), "find": ("found",), "seek": ("sought",),
    "hear": ("heard",), "forget": ("forgot", "forgotten"), "swear": ("swore", "sworn"),
    "understand": ("understood",), "mean": ("meant",), "teach": ("taught",),
}


def _inflections(lemma: str) -> set[str]:
    """Regular English forms of a verb (said/says/saying come from IRREGULAR and rules)."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        # Doubling after a short stressed vowel: "quip" -> "quipped", "chat" -> "chatted".
        if len(lemma) <= 5 and lemma[-1] in "bdglmnprt" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    forms |= set(IRREGULAR.get(lemma, ()))
    return forms


# Surface form -> lemma for speech verbs: the tagger of a small model often takes a cue for a
# noun ("Legend's text read", "writing, “…”"), so patterns next to quotations read the word.
SPEECH_FORMS = {form: lemma for lemma in sorted(SPEECH) for form in _inflections(lemma)}


def speech_lemma(token: Token) -> str | None:
    """The speech-verb lemma of a token, from its tag when it is a verb, else from its form."""
    if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH:
        return token.lemma_.lower()
    if token.pos_ in ("VERB", "NOUN", "AUX", "ADJ", "PROPN"):
        lemma = SPEECH_FORMS.get(token.lower_)
        # A bare noun ("text", "post") is a message, not a cue; inflected forms are cues.
        if lemma and (token.pos_ == "VERB" or token.lower_ != lemma or token.lower_ in IRREGULAR_FORMS):
            return lemma
    return None


IRREGULAR_FORMS = frozenset(f for forms in IRREGULAR.values() for f in forms)
