"""A small trained tagger for languages without a bundled model: a greedy averaged perceptron over hashed
features (numpy only), tags BIO for PER, ORG and LOC.

The weights are shipped as `data/ner/<model>.npz` (built by training/ner/train_perceptron.py, which documents
the data, its licence and the held-out score). Training and tagging share `features` below, so what the
trainer learnt is what the tagger reads.
"""

from __future__ import annotations

import re
import zlib
from functools import cache
from typing import Any

import numpy as np

from communique.actors.ner import Backend, EntitySpan
from communique.langdata import data_path

TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
KIND_OF = {"PER": "person", "ORG": "organization", "LOC": "location"}
BUCKETS = 1 << 18
TOKEN_RE = re.compile(r"\w+(?:[’'-]\w+)*|[^\w\s]")
MAX_PERSON_WORDS = 6  # "Luiz Inácio Lula da Silva" is five


def shape(word: str) -> str:
    """Xxxx -> Xx, ABC -> X, 1990 -> d, x.y. -> x.x. (runs of one class collapse)."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


def bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % BUCKETS


def token_features(words: list[str], i: int) -> list[str]:
    """Features of word i that do not depend on the tags before it."""
    w = words[i]
    low = w.lower()
    prev = words[i - 1] if i > 0 else "<s>"
    prev2 = words[i - 2] if i > 1 else "<s>"
    nxt = words[i + 1] if i + 1 < len(words) else "</s>"
    nxt2 = words[i + 2] if i + 2 < len(words) else "</s>"
    return [
        "b", "w=" + low, "p3=" + low[:3], "s3=" + low[-3:], "s2=" + low[-2:], "sh=" + shape(w),
        "w-1=" + prev.lower(), "w+1=" + nxt.lower(), "w-2=" + prev2.lower(), "w+2=" + nxt2.lower(),
        "sh-1=" + shape(prev), "sh+1=" + shape(nxt), "sh-1sh=" + shape(prev) + shape(w),
        "shsh+1=" + shape(w) + shape(nxt), "s3+1=" + nxt.lower()[-3:], "first=" + str(i == 0) + shape(w),
    ]


def features(words: list[str], i: int, prev_tag: str, prev2_tag: str) -> list[int]:
    base = token_features(words, i)
    base += ["t-1=" + prev_tag, "t-2t-1=" + prev2_tag + prev_tag, "t-1sh=" + prev_tag + shape(words[i]),
             "t-1w=" + prev_tag + words[i].lower()]
    return [bucket(f) for f in base]


def allowed(tag: str, prev_tag: str) -> bool:
    """I-X only continues B-X or I-X."""
    return not tag.startswith("I-") or prev_tag[2:] == tag[2:]


def tag_words(weights: Any, words: list[str]) -> list[str]:
    """Greedy left-to-right tagging with the previous two tags as features."""
    tags: list[str] = []
    for i in range(len(words)):
        prev = tags[-1] if tags else "<s>"
        prev2 = tags[-2] if len(tags) > 1 else "<s>"
        scores = weights[features(words, i, prev, prev2)].sum(axis=0)
        for k in np.argsort(-scores):
            if allowed(TAGS[k], prev):
                tags.append(TAGS[k])
                break
    return tags


@cache
def _model(model: str) -> tuple[Any, frozenset[str]]:
    node = data_path("ner", f"{model}.npz")
    with node.open("rb") as fh, np.load(fh) as archive:
        common = frozenset(str(w) for w in archive["common"]) if "common" in archive.files else frozenset()
        return archive["weights"].astype(np.float32), common


def headline(words: list[str], min_letters: int = 4) -> bool:
    """A Title Case line (most words of `min_letters` letters or more capitalised): capitals say nothing there.
    Vietnamese counts syllables of two letters: its lower-case words are short ("đã gặp bà"), so a sentence
    with two names has more capitalised syllables of four letters than lower-case ones."""
    long_words = [w for w in words if len(w) >= min_letters and w.isalpha()]
    return len(long_words) >= 4 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def load(model: str, min_person_words: int = 2, skip_headlines: bool = True, headline_letters: int = 4) -> Backend:
    """The tagger of `data/ner/<model>.npz`. A person's name of fewer than `min_person_words` words is dropped
    (below); 1 keeps one-word names, for a language where they are common (Indonesian: Jokowi, Soeharto;
    Ukrainian, Vietnamese). skip_headlines=False (German, `skip_headlines: false` in its `ner` section) tags
    lines of capitalised words too: where every noun is capitalised, a sentence often looks like a headline.
    `headline_letters`: the shortest word that counts in the Title Case test of a line (`headline`; Vietnamese:
    2)."""
    weights, common = _model(model)

    def recognize(text: str) -> list[EntitySpan]:
        out: list[EntitySpan] = []
        for line in re.finditer(r"[^\n]+", text):
            matches = list(TOKEN_RE.finditer(line.group()))
            words = [m.group() for m in matches]  # once: a 10 MB line is a million words
            if skip_headlines and headline(words, headline_letters):
                continue
            tags = tag_words(weights, words)
            tags = [_trimmed(tags, words, i, common) for i in range(len(tags))]
            base = line.start()
            current: list[int] | None = None
            kind = ""
            for m, tag in zip(matches, tags, strict=True):
                if tag.startswith("I-") and current is not None:
                    current[1] = base + m.end()
                    continue
                if current is not None:
                    out.append(EntitySpan(current[0], current[1], KIND_OF[kind]))
                    current = None
                if tag.startswith("B-"):
                    current, kind = [base + m.start(), base + m.end()], tag[2:]
            if current is not None:
                out.append(EntitySpan(current[0], current[1], KIND_OF[kind]))
        # one capitalised word is too weak a sign of a person without a dictionary (Navidad, Teruel,
        # Coordinación); a surname alone after the full name is found by coreference anyway. More than
        # MAX_PERSON_WORDS is a run of capitalised words ("… Explained Share Tweet Email Star Trek Picard")
        return [s for s in out if s.kind != "person"
                or min_person_words <= len(TOKEN_RE.findall(text[s.start : s.end])) <= MAX_PERSON_WORDS]

    return recognize


def _trimmed(tags: list[str], words: list[str], i: int, common: frozenset[str]) -> str:
    """Tag i, with the common words at the edges of a person's name left out ("Luis Hoy" -> "Luis";
    "Gobierno" alone is no person)."""
    tag = tags[i]
    if not tag.endswith("PER") or (words[i].lower() not in common and words[i][:1].isalnum()):
        return tag
    start = i
    while start > 0 and tags[start].startswith("I-"):
        start -= 1
    end = i + 1
    while end < len(tags) and tags[end] == "I-PER":
        end += 1
    kept = [k for k in range(start, end)
            if words[k][:1].isalnum() and (words[k].lower() not in common or not words[k][:1].isupper())]
    if not kept or not (kept[0] <= i <= kept[-1]):
        return "O"
    return "B-PER" if i == kept[0] else "I-PER"
