"""Person F1 of a language's named-entity backend on a held-out, token-labelled test split (WikiANN style).

    python benchmarks/ner_heldout.py TEST.conllu LANG [--limit N] [--model M] [--join SEP]

TEST: lines of `index<TAB>word<TAB>BIO-tag` (or `word<TAB>tag`), sentences separated by blank lines
(Babelscape/wikineural `data/wikiann/<lang>/test.conllu`, `data/wikineural/<lang>/test.conllu`). Each sentence
is given to the backend the language's data names (`communique.actors.ner.entities`, the run-time path) as its
words joined by single spaces; a predicted entity covers the tokens its characters overlap. Match: exact token
span and kind. Prints precision, recall and F1 per kind (PER, ORG, LOC); MISC is not scored.
With --join '' the tokens are joined with no space (character-level Chinese or Japanese data, e.g. MSRA NER:
one character a line; with --model too, the perceptron then reads one character a token); the default joins
them with one space.
With --model, the perceptron weights `data/ner/<M>.npz` are used whatever the language's data says (to measure
a model before it is enabled).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from training.ner.train_perceptron import span_scores
from training.ner.train_perceptron import spans as gold_spans  # BIO tags to spans, as the trainer scores them

from communique.actors import ner
from communique.actors.ner.perceptron_ner import load as load_perceptron

KIND_TAG = {"person": "PER", "organization": "ORG", "location": "LOC"}
Sentence = tuple[list[str], list[str]]


def read_conll(path: Path, limit: int | None) -> list[Sentence]:
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split("\t")
        if not line.strip():
            if words:
                sentences.append((words, tags))
                words, tags = [], []
            continue
        if len(parts) < 2:
            sys.exit(f"{path}:{n}: expected a word and a tag separated by a tab")
        word, tag = (parts[1], parts[2]) if len(parts) >= 3 else (parts[0], parts[1])
        words.append(word)
        tags.append(tag if tag[2:] in KIND_TAG.values() else "O")
    if words:
        sentences.append((words, tags))
    return sentences[:limit] if limit else sentences


def predicted_spans(words: list[str], found: list[ner.EntitySpan], sep: str = " ") -> set[tuple[int, int, str]]:
    offsets, pos = [], 0
    for w in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w) + len(sep)
    out = set()
    for span in found:
        covered = [i for i, (a, b) in enumerate(offsets) if a < span.end and span.start < b]
        if covered and span.kind in KIND_TAG:
            out.add((covered[0], covered[-1] + 1, KIND_TAG[span.kind]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("test", type=Path)
    parser.add_argument("lang")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--model", default=None)
    parser.add_argument("--join", default=" ", help="what joins the tokens of a sentence (default: one space)")
    args = parser.parse_args()
    sentences = read_conll(args.test, args.limit)
    sep = args.join
    tagger = (load_perceptron(model=args.model) if args.model
              else (lambda text: ner.entities(text, args.lang)))
    scores = span_scores(((predicted_spans(words, tagger(sep.join(words)), sep), gold_spans(tags))
                          for words, tags in sentences), KIND_TAG.values())
    model = f", model {args.model}" if args.model else ""
    model += f", tokens joined by {sep!r}" if sep != " " else ""
    print(f"{args.test} ({len(sentences)} sentences), lang {args.lang}{model}")
    for kind, (p, r, f, n_gold) in scores.items():
        print(f"{kind}\tP {p:.3f}\tR {r:.3f}\tF1 {f:.3f}\tgold {int(n_gold)}")


if __name__ == "__main__":
    main()
