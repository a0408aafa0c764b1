"""Type heads of several commits scored on the held-out splits of several commits (docs/models.md, "Growing the
event data"): how much a model gained from new data, on the same sentences.

    python -m training.events.compare_models --models b98ccbe 13d8f31 HEAD --splits b98ccbe 13d8f31 HEAD

A model is the shipped `event-heads.npz` of a commit; a split is the held-out real sentences of the label files of
a commit (`dataset.load` over `training/events/data/` as committed there). Besides each split, the sentences each
later split adds are scored alone ("new in <commit>"). Run from the repository root; embeddings come from the
disk cache where present (`embed_cache`).
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, f1_score

from training.events import dataset
from training.events.dataset import Example
from training.events.embed_cache import embed

HEADS = "src/communique/models/data/event-heads.npz"
DATA = "training/events/data"


def _git_show(commit: str, path: str) -> bytes:
    return subprocess.run(["git", "show", f"{commit}:{path}"], capture_output=True, check=True).stdout


def held_out_at(commit: str, folder: Path) -> list[Example]:
    """The held-out real sentences of the label files committed at `commit`."""
    names = subprocess.run(["git", "ls-tree", "--name-only", commit, f"{DATA}/"], capture_output=True, text=True,
                           check=True).stdout.split()
    for name in names:
        (folder / Path(name).name).write_bytes(_git_show(commit, name))
    return [e for e in dataset.load(folder) if e.held_out and not e.synthetic]


def score(heads: Path, rows: list[Example], x: np.ndarray) -> tuple[float, float]:
    """Type accuracy and macro-F1 over the types present."""
    from communique.models.events import EventModel  # lazy: the package is needed only when measuring

    predicted = [label.type for label in EventModel(heads).label_embeddings(x, [r.text for r in rows])]
    gold = [r.type for r in rows]
    return accuracy_score(gold, predicted), f1_score(gold, predicted, labels=sorted(set(gold)), average="macro")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", nargs="+", required=True, help="commits whose shipped type head is scored")
    ap.add_argument("--splits", nargs="+", required=True, help="commits whose held-out split scores them")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        heads = {}
        for commit in args.models:
            heads[commit] = root / f"heads-{commit}.npz"
            heads[commit].write_bytes(_git_show(commit, HEADS))
        splits: dict[str, list[Example]] = {}
        for commit in args.splits:
            (root / commit).mkdir()
            splits[commit] = held_out_at(commit, root / commit)
        earlier: set[str] = set()
        for commit in args.splits:
            rows = splits[commit]
            parts = [(f"split of {commit}", rows)]
            if earlier:
                parts.append((f"new in {commit}", [r for r in rows if r.text not in earlier]))
            earlier |= {r.text for r in rows}
            for name, part in parts:
                x = embed([r.text for r in part], "query").astype(np.float32)
                cells = "  ".join(f"{c}: {a:.3f} / {f:.3f}" for c in args.models
                                  for a, f in [score(heads[c], part, x)])
                print(f"{name:24s} n={len(part):5d}  {cells}")


if __name__ == "__main__":
    main()
