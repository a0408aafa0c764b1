"""Copy the -002/-007/-012/-017/-022 documents (text and DCT only, no labels) into a blank working file."""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
LANGS = ["ru", "de", "id", "vi", "zh", "ar", "fa", "ja", "uk", "fr", "es", "tr", "ko", "hi",
         "it", "nl", "pl", "bg", "el", "he", "ms"]  # the last seven: seventeenth session (15-17 documents each)
SHORT_SETS = {"it", "nl", "pl", "bg", "el", "he", "ms"}
SUFFIXES = ("-002", "-007", "-012", "-017", "-022")
SHORT_SUFFIXES = ("-002", "-007", "-012", "-015")  # five documents would be a third of a short set: four
KEEP = ("doc_id", "lang", "source", "licence", "dct", "dct_evidence", "text")

for lang in LANGS:
    out = []
    for line in (HERE / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["doc_id"].endswith(SHORT_SUFFIXES if lang in SHORT_SETS else SUFFIXES):
            blank = {k: record[k] for k in KEEP if k in record}
            blank["timex"] = []
            out.append(blank)
    (HERE / "second_work" / f"{lang}.blank.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    print(lang, len(out))
