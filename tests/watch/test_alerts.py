"""Watchlist matching, fingerprints and delivery channels (no store, no network except a local webhook)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from watch_helpers import Site

from communique.watch.alerts import (
    AlertDeliveryError,
    alert_payload,
    changed_fields,
    deliver,
    fingerprint,
    matched_criteria,
    material,
)
from communique.watch.config import Delivery, Watchlist

RECORD: dict[str, Any] = {
    "id": "evt_1", "type": "CONSULT", "mode": "meet", "label": "political consultations", "status": "occurred",
    "date": {"start": "2025-02-21", "end": None, "precision": "day"},
    "location": {"name": "Hanoi", "country": "VN", "evidence": "Ханое"},
    "actors": [{"id": "local:le-thi-thu-hang", "name": "Lê Thị Thu Hằng", "kind": "person", "country": "VN",
                "role": "Deputy Minister of Foreign Affairs", "mention": "Ле Тхи Тху Ханг"},
               {"id": "local:andrey-rudenko", "name": "Andrey Rudenko", "kind": "person", "country": "RU",
                "role": "Deputy Minister of Foreign Affairs", "mention": "А. Руденко"}],
    "topics": ["nuclear_energy", "economy_trade"], "agreements": [],
    "sources": [{"doc": "https://news.example/ru/1", "lang": "ru",
                 "evidence": [{"field": "trigger", "start": 0, "end": 10,
                               "text": "провели политические консультации"}]}],
    "confidence": 0.8,
}


def test_all_fields_must_match_any_value_within_a_field() -> None:
    w = Watchlist("w", types=("AGREE", "CONSULT"), pairs=(("CN", "RU"), ("VN", "RU")))
    assert matched_criteria(RECORD, w) == ["type CONSULT", "pair VN,RU"]
    assert matched_criteria(RECORD, Watchlist("w", types=("AGREE",), pairs=(("VN", "RU"),))) == []
    assert matched_criteria(RECORD, Watchlist("w", actors=("Rudenko",))) == ["actor Rudenko"]
    assert matched_criteria(RECORD, Watchlist("w", actors=("local:le-thi-thu-hang",), countries=("RU",))) == [
        "country RU", "actor local:le-thi-thu-hang"]
    assert matched_criteria(RECORD, Watchlist("w", topics=("energy", "nuclear_energy"))) == ["topic nuclear_energy"]


def test_keywords_whole_words_any_language_and_stems() -> None:
    assert matched_criteria(RECORD, Watchlist("w", keywords=("консультации",))) == ["keyword консультации"]
    assert matched_criteria(RECORD, Watchlist("w", keywords=("Nuclear",))) == ["keyword Nuclear"]  # a topic
    assert matched_criteria(RECORD, Watchlist("w", keywords=("consult",))) == []  # not inside a word
    assert matched_criteria(RECORD, Watchlist("w", keywords=("consult*",))) == ["keyword consult*"]
    # a keyword found only in the full text of a source document (the store's full-text search)
    assert matched_criteria(RECORD, Watchlist("w", keywords=("gas",)), {"evt_1"}) == ["keyword gas"]


def test_since() -> None:
    assert matched_criteria(RECORD, Watchlist("w", types=("CONSULT",), since="2025-02-21"))
    assert not matched_criteria(RECORD, Watchlist("w", types=("CONSULT",), since="2025-03"))


def test_fingerprint_changes_only_materially() -> None:
    same = copy.deepcopy(RECORD)
    same["confidence"] = 0.95
    same["sources"].append({"doc": "https://other.example/2", "lang": "ru", "evidence": []})
    assert fingerprint(same) == fingerprint(RECORD)  # another Russian report: nothing new to say
    new_lang = copy.deepcopy(RECORD)
    new_lang["sources"].append({"doc": "https://vn.example/3", "lang": "vi", "evidence": []})
    corrected = copy.deepcopy(RECORD)
    corrected["date"] = {"start": "2025-02-20", "end": None, "precision": "day"}
    old = json.dumps(material(RECORD))
    assert fingerprint(new_lang) != fingerprint(RECORD) and changed_fields(old, new_lang) == ["langs"]
    assert fingerprint(corrected) != fingerprint(RECORD) and changed_fields(old, corrected) == ["date"]


def test_payload_and_console_line() -> None:
    w = Watchlist("vn-ru", pairs=(("VN", "RU"),))
    payload = alert_payload(w, RECORD, ["pair VN,RU"], None, 1740100000.0)
    assert payload["alert"] == "communique.watch/1" and payload["reason"] == "new" and payload["changed"] == []
    assert payload["urls"] == ["https://news.example/ru/1"] and payload["sent_at"] == "2025-02-21T01:06:40Z"
    assert payload["summary"] == ("CONSULT 2025-02-21 Lê Thị Thu Hằng; Andrey Rudenko (Hanoi, VN): "
                                  "political consultations")
    lines: list[str] = []
    deliver("console", Delivery(console=True), payload, lines.append)
    assert lines == ["ALERT [vn-ru] new: evt_1 " + payload["summary"]]


def test_jsonl_and_webhook_delivery(tmp_path: Path, site: Site) -> None:
    payload = alert_payload(Watchlist("w", types=("CONSULT",)), RECORD, ["type CONSULT"], None, 0.0)
    target = Delivery(jsonl=str(tmp_path / "a.jsonl"), webhook=site.url("/hook"))
    deliver("jsonl", target, payload, print)
    deliver("webhook", target, payload, print)
    assert json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8")) == payload
    assert site.hooks == [payload]
    assert site.requests("POST")[0].headers["Content-Type"] == "application/json"
    with pytest.raises(AlertDeliveryError, match="ConnectError"):
        deliver("webhook", Delivery(webhook="http://127.0.0.1:9/hook"), payload, print)
    with pytest.raises(AlertDeliveryError, match="no-such-folder"):
        deliver("jsonl", Delivery(jsonl=str(tmp_path / "no-such-folder" / "a.jsonl")), payload, print)
