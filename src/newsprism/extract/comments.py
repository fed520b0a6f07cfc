"""Reader comments exported with an article.

A page's comment section comes with the article when it is saved or scraped whole: the
comment form's notice ("We welcome comments that advance the story …", "Views expressed in
the comments do not represent those of Reuters", "Your comments may be published …", "Please
get involved and leave a comment") and the readers' posts around it. None of it is the
outlet's report, and a summary that quotes it misreports the outlet.

The notice is told apart from a report *about* comments ("A BP spokesman declined to
comment", "Obama's comments drew criticism") and from an invitation that opens a blog or a
live page ("Leave your thoughts in the comments section below", "Could you comment on …") by
what it says: it names comments and tells the reader the form's rules (what is welcome,
published, edited, reported), or states the comment policy ("views expressed in the
comments"), or closes the section ("This debate is now closed"), outside quotation marks. So is the heading of a reader's post ("At 2:04 pm on 10 Jun 2010, barryp wrote:").
Everything from the first of them on is the comment section.
"""

from __future__ import annotations

import re

_COMMENTS = re.compile(r"\bcomments?\b", re.IGNORECASE)
# A comment section closed to new posts: "This discussion is now closed", "This debate is now closed".
_CLOSED = re.compile(r"\bthis\s+(?:discussion|debate|thread)\s+(?:is|has\s+been)\s+(?:now\s+)?closed\b", re.IGNORECASE)
# The reader addressed, and the comment form's rules: what is welcome, published, edited,
# moderated or reported ("We welcome comments that …", "Your comments may be published …").
_ADDRESS = re.compile(r"\b(?:you|your|we|us|please)\b", re.IGNORECASE)
_POLICY = re.compile(r"\b(?:welcome|publish\w*|edit|moderat\w*|report|logged|offensive|selection|guidelines|"
                     r"policy|terms|represent)\b", re.IGNORECASE)
_VIEWS = re.compile(r"\bviews\s+expressed\b", re.IGNORECASE)
# A reader's post heading the section: the time it was posted and who wrote it ("At 2:04 pm on
# 10 Jun 2010, barryp wrote:", "At 18:20 29th Apr 2009, vampfan wrote:").
_POST = re.compile(r"\b(?:At|On)\s+\d{1,2}[:.]\d\d\b[^,\n]{0,40},\s*[^,\s][^,\n]{0,40}?\s+wrote\s*:")
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_WORD = re.compile(r"\w+")
# A notice is a short sentence; a long one that names comments is a report or a reader's post.
_LONGEST = 40


def comment_notice(text: str) -> bool:
    """Whether a sentence (or a line) is a comment form's notice to the reader."""
    # Every notice names comments or a closed section, and nearly every sentence of a text
    # does neither: those are not read any further. No character but these letters' own
    # capitals matches them ignoring case, and lower() maps each of those capitals to them.
    lower = text.lower()
    if "comment" not in lower and "clo" not in lower:
        return False
    return _notice(text)


def _notice(text: str) -> bool:
    told = _QUOTED.sub(" ", text)
    if len(_WORD.findall(told)) > _LONGEST:
        return False
    return bool(_CLOSED.search(told)) or bool(_COMMENTS.search(told)) and (
        bool(_VIEWS.search(told)) or bool(_ADDRESS.search(told)) and bool(_POLICY.search(told)))


def comment_post(text: str) -> bool:
    """Whether a sentence (or a line) holds the heading of a reader's post."""
    return "wrote" in text and bool(_POST.search(text))  # the heading's one fixed word, first


def comment_section(texts: list[str]) -> int:
    """Where the reader-comment section begins among an article's sentences (``texts``, in
    order): at the first comment notice or reader's post; ``len(texts)`` when there is none."""
    return next((k for k, text in enumerate(texts) if comment_notice(text) or comment_post(text)), len(texts))
