"""Why a source was merged into an event (or started one), in one readable line."""

from __future__ import annotations

from typing import Any


def explain(reason: dict[str, Any] | None) -> str:
    if not reason:
        return "no merge information"
    action = reason.get("action")
    if action == "joined":
        agreed = reason.get("agreed") or {}
        parts = [f"score {reason.get('score')}"]
        for key in ("type", "mode", "date", "participants", "countries", "location", "topics"):
            value = agreed.get(key)
            if value:
                shown = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
                parts.append(f"{key}: {shown}")
        text = agreed.get("text") or {}
        if text.get("near_duplicate"):
            parts.append("near-duplicate documents")
        if text.get("sentence") is not None:
            parts.append(f"sentence similarity {text['sentence']}")
        if text.get("document") is not None:
            parts.append(f"document similarity {text['document']}")
        return "merged: " + "; ".join(parts)
    if action == "split":
        return f"kept apart by an analyst from the reports of {', '.join(reason.get('apart_from') or [])}"
    if action == "new":
        if reason.get("ambiguous"):
            return f"started this event: ambiguous between {' and '.join(reason['ambiguous'])}"
        rejected = dict(reason.get("rejected") or {})
        for merged_id in reason.get("same_document") or []:
            rejected[merged_id] = "already has a report from this document"
        for merged_id in reason.get("split") or []:
            rejected[merged_id] = "split from it by an analyst"
        if not rejected:
            return "started this event: no earlier report shared type, month and a participant"
        why = "; ".join(f"{mid}: {msg}" for mid, msg in rejected.items())
        return f"started this event: kept apart from {why}"
    return str(reason)
