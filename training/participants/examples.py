"""Event sentences and their actor mentions, as the pipeline sees them: what the participant labels are about.

    python -m training.participants.examples            writes data/sentences.jsonl (no labels)

Input: the labelled event sentences of training/events/data (labels-annotator-*.jsonl, pool-*.jsonl with a
type other than NONE, not synthetic), de-duplicated on the text, sorted by id. Each goes through the
pipeline up to the actors stage in its labelled language; its main event is a candidate of its labelled
type built as the events stage builds one (`candidates.sentence_candidates`, the type decided). Sentences
with fewer than two actor mentions are left out (nothing to decide).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from communique.document import Document, Mention
from communique.events import cues
from communique.events.candidates import Candidate
from communique.events.participants import drafts_for, protagonist
from communique.options import Options
from communique.pipeline import process

ROOT = Path(__file__).resolve().parents[2]
EVENT_DATA = ROOT / "training" / "events" / "data"
DATA = Path(__file__).resolve().parent / "data"
SENTENCES = DATA / "sentences.jsonl"
DEV_PAGES_URLS = Path("/work/briefs/dev-pages-urls.txt")  # the measure: never labelled


@dataclass(slots=True)
class Example:
    """One labelled event sentence with its main candidate and the sentence's actor mentions."""

    id: str
    lang: str
    type: str
    source: str
    doc: Document
    cand: Candidate
    actors: list[Mention]
    chosen: set[str]  # entity ids the rules' drafts keep


def event_sentences() -> list[dict[str, object]]:
    """The real labelled event sentences, one per text, sorted by id."""
    dev = {line.strip() for line in DEV_PAGES_URLS.read_text().splitlines()} if DEV_PAGES_URLS.exists() else set()
    rows: dict[str, dict[str, object]] = {}
    files = sorted(EVENT_DATA.glob("labels-annotator-*.jsonl")) + sorted(EVENT_DATA.glob("pool-*.jsonl"))
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: not JSON ({e.msg})")
            if row.get("type") in (None, "NONE") or row.get("synthetic"):
                continue
            if str(row.get("source", "")).removeprefix("url:") in dev:
                continue
            rows.setdefault(str(row["text"]), row)
    return sorted(rows.values(), key=lambda r: str(r["id"]))


def build(row: dict[str, object]) -> Example | None:
    """The example of one sentence, or None when the pipeline finds fewer than two actors in it."""
    lang, text, event_type = str(row["lang"]), str(row["text"]), str(row["type"])
    doc = process(Document(id=str(row["id"]), raw_text=text, lang_hint=lang), Options(lang=lang), until="actors")
    if not doc.sentences:
        return None
    cand = cues.candidate_for(doc, event_type)
    if cand is None:
        return None
    actors = cues.sentence_actors(doc, cand)
    if len(actors) < 2:
        return None
    drafts = drafts_for(doc.text, cand, protagonist(doc, [cand]))
    chosen = {m.entity_id for d in drafts for m in d.actors}
    return Example(str(row["id"]), lang, event_type, str(row.get("source", "")), doc, cand, actors, chosen)


def examples(rows: list[dict[str, object]]) -> Iterator[Example]:
    failed = 0
    for row in rows:
        try:
            ex = build(row)
        except Exception as e:  # noqa: BLE001 - an actors-stage bug on one sentence must not stop the build
            failed += 1
            print(f"{row['id']}: the pipeline failed on this sentence ({type(e).__name__}: {e}); left out",
                  file=sys.stderr)
            continue
        if ex is not None:
            yield ex
    if failed:
        print(f"{failed} sentences left out after a pipeline failure", file=sys.stderr)


def as_record(ex: Example) -> dict[str, object]:
    t = ex.cand.trigger
    return {
        "id": ex.id, "lang": ex.lang, "type": ex.type, "source": ex.source, "text": ex.doc.text,
        "trigger": [t.start, t.end, t.text, bool(ex.cand.model_only)],
        "mentions": [{"start": m.start, "end": m.end, "text": m.text, "kind": m.kind, "entity_id": m.entity_id,
                      "rules": cues.rule_side(ex.cand, m), "kept": m.entity_id in ex.chosen} for m in ex.actors],
    }


def main() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    tmp = SENTENCES.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for ex in examples(event_sentences()):
            out.write(json.dumps(as_record(ex), ensure_ascii=False, sort_keys=True) + "\n")
    tmp.replace(SENTENCES)


if __name__ == "__main__":
    main()
