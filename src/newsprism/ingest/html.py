"""HTML pages: the article text and its metadata via trafilatura and htmldate.

:func:`html_document` is the one way newsprism turns HTML into a document: the HTML reader
uses it for files, the feed reader for the HTML inside entries, the WARC reader for each
archived response. Embedded posts are recorded and flattened into the text before extraction
(see :mod:`newsprism.ingest.embeds`), so the extractor cannot drop them unseen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from lxml.html import HtmlElement

from newsprism.errors import EmptyInputError, MalformedError
from newsprism.ingest.document import RawDocument, detect_language
from newsprism.ingest.embeds import extract_embeds
from newsprism.ingest.sniff import HTML, decode
from newsprism.ingest.sources import Source
from newsprism.options import ReadOptions

# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*(?P<charset>[\w.:-]+)", re.I)
_LANGUAGE = re.compile(r"^(?P<code>[a-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")
_DOMAIN_LIKE = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
# An extraction shorter than this (trafilatura's own minimum for a body) is retried favouring
# recall; the retry is kept when it is at least _RETRY_GAIN times longer.
_SHORT_EXTRACTION = 250
_RETRY_GAIN = 2
# Characters of text from which the detected language overrules the declared one.
_LANGUAGE_EVIDENCE = 200


def read_html(source: Source, options: ReadOptions) -> Iterator[RawDocument]:
    """One document from an HTML page.

    Raises:
        EmptyInputError: when the page holds no article text.
        MalformedError: when the page cannot be parsed at all.
    """
    yield html_document(source.read(options.max_bytes), source.name, encoding=options.encoding)


def html_document(
    data: bytes | str,
    source: str,
    *,
    url: str | None = None,
    encoding: str | None = None,
    declared_encoding: str | None = None,
    fmt: str = HTML,
    fragment: bool = False,
) -> RawDocument:
    """A document from HTML: text, title, authors, date, site name, URL, language, embeds.

    Args:
        data: the page, as bytes (decoded here) or text.
        source: the input's name, for the document and errors.
        url: the page's address when the container knows it (a WARC record, a feed entry);
            it wins over the page's own canonical URL.
        encoding: an encoding the user forces.
        declared_encoding: the encoding a container declares (an HTTP header); the page's
            meta charset is used when there is none.
        fmt: the format recorded on the document (``html``, ``feed``, ``warc``).
        fragment: ``data`` is a piece of HTML (a feed entry's content), not a whole page: its
            text is kept whole and no page metadata is looked for.

    Raises:
        EmptyInputError: when no article text is found.
        MalformedError: when the HTML cannot be parsed.
    """
    if isinstance(data, bytes):
        declared = declared_encoding or _meta_charset(data)
        text = decode(data, source, encoding, declared)
    else:
        text = data
    if fragment:
        text = f"<html><body><article><div>{text}</div></article></body></html>"
    tree = _parse(text, source)
    language = _language(tree)
    found = extract_embeds(tree, language)
    extracted = _extract(tree, url, fragment)
    if extracted is None or not (extracted.text or "").strip():
        raise EmptyInputError("no article text", source=source)
    title = _clean_title(extracted.title)
    text = "\n\n".join(found.restore(_lines(extracted.text, title)))
    return RawDocument(
        source=source,
        text=text,
        format=fmt,
        url=url or _absolute(extracted.url),
        title=title,
        authors=_authors(extracted.author),
        published=extracted.date,
        outlet=_site_name(extracted.sitename),
        language=_checked_language(language, text),
        embeds=tuple(found.embeds),
    )


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    return match.group("charset").decode("ascii", "replace") if match else None


def _parse(text: str, source: str) -> HtmlElement:
    from trafilatura import load_html

    try:
        tree = load_html(text)
    except (ValueError, TypeError) as error:
        raise MalformedError(f"not parseable as HTML ({error})", source=source) from error
    if tree is None:
        raise MalformedError("not parseable as HTML", source=source)
    return tree


def _extract(tree: HtmlElement, url: str | None, fragment: bool):
    """trafilatura's document for ``tree`` (text and metadata), or None when it finds no text.

    A page whose extraction is very short is extracted again favouring recall, and the longer
    text is kept when it is clearly longer: trafilatura's precision-minded defaults sometimes
    keep only a tagline of a page whose article sits in an unusual layout.
    """
    from trafilatura import bare_extraction

    settings = {
        "url": url,
        "include_comments": False,
        "include_tables": True,
        # Only dates the page states in its markup are "given": no guessing from free text,
        # which would pick up dates of the story (or of an embedded post) as the page's date.
        # The URL date is a fallback so a timestamp in the metadata keeps its time of day.
        "date_extraction_params": {
            "extensive_search": False,
            "original_date": True,
            "deferred_url_extractor": True,
            "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            "max_date": datetime.now().strftime("%Y-%m-%d"),
        },
    }
    # A feed entry's HTML is all article: favour recall there from the start.
    document = bare_extraction(tree, with_metadata=not fragment, favor_recall=fragment, **settings)
    if fragment or (document is not None and len(document.text or "") >= _SHORT_EXTRACTION):
        return document
    retry = bare_extraction(tree, with_metadata=document is None, favor_recall=True, **settings)
    if retry is None or len(retry.text or "") < _RETRY_GAIN * len(document.text if document else ""):
        return document
    if document is not None:
        document.text = retry.text
        return document
    return retry


def _lines(text: str, title: str | None) -> list[str]:
    """The extracted paragraphs, without the headline (it is the document's title); they are
    joined with blank lines, as paragraphs of plain-text articles are."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if title and lines and " ".join(lines[0].split()) == " ".join(title.split()):
        lines = lines[1:]
    return lines


def _language(tree: HtmlElement) -> str | None:
    """The primary language subtag the page declares (``<html lang="de-AT">`` -> ``de``)."""
    declared = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not declared:
        meta = tree.find(".//meta[@http-equiv='content-language']")
        declared = meta.get("content") if meta is not None else None
    match = _LANGUAGE.match((declared or "").strip().lower())
    return match.group("code") if match else None


def _checked_language(declared: str | None, text: str) -> str | None:
    """The declared language, unless the text is long enough to tell and says otherwise: site
    templates often declare one language for pages in several."""
    if declared is None or len(text) < _LANGUAGE_EVIDENCE:
        return declared
    detected = detect_language(text)
    return detected or declared


def _clean_title(title: str | None) -> str | None:
    return " ".join(title.split()) if title and title.strip() else None


def _authors(value: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a.strip() for a in (value or "").split(";") if a.strip()))


def _site_name(name: str | None) -> str | None:
    """The page's site name; a bare domain is left to the URL-based outlet inference."""
    name = (name or "").strip()
    return None if not name or _DOMAIN_LIKE.match(name) else name


def _absolute(url: str | None) -> str | None:
    return url if url and url.startswith(("http://", "https://")) else None
