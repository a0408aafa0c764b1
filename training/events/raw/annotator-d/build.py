"""Build labels-annotator-d.jsonl from the compact per-language label sheets in this folder.

Sheet format (one file per language, <lang>.txt): '@ URL' starts an article; every other non-empty line is
'LABEL | sentence', LABEL = TYPE[+ALSO...] [mode] [status] [bg]. Status defaults to 'occurred' for events.
Skips sentences whose URL is in the dev-pages list and sentences already present in main's training data.
"""
import glob
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
MODES = {"meet", "visit", "host", "phone", "multilateral", "third-party"}
STATUSES = {"occurred", "planned", "agreed_to", "denied"}
TYPES = set("NONE AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
            "SANCTION MOBILIZE COERCE ASSAULT".split())


def parse_label(label: str, where: str) -> dict:
    tokens = label.split()
    types = tokens[0].split("+")
    for t in types:
        if t not in TYPES:
            sys.exit(f"{where}: unknown type {t}")
    rec = {"type": types[0], "also": types[1:], "mode": None, "status": None, "background": False}
    for tok in tokens[1:]:
        if tok in MODES:
            rec["mode"] = tok
        elif tok in STATUSES:
            rec["status"] = tok
        elif tok == "bg":
            rec["background"] = True
        else:
            sys.exit(f"{where}: unknown label token {tok}")
    if rec["type"] != "NONE" and rec["status"] is None:
        rec["status"] = "occurred"
    if rec["type"] == "CONSULT" and rec["mode"] is None:
        sys.exit(f"{where}: CONSULT without mode")
    return rec


def main(sheet_glob: str, out: Path, labeller: str) -> None:
    dev_urls = {u.strip().rstrip("/") for u in open("/work/briefs/dev-pages-urls.txt") if u.strip()}
    seen = set()
    for f in glob.glob("/work/main/training/events/data/*.jsonl"):
        for line in open(f, encoding="utf-8"):
            seen.add(json.loads(line)["text"].strip())
    rows, skipped = [], 0
    for sheet in sorted(glob.glob(str(HERE / sheet_glob))):
        lang = Path(sheet).stem.split(".")[0]
        url = None
        for n, line in enumerate(open(sheet, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("@ "):
                url = line[2:].strip()
                continue
            label, _, text = line.partition(" | ")
            text = text.strip()
            if url is None or not text:
                sys.exit(f"{sheet}:{n}: line without article URL or text")
            if url.rstrip("/") in dev_urls or text in seen:
                skipped += 1
                continue
            seen.add(text)
            rec = parse_label(label, f"{sheet}:{n}")
            sid = "annd-" + hashlib.sha1(f"{url}\n{text}".encode()).hexdigest()[:12]
            rows.append({"id": sid, "lang": lang, "text": text, **rec, "source": "url:" + url,
                         "labeller": labeller, "synthetic": False})
    with open(out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{out}: {len(rows)} sentences, {skipped} skipped (dev URL or duplicate)")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), sys.argv[3])
