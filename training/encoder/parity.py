"""Step 1 check: the PyTorch copy (fp32) against the engine (q4 weights, q8 activations) on training sentences.

    python -m training.encoder.parity [--n 200]

Prints mean and min cosine of the two embeddings (the engine quantizes activations, so not exactly 1).
"""

from __future__ import annotations

import argparse

import numpy as np
import torch

from training.encoder import engine, model_file, torch_model
from training.events import dataset


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    args = ap.parse_args(argv)
    torch.set_num_threads(2)
    train = [e.text for e in dataset.load() if not e.held_out][:: 50][: args.n]
    mf = model_file.read(engine.base_model_path())
    shim = engine.Shim()
    emb, layers = torch_model.Embeddings(mf), torch_model.layers_from(mf, 0)
    ref = engine.ImageEncoder(mf.image).encode(train)
    cos = []
    with torch.no_grad():
        for start in range(0, len(train), 16):
            ids, mask = torch_model.pad([torch.tensor(shim.tokenize(t)) for t in train[start : start + 16]])
            x = emb(ids)
            for layer in layers:
                x = layer(x, mask)
            v = torch.nn.functional.normalize(torch_model.mean_pool(x, mask), dim=-1).numpy()
            cos.extend((v * ref[start : start + len(v)]).sum(1))
    c = np.array(cos)
    print(f"parity on {len(c)} training sentences: cosine mean {c.mean():.5f} min {c.min():.5f}")


if __name__ == "__main__":
    main()
