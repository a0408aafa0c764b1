"""Spanish news sentences of the UniversalPetrarch validation files -> data/upetrarch_es.jsonl.

    python -m training.events.sources.upetrarch_es

Raw: raw/upetrarch_es/*.xml.gz (openeventdata/UniversalPetrarch, MIT). Each <Sentence> holds the text and
zero or more <EventCoding eventcode=... plover=...>. A coding's type is its `plover` attribute where the
annotators wrote one (spanish_protest_plover: "annotated in PLOVER category", an old draft; old names
renamed), else its CAMEO code mapped with CAMEO2PLOVER-2021.txt. The first coded event is the sentence's
type, the others go to `also`. Sentences without any coding are dropped: the files do not say that they
hold no event (the fight file leaves out codings of events it does not cover), so they are not NONE.

The files overlap (the same AFP sentences were coded several times); a sentence takes its label from the
first file of FILES that codes it: the latest CAMEO validation set of the dev-validate branch (2018-11, 1,238
AFP sentences), the round-4 CAMEO recoding it grew from, then the other CAMEO files, and the draft-PLOVER file
last (its labels are the noisiest).
"""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from training.events.sources.common import (
    RAW,
    Label,
    Mapped,
    load_cameo2plover,
    map_cameo,
    normalize_space,
    write_jsonl,
)

NAME = "upetrarch_es"
REPO = "openeventdata/UniversalPetrarch"
MASTER = "067552d83956f552d355256bf200e89ec9fdb7dc"
# (file under raw/upetrarch_es/, its path in the repository, the commit it was taken from), by priority.
FILES = (
    ("dev-validate/spanish_validation_1018_noaccent.xml",
     "UniversalPetrarch/validate/spanish/spanish_validation_1018_noaccent.xml",
     "8785d520550ee605f8dc464f19518c761b4264b6"),  # branch dev-validate
    ("dev-validate/spanish_protest_cameo_4_jj_validation.xml",
     "UniversalPetrarch/data/text/spanish_protest_cameo_4_jj_validation.xml",
     "c00dfab3d699d49b2c58da79e258aa4c9b906b86"),  # branch dev-validate
    ("spanish_validation_1018_noaccent.xml",
     "UniversalPetrarch/data/text/spanish_validation_1018_noaccent.xml", MASTER),
    ("spanish_fight_reduced_181227v2_validation.xml",
     "UniversalPetrarch/data/text/spanish_fight_reduced_181227v2_validation.xml", MASTER),
    ("spanish_protest_plover_validation.xml",
     "UniversalPetrarch/data/text/spanish_protest_plover_validation.xml", MASTER),
)
# Old PLOVER names in the `plover` attribute -> today's types. Ignored codings: CRIME (common crime, no PLOVER
# type) and MOBILIZE, which this file's old draft used for mass mobilisation (strikes, marches, hunger
# strikes, barricades: today PROTEST, sometimes ACCUSE or CONSULT), not for today's military or police
# mobilisation; re-typing them by hand is not this converter's job.
IGNORED_PLOVER = {"CRIME", "MOBILIZE"}
OLD_PLOVER = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "SACTION": "SANCTION",
    "FIGHT": "ASSAULT",
}
# The fight file's texts start with "<date>\t<note id> | ".
NOTE_PREFIX = re.compile(r"^\d{8}\s+\S+\s+\|\s+")


def read_sentences(path: Path) -> list[ET.Element]:
    raw = gzip.decompress(path.read_bytes()).decode("utf-8")
    # The protest file carries a banner of '#' comment lines inside <Validation>: not XML.
    raw = re.sub(r"(?m)^#.*$", "", raw)
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as err:
        raise SystemExit(f"{path}: not readable as XML ({err})") from None
    return root.findall(".//Sentence")


def coding_type(coding: ET.Element, table: dict[str, Mapped]) -> tuple[Mapped | None, str]:
    """(mapped type, labeller) of one <EventCoding>."""
    plover = (coding.get("plover") or "").strip().upper()
    code = coding.get("eventcode") or ""
    if plover:
        ptype = OLD_PLOVER.get(plover, plover)
        if ptype in IGNORED_PLOVER:
            return None, ""
        by_code = map_cameo(code, table)
        # The annotators gave only the type; CONSULT's mode and intent status still come from the CAMEO code.
        if by_code is not None and by_code.type == ptype:
            return by_code, "dataset:UniversalPetrarch-plover"
        return Mapped(ptype, None, "occurred"), "dataset:UniversalPetrarch-plover"
    return map_cameo(code, table), "mapped:CAMEO2PLOVER"


def file_labels(raw_name: str, repo_path: str, commit: str, table: dict[str, Mapped]) -> Iterator[Label]:
    for sent in read_sentences(RAW / NAME / f"{raw_name}.gz"):
        text_el = sent.find("Text")
        text = normalize_space(NOTE_PREFIX.sub("", (text_el.text or "").strip())) if text_el is not None else ""
        mapped = [coding_type(c, table) for c in sent.findall("EventCoding")]
        events = [(m, who) for m, who in mapped if m is not None]
        if not text or not events:
            continue
        first, labeller = events[0]
        yield Label(
            lang="es", text=text, type=first.type, also=[m.type for m, _ in events[1:]],
            mode=first.mode, status=first.status, labeller=labeller,
            source=f"repo:{REPO}:{repo_path}@{commit}#{sent.get('id')}",
        )


def labels() -> Iterator[Label]:
    table = load_cameo2plover()
    coded_before: set[str] = set()
    for raw_name, repo_path, commit in FILES:
        this_file = list(file_labels(raw_name, repo_path, commit, table))
        yield from (label for label in this_file if label.text not in coded_before)
        coded_before |= {label.text for label in this_file}


def main() -> None:
    write_jsonl(NAME, labels())


if __name__ == "__main__":
    main()
