"""Old vs new event model on the same held-out sentences: the held-out split of the data without annotator-e
("old held-out") and the held-out split of the data with it ("new held-out"; the split is by text hash, so the
old held-out set is a subset of the new one). Prints accuracy, macro-F1, per type and per language.

    PYTHONPATH=$PWD/src:$PWD python training/events/raw/annotator-e/compare_models.py OLD_MODEL_DIR NEW_MODEL_DIR
Each model dir holds event-heads.npz and event-cheap.npz (`python -m training.events.train --out DIR`).
"""
import json
import sys
import tempfile
from pathlib import Path

from training.events import dataset
from training.events.dataset import ALL_TYPES
from training.events.embed_cache import embed
from training.events.evaluate import per_class, summary

from communique.models.events import CHEAP_FILE, HEADS_FILE, EventModel

NEW_FILES = ("labels-annotator-e.jsonl", "labels-annotator-e2.jsonl")


def held_out(data: Path) -> list[dataset.Example]:
    return [e for e in dataset.load(data) if e.held_out]


def without_new_labels() -> list[dataset.Example]:
    with tempfile.TemporaryDirectory() as tmp:
        for f in dataset.label_files(dataset.DATA):
            if f.name not in NEW_FILES:
                (Path(tmp) / f.name).symlink_to(f)
        return held_out(Path(tmp))


def predict(model_dir: Path, test: list[dataset.Example]) -> list[str]:
    model = EventModel(model_dir / HEADS_FILE.name, model_dir / CHEAP_FILE.name)
    return [lab.type for lab in model.label_embeddings(embed([e.text for e in test], "query"), [e.text for e in test])]


def report(name: str, test: list[dataset.Example], preds: dict[str, list[str]]) -> dict:
    truth = [e.type for e in test]
    out: dict = {"n": len(test)}
    print(f"\n== {name}: {len(test)} sentences ==")
    for model, pred in preds.items():
        s = summary(truth, pred)
        out[model] = {"overall": s}
        print(f"{model:4} accuracy {s['accuracy']:.3f} macro-F1 {s['macro_f1']:.3f}")
    print(f"{'type':10} {'n':>5} " + " ".join(f"{m + ' F1':>8}" for m in preds))
    tables = {m: per_class(truth, p, ALL_TYPES) for m, p in preds.items()}
    for t in ALL_TYPES:
        n = tables[next(iter(tables))][t]["support"]
        print(f"{t:10} {n:5d} " + " ".join(f"{tables[m][t]['f1']:8.3f}" for m in preds))
    for m in preds:
        out[m]["per_type"] = {t: round(tables[m][t]["f1"], 4) for t in ALL_TYPES}
    print(f"{'lang':6} {'n':>5} " + " ".join(f"{m + ' acc':>8} {m + ' mF1':>8}" for m in preds))
    for lang in sorted({e.lang for e in test}):
        idx = [i for i, e in enumerate(test) if e.lang == lang]
        cells = []
        for m, p in preds.items():
            s = summary([truth[i] for i in idx], [p[i] for i in idx])
            out[m].setdefault("per_lang", {})[lang] = {"accuracy": round(s["accuracy"], 4),
                                                       "macro_f1": round(s["macro_f1"], 4), "n": len(idx)}
            cells.append(f"{s['accuracy']:8.3f} {s['macro_f1']:8.3f}")
        print(f"{lang:6} {len(idx):5d} " + " ".join(cells))
    return out


def main(old_dir: Path, new_dir: Path) -> None:
    sets = {"old held-out (data without annotator-e)": without_new_labels(), "new held-out": held_out(dataset.DATA)}
    old_texts = {e.text for e in sets["old held-out (data without annotator-e)"]}
    new_only = {e.text for e in sets["new held-out"]} - old_texts
    sets["new held-out sentences only (annotator-e)"] = [e for e in sets["new held-out"] if e.text in new_only]
    result = {}
    for name, test in sets.items():
        result[name] = report(name, test, {"old": predict(old_dir, test), "new": predict(new_dir, test)})
    Path("/tmp/labels2/compare.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
