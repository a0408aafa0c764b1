"""Synthetic English stories of NGEC (GPT-generated, one PLOVER type per story) -> data/ngec_synthetic.jsonl.

    python -m training.events.sources.ngec_synthetic

Raw: raw/ngec/gpt_synthetic_events_2023-10-19_19.csv.zip (ahalterman/NGEC, setup/train_classifiers/; no
licence file in the repository). 4,500 stories, each generated from a hand-written headline template for one
PLOVER type (`label`) and mode (`mode`); the text is SYNTHETIC (every label says `"synthetic": true`).

The story label belongs to the story, not to each sentence, and the generator often drifts from its
headline. Rule (conservative, no NONE is ever produced here):
  - candidates are the story's first three sentences of 30-400 characters;
  - a candidate gets the story's type only if it contains a word of that type's event vocabulary
    (TYPE_WORDS, English stems: a check that the sentence talks about such an event, not a labeller) AND it
    is the story's first sentence or it names an actor of the headline (the country filled into the
    headline template, or a word starting with that country's first five letters: "Haiti" -> "Haitian");
  - every other sentence is dropped: later sentences restate the event, quote, or wander off; they are
    neither the story's type for sure nor NONE.
CONSULT stories keep their mode (meet, visit, phone, multilateral, third-party); other types' NGEC mode
goes into `note`. Status is "occurred" for all (the generator was asked for reported events).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator

from training.events.sources.common import RAW, Label, split_sentences, write_jsonl

NAME = "ngec_synthetic"
REPO = "ahalterman/NGEC"
COMMIT = "bd3bf334344d34f23c3f37dc24d86b2664a4a447"
PATH = "setup/train_classifiers/gpt_synthetic_events_2023-10-19_19.csv.zip"
RAW_FILE = RAW / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
LABELLER = "synthetic:NGEC-gpt-2023-10-19"
CANDIDATES = 3
MIN_CHARS, MAX_CHARS = 30, 400

# Event vocabulary per type (lower-case stems matched at a word start).
TYPE_WORDS = {
    "AGREE": "agree accord deal treaty sign pledg commit promis memorand pact accept settle",
    "CONSULT": "meet met talk visit summit call phone spoke discuss host negotiat consult conferen mediat",
    "SUPPORT": "support prais endors back welcom congratulat recogni apolog forgiv ties relation defend "
               "solidarity commend expand",
    "CONCEDE": "conce ease easing lift allow accede resign step reform yield grant pardon releas revers drop relax "
               "restor",
    "COOPERATE": "cooperat co-operat joint exercis shar partner collaborat extradit intelligence coordinat",
    "AID": "aid assist donat humanitarian relief loan grant suppl provid deliver asylum fund",
    "RETREAT": "withdr retreat releas return ceasefire cease-fire truce disarm demobil surrender lift ease easing pull "
               "peacekeep access inspector",
    "REQUEST": "call urg demand ask request appeal press plead",
    "ACCUSE": "accus blam condemn critici denounc investigat probe alleg charg convict lawsuit sue guilt "
              "disinformation misinformation complain disapprov fault",
    "REJECT": "reject refus deni deny veto dismiss turn rebuff defy defie declin",
    "THREATEN": "threat warn ultimatum vow",
    "PROTEST": "protest demonstrat rally rallie march strik boycott hunger sit-in blockad block riot picket",
    "SANCTION": "sanction expel recall suspend cut sever embargo halt withdr downgrad break withh discontinu "
                "clos",
    "MOBILIZE": "deploy mobili troop alert militia police reinforc mass buildup build-up station",
    "COERCE": "arrest detain ban seiz confiscat curfew martial censor deport expel restrict raid crack jail "
              "imprison cyber hack block shut occup blockad execut",
    "ASSAULT": "attack kill bomb shell strike fire shot shoot assassin abduct kidnap tortur clash fight raid "
               "drone explo rocket missile airstrike massacr beat assault rape wound dead die",
}
TYPE_PATTERN = {t: re.compile(r"\b(?:" + "|".join(map(re.escape, w.split())) + ")", re.I)
                for t, w in TYPE_WORDS.items()}
# Some stories repeat the prompt's dateline "(local sources) --" before the first sentence.
DATELINE = re.compile(r"^\([^)]{1,40}\)\s*--\s*")
NGEC_MODE_TO_CONSULT = {"MEET": "meet", "VISIT": "visit", "PHONE": "phone", "MULTILATERAL": "multilateral",
                        "THIRD-PARTY": "third-party"}


def headline_actors(template: str, prompt: str) -> list[str]:
    """The values filled into the headline template's {placeholders}, read off the prompt's first line."""
    headline = prompt.split("\n", 1)[0].strip()
    parts = re.split(r"\{[^}]*\}", template.strip())
    if len(parts) < 2:
        return []
    pattern = "^" + "(.+?)".join(map(re.escape, parts)) + "$"
    m = re.match(pattern, headline)
    return [g.strip() for g in m.groups()] if m else []


def names_actor(sentence: str, actors: list[str]) -> bool:
    for actor in actors:
        if actor in sentence or (len(actor) >= 5 and re.search(r"\b" + re.escape(actor[:5]), sentence)):
            return True
    return False


def story_labels(number: int, row: dict[str, str]) -> Iterator[Label]:
    ptype = row["label"].strip()
    ngec_mode = row["mode"].strip().upper()
    mode = NGEC_MODE_TO_CONSULT.get(ngec_mode) if ptype == "CONSULT" else None
    note = f"NGEC mode {ngec_mode}" if ngec_mode and mode is None else None
    actors = headline_actors(row["title"], row["prompt"])
    for i, sentence in enumerate(split_sentences(DATELINE.sub("", row["text"].strip()))[:CANDIDATES]):
        if not MIN_CHARS <= len(sentence) <= MAX_CHARS or not TYPE_PATTERN[ptype].search(sentence):
            continue
        if i == 0 or names_actor(sentence, actors):
            yield Label(lang="en", text=sentence, type=ptype, mode=mode, synthetic=True, labeller=LABELLER,
                        source=f"repo:{REPO}:{PATH}@{COMMIT}#row{number}", note=note)


def labels() -> Iterator[Label]:
    with zipfile.ZipFile(RAW_FILE) as archive:
        names = [n for n in archive.namelist() if n.endswith(".csv")]
        if len(names) != 1:
            raise SystemExit(f"{RAW_FILE}: expected one CSV inside, found {names}")
        text = archive.read(names[0]).decode("utf-8")
    for number, row in enumerate(csv.DictReader(io.StringIO(text)), 1):
        if row.get("label", "").strip() not in TYPE_PATTERN:
            raise SystemExit(f"{RAW_FILE}:{names[0]} row {number}: unknown label {row.get('label')!r}")
        yield from story_labels(number, row)


def main() -> None:
    write_jsonl(NAME, labels())


if __name__ == "__main__":
    main()
