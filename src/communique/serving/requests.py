"""What the API and the web pages read from a request: the store's engine and the event filter."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine

from communique.store import PLOVER_TYPES, EventFilter, StoreError, check_period


def get_engine(request: Request) -> Engine:
    """The store the app was created on (a FastAPI dependency)."""
    engine: Engine = request.app.state.engine
    return engine


EngineDep = Annotated[Engine, Depends(get_engine)]


def build_filter(actor: str | None = None, country: str | None = None, pair: str | None = None,
                 type: str | None = None, mode: str | None = None, topic: str | None = None,
                 since: str | None = None, until: str | None = None, lang: str | None = None,
                 text: str | None = None, min_confidence: str | float | None = None) -> EventFilter:
    """The store's EventFilter from query parameters (empty strings = absent); ValueError says what is wrong."""
    values = {k: (v.strip() or None) if isinstance(v, str) else None for k, v in {
        "actor": actor, "country": country, "pair": pair, "type": type, "mode": mode, "topic": topic,
        "since": since, "until": until, "lang": lang, "text": text}.items()}
    for name, value in values.items():  # a NUL or other control character would be dropped downstream,
        if value is not None and not value.isprintable():  # turning the filter into no filter at all
            raise ValueError(f"{name} {value!r}: control characters are not allowed")
    pair_codes = _pair(values["pair"])
    if values["country"] and not re.fullmatch(r"[A-Za-z]{2}", values["country"]):
        raise ValueError(f"country {values['country']!r}: expected an ISO 3166 alpha-2 code, e.g. VN")
    if values["type"] and values["type"].upper() not in PLOVER_TYPES:
        raise ValueError(f"type {values['type']!r}: expected one of {', '.join(PLOVER_TYPES)}")
    for name in ("since", "until"):
        _period(values[name], name)
    return EventFilter(actor=values["actor"], country=values["country"], pair=pair_codes, type=values["type"],
                       mode=values["mode"], topic=values["topic"], since=values["since"], until=values["until"],
                       lang=values["lang"], text=values["text"], min_confidence=confidence(min_confidence))


def confidence(value: str | float | None) -> float | None:
    """A confidence threshold from 0 to 1 ("0.5"; empty = none); ValueError says what is wrong."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"min_confidence {value!r}: expected a number from 0 to 1, e.g. 0.5") from None
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"min_confidence {value!r}: expected a number from 0 to 1, e.g. 0.5")
    return number or None


def _pair(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    codes = [c.strip().upper() for c in value.split(",") if c.strip()]
    if len(codes) != 2 or not all(re.fullmatch(r"[A-Z]{2}", c) for c in codes):
        raise ValueError(f"pair {value!r}: expected two country codes, e.g. VN,RU")
    return codes[0], codes[1]


def _period(value: str | None, name: str) -> None:
    try:
        check_period(value, name)
    except StoreError as error:
        raise ValueError(str(error)) from None
