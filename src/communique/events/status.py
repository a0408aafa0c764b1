"""Whether an event happened, is planned, was agreed to, or is denied; and background lists."""

from __future__ import annotations

from communique.document import Document
from communique.events import discourse
from communique.events.lexicon import Lexicon
from communique.events.participants import Draft

CUE_REACH = 60  # characters before a trigger in which a status cue still governs it


def mark_background_list(doc: Document, draft: Draft, lex: Lexicon) -> None:
    """"They noted the results of recent contacts, including X's visit…": a reference, not news."""
    trig = draft.cand.trigger
    if discourse.find(doc.lang, "review", doc.text, draft.cand.sentence.start, trig.start):
        draft.background_list = True
    for _, end in discourse.find(doc.lang, "anniversary", doc.text, draft.cand.window.start, trig.start):
        if not any(ch in doc.text[end : trig.start] for ch in ",;("):
            draft.background_list = True  # "the anniversary of X's visit to Y": a past event


def assign_status(doc: Document, draft: Draft, lex: Lexicon) -> None:
    trig, window = draft.cand.trigger, draft.cand.window
    lo = max(window.start, trig.start - CUE_REACH)
    if _cue(lex, "negated", doc.text, max(lo, trig.start - 12), trig.start):
        draft.status = "denied"
    elif _cue(lex, "agreed", doc.text, lo, trig.start):
        draft.status = "agreed_to"
    elif _cue(lex, "planned", doc.text, lo, trig.end + 20) or _after_anchor(doc, draft):
        draft.status = "planned"
    else:
        draft.status = _model_status(draft) or draft.status


# The model's status overrides "occurred" (no cue found) only when it is this sure: the language's own
# cues, where the data has them, are precise, and "occurred" is by far the most common status.
MODEL_STATUS_THRESHOLD = 0.8


def _model_status(draft: Draft) -> str | None:
    label = draft.cand.label
    if label is None or not label.status_probs:
        return None
    best = max(sorted(label.status_probs), key=lambda s: label.status_probs[s])
    return best if label.status_probs[best] >= MODEL_STATUS_THRESHOLD else None


def _cue(lex: Lexicon, kind: str, text: str, start: int, end: int) -> bool:
    return bool(lex.find_cues(kind, text, start, end)) if end > start else False


def _after_anchor(doc: Document, draft: Draft) -> bool:
    """An event dated after the document's date has not happened yet."""
    if not doc.date or not doc.date[:1].isdigit() or not draft.date or not isinstance(draft.date.get("start"), str):
        return False  # no anchor, or a dateline's day and month without a year
    start = str(draft.date["start"])
    return not start.startswith("-") and len(start) >= 10 and start > doc.date[:10]
