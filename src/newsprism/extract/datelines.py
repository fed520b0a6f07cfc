"""Datelines and publication stamps at the head of a sentence.

Wire copy and exported pages put page furniture before the first words of the report: a
dateline ("GENEVA (Reuters) -", "HONG KONG, May 2 (AFP) —", "NEW ORLEANS --"), a publication
stamp ("Sun Apr 26, 2009 10:12 pm BST", "Thursday, April 29, 2010; 4:49 PM", "Sunday 26 April
2009 10.40 BST"), often after a headline and a byline run into the same sentence ("… oil spill
ROBERT, Louisiana | Fri May 7, 2010 …"). None of it tells what happened, and a summary that
quotes a sentence must not quote it; the report starts after it.

Each rule is a general shape of such furniture: a stamp is a full date *with a clock time*
(a report names a day, a page names the minute it was filed), a dateline is a place in
capitals followed by an agency in parentheses or by a dash. A stamp or a "|" separator
anywhere in the sentence means everything before it is furniture too. So does a photo credit
("Photograph: Gerald Herbert/AP", "Photo: Jane Doe/AFP/Getty Images", "(AP Photo)",
"(Ian Shapira - Washington Post)"): what precedes it in the sentence is the picture's caption,
run into the report by the page's export; a bare agency credit ("AP", "Coast Guard via AP")
heading a sentence is furniture too. A page exported as one line also runs its headline into
the lead without a full stop ("Spill's danger to migratory birds The BP oil spill is …"):
:func:`headline_cuts` finds where the pieces begin.
"""

from __future__ import annotations

import re

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?"
_DATE = (rf"(?:{_WEEKDAY}\s*,?\s*)?(?:{_MONTH}\s+\d{{1,2}}\s*,?\s*\d{{4}}"
         rf"|\d{{1,2}}\s+{_MONTH}\s*,?\s*\d{{4}})")
_CLOCK = r"\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4}\b)?"
# A date with a clock time, in either order: "Sun Apr 26, 2009 10:12 pm BST",
# "Thursday, April 29, 2010; 4:49 PM", "09:53 AM, Thursday, 21 May 2009"; not one that a
# preposition makes part of the report ("met on June 16, 2010 at 10:00").
_STAMP = re.compile(rf"(?<!\bon )(?<!\bat )(?<!\bby )(?<!\bof )(?<!\buntil )(?<!\bsince )(?<!\bfrom )(?<!day )(?<!day, )"
                    rf"(?:{_DATE}\s*[;,]?\s*{_CLOCK}|{_CLOCK}\s*[;,]?\s*{_DATE})")
# A place in capitals (optionally a state or country, and a short date; none after a stamp)
# and an agency in parentheses, or a place and a dash: "HONG KONG, May 2 (Reuters) -",
# "VENICE, La/PENSACOLA BEACH, Fla (Reuters) -", "CHICAGO (CBS) –", "NEW ORLEANS --",
# "AP NEW ORLEANS --".
_PLACE = r"[A-Z][A-Z.'’-]+(?:(?:,\s*|\s+|/)[A-Z][A-Za-z.'’-]*){0,6}"
_AGENCY = r"\([A-Z][\w&.]*(?:\s[A-Z][\w&.]*){0,3}\)"
_DATELINE = re.compile(
    rf"(?:(?:{_PLACE}(?:,\s*{_MONTH}\s+\d{{1,2}})?\s*)?{_AGENCY}\s*[-–—]{{1,2}}"
    rf"|(?:[A-Z]{{2,}}\s+)?[A-Z][A-Z.'’-]+(?:(?:,\s*|\s+)[A-Z][A-Za-z.]*){{0,3}}\s*(?:--|–|—))(?:\s+|$)")
_SEPARATOR = re.compile(r"\s\|\s")
# A photo credit: the word, a colon, a name of a few words and the agencies after slashes
# ("Photograph: Centers for Disease Control/Reuters", "Photo: Ann Lee/AFP/Getty Images").
# An agency's credit in parentheses ("(AP Photo)", "(AP Photo/Gerald Herbert)") is one too.
_LABEL = r"\b(?:Photograph|Photo|Picture|Illustration)s?\s?:"
# Who supplies pictures, as a credit names them at its end: the wire agencies, picture
# agencies and the words that end an outlet's or a pool's name ("Washington Post", "Pool").
_SUPPLIER = (r"(?:AP|AFP|EPA|Reuters|Bloomberg|Getty\s[Ii]mages|[Ii]mages|Corbis|Handout|Pool|"
             r"[A-Za-z][a-z]+\s(?:[Pp]ress|Post|Times|News))")
_NAME = r"[A-Z][\w.'’-]*(?:\s(?:[A-Z][\w.'’-]*|for|of|de|van|von)){0,4}"
# An agency's credit in parentheses: "(AP Photo)", "(AP Photo/Gerald Herbert)", or a name and
# the supplier after a slash or a spaced dash: "(Gerald Herbert/Associated Press)",
# "(Ian Shapira - Washington Post)", "(AFP/Getty Images)"; not "(R-Tex.)" or "(BP.L)".
_PARENTHESIZED = (r"\((?:(?:[A-Z][\w&.]*\s)?Photo(?:\s?/[^()\n]{1,40})?"
                  rf"|{_NAME}(?:\s?/\s?|\s[-–—]\s){_SUPPLIER})\)"
                  # an agency alone is a credit only before the next words: "… burning. (AP)
                  # Stanley Murray said", not the source a sentence ends on ("…, officials said (Reuters).")
                  r"|\((?:AP|AFP|EPA|Reuters|Getty\sImages)\)(?=\s[A-Z\"“])")
# A bare credit heading a sentence, the report or the next caption after it: "AP NEW
# ORLEANS -- …", "AP Apr. 21: …", "Coast Guard via AP The …" (never one a verb follows:
# "Reuters reported …").
_BARE = (rf"(?:(?:{_NAME}\svia\s)?(?:AP|AFP|EPA|Reuters|Getty\sImages|Associated\sPress)"
         # a photographer's name and the supplier ("Larry Downing/Reuters"), or the outlet
         # they shot for ("Sarah Lee for the Guardian"), left when the label ended the sentence before
         rf"|{_NAME}\s?/\s?{_SUPPLIER}(?:\s?/\s?{_SUPPLIER})*|[A-Z][\w'’-]+\s[A-Z][\w'’-]+\sfor\sthe\s[A-Z]\w+)"
         r"(?=\s[A-Z\"“])")
CREDIT_HEAD = re.compile(rf"{_LABEL}|{_PARENTHESIZED}|{_BARE}")
# A labelled credit: the names and agencies after slashes ("Photograph: Ann Lee/AP"), or a
# supplier of one or two words before the report's first word ("Photograph: Associated Press
# The …", "Photograph: Public Domain As …").
_CREDIT = re.compile(_LABEL + r"\s?(?:[A-Z][\w.'’-]*(?:\s(?:[A-Z][\w.'’-]*|for|of|de|van|von)){0,5}"
                     r"(?:\s?/\s?[A-Z][\w.&'’-]*(?:\s[Ii]mages)?)+|[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?(?=\s[A-Z\"“]))|"
                     + _PARENTHESIZED)
_BARE_HEAD = re.compile(_BARE + r"\s")
# A line that is a picture's caption: the credit ends it ("Workers lay a boom. Photograph:
# Ann Lee/AP", "(AP Photo/Gerald Herbert)").
CAPTION_LINE = re.compile(rf"(?:.{{0,300}}?\s)?(?:{_CREDIT.pattern})\s*")
# A caption's own opening, the picture agencies' formula: "In this aerial photo taken …",
# "In this image made from video …", "A frame grab, taken from a live feed, shows …".
CAPTION_OPENING = re.compile(
    r"(?:In\sthis|In\sa)\s(?:[\w-]+\s){0,3}?(?:photo(?:graph)?|image|picture|frame\sgrab|video\sgrab|screen\sgrab)"
    r",?\s(?:[\w-]+\s){0,2}?(?:taken|provided|released|made|obtained|shot|from|of|by|dated)\b"
    r"|(?:A|This|The)\s(?:frame|video|screen)\sgrab\b")
_CLOCK_DIGITS = re.compile(r"\d[:.]\d\d")
# What every separator, credit, stamp and dateline holds: the "|" of a separator, a credit's
# colon or parenthesis, a stamp's clock time, a dateline's agency in parentheses or its dash.
_FURNITURE_SIGN = re.compile(r"[|:(–—]|--|\d[:.]\d\d")


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the report begins in the sentence ``text[start:end]``: after the last
    publication stamp, "|" separator or photo credit in it and after a dateline that opens it or follows
    them; ``start`` when it has none. Returns ``end`` when the sentence is all furniture."""
    if not _FURNITURE_SIGN.search(text, start, end):
        # most sentences hold none of it, and one search costs less than trying every rule:
        # only a bare credit can head them
        return _after_bare_head(text, _skip_space(text, start, end), end)
    head = start
    for match in _SEPARATOR.finditer(text, head, end):
        head = match.end()
    for match in _CREDIT.finditer(text, head, end):
        head = match.end()
    # every stamp holds a clock time: most sentences have none, and the stamp pattern's
    # many alternatives are slow to try at every position of a sentence
    if _CLOCK_DIGITS.search(text, head, end):
        for match in _STAMP.finditer(text, head, end):
            head = match.end()
    head = _after_bare_head(text, _skip_space(text, head, end), end)
    match = _DATELINE.match(text, head, end)
    if match:
        head = _skip_space(text, match.end(), end)
    return head


def _after_bare_head(text: str, head: int, end: int) -> int:
    """Where the report begins after a bare credit at ``head`` (``head`` without one), past
    the spaces after it."""
    match = _BARE_HEAD.match(text, head, end)
    return _skip_space(text, match.end(), end) if match else head


# Where a lead run into the headline (a page exported as one line: "Spill's danger to
# migratory birds The BP oil spill is …") begins: a capitalised article after a word that ends
# the headline. Not a title that a verb or a preposition introduces ("told The Associated
# Press", "in The Guardian"), a class letter ("influenza A virus", "Plan A"), nor "A" before a
# name ("John A Smith").
_TITLE_BEFORE = frozenset(
    "a an the and or but nor to in into of on at by for from with about as than via like is are was "
    "were be been being told tells tell said says say wrote writes read reads see saw watch called named "
    "influenza vitamin hepatitis type group class category plan grade section division level tier size "
    "series row block part".split())
_LEAD_START = re.compile(r"(?<=[\w'’)\]])\s+(?:The\s|An?\s(?=[a-z0-9\"“‘'`]|[A-Z]{2,}\b))")
_WORD = re.compile(r"[\w'’]+")


def headline_cuts(text: str, start: int, end: int) -> list[int]:
    """Where the pieces of an article's first sentence ``text[start:end]`` begin when a
    headline (and a caption or byline after it) runs into the lead without a full stop: at
    each capitalised article that cannot be inside a sentence (:data:`_LEAD_START`), with at
    least three words before it and three after; empty when there is none. The last piece is
    the lead."""
    cuts: list[int] = []
    for match in _LEAD_START.finditer(text, start, end):
        before = _WORD.findall(text, cuts[-1] if cuts else start, match.start())
        if len(before) < 3 or before[-1].lower() in _TITLE_BEFORE:
            continue
        if len(_WORD.findall(text, match.end(), end)) < 3:
            break
        cuts.append(_skip_space(text, match.start(), end))
    return cuts


def stamped(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a publication stamp (the page's head, exported)."""
    return bool(_CLOCK_DIGITS.search(text, start, end) and _STAMP.search(text, start, end))


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position] in " \t\n;,":
        position += 1
    return position
