"""Print, per document, the triggers, mentions, timexes and events found (a developer's lens)."""

from __future__ import annotations

import sys

from communique.events.candidates import find_candidates
from communique.events.lexicon import lexicon
from communique.options import Options
from communique.pipeline import process_all
from communique.read import read_inputs


def main(paths: list[str]) -> None:
    only = None
    if paths and paths[0].startswith("--doc="):
        only, paths = paths[0][6:], paths[1:]
    for doc in process_all(read_inputs(paths, Options()), Options()):
        if isinstance(doc, Exception) or (only and only not in doc.id):
            continue
        print(f"=== {doc.id} lang={doc.lang} date={doc.date} ({doc.date_source})")
        for m in doc.mentions:
            print(f"  M {m.start}-{m.end} {m.kind:12} {m.text!r} -> {m.name} [{m.entity_id}] {m.country} role={m.role}")
        for t in doc.timexes:
            print(f"  T {t.start}-{t.end} {t.text!r} -> {t.value} .. {t.end_value} target={t.is_target}")
        for c in find_candidates(doc, lexicon(doc.lang)):
            t = c.trigger
            print(f"  C {t.start} {t.text!r} {t.type}/{t.mode} w={t.weight} noun={t.noun} frame={c.framing} "
                  f"subj={[m.text for m in c.subject]} obj={[m.text for m in c.objects]} "
                  f"excl={[m.text for m in c.excluded]}")
        for e in doc.events:
            print(f"  E {e.type}/{e.mode} {e.label} {e.status} bg={e.background} {e.date} {e.location} "
                  f"{[a.name for a in e.actors]} {e.topics} {e.agreements} c={e.confidence:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
