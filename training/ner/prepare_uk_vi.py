"""Ukrainian and Vietnamese NER data for train_perceptron.py, as `index<TAB>word<TAB>tag` (training/ner/README.md).

    python training/ner/prepare_uk_vi.py uk NER_UK_GIT_DIR OUT_DIR
    python training/ner/prepare_uk_vi.py vi UNDERTHESEA_NER_GIT_DIR PHONER_GIT_DIR OUT_DIR

uk (lang-uk/ner-uk, `v2.0/iob/{train,test}.iob`, the repository's own document split `v2.0/data/dev-test-split.txt`):
`word TAG` lines; PERS -> PER, ORG and LOC as they are, the other ten kinds (JOB, DATE, MON, ...) -> O. Writes
OUT_DIR/{train,test}.conll.

vi (undertheseanlp/ner): VLSP 2016 `corpus/vlsp2016/{dev,test}.txt` of commit 8511565 (`word POS chunk NER`, words of
several syllables) and the VLSP 2018 documents `data/vlsp2018/raw/VLSP2018-NER-{train-Jan14,dev}/**/*.muc` of commit
aa1ebcb (raw text with inline `<ENAMEX TYPE="PERSON">`; the outermost entity of a nested one is kept; one line of a
document is a sentence, tokenised as the run-time tagger does). Words are split into syllables (B- on the first,
I- on the rest). PhoNER_COVID19 (VinAIResearch, `data/syllable/test_syllable.conll`): NAME -> PER, LOCATION -> LOC,
ORGANIZATION -> ORG, the rest (PATIENT_ID, AGE, SYMPTOM_AND_DISEASE, ...) -> O; measured only (its terms forbid
redistribution in any form, so nothing trained on it ships). Writes OUT_DIR/{train,vlsp2016-test,phoner-test}.conll:
train = VLSP 2018 train + dev + VLSP 2016 dev; the VLSP 2016 test stays held out (none of its sentences of ten
words or more occurs in the training text).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from communique.actors.ner.perceptron_ner import TOKEN_RE

Sentence = list[tuple[str, str]]
KINDS = {"PER": "PER", "PERS": "PER", "PERSON": "PER", "NAME": "PER", "ORG": "ORG", "ORGANIZATION": "ORG", "LOC": "LOC",
         "LOCATION": "LOC"}
ENAMEX_RE = re.compile(r'<\s*ENAMEX\s+TYPE\s*=\s*"\s*([A-Z]+)\s*"\s*>|<\s*/\s*ENAMEX\s*>')


def git(repo: str, *args: str) -> str:
    return subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True, check=True).stdout


def columns(text: str, syllables: bool = False) -> list[Sentence]:
    """Word-per-line files (the tag is the last field; tab- or space-separated) -> sentences of (word, BIO)."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in [*text.replace("\r", "").split("\n"), ""]:
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        word, tag = (line.split("\t")[0], line.split("\t")[-1]) if "\t" in line else line.rsplit(" ", 1)
        kind = KINDS.get(tag[2:]) if tag[:2] in ("B-", "I-") else None
        parts = word.split() if syllables else [word.strip()]
        for j, part in enumerate(p for p in parts if p):
            current.append((part, (tag[:2] if j == 0 else "I-") + kind if kind else "O"))
    return sentences


def enamex(text: str) -> list[Sentence]:
    """A VLSP 2018 document: each line with its inline entities -> tokens tagged by the outermost entity."""
    sentences: list[Sentence] = []
    for line in text.splitlines():
        current: Sentence = []
        stack: list[list] = []  # [TYPE, inside already] of the open entities

        def emit(chunk: str, current: Sentence = current, stack: list[list] = stack) -> None:
            for word in TOKEN_RE.findall(chunk):
                kind = KINDS.get(stack[0][0]) if stack else None
                current.append((word, ("I-" if stack[0][1] else "B-") + kind if kind else "O"))
                if kind:
                    stack[0][1] = True

        pos = 0
        for m in ENAMEX_RE.finditer(line):
            emit(line[pos : m.start()])
            pos = m.end()
            if m.group(1):
                stack.append([m.group(1), False])
            elif stack:
                stack.pop()
        emit(line[pos:])
        if current:
            sentences.append(current)
    return sentences


def write(path: Path, sentences: list[Sentence]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for s in sentences:
            out.write("".join(f"{i}\t{w}\t{t}\n" for i, (w, t) in enumerate(s, 1)) + "\n")
    n_per = sum(t == "B-PER" for s in sentences for _, t in s)
    print(f"{path}: {len(sentences)} sentences, {sum(map(len, sentences))} tokens, {n_per} persons")


def main() -> None:
    lang, *dirs, out = sys.argv[1:]
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    if lang == "uk":
        for split in ("train", "test"):
            write(out_dir / f"{split}.conll", columns(git(dirs[0], "show", f"HEAD:v2.0/iob/{split}.iob")))
        return
    ner_git, phoner_git = dirs
    train: list[Sentence] = []
    for folder in ("VLSP2018-NER-train-Jan14", "VLSP2018-NER-dev"):
        prefix = f"data/vlsp2018/raw/{folder}/"
        for path in sorted(git(ner_git, "ls-tree", "-r", "--name-only", "aa1ebcb").splitlines()):
            if path.startswith(prefix) and path.endswith(".muc"):
                train += enamex(git(ner_git, "show", f"aa1ebcb:{path}"))
    train += columns(git(ner_git, "show", "8511565:corpus/vlsp2016/dev.txt"), syllables=True)
    write(out_dir / "train.conll", train)
    write(out_dir / "vlsp2016-test.conll", columns(git(ner_git, "show", "8511565:corpus/vlsp2016/test.txt"), True))
    write(out_dir / "phoner-test.conll", columns(git(phoner_git, "show", "HEAD:data/syllable/test_syllable.conll")))


if __name__ == "__main__":
    main()
