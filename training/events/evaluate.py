"""Evaluates the shipped event model on the held-out split and writes the model card, docs/models.md.

    python -m training.events.evaluate [--no-card]

Everything goes through the run-time code (`communique.models.events`), on the held-out split of the labelled
sentences (real news only; synthetic text is never held out). Also measured: calibration (reliability table,
expected calibration error, before and after the temperature), the cheap stage's recall of event sentences and
its pass rate on every sentence of the news sample, model sizes, start-up cost and throughput.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from communique.models import encoder
from communique.models import events as model
from training.events import dataset
from training.events.dataset import ALL_TYPES, NONE, Example

ROOT = Path(__file__).resolve().parents[2]
CARD = ROOT / "docs" / "models.md"
SHARED = ROOT.parent / "shared"
NEWS_SAMPLE = SHARED / "corpus" / "news-sample.jsonl"
BINS = 10


# ---------------------------------------------------------------- metrics


def per_class(truth: Sequence[str], pred: Sequence[str], classes: Sequence[str]) -> dict[str, dict[str, float]]:
    out = {}
    for c in classes:
        tp = sum(t == c and p == c for t, p in zip(truth, pred, strict=True))
        n_pred = sum(p == c for p in pred)
        n_true = sum(t == c for t in truth)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_true if n_true else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[c] = {"precision": precision, "recall": recall, "f1": f1, "support": n_true, "predicted": n_pred}
    return out


def summary(truth: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    """Accuracy and macro-F1 over the classes present in `truth`."""
    classes = sorted(set(truth))
    table = per_class(truth, pred, classes)
    return {"n": len(truth), "accuracy": float(np.mean([t == p for t, p in zip(truth, pred, strict=True)])),
            "macro_f1": float(np.mean([table[c]["f1"] for c in classes])) if classes else 0.0}


def reliability(confidence: np.ndarray, correct: np.ndarray) -> tuple[float, list[tuple[float, float, int]]]:
    """Expected calibration error and (mean confidence, accuracy, count) per equal-width confidence bin."""
    rows = []
    ece = 0.0
    edges = np.linspace(0, 1, BINS + 1)
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        inside = (confidence > lo) & (confidence <= hi)
        if inside.any():
            rows.append((float(confidence[inside].mean()), float(correct[inside].mean()), int(inside.sum())))
            ece += inside.mean() * abs(confidence[inside].mean() - correct[inside].mean())
    return float(ece), rows


def agreement(examples: list[Example]) -> dict[str, float]:
    """Type agreement between human labellers on the sentences two of them labelled (raw and Cohen's kappa)."""
    pairs = []
    for e in examples:
        humans: dict[str, str] = {}
        for label in e.labels:
            if label.labeller.startswith("annotator"):
                humans.setdefault(label.labeller, label.type)
        if len(humans) >= 2:
            a, b = sorted(humans)[:2]
            pairs.append((humans[a], humans[b]))
    if not pairs:
        return {"n": 0}
    observed = float(np.mean([a == b for a, b in pairs]))
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(ca[k] * cb[k] for k in ca) / len(pairs) ** 2
    kappa = (observed - expected) / (1 - expected) if expected < 1 else 1.0
    events = [(a, b) for a, b in pairs if a != NONE or b != NONE]
    return {"n": len(pairs), "agreement": observed, "kappa": float(kappa),
            "agreement_on_events": float(np.mean([a == b for a, b in events])) if events else 0.0}


# ---------------------------------------------------------------- the cheap stage


def news_sample_sentences() -> list[tuple[str, str]]:
    from training.events.make_pool import sentences

    out = []
    if NEWS_SAMPLE.exists():
        with NEWS_SAMPLE.open(encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                out += [(s, doc.get("lang", "und")) for s in sentences(doc.get("text", ""))]
    return out


def cheap_stage(test: list[Example]) -> dict[str, float]:
    scores = np.array([model.may_hold_event(e.text, e.lang) for e in test])
    passed = scores >= model.CHEAP_THRESHOLD
    events = np.array([e.type != NONE for e in test])
    pool = news_sample_sentences()
    start = time.perf_counter()
    pool_pass = [model.may_hold_event(s, lang) >= model.CHEAP_THRESHOLD for s, lang in pool]
    elapsed = time.perf_counter() - start
    return {"held_out_event_recall": float(passed[events].mean()) if events.any() else 0.0,
            "held_out_events": int(events.sum()),
            "held_out_none_pass_rate": float(passed[~events].mean()) if (~events).any() else 0.0,
            "news_sample_sentences": len(pool), "news_sample_pass_rate": float(np.mean(pool_pass)) if pool else 0.0,
            "sentences_per_s": len(pool) / elapsed if pool else 0.0}


# ---------------------------------------------------------------- cost


STARTUP = """
import time; t0 = time.perf_counter()
from communique.models import events
events.shipped(); events.may_hold_event("warm-up", "en"); t1 = time.perf_counter()
events.classify_sentences(["The foreign ministers met in Geneva on Monday."], ["en"]); t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def startup_cost() -> tuple[float, float]:
    """Seconds, in a fresh process: import and load the heads and cheap stage; then encode and label one sentence
    (which loads the encoder)."""
    out = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True)
    load, first = out.stdout.split()
    return float(load), float(first)


def encoder_throughput(texts: list[str]) -> float:
    encoder.clear_cache()
    start = time.perf_counter()
    encoder.encode(texts)
    rate = len(texts) / (time.perf_counter() - start)
    encoder.clear_cache()
    return rate


# ---------------------------------------------------------------- the run


def evaluate(examples: list[Example]) -> dict:
    from training.events.embed_cache import embed

    test = [e for e in examples if e.held_out]
    x = embed([e.text for e in test], "query")
    labels = model.shipped().label_embeddings(x, [e.text for e in test])
    truth = [e.type for e in test]
    pred = [lab.type for lab in labels]
    by_lang = {}
    for lang in sorted({e.lang for e in test}):
        idx = [i for i, e in enumerate(test) if e.lang == lang]
        by_lang[lang] = summary([truth[i] for i in idx], [pred[i] for i in idx])
    event_truth = ["event" if t != NONE else NONE for t in truth]
    event_pred = ["event" if p != NONE else NONE for p in pred]
    h = model.shipped().heads
    texts = [e.text[: model.SENTENCE_CHARS] for e in test]
    raw = model.softmax(h.type.logits(x, texts) * h.type.temperature)  # the same head before calibration (T = 1)
    correct = np.array([t == p for t, p in zip(truth, pred, strict=True)])
    confidence = np.array([max(lab.type_probs.values()) for lab in labels])
    ece, table = reliability(confidence, correct)
    ece_raw, _ = reliability(raw.max(axis=1), correct)
    return {
        "overall": summary(truth, pred), "per_type": per_class(truth, pred, ALL_TYPES), "per_lang": by_lang,
        "event_vs_none": per_class(event_truth, event_pred, ["event"])["event"],
        "mode": sub_accuracy(test, labels, "mode"), "status": sub_accuracy(test, labels, "status"),
        "background": sub_accuracy(test, labels, "background"),
        "calibration": {"ece": ece, "ece_uncalibrated": ece_raw, "table": table,
                        "temperature": float(h.type.temperature)},
        "cheap": cheap_stage(test),
    }


def sub_accuracy(test: list[Example], labels: list[model.SentenceLabel], field: str) -> dict[str, float]:
    """Accuracy of a secondary head on held-out events whose gold type is right and whose field is labelled."""
    pairs: list[tuple[object, object]] = []
    for e, lab in zip(test, labels, strict=True):
        if e.type == NONE or lab.type != e.type:
            continue
        if field == "background":
            pairs.append((e.background, lab.background_prob >= 0.5))
        elif getattr(e, field) is not None:
            probs = lab.mode_probs if field == "mode" else lab.status_probs
            pairs.append((getattr(e, field), max(sorted(probs), key=lambda k: probs[k])))
    return {"n": len(pairs), "accuracy": float(np.mean([a == b for a, b in pairs])) if pairs else 0.0}


def data_tables(examples: list[Example]) -> dict:
    rows: dict[str, Counter] = {"file": Counter(), "labeller": Counter(), "lang": Counter()}
    per_type: dict[str, Counter] = {t: Counter() for t in ALL_TYPES}
    for e in examples:
        split = "synthetic" if e.synthetic else ("held_out" if e.held_out else "train")
        rows["file"][(e.file, split)] += 1
        rows["labeller"][(e.labeller.split(":")[0] + (":" + e.labeller.split(":")[1] if ":" in e.labeller else ""),
                          split)] += 1
        rows["lang"][(e.lang, split)] += 1
        per_type[e.type][split] += 1
    return {"rows": rows, "per_type": per_type, "agreement": agreement(examples)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Evaluate the shipped event model; write docs/models.md.")
    ap.add_argument("--data", type=Path, default=dataset.DATA)
    ap.add_argument("--no-card", action="store_true", help="print only; leave docs/models.md alone")
    args = ap.parse_args(argv)
    examples = dataset.load(args.data)
    result = evaluate(examples)
    test = [e for e in examples if e.held_out]
    result["encoder_sentences_per_s"] = encoder_throughput([e.text for e in test[:64]])
    result["load_average"] = os.getloadavg()[0]  # throughput depends on what else runs on the machine
    result["startup_s"] = startup_cost()
    if (SHARED / "gold" / "dev-pages.jsonl").exists():  # evaluation only: dev-pages never trains or tunes
        from training.events.dev_cheap_recall import measure

        result["dev_cheap"] = measure()
    tables = data_tables(examples)
    print_result(result)
    if not args.no_card:
        from training.events.card import write_card

        write_card(CARD, examples, tables, result, date=datetime.date.today().isoformat())
        print(f"wrote {CARD}")


def print_result(result: dict) -> None:
    o = result["overall"]
    print(f"held-out (real): n={o['n']} accuracy {o['accuracy']:.3f} macro-F1 {o['macro_f1']:.3f}")
    print(f"{'type':10} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    for t, m in result["per_type"].items():
        print(f"{t:10} {m['precision']:6.2f} {m['recall']:6.2f} {m['f1']:6.2f} {m['support']:5d}")
    for lang, m in result["per_lang"].items():
        print(f"lang {lang}: n={m['n']} accuracy {m['accuracy']:.3f} macro-F1 {m['macro_f1']:.3f}")
    ev = result["event_vs_none"]
    print(f"event vs NONE: P {ev['precision']:.3f} R {ev['recall']:.3f} F1 {ev['f1']:.3f}")
    for k in ("mode", "status", "background"):
        print(f"{k}: n={result[k]['n']} accuracy {result[k]['accuracy']:.3f}")
    cal = result["calibration"]
    print(f"calibration: ECE {cal['ece']:.3f} (T=1: {cal['ece_uncalibrated']:.3f}), T={cal['temperature']:.2f}")
    print("cheap stage:", json.dumps({k: round(v, 4) for k, v in result["cheap"].items()}))
    if "dev_cheap" in result:
        print("cheap stage on dev-pages:", json.dumps({k: round(v, 4) for k, v in result["dev_cheap"].items()}))
    print(f"encoder: {result['encoder_sentences_per_s']:.1f} sentences/s; start-up: load {result['startup_s'][0]:.3f}s,"
          f" first sentence {result['startup_s'][1]:.3f}s")


if __name__ == "__main__":
    main()
