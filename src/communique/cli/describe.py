"""`communique show evt_…` as text: a stored event, its corrections, its sources and why each was merged;
`communique show story_…`: a story, its documents and its events."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from communique.merge import explain

if TYPE_CHECKING:
    from communique.store import EventExplanation, SourceReport, StoryDetail


def event_explanation(explained: EventExplanation) -> str:
    """The readable explanation, one fact per line."""
    return "\n".join(_record_lines(explained.record) + _source_lines(explained.sources))


def _record_lines(rec: dict[str, Any]) -> list[str]:
    date = rec.get("date") or {}
    loc = rec.get("location") or {}
    lines = [f"{rec['id']}  {rec['type']}" + (f"/{rec['mode']}" if rec.get("mode") else "")
             + f"  {rec.get('label') or ''}" + ("  [REJECTED]" if rec.get("rejected") else ""),
             f"  status: {rec.get('status')}" + ("  (background)" if rec.get("background") else ""),
             f"  date: {date.get('start') or '?'}" + (f" .. {date['end']}" if date.get("end") else "")
             + (f" ({date.get('precision')})" if date.get("precision") else ""),
             f"  location: {', '.join(str(x) for x in (loc.get('name'), loc.get('country')) if x) or '?'}",
             "  actors: " + "; ".join(f"{a.get('name')} [{a.get('id')}, {a.get('kind')}, {a.get('country') or '?'}]"
                                      + (f" {a['role']}" if a.get("role") else "") for a in rec.get("actors") or []),
             f"  topics: {', '.join(rec.get('topics') or []) or '-'}",
             f"  confidence: {rec.get('confidence')}  sources: {len(rec.get('sources') or [])}"]
    for c in rec.get("corrections") or []:
        lines.append(f"  corrected {c['field']}: {json.dumps(c['old'], ensure_ascii=False)} -> "
                     f"{json.dumps(c['value'], ensure_ascii=False)} by {c['by']} at {c['at']}")
    return lines


def _source_lines(sources: list[SourceReport]) -> list[str]:
    lines = ["sources:"]
    for m in sources:
        trigger = next((e for s in m.record.get("sources") or [] for e in s.get("evidence") or []
                        if e.get("field") == "trigger"), None)
        date = (m.record.get("date") or {}).get("start")
        lines.append(f"  - {m.doc_id} ({m.lang}, {m.doc_date or 'undated'})" + (f" {m.title!r}" if m.title else ""))
        lines.append(f"    report {m.report_id}: {m.record.get('type')}/{m.record.get('mode')} date {date or '?'}"
                     + (f" trigger {trigger['text']!r}" if trigger else ""))
        lines.append(f"    {explain(m.merge_reason)}")
    return lines


def story_description(detail: StoryDetail) -> str:
    """A story, one fact per line: its span, languages and outlets; each document with what joined it; events."""
    s = detail.story
    lines = [f"{s.id}  {s.title or ''}",
             f"  seen: {s.first_seen or '?'} .. {s.last_seen or '?'}  ({s.n_docs} document(s))",
             f"  languages: {', '.join(s.langs) or '-'}",
             f"  outlets: {', '.join(s.outlets) or '-'}",
             "  documents:"]
    for d in detail.documents:
        joined = (f"joined via {d.via} (score {d.score:.2f})" if d.via is not None and d.score is not None
                  else "first of the story")
        lines.append(f"    {d.day or '?'}  {d.lang or '?'}  {d.id}  {d.title or ''}  [{joined}]")
    lines.append(f"  events: {len(detail.events)}")
    lines.extend(f"    {e.date_start or 'undated'}  {e.id}  {e.summary}  ({e.n_sources} source(s))"
                 for e in detail.events)
    return "\n".join(lines)
