"""Indonesian NER data for train_perceptron.py: NERP (IndoNLU) and idner-news-2k, as `index<TAB>word<TAB>tag`.

    python training/ner/prepare_id.py INDONLU_GIT_DIR IDNER_GIT_DIR OUT_DIR

Writes OUT_DIR/{nerp-test,idner-test,train,train-cased}.conll.

NERP (IndoNLP/indonlu `dataset/nerp_ner-prosa/`, lower-cased news): PPL -> PER, PLC -> LOC, IND -> ORG,
EVT and FNB -> O. idner-news-2k (khairunnisaor/idner-news-2k, cased news, `word POS tag` lines): PER, ORG and
LOC as they are. `train` is NERP train + valid and idner train + dev, without any sentence that shares eight
words in a row (lower-cased, punctuation left out) with a sentence of either test split: the two corpora share
source articles (about half of the idner test sentences are in NERP's train split, tokenised differently), and
NERP's test repeats some of its own train sentences. `train-cased` is the idner part of `train` alone: the
tagger's common words (train_perceptron.py --common-only) are words written in lower case, which says nothing
in NERP, where every word is.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

Sentence = list[tuple[str, str]]
NERP = {"PPL": "PER", "PLC": "LOC", "IND": "ORG"}


def show(repo: str, path: str) -> str:
    return subprocess.run(["git", "-C", repo, "show", "HEAD:" + path], capture_output=True, text=True,
                          check=True).stdout


def parse(text: str, sep: str | None, mapping: dict[str, str] | None = None) -> list[Sentence]:
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in text.replace("\r", "").split("\n"):
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        parts = line.split(sep)
        word, tag = parts[0], parts[-1]
        if tag != "O":
            kind = mapping.get(tag[2:], "") if mapping else tag[2:]
            tag = tag[:2] + kind if kind in ("PER", "ORG", "LOC") else "O"
        current.append((word, tag))
    if current:
        sentences.append(current)
    return sentences


def grams(sentence: Sentence, n: int = 8) -> set[str]:
    words = [w for w in (re.sub(r"\W+", "", word.lower()) for word, _ in sentence) if w]
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)} or {" ".join(words)}


def write(path: Path, sentences: list[Sentence]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for sentence in sentences:
            for i, (word, tag) in enumerate(sentence, 1):
                fh.write(f"{i}\t{word}\t{tag}\n")
            fh.write("\n")
    print(f"{path}: {len(sentences)} sentences")


def main() -> None:
    indonlu, idner, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    nerp = {s: parse(show(indonlu, f"dataset/nerp_ner-prosa/{s}_preprocess.txt"), "\t", NERP)
            for s in ("train", "valid", "test")}
    news = {s: parse(show(idner, f"{s}.txt"), None) for s in ("train", "dev", "test")}
    held_out = set().union(*(grams(s) for s in nerp["test"] + news["test"]))
    train = [s for s in nerp["train"] + nerp["valid"] if not grams(s) & held_out]
    cased = [s for s in news["train"] + news["dev"] if not grams(s) & held_out]
    write(out / "nerp-test.conll", nerp["test"])
    write(out / "idner-test.conll", news["test"])
    write(out / "train.conll", train + cased)
    write(out / "train-cased.conll", cased)


if __name__ == "__main__":
    main()
