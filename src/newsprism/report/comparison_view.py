"""The comparison sections of the HTML report: timeline, coverage matrix, altered quotations
as inline diffs, conflicts, the interaction network (an inline SVG drawn here, no script
library, no network) and each outlet's framing.

Views are plain dicts for the template; every span goes through the report's span registry
so that clicking an item highlights its evidence in the article texts.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape
from typing import Any

from markupsafe import Markup

from newsprism.model import Article, Fidelity, Interaction, Span, Story, WordingFidelity
from newsprism.story.fidelity import COSMETIC

SpanId = Callable[[Span], str]
# Edge colours by kind of act: warm for hostile, cool for friendly, grey for neutral.
EDGE_COLOURS = {
    "praises": "#2e7d32", "supports": "#43a047", "thanks": "#66bb6a", "defends": "#1e88e5",
    "apologises": "#8e24aa", "asks": "#5e35b1", "replies_to": "#757575", "contacts": "#9e9e9e",
    "comments_on": "#bdbdbd", "meets": "#00897b", "criticises": "#e53935", "insults": "#b71c1c",
    "mocks": "#f4511e", "rejects": "#fb8c00", "threatens": "#6d4c41",
}


def comparison_view(story: Story, articles: dict[str, Article], span_id: SpanId) -> dict[str, Any]:
    """Everything the comparison sections show for one story."""
    names = {p.id: p.name for p in story.people}
    outlets = {a: (articles[a].outlet or a) for a in story.article_ids if a in articles}
    return {
        "timeline": _timeline(story, outlets, span_id),
        "coverage": _coverage(story, span_id),
        "fidelity": [v for f in story.fidelity if (v := _fidelity(f, outlets, span_id))],
        "conflicts": [
            {"kind": c.kind, "facet": c.facet, "description": c.description, "ids": _ids(c.evidence, span_id)}
            for c in story.conflicts
        ],
        "network": network_svg(story.interactions, names, span_id),
        "edges": [
            {"source": names.get(i.source_id, i.source_id), "target": names.get(i.target_id, i.target_id),
             "type": i.type, "count": i.count, "dates": ", ".join(i.dates), "cues": ", ".join(i.cues[:4]),
             "outlets": ", ".join(sorted({outlets.get(a, a) for a in i.article_ids})), "ids": _ids(i.evidence, span_id)}
            for i in story.interactions
        ],
        "framing": [_framing(f, names, span_id) for f in story.framing],
    }


def _ids(spans, span_id: SpanId) -> str:
    return " ".join(span_id(s) for s in spans)


def _timeline(story: Story, outlets, span_id: SpanId) -> list[dict[str, Any]]:
    events = sorted(story.events, key=lambda e: (e.date or "9999", e.id))
    return [
        {"date": e.date or "undated", "precision": e.precision, "description": e.description,
         "background": e.background, "outlets": ", ".join(sorted({outlets.get(s.article_id, s.article_id) for s in e.evidence})),
         "ids": _ids(e.evidence, span_id)}
        for e in events
    ]


def _coverage(story: Story, span_id: SpanId) -> dict[str, Any] | None:
    coverage = story.coverage
    if coverage is None or not coverage.rows:
        return None
    symbols = {"present": "●", "paraphrased": "◐", "absent": "·"}
    rows = [
        {"label": r.label, "kind": r.item_kind, "reported_by": r.reported_by,
         "cells": [{"status": c.status, "symbol": symbols[c.status], "ids": _ids(c.evidence, span_id)} for c in r.cells]}
        for r in coverage.rows
    ]
    labels = {f"{r.item_kind}:{r.item_id}": r.label for r in coverage.rows}
    columns = [
        {"name": c.name, "copies_of": ", ".join(c.copies_of),
         "exclusive": [labels.get(k, k) for k in c.exclusive], "omitted": [labels.get(k, k) for k in c.omitted]}
        for c in coverage.columns
    ]
    return {"columns": columns, "rows": rows}


def _fidelity(fidelity: Fidelity, outlets, span_id: SpanId) -> dict[str, Any] | None:
    altered = [w for w in fidelity.wordings if w.verdict not in COSMETIC]
    if not altered:
        return None
    reference = " … ".join(s.text for s in fidelity.reference)
    return {
        "reference": reference,
        "reference_outlet": outlets.get(fidelity.reference[0].article_id, "") if fidelity.reference else "",
        "reference_kind": fidelity.reference_kind,
        "ids": _ids(fidelity.reference, span_id),
        "wordings": [_wording(w, outlets, span_id) for w in altered],
    }


def _wording(wording: WordingFidelity, outlets, span_id: SpanId) -> dict[str, Any]:
    """The wording as inline diff HTML: changed words marked, replaced words struck through
    before them; what it leaves out listed after."""
    marks = []
    # Typography (curly against straight marks) is kept in the JSON but not marked: it
    # changes nothing a reader would call a change of wording.
    shown = [d for d in wording.differences if d.kind != "typography"]
    for difference in shown:
        variant = [s for s in difference.evidence if s.role in ("variant", "inserted")]
        if variant:
            marks.append((variant[0].start, variant[-1].end, difference))
    parts = []
    for segment in wording.evidence:
        cursor = segment.start
        for start, end, difference in sorted(m for m in marks if segment.start <= m[0] < segment.end):
            if start < cursor:
                continue
            parts.append(escape(segment.text[cursor - segment.start:start - segment.start]))
            title = escape(f"{difference.kind}: {difference.detail}", quote=True)
            if difference.reference_text and difference.kind != "paraphrase":
                parts.append(f'<del class="d-{difference.kind}" title="{title}">{escape(difference.reference_text)}</del>')
            parts.append(f'<ins class="d-{difference.kind}" title="{title}">'
                         f'{escape(segment.text[start - segment.start:end - segment.start])}</ins>')
            cursor = end
        parts.append(escape(segment.text[cursor - segment.start:]))
        parts.append(" <span class=\"gap\">[…]</span> ")
    dropped = [d for d in shown if not any(s.role in ("variant", "inserted") for s in d.evidence)]
    return {
        "outlet": outlets.get(wording.article_id, wording.article_id),
        "verdict": wording.verdict,
        "verbatim": f"{wording.verbatim:.0%}",
        "html": Markup("".join(parts[:-1])),
        "notes": [f"{d.kind.replace('_', ' ')}: {d.detail}" for d in dropped],
        "kinds": sorted({d.kind.replace("_", " ") for d in shown}),
        "ids": _ids(wording.evidence, span_id),
    }


def _framing(framing, names, span_id: SpanId) -> dict[str, Any]:
    return {
        "outlet": framing.outlet,
        "narration_share": f"{framing.narration_share:.0%}",
        "verbs": f"{framing.loaded_verbs} loaded / {framing.neutral_verbs} neutral",
        "tone": [
            {"person": names.get(t.person_id, t.person_id), "score": "–" if t.score is None else f"{t.score:+.2f}",
             "sentences": t.sentences, "positive": t.positive, "negative": t.negative}
            for t in framing.tone
        ],
        "words": [
            {"text": w.text, "category": w.category.replace("_", " "), "count": len(w.evidence), "ids": _ids(w.evidence, span_id)}
            for w in framing.evaluative if w.category != "sentiment"
        ],
        "sentiment_words": [
            {"text": w.text, "count": len(w.evidence), "ids": _ids(w.evidence, span_id)}
            for w in framing.evaluative if w.category == "sentiment"
        ],
        "sources": [
            {"speaker": names.get(s.speaker_id, s.speaker_id or "unresolved"), "quotes": s.quotes, "posts": s.posts,
             "words": s.words, "share": f"{s.share:.0%}", "ids": _ids(s.evidence, span_id)}
            for s in framing.sources
        ],
    }


# Which act names an arrow that carries several: the most telling first.
_RANK = ("insults", "mocks", "criticises", "rejects", "threatens", "defends", "apologises", "praises",
         "thanks", "supports", "asks", "replies_to", "meets", "contacts", "comments_on")


def network_svg(interactions: tuple[Interaction, ...], names: dict[str, str], span_id: SpanId,
                size: int = 640) -> Markup | None:
    """The interaction network as an inline SVG: people on a circle, one arrow per kind of
    act (curved apart when two people have several), thicker for more reports."""
    if not interactions:
        return None
    weight: dict[str, int] = {}
    for i in interactions:
        weight[i.source_id] = weight.get(i.source_id, 0) + i.count
        weight[i.target_id] = weight.get(i.target_id, 0) + i.count
    people = sorted(weight, key=lambda p: (-weight[p], p))
    centre, radius = size / 2, size / 2 - 90
    position = {
        pid: (centre + radius * math.cos(2 * math.pi * k / len(people) - math.pi / 2),
              centre + radius * math.sin(2 * math.pi * k / len(people) - math.pi / 2))
        for k, pid in enumerate(people)
    }
    # One arrow per direction between two people, labelled with every kind of act on it.
    pairs: dict[tuple[str, str], list[Interaction]] = {}
    for i in interactions:
        pairs.setdefault((i.source_id, i.target_id), []).append(i)
    out = [f'<svg class="network" viewBox="0 0 {size} {size}" width="{size}" height="{size}" role="img" '
           'aria-label="Who responded to whom">', '<defs>']
    for kind, colour in EDGE_COLOURS.items():
        out.append(f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
                   f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>')
    out.append("</defs>")
    for (source, target), acts in pairs.items():
        (x1, y1), (x2, y2) = position[source], position[target]
        # Shorten to the node circles; bend so the two directions of a pair stay apart.
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1
        ux, uy = dx / length, dy / length
        sx, sy, ex, ey = x1 + ux * 14, y1 + uy * 14, x2 - ux * 16, y2 - uy * 16
        bend = 22
        cx, cy = (sx + ex) / 2 - uy * bend, (sy + ey) / 2 + ux * bend
        acts = sorted(acts, key=lambda i: (_RANK.index(i.type) if i.type in _RANK else len(_RANK), -i.count))
        main = acts[0].type
        colour = EDGE_COLOURS.get(main, "#999")
        count = sum(i.count for i in acts)
        width = 1.2 + min(count, 6) * 0.5
        kinds = ", ".join(i.type.replace("_", " ") for i in acts)
        label = (f"{names.get(source, source)} → {names.get(target, target)}: "
                 + "; ".join(f"{i.type.replace('_', ' ')} ({i.count})" for i in acts))
        evidence = " ".join(_ids(i.evidence, span_id) for i in acts)
        lx, ly = (sx + ex) / 4 + cx / 2, (sy + ey) / 4 + cy / 2
        out.append(
            f'<g class="edge" data-ev="{evidence}"><title>{escape(label)}</title>'
            f'<path d="M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}" fill="none" stroke="{colour}" '
            f'stroke-width="{width:.1f}" marker-end="url(#arrow-{main})"/>'
            f'<text x="{lx:.1f}" y="{ly:.1f}" fill="{colour}" text-anchor="middle">{escape(kinds)}</text></g>'
        )
    for pid in people:
        x, y = position[pid]
        anchor = "start" if x > centre + 1 else "end" if x < centre - 1 else "middle"
        lx = x + (18 if anchor == "start" else -18 if anchor == "end" else 0)
        ly = y + (4 if anchor != "middle" else (-18 if y < centre else 26))
        out.append(f'<g class="node"><circle cx="{x:.1f}" cy="{y:.1f}" r="12"/>'
                   f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">{escape(names.get(pid, pid))}</text></g>')
    out.append("</svg>")
    return Markup("".join(out))
