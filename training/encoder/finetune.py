"""Step 2: fine-tune the top K layers of the encoder and a linear type head on the training split.

    python -m training.encoder.finetune --layers 2 [--epochs 3] [--max-minutes 40]

Inputs: the labelled sentences (`training.events.dataset`, training split only: `held_out` False, synthetic
weight 0.2 as in training.events.train), the engine-computed lower-layer states (`lower_cache`), and as the
head's starting point the shipped recipe's type head refitted on the training part. A validation fold is cut
from the training split by a text hash (never the held-out split) and decides early stopping. Deterministic:
fixed seeds, deterministic algorithms, batches formed by length and hash, batch order from a seeded generator.

Writes BUILD/tuned-K.npz (the tuned layers' tensors under the model image's names, float32) and prints the
held-out accuracy and macro-F1 of the fp32 model with its own linear head (the quantization loss is measured
against this by `training.encoder.measure`).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import sys
import time

import numpy as np
import torch
from sklearn.metrics import f1_score
from threadpoolctl import threadpool_limits

from communique.models.events import HEADS_FILE
from training.encoder import engine, lower_cache, model_file, torch_model
from training.events import dataset
from training.events.dataset import ALL_TYPES, Example
from training.events.evaluate import per_class, summary
from training.events.train import SYNTHETIC_WEIGHT, Linear, fit_logreg

VALIDATION_PERCENT = 10
BATCH = 32
EVALS_PER_EPOCH = 3
PATIENCE = 3  # evaluations without a better validation macro-F1 before stopping


def in_validation(text: str) -> bool:
    return int(hashlib.sha256(f"validation\x00{text}".encode()).hexdigest()[:8], 16) % 100 < VALIDATION_PERCENT


class Tuner(torch.nn.Module):
    """Top layers + the linear type head over the L2-normalised mean-pooled vector (the engine's output)."""

    def __init__(self, layers: torch.nn.ModuleList, head_w: np.ndarray, head_b: np.ndarray) -> None:
        super().__init__()
        self.layers = layers
        self.head = torch.nn.Linear(head_w.shape[1], head_w.shape[0])
        self.head.weight.data = torch.from_numpy(head_w.astype(np.float32))
        self.head.bias.data = torch.from_numpy(head_b.astype(np.float32))

    def embed(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        for layer in self.layers:
            x = layer(x, mask)
        return torch.nn.functional.normalize(torch_model.mean_pool(x, mask), dim=-1)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.head(self.embed(x, mask))


class States:
    """The cached lower-layer states, one (length, 384) float16 array per sentence in dataset order."""

    def __init__(self, texts: list[str], first_tuned: int) -> None:
        path = lower_cache.cache_file(first_tuned)
        if not path.exists():
            sys.exit(f"{path}: missing; run python -m training.encoder.lower_cache --layers {12 - first_tuned}")
        with np.load(path) as z:
            if str(z["digest"]) != lower_cache.texts_digest(texts):
                sys.exit(f"{path}: made for other sentences; rebuild it with training.encoder.lower_cache")
            self.states, self.offsets = z["states"], z["offsets"]

    def length(self, i: int) -> int:
        return int(self.offsets[i + 1] - self.offsets[i])

    def batch(self, rows: list[int]) -> tuple[torch.Tensor, torch.Tensor]:
        seqs = [torch.from_numpy(self.states[self.offsets[i] : self.offsets[i + 1]].astype(np.float32)) for i in rows]
        return torch_model.pad(seqs)


def batches(rows: list[int], states: States, texts: list[str]) -> list[list[int]]:
    """Batches of similar length (little padding), fixed by lengths and text hashes."""
    ordered = sorted(rows, key=lambda i: (states.length(i), hashlib.sha1(texts[i].encode()).hexdigest()))
    return [ordered[s : s + BATCH] for s in range(0, len(ordered), BATCH)]


def predict(model: Tuner, rows: list[int], states: States, texts: list[str]) -> np.ndarray:
    out = np.zeros(len(rows), dtype=int)
    where = {r: k for k, r in enumerate(rows)}
    model.eval()
    with torch.no_grad():
        for b in batches(rows, states, texts):
            x, mask = states.batch(b)
            pred = model(x, mask).argmax(-1).numpy()
            for r, p in zip(b, pred, strict=True):
                out[where[r]] = p
    model.train()
    return out


def starting_head(examples: list[Example], rows: list[int]) -> Linear:
    """The shipped recipe's type head (its C) refitted on base-encoder vectors of `rows` only, so that the
    validation fold is unseen from the first step."""
    from training.events.embed_cache import embed

    with np.load(HEADS_FILE) as h:
        c = json.loads(str(h["meta"]))["C"]
    x = embed([examples[i].text for i in rows], "query", progress=False).astype(np.float64)
    weight = np.array([SYNTHETIC_WEIGHT if examples[i].synthetic else 1.0 for i in rows])
    with threadpool_limits(limits=2):
        return fit_logreg(x, [examples[i].type for i in rows], list(ALL_TYPES), c, weight)


def macro_f1(truth: np.ndarray, pred: np.ndarray) -> float:
    return float(f1_score(truth, pred, labels=sorted(set(truth)), average="macro", zero_division=0))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--layers", type=int, default=2, help="K, the number of top layers tuned")
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--lr", type=float, default=5e-5, help="tuned layers: peak, linear decay")
    ap.add_argument("--head-lr", type=float, default=3e-4)
    ap.add_argument("--max-minutes", type=float, default=45.0, help="stop (keeping the best state) after this")
    args = ap.parse_args(argv)
    torch.manual_seed(0)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)  # measured: 1.4 s per batch on one thread, 5.9 s on two, on the shared 2-core box

    examples: list[Example] = dataset.load()
    texts = [e.text for e in examples]
    first = 12 - args.layers
    states = States(texts, first)
    y = np.array([ALL_TYPES.index(e.type) for e in examples])
    weight = torch.tensor([SYNTHETIC_WEIGHT if e.synthetic else 1.0 for e in examples])
    train_rows = [i for i, e in enumerate(examples) if not e.held_out and not in_validation(e.text)]
    val_rows = [i for i, e in enumerate(examples) if not e.held_out and in_validation(e.text) and not e.synthetic]
    test_rows = [i for i, e in enumerate(examples) if e.held_out]
    print(f"train {len(train_rows)}, validation {len(val_rows)} (real), held-out {len(test_rows)}", file=sys.stderr)

    mf = model_file.read(engine.base_model_path())
    head = starting_head(examples, train_rows)
    model = Tuner(torch_model.layers_from(mf, first), head.weights, head.bias)
    optimizer = torch.optim.AdamW([{"params": model.layers.parameters(), "lr": args.lr, "weight_decay": 0.01},
                                   {"params": model.head.parameters(), "lr": args.head_lr, "weight_decay": 0.0}])
    plan = batches(train_rows, states, texts)
    total_steps = int(len(plan) * args.epochs)
    eval_every = max(1, len(plan) // EVALS_PER_EPOCH)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: max(0.0, 1.0 - s / total_steps))
    generator = torch.Generator().manual_seed(0)
    val_truth = y[val_rows]
    best = (macro_f1(val_truth, predict(model, val_rows, states, texts)), 0)
    print(f"step 0: validation macro-F1 {best[0]:.4f}", file=sys.stderr)
    best_state = copy.deepcopy(model.state_dict())
    history = [{"step": 0, "val_macro_f1": best[0]}]
    start, step, stale = time.perf_counter(), 0, 0
    while step < total_steps and stale < PATIENCE:
        for k in torch.randperm(len(plan), generator=generator).tolist():
            rows = plan[k]
            x, mask = states.batch(rows)
            logits = model(x, mask)
            loss = (torch.nn.functional.cross_entropy(logits, torch.from_numpy(y[rows]), reduction="none")
                    * weight[rows]).sum() / weight[rows].sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
            step += 1
            if step % eval_every == 0 or step == total_steps:
                score = macro_f1(val_truth, predict(model, val_rows, states, texts))
                minutes = (time.perf_counter() - start) / 60
                history.append({"step": step, "val_macro_f1": score, "minutes": round(minutes, 1)})
                print(f"step {step}/{total_steps} ({minutes:.1f} min): loss {loss.item():.3f}, "
                      f"validation macro-F1 {score:.4f}", file=sys.stderr)
                if score > best[0]:
                    best, best_state, stale = (score, step), copy.deepcopy(model.state_dict()), 0
                else:
                    stale += 1
                if minutes > args.max_minutes:
                    stale = PATIENCE
            if step >= total_steps or stale >= PATIENCE:
                break
    model.load_state_dict(best_state)
    tensors = {}
    for offset, layer in enumerate(model.layers):
        assert isinstance(layer, torch_model.Layer)
        for name, value in layer.tensors(first + offset).items():
            tensors[name] = value.detach().numpy().astype(np.float32)
    tensors["head.w"], tensors["head.b"] = (model.head.weight.detach().numpy(), model.head.bias.detach().numpy())
    lower_cache.BUILD.mkdir(parents=True, exist_ok=True)
    out = lower_cache.BUILD / f"tuned-{args.layers}.npz"
    np.savez(out, allow_pickle=False, **tensors)
    pred = predict(model, test_rows, states, texts)
    truth_names = [ALL_TYPES[i] for i in y[test_rows]]
    pred_names = [ALL_TYPES[i] for i in pred]
    result = {"layers": args.layers, "best_step": best[1], "best_val_macro_f1": best[0], "history": history,
              "held_out_fp32_head": summary(truth_names, pred_names),
              "held_out_fp32_per_type_f1": {t: round(m["f1"], 3) for t, m in
                                            per_class(truth_names, pred_names, ALL_TYPES).items()}}
    (lower_cache.BUILD / f"tuned-{args.layers}.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
