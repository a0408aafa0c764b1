"""Helpers for the templates: readable dates, safe links, query strings, evidence pieces, the radial
network layout. Pure functions; all text reaches the page through Jinja2's autoescaping."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode, urlsplit

from babel import Locale

from communique.store import highlight_segments

# Below this confidence an event is marked weak (dimmed, "weak" next to its confidence): the event
# model's calibrated probability; at 0.5 it is as likely wrong as right.
WEAK_CONFIDENCE = 0.5

# Evidence fields in legend order; any other field is shown as "other".
FIELDS = ("trigger", "actor", "date", "location", "topic", "agreement")


UNDATED = "undated"


def date_text(date: dict[str, Any] | None) -> str:
    """'2025-02-21', '2025-01-20 – 2025-01-23', 'undated', or 'undated (02-21, year unknown)' for a day
    whose year neither the article nor its document date gives (ISO '--02-21', which reads as a typo)."""
    if not date or not date.get("start"):
        return UNDATED
    start = str(date["start"])
    if start.startswith("-"):
        return f"{UNDATED} ({start.lstrip('-')}, year unknown)"
    return f"{start} – {date['end']}" if date.get("end") else start


def is_undated(date: dict[str, Any] | None) -> bool:
    """No date, or one without its year: such events are shown (and styled) as undated."""
    return not date or not date.get("start") or str(date["start"]).startswith("-")


def is_weak(confidence: float | None) -> bool:
    return confidence is not None and float(confidence) < WEAK_CONFIDENCE


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """'VN' -> 'Vietnam' (CLDR, through babel); 'RU,VN' -> 'Russia – Vietnam'; an unknown code as given."""
    if not code:
        return ""
    if "," in code:
        return " – ".join(country_name(c) for c in code.split(","))
    territories = Locale("en").territories
    return str(territories.get(code.strip().upper(), code))


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s), else None (a javascript: or data: URL from an article is never a link)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """`?a=1&b=2` from the current parameters with some changed (None or '' drops one): shareable URLs."""
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return "?" + urlencode(merged) if merged else "?"


def field_class(field: str) -> str:
    """A CSS class per evidence field (the legend uses the same)."""
    base = field.rstrip("s")  # "topics" -> "topic", "agreements" -> "agreement"
    return f"f-{base}" if base in FIELDS else "f-other"


def evidence_pieces(text: str, marks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Text pieces for the template: plain pieces, and marked ones with their field(s) and CSS class."""
    pieces = []
    for piece, fields in highlight_segments(text, marks):
        pieces.append({"text": piece, "fields": fields, "cls": field_class(fields[0]) if fields else ""})
    return pieces


def legend(marks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The fields present among the marks, in legend order, with how many spans each."""
    counts: dict[str, int] = {}
    for mk in marks:
        cls = field_class(str(mk.get("field")))
        counts[cls] = counts.get(cls, 0) + 1
    order = [f"f-{f}" for f in FIELDS] + ["f-other"]
    return [{"cls": c, "name": c[2:], "count": counts[c]} for c in order if c in counts]


def radial_layout(center: dict[str, Any], counterparts: list[dict[str, Any]], size: int = 520) -> dict[str, Any]:
    """The actor in the middle and its counterparts on a circle (no force simulation: stable and readable).

    Node radius grows with shared events, edge width with the weight; labels sit outside the circle."""
    mid = size / 2
    ring = size / 2 - 90
    top = max([c.get("events", 1) for c in counterparts] or [1])
    nodes = []
    n = len(counterparts)
    for i, other in enumerate(counterparts):
        angle = -math.pi / 2 + 2 * math.pi * i / max(n, 1)
        x, y = mid + ring * math.cos(angle), mid + ring * math.sin(angle)
        weight = int(other.get("events", 1))
        lx, ly = mid + (ring + 18) * math.cos(angle), mid + (ring + 18) * math.sin(angle)
        name = str(other.get("name") or other["id"])
        nodes.append({"id": other["id"], "name": name, "short": name if len(name) <= 26 else name[:25] + "…",
                      "country": other.get("country"),
                      "kind": other.get("kind") or "", "weight": weight,
                      "x": round(x, 1), "y": round(y, 1), "r": round(5 + 9 * weight / top, 1),
                      "width": round(1 + 5 * weight / top, 1), "lx": round(lx, 1), "ly": round(ly, 1),
                      "anchor": "start" if math.cos(angle) > 0.1 else ("end" if math.cos(angle) < -0.1 else "middle")})
    # Labels reach past the circle on the left and right: the view box is padded for them.
    return {"size": size, "pad": 200, "mid": mid, "center": center, "nodes": nodes}
