"""Learns a language's proper-noun ending rules ("Tuska" -> "Tusk", "Dudą" -> "Duda") from simplemma's tables.

    python -m training.names.endings pl          (writes src/communique/lang/pl/name-endings.tsv, prints scores)

simplemma's full dictionary of a language costs hundreds of MB of memory and seconds to load (Polish: ~400 MB,
3.7 million forms), and the actors stage only needs it to put person names in their dictionary form. This
script keeps what that use needs: from every (form, lemma) pair whose lemma is a capitalised word, the rule
"strip n letters, add s" that turns the form into its lemma, indexed by the form's last letters, and the
dictionary forms those rules would change ("Anna", "Andrzej"), kept whole. At run time a whole word, else the
longest known ending decides (`communique.actors.ner.persons.lemmatized`).

Learning: pairs are split by a hash of the lemma (held-out: 10%, never used to build the table). For each
ending of 1..MAX_ENDING letters, the most frequent rule among the training pairs with that ending is kept when
it covers at least MIN_SHARE of them and MIN_COUNT pairs; an ending whose rule is its parent's (one letter
shorter) is dropped as redundant. Reported: held-out accuracy (the exact lemma), the identity baseline (leave
every word as it is), and the table's size. Deterministic: sorted pairs, sorted output.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

from communique.actors.ner.persons import lemma_by_endings

MAX_ENDING = 7
MIN_COUNT = 5
MIN_SHARE = 0.5
HELD_OUT_PERCENT = 10
ROOT = Path(__file__).resolve().parents[2]
Rule = tuple[int, str]  # letters to strip, letters to add


def name_pairs(lang: str) -> list[tuple[str, str]]:
    """(form, lemma) pairs of simplemma's `lang` table where both are capitalised words (names, places)."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory  # lazy: training only

    table = DefaultDictionaryFactory().get_dictionary(lang)
    pairs = []
    for form, lemma in table.items():
        lemma = lemma.decode() if isinstance(lemma, bytes) else str(lemma)
        if _name_word(form) and _name_word(lemma):
            pairs.append((form, lemma))
    return sorted(set(pairs))


def _name_word(word: str) -> bool:
    """A capitalised word of letters with a lower-case rest ("Tuska"; not "ABB", "ABB-ach", "McCain")."""
    return len(word) >= 2 and word.isalpha() and word[0].isupper() and word[1:].islower()


def rule_of(form: str, lemma: str) -> Rule:
    same = 0
    while same < min(len(form), len(lemma)) and form[same] == lemma[same]:
        same += 1
    return len(form) - same, lemma[same:]


def held_out(lemma: str) -> bool:
    return int(hashlib.sha1(lemma.encode()).hexdigest()[:8], 16) % 100 < HELD_OUT_PERCENT


def learn(pairs: list[tuple[str, str]]) -> dict[str, Rule]:
    counts: dict[str, Counter[Rule]] = defaultdict(Counter)
    for form, lemma in pairs:
        rule = rule_of(form.lower(), lemma.lower())
        for k in range(1, MAX_ENDING + 1):
            if len(form) > k:
                counts[form[-k:].lower()][rule] += 1
    table: dict[str, Rule] = {}
    for ending in sorted(counts, key=lambda e: (len(e), e)):
        total = sum(counts[ending].values())
        rule, n = max(sorted(counts[ending].items()), key=lambda kv: kv[1])
        if n >= MIN_COUNT and n / total >= MIN_SHARE and _parent_rule(table, ending) != rule:
            table[ending] = rule
    return table


def keep_words(table: dict[str, Rule], pairs: list[tuple[str, str]]) -> dict[str, Rule]:
    """Dictionary forms the ending rules would change ("Anna", "Andrzej"): kept as they are, as whole-word
    entries ("^anna"). Only from the training pairs."""
    lemmas = sorted({lemma for _, lemma in pairs})
    return {"^" + lemma.lower(): (0, "") for lemma in lemmas if apply(table, lemma) != lemma}


def _parent_rule(table: dict[str, Rule], ending: str) -> Rule:
    for k in range(len(ending) - 1, 0, -1):
        if ending[-k:] in table:
            return table[ending[-k:]]
    return (0, "")


def apply(table: dict[str, Rule], word: str) -> str:
    """The run-time lookup itself (communique.actors.ner.persons), so that the scores are those of the tool."""
    return lemma_by_endings(word, table)


def write(table: dict[str, Rule], path: Path, lang: str, n_train: int) -> None:
    lines = [f"# {lang}: proper-noun ending rules (ending, letters to strip, letters to add), learned by",
             f"# training/names/endings.py from simplemma's {lang} table ({n_train} capitalised training pairs).",
             "# A whole word (^word) first, else the longest matching ending decides;",
             "# an unknown ending leaves the word as it is."]
    lines += [f"{ending}\t{strip}\t{add}" for ending, (strip, add) in sorted(table.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang")
    ap.add_argument("--out", help="default: src/communique/lang/<lang>/name-endings.tsv")
    a = ap.parse_args(argv)
    pairs = name_pairs(a.lang)
    train = [p for p in pairs if not held_out(p[1])]
    test = [p for p in pairs if held_out(p[1])]
    table = learn(train)
    table |= keep_words(table, train)
    known = sum(apply(table, f) == lemma for f, lemma in train)
    right = sum(apply(table, f) == lemma for f, lemma in test)
    same = sum(f == lemma for f, lemma in test)
    inflected = [(f, lemma) for f, lemma in test if f != lemma]
    right_inflected = sum(apply(table, f) == lemma for f, lemma in inflected)
    kept = sum(apply(table, f) == f for f, lemma in test if f == lemma)
    out = Path(a.out) if a.out else ROOT / "src" / "communique" / "lang" / a.lang / "name-endings.tsv"
    write(table, out, a.lang, len(train))
    print(f"{a.lang}: {len(pairs)} pairs ({len(train)} train, {len(test)} held-out); table {len(table)} endings, "
          f"{out.stat().st_size} bytes -> {out}")
    print(f"held-out exact lemma: {right / len(test):.3f} (identity baseline {same / len(test):.3f}); "
          f"inflected forms {right_inflected / max(1, len(inflected)):.3f} (n={len(inflected)}), "
          f"lemmas left unchanged {kept / max(1, same):.3f} (n={same}); training pairs {known / len(train):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
