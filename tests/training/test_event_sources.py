"""The event-sentence converters: CAMEO -> PLOVER mapping, sentence splitting, story rule, rebuilds."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from training.events.sources import SOURCES
from training.events.sources.case2021_task2 import snippet_type
from training.events.sources.common import DATA, Label, load_cameo2plover, map_cameo, split_sentences, write_jsonl
from training.events.sources.ngec_synthetic import headline_actors, story_labels


@pytest.fixture(scope="module")
def cameo() -> dict:
    return load_cameo2plover()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("042", ("CONSULT", "visit", "occurred")),
        ("041", ("CONSULT", "phone", "occurred")),
        ("040", ("CONSULT", None, "occurred")),
        ("0841", ("RETREAT", None, "occurred")),  # 4-digit entry, not the 2-digit "08" (CONCEDE)
        ("0811", ("CONCEDE", None, "occurred")),
        ("1011", ("REQUEST", None, "occurred")),  # DEMAND renamed as in the PLOVER manual
        ("0311", ("AGREE", None, "agreed_to")),  # intent: agreed to, not done
        ("036", ("CONSULT", None, "planned")),  # guidelines override: future meeting
        ("163", ("SANCTION", None, "occurred")),  # guidelines override: sanctions
        ("1712", ("ASSAULT", None, "occurred")),
        ("130_threaten", ("THREATEN", None, "occurred")),
        ("14_", ("PROTEST", None, "occurred")),
    ],
)
def test_cameo_codes_map_to_plover(cameo: dict, code: str, expected: tuple) -> None:
    mapped = map_cameo(code, cameo)
    assert mapped is not None
    assert (mapped.type, mapped.mode, mapped.status) == expected


@pytest.mark.parametrize("code", ["010", "0211", "", "country"])
def test_statements_appeals_and_non_codes_are_dropped(cameo: dict, code: str) -> None:
    assert map_cameo(code, cameo) is None


def test_english_sentences_keep_abbreviations_and_initials() -> None:
    text = 'The U.S. envoy met Gen. J. Smith on Monday. "We agreed," he said. Talks end today!\n\nNext part.'
    assert split_sentences(text) == [
        "The U.S. envoy met Gen. J. Smith on Monday.",
        '"We agreed," he said.',
        "Talks end today!",
        "Next part.",
    ]


def test_headline_actors_are_read_off_the_filled_template() -> None:
    template = "{country_1} and {country_2} Expand Diplomatic Ties"
    prompt = "Dominican Republic and Cayman Islands Expand Diplomatic Ties\n\n(local sources) --"
    assert headline_actors(template, prompt) == ["Dominican Republic", "Cayman Islands"]


def test_story_labels_only_event_sentences_of_the_story() -> None:
    row = {
        "label": "PROTEST", "mode": "STRIKE", "title": "{country_1} Teachers Strike",
        "prompt": "Haiti Teachers Strike\n\n(Reuters) --",
        "text": "Haitian teachers went on strike on Thursday over pay, their union said. "
                "The school year began in September with new contracts for all staff. "
                "Haitian unions said the strike would go on for a week.",
    }
    labels = list(story_labels(7, row))
    assert [lab.text for lab in labels] == [
        "Haitian teachers went on strike on Thursday over pay, their union said.",
        "Haitian unions said the strike would go on for a week.",
    ]
    assert {(lab.type, lab.mode, lab.synthetic, lab.note) for lab in labels} == {
        ("PROTEST", None, True, "NGEC mode STRIKE")
    }


def test_a_text_labelled_two_ways_is_dropped_and_ids_are_stable(tmp_path: Path) -> None:
    def label(text: str, ptype: str) -> Label:
        return Label(lang="es", text=text, type=ptype, source="s", labeller="t")

    path = write_jsonl("x", [label("Uno.", "PROTEST"), label("Dos.", "ASSAULT"), label("Uno.", "ACCUSE")], tmp_path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["text"], r["type"]) for r in records] == [("x-506cd445f026", "Dos.", "ASSAULT")]


@pytest.mark.parametrize("name", SOURCES)
def test_committed_data_is_what_the_converter_builds(name: str, tmp_path: Path) -> None:
    module = importlib.import_module(f"training.events.sources.{name}")
    built = write_jsonl(name, module.labels(), tmp_path)
    assert built.read_bytes() == (DATA / f"{name}.jsonl").read_bytes()


@pytest.mark.parametrize(
    ("subtype", "sentence", "expected"),
    [
        ("DIPLO", "Somalia severs ties with Kenya; expels diplomats", "SANCTION"),
        ("DIPLO", "China urged the United States to stop imposing sanctions on Chinese firms.", None),
        ("NON_VIOL_TERRIT_TRANSFER", "Government forces withdrew from the base on Monday.", "RETREAT"),
        ("NON_VIOL_TERRIT_TRANSFER", "Rebels took the town after government forces withdrew.", None),
        ("NATURAL_DISASTER", "Floods displaced 6,800 people.", "NONE"),
        ("ARREST", "Police arrested three activists.", "COERCE"),
    ],
)
def test_case_subtypes_map_or_are_filtered(subtype: str, sentence: str, expected: str | None) -> None:
    assert snippet_type(subtype, sentence) == expected
