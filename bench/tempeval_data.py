"""Reading TempEval-3 TimeML files: the text of a document, its DCT and its gold TIMEX3s.

The text is the content of ``<TEXT>`` with every tag removed and XML entities decoded; gold
offsets refer to that text. The DCT is the value of the ``<DCT>`` TIMEX3.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3([^>]*)>")


@dataclass(frozen=True)
class GoldTimex:
    """One annotated expression: character offsets into the document text, type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDoc:
    """A TimeML document: id, creation time (DCT), plain text, and gold expressions."""

    id: str
    corpus: str
    dct: str
    text: str
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDoc:
    """Read one ``.tml`` file.

    Raises:
        ValueError: naming the file, when it has no DCT or no TEXT element.
    """
    raw = path.read_text("utf-8")
    dct_match = _DCT.search(raw)
    start, end = raw.find("<TEXT>"), raw.find("</TEXT>")
    if not dct_match or start < 0 or end < 0:
        raise ValueError(f"{path}: not a TimeML file with <DCT> and <TEXT>")
    dct = dict(_ATTR.findall(dct_match.group(1)))["value"]
    body = raw[start + len("<TEXT>"):end]
    parts: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes = []
    position = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position:tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(tag.group(3)))))
        elif open_timex:
            begin, attrs = open_timex.pop()
            text = "".join(parts)[begin:length]
            timexes.append(GoldTimex(begin, length, text, attrs.get("type", ""),
                                     attrs.get("value", "")))
    parts.append(html.unescape(body[position:]))
    text = "".join(parts)
    return TimeMLDoc(path.stem, path.parent.name, dct, text, tuple(timexes))


def read_corpus(root: Path) -> list[TimeMLDoc]:
    """Every ``.tml`` document under ``root`` (sorted by path)."""
    return [read_timeml(p) for p in sorted(root.rglob("*.tml")) if "testpipeline" not in p.parts]
