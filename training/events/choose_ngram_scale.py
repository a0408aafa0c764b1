"""Picks the weight of the character n-gram block in the type head (`train.TYPE_NGRAM_SCALE`) on the training
split only: fit on folds 1-4, score macro-F1 of real sentences on fold 0. The held-out split is never read.

    python -m training.events.choose_ngram_scale [--scales 0,10,30,60] [--c 0.02]

The type head reads the standardised 384-d embedding next to the L2-normalised n-gram vector times the scale;
a larger scale weakens the L2 penalty on the n-gram weights (the lexical cue) against the embedding's.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
from sklearn.metrics import f1_score
from threadpoolctl import threadpool_limits

from training.events import dataset
from training.events.dataset import ALL_TYPES
from training.events.train import SYNTHETIC_WEIGHT, fit_lexical, fold_of, lexical_logits, ngram_matrix


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="0,10,30,60")
    ap.add_argument("--c", type=float, default=0.02)
    args = ap.parse_args(argv)
    from training.events.embed_cache import embed

    rows = [e for e in dataset.load(dataset.DATA) if not e.held_out]
    texts = [e.text for e in rows]
    x = embed(texts, "query").astype(np.float64)
    m = ngram_matrix(texts)
    folds = np.array([fold_of(t) for t in texts])
    weight = np.array([SYNTHETIC_WEIGHT if e.synthetic else 1.0 for e in rows])
    y = [e.type for e in rows]
    fit, val = folds != 0, (folds == 0) & np.array([not e.synthetic for e in rows])
    truth = np.array(y)[val]
    with threadpool_limits(limits=1):
        for scale in (float(s) for s in args.scales.split(",")):
            head = fit_lexical(x[fit], m[fit], [y[i] for i in np.flatnonzero(fit)], list(ALL_TYPES), args.c,
                               weight[fit], scale)
            pred = np.array(ALL_TYPES)[lexical_logits(head, x[val], m[val]).argmax(axis=1)]
            print(f"scale {scale:g}: fold-0 accuracy {float((pred == truth).mean()):.3f} macro-F1 "
                  f"{f1_score(truth, pred, average='macro', zero_division=0):.3f} ({int(val.sum())} real sentences)",
                  file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
