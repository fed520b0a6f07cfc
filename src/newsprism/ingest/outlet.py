"""Naming the outlet of an article when its metadata does not.

Evidence, strongest first: the article's URL domain; a dateline code ("CHICAGO (CBS) –");
lines only one outlet prints (kept or removed by cleaning). The outlets and their marks live in
``data/outlets.yaml``; every inference says which evidence it used, and a house style that other
outlets may share is reported as weak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

import yaml


_DATELINE = re.compile(
    r"\A\s*(?P<city>[A-Z][A-Z.'’ -]{1,40}?)(?:,\s*[A-Z][A-Za-z.]{1,20})?\s*"
    r"\((?P<code>[A-Za-z][\w .&-]{0,24})\)\s*[–—-]"
)


@dataclass(frozen=True)
class Outlet:
    name: str
    domains: tuple[str, ...]
    datelines: tuple[str, ...]
    local: str | None
    signatures: tuple[tuple[re.Pattern[str], bool, str], ...]


@lru_cache(maxsize=1)
def known_outlets() -> tuple[Outlet, ...]:
    """The outlet registry shipped in ``newsprism/data/outlets.yaml``."""
    raw = yaml.safe_load(resources.files("newsprism.data").joinpath("outlets.yaml").read_text("utf-8"))
    return tuple(
        Outlet(
            name=entry["name"],
            domains=tuple(entry.get("domains", ())),
            datelines=tuple(entry.get("datelines", ())),
            local=entry.get("local"),
            signatures=tuple(
                (re.compile(sig["pattern"]), bool(sig.get("weak")), sig.get("where", "any"))
                for sig in entry.get("signatures", ())
            ),
        )
        for entry in raw
    )


def outlet_from_url(url: str | None) -> tuple[str, str] | None:
    """(outlet name, provenance) from a URL's domain: a known outlet's name, else the domain."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    for outlet in known_outlets():
        if any(host == d or host.endswith("." + d) for d in outlet.domains):
            return outlet.name, f"inferred: URL domain {host}"
    return host, f"inferred: URL domain {host} (not a known outlet; the domain is the name)"


def infer_outlet(raw: str, text: str) -> tuple[str, str] | None:
    """(outlet name, provenance) from an article's own words, or None when nothing tells.

    Args:
        raw: the text as read, before cleaning (signature lines are often removed ones).
        text: the cleaned text (its start holds the dateline).
    """
    dateline = _DATELINE.match(text)
    if dateline:
        code = dateline.group("code").strip()
        for outlet in known_outlets():
            if code.lower() in (d.lower() for d in outlet.datelines):
                city = dateline.group("city").strip().title()
                name = outlet.local.format(city=city) if outlet.local else outlet.name
                return name, f"inferred: dateline {dateline.group(0).strip()!r}"
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    weak_match = None
    for outlet in known_outlets():
        for pattern, weak, where in outlet.signatures:
            candidates = lines[-1:] if where == "last" else lines
            hit = next((line for line in candidates if pattern.search(line)), None)
            if hit is None:
                continue
            if not weak:
                return outlet.name, f"inferred: the line {hit!r} is {outlet.name}'s"
            weak_match = weak_match or (
                outlet.name, f"inferred (weak): the closing line {hit!r} follows {outlet.name}'s sign-off style")
    return weak_match
