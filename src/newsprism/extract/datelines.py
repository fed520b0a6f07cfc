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
("Photograph: Gerald Herbert/AP", "Photo: Jane Doe/AFP/Getty Images", "(AP Photo)"): what precedes it in the
sentence is the picture's caption, run into the report by the page's export.
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
_PARENTHESIZED = r"\((?:[A-Z][\w&.]*\s)?Photo(?:\s?/[^()\n]{1,40})?\)"
CREDIT_HEAD = re.compile(rf"{_LABEL}|{_PARENTHESIZED}")
_CREDIT = re.compile(_LABEL + r"\s?[A-Z][\w.'’-]*(?:\s(?:[A-Z][\w.'’-]*|for|of|de|van|von)){0,5}"
                     r"(?:\s?/\s?[A-Z][\w.&'’-]*(?:\s[Ii]mages)?)+|" + _PARENTHESIZED)
_CLOCK_DIGITS = re.compile(r"\d[:.]\d\d")


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the report begins in the sentence ``text[start:end]``: after the last
    publication stamp, "|" separator or photo credit in it and after a dateline that opens it or follows
    them; ``start`` when it has none. Returns ``end`` when the sentence is all furniture."""
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
    match = _DATELINE.match(text, _skip_space(text, head, end), end)
    if match:
        head = match.end()
    return _skip_space(text, head, end)


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position] in " \t\n;,":
        position += 1
    return position
