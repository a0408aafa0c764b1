"""Events: PLOVER events with participants, place, date, topics, agreements and status."""

from communique.events.build import extract_events

__all__ = ["extract_events"]
