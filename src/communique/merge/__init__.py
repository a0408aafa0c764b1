"""Cross-document merging: reports of one real-world event become one merged event.

Works on event records in the output contract (`shared/spec/event-record.md`), never on a stage's
internals, so it can merge records from any language and any version of the pipeline.

    view_of(record, doc_date)           -> EventView   (what merging looks at)
    blocking_keys(view)                 -> keys        (near-linear candidate search)
    compare(view, cluster_view)         -> Match       (hard constraints, score, reasons)
    choose(view, candidates)            -> Decision    (best match, or a new merged event)
    combine(member_records, merged_id)  -> record      (the merged record, sources from every member)
    explain(reason)                     -> str         (why a source was merged)
"""

from communique.merge.combine import combine
from communique.merge.explain import explain
from communique.merge.keys import EventView, blocking_keys, view_of
from communique.merge.score import Decision, Match, choose, compare

__all__ = ["Decision", "EventView", "Match", "blocking_keys", "choose", "combine", "compare", "explain", "view_of"]
