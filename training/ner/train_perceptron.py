"""Train the small NER tagger of one language (communique.actors.ner.perceptron_ner) and score it held out.

    python training/ner/train_perceptron.py --train TRAIN.conllu --test TEST.conllu --out src/communique/data/ner/es.npz

Data: CoNLL-U-like files of `index<TAB>word<TAB>BIO-tag` lines, sentences separated by blank lines (the format
of Babelscape/wikineural `data/wikineural/<lang>/{val,test}.conllu`; see README.md here for the sources, the
licence and the scores). MISC is read as O: the pipeline has no such kind. The model: a greedy averaged
perceptron over 2^18 hashed features (word, affixes, shapes, neighbours, the two previous tags), trained for
`--epochs` passes in a fixed order (deterministic), stored as float16 weights (numpy .npz).

Prints exact-match span precision, recall and F1 per kind on the test file.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from communique.actors.ner.perceptron_ner import BUCKETS, TAGS, allowed, features, tag_words

TAG_INDEX = {t: i for i, t in enumerate(TAGS)}


def read_conll(path: Path, limit: int | None = None) -> list[tuple[list[str], list[str]]]:
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line:
                if words:
                    sentences.append((words, tags))
                    words, tags = [], []
                    if limit and len(sentences) >= limit:
                        break
                continue
            parts = line.split("\t")
            if len(parts) < 3:
                sys.exit(f"{path}:{n}: expected index, word and tag separated by tabs")
            tag = parts[2] if parts[2][2:] in ("PER", "ORG", "LOC") else "O"
            words.append(parts[1])
            tags.append(tag)
    if words:
        sentences.append((words, tags))
    return sentences


def train(sentences: list[tuple[list[str], list[str]]], epochs: int, seed: int) -> np.ndarray:
    weights = np.zeros((BUCKETS, len(TAGS)), dtype=np.float32)
    totals = np.zeros_like(weights)
    stamps = np.zeros(BUCKETS, dtype=np.int64)
    step = 0
    order = list(range(len(sentences)))
    for epoch in range(epochs):
        random.Random(seed + epoch).shuffle(order)
        errors = 0
        t0 = time.time()
        for k in order:
            words, gold = sentences[k]
            prev, prev2 = "<s>", "<s>"
            for i in range(len(words)):
                step += 1
                feats = features(words, i, prev, prev2)
                scores = weights[feats].sum(axis=0)
                guess = next(TAGS[j] for j in np.argsort(-scores) if allowed(TAGS[j], prev))
                if guess != gold[i]:
                    errors += 1
                    rows = np.unique(feats)
                    totals[rows] += (step - stamps[rows])[:, None] * weights[rows]
                    stamps[rows] = step
                    weights[rows, TAG_INDEX[gold[i]]] += 1
                    weights[rows, TAG_INDEX[guess]] -= 1
                prev2, prev = prev, gold[i]  # teacher forcing: the gold history
        print(f"epoch {epoch + 1}: {errors} token errors, {time.time() - t0:.0f} s", file=sys.stderr)
    totals += (step - stamps)[:, None] * weights
    return totals / max(step, 1)


def common_words(sentences: list[tuple[list[str], list[str]]], min_count: int, nouns: bool = False) -> list[str]:
    """Words written in lower case at least `min_count` times outside entities (alerta, gobierno, por): a
    capitalised one at the edge of a person's name is a headline's capital, not part of the name.

    nouns=True (German, which capitalises every noun): capitalised words outside entities and not first in
    their sentence count too (Moderator, Präsident, Aktien), lower-cased; a word written capitalised more often
    in persons' names than outside entities is none (Braun, Kurz, Stein stay names)."""
    counts: dict[str, int] = {}
    capitalised: dict[str, int] = {}
    in_names: dict[str, int] = {}
    for words, tags in sentences:
        for i, (word, tag) in enumerate(zip(words, tags, strict=True)):
            low = word.lower()
            if tag.endswith("PER"):
                in_names[low] = in_names.get(low, 0) + 1
            elif tag == "O" and word.isalpha() and (word.islower() or (nouns and i > 0 and word[:1].isupper())):
                counts[low] = counts.get(low, 0) + 1
                if not word.islower():
                    capitalised[low] = capitalised.get(low, 0) + 1
    return sorted(w for w, n in counts.items()
                  if n >= min_count and not (nouns and in_names.get(w, 0) > capitalised.get(w, 0)))


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and start >= 0 and tag[2:] == kind:
            continue
        if start >= 0:
            out.add((start, i, kind))
            start = -1
        if tag.startswith(("B-", "I-")):
            start, kind = i, tag[2:]
    return out


def evaluate(weights: np.ndarray, sentences: list[tuple[list[str], list[str]]]) -> dict[str, tuple[float, ...]]:
    return span_scores(((spans(tag_words(weights, words)), spans(gold)) for words, gold in sentences),
                       ("PER", "ORG", "LOC"))


def span_scores(pairs: Iterable[tuple[set[tuple[int, int, str]], set[tuple[int, int, str]]]],
                kinds: Iterable[str]) -> dict[str, tuple[float, ...]]:
    """Exact-span (P, R, F1, gold count) per kind over (predicted, gold) span sets of each sentence."""
    counts = {k: [0, 0, 0] for k in kinds}  # correct, predicted, gold
    for pred, ref in pairs:
        for kind, c in counts.items():
            found = {s for s in pred if s[2] == kind}
            wanted = {s for s in ref if s[2] == kind}
            c[0] += len(found & wanted)
            c[1] += len(found)
            c[2] += len(wanted)
    out: dict[str, tuple[float, ...]] = {}
    for kind, (ok, n_pred, n_gold) in counts.items():
        p = ok / n_pred if n_pred else 0.0
        r = ok / n_gold if n_gold else 0.0
        out[kind] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, n_gold)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, required=True)
    parser.add_argument("--test", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=None, help="train on the first N sentences only")
    parser.add_argument("--min-count", type=int, default=3, help="lower-case uses that make a word common")
    parser.add_argument("--common-only", action="store_true", help="recompute the common words, keep weights")
    parser.add_argument("--common-nouns", action="store_true",
                        help="capitalised common words count too (German nouns); names' words never do")
    args = parser.parse_args()
    train_set = read_conll(args.train, args.limit)
    test_set = read_conll(args.test)
    print(f"train {len(train_set)} sentences, test {len(test_set)}", file=sys.stderr)
    common = np.array(common_words(train_set, args.min_count, args.common_nouns))
    if args.common_only:  # keep the trained weights, recompute the list of common words only
        with np.load(args.out) as old:
            weights = old["weights"]
    else:
        weights = train(train_set, args.epochs, args.seed).astype(np.float16)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, weights=weights, common=common)
    print(f"model: {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    print(f"common words: {len(common)}")
    for kind, (p, r, f, n) in evaluate(weights.astype(np.float32), test_set).items():
        print(f"{kind}: P {p:.3f} R {r:.3f} F1 {f:.3f} ({n} gold spans, exact match)")


if __name__ == "__main__":
    main()
