"""English event snippets of CASE 2021 task 2 (fine-grained event types) -> data/case2021_task2.jsonl.

    python -m training.events.sources.case2021_task2

Raw: raw/case2021/task2_test_set_final_release_with_labels.tsv (emerging-welfare/case-2021-shared-task,
task2/test_dataset/; no licence file in the repository). Each row is a news snippet (one to a few sentences,
ACLED-style) with one label among ACLED's event subtypes plus "unseen" types (disasters, crime, diplomacy).

Only the snippet's first sentence is labelled: it states the coded event in ACLED style ("On 13 December,
ISIS fighters recaptured ..."); later sentences give casualties, background or other events and are dropped.
Subtypes with a clear PLOVER type are mapped (table below); the natural and man-made disaster and organised
crime subtypes have no political event by our guidelines and become NONE. Two mixed subtypes are kept only
where the first sentence says the one thing the type needs (FILTERED: an event word must be there, and no
word of another event type): DIPLO (mostly expulsions and sanctions, but also calls for sanctions,
condemnations, threats) -> SANCTION; NON_VIOL_TERRIT_TRANSFER (one side withdraws, the other takes over) ->
RETREAT when the sentence reports the withdrawal and not the takeover. Subtypes whose PLOVER type depends on
the case (territory taken by force, headquarters, disrupted weapons, mob violence, change of group activity,
attribution, other) are dropped.

Task 1 (multilingual protest sentences, en/es/pt/hi) is not in the repository (only a four-sentence sample;
the data is given on application), so it is not converted.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator

from training.events.sources.common import RAW, Label, normalize_space, split_sentences, write_jsonl

NAME = "case2021_task2"
REPO = "emerging-welfare/case-2021-shared-task"
COMMIT = "3d923f476fbe4eb7da73c2daf456796161563346"
PATH = "task2/test_dataset/test_set_final_release_with_labels.tsv"
RAW_FILE = RAW / "case2021" / "task2_test_set_final_release_with_labels.tsv"

# ACLED subtype -> PLOVER type (CAMEO equivalents in brackets, as in CAMEO2PLOVER-2021.txt).
SUBTYPE_TO_TYPE = {
    "PEACE_PROTEST": "PROTEST",          # 141 demonstrate or rally
    "PROTEST_WITH_INTER": "PROTEST",     # protest met by intervention: the protest is the sentence's news
    "VIOL_DEMONSTR": "PROTEST",          # 145 protest violently, riot -> PROTEST (riot)
    "FORCE_AGAINST_PROTEST": "ASSAULT",  # 175 violent repression
    "ARMED_CLASH": "ASSAULT",            # 190/193
    "AIR_STRIKE": "ASSAULT",             # 195
    "ART_MISS_ATTACK": "ASSAULT",        # 194
    "GRENADE": "ASSAULT",                # 180
    "SUIC_BOMB": "ASSAULT",              # 1831
    "REM_EXPLOS": "ASSAULT",             # 1833
    "ATTACK": "ASSAULT",                 # 18
    "CHEM_WEAP": "ASSAULT",              # 2041
    "SEX_VIOL": "ASSAULT",               # 1821
    "ABDUCT_DISSAP": "ASSAULT",          # 181
    "PROPERTY_DISTRUCT": "ASSAULT",      # 1712 destroy property
    "ARREST": "COERCE",                  # 173
    "AGREEMENT": "AGREE",                # ACLED: peace agreements, ceasefires, prisoner exchanges
    "NATURAL_DISASTER": "NONE",
    "MAN_MADE_DISASTER": "NONE",
    "ORG_CRIME": "NONE",                 # guidelines: crime without a state actor acting politically
}
# subtype -> (type, the first sentence must match, and must not match)
FILTERED = {
    "DIPLO": (
        "SANCTION",
        re.compile(r"\b(?:expel\w*|expulsions?|sanctions?|sever\w*|cut (?:diplomatic )?ties|clos\w* (?:down )?"
                   r"(?:the |its |a )?(?:\w+ )?consulate|shuts? consulate)\b", re.I),
        re.compile(r"\b(?:urg\w*|ask\w*|call\w*|condemn\w*|critici\w*|threat\w*|vow\w*|cancel\w*|reject\w*"
                   r"|rebuff\w*|pledg\w*|warn\w*|allow|consider\w*|retaliat\w*|revenge|strikes? back)\b", re.I),
    ),
    "NON_VIOL_TERRIT_TRANSFER": (
        "RETREAT",
        re.compile(r"\b(?:withdr\w*|pull\w* out|hand\w* over|handover)\b", re.I),
        re.compile(r"\b(?:urg\w*|accus\w*|call\w*|took|taken|tak\w* control|seiz\w*|regain\w*|recaptur\w*"
                   r"|controlled|entered|advanc\w*)\b", re.I),
    ),
}
DROPPED = {
    "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "HQ_ESTABLISHED", "DISR_WEAP", "MOB_VIOL",
    "CHANGE_TO_GROUP_ACT", "ATTRIB", "OTHER",
}


def snippet_type(subtype: str, first_sentence: str) -> str | None:
    """The PLOVER type (or NONE) of a snippet's first sentence; None: not labelled."""
    if subtype in SUBTYPE_TO_TYPE:
        return SUBTYPE_TO_TYPE[subtype]
    ptype, must, must_not = FILTERED[subtype]
    return ptype if must.search(first_sentence) and not must_not.search(first_sentence) else None


def labels() -> Iterator[Label]:
    with RAW_FILE.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        for line, row in enumerate(rows, 2):
            subtype = (row.get("SubType") or "").strip()
            if subtype in DROPPED:
                continue
            if subtype not in SUBTYPE_TO_TYPE and subtype not in FILTERED:
                raise SystemExit(f"{RAW_FILE}:{line}: unknown subtype {subtype!r}")
            sentences = split_sentences(normalize_space(row.get("EventSnippet") or ""))
            ptype = snippet_type(subtype, sentences[0]) if sentences else None
            if ptype is None:
                continue
            yield Label(lang="en", text=sentences[0], type=ptype,
                        source=f"repo:{REPO}:{PATH}@{COMMIT}#{row['id']}", labeller="dataset:case2021-task2",
                        note=f"ACLED subtype {subtype}")


def main() -> None:
    write_jsonl(NAME, labels())


if __name__ == "__main__":
    main()
