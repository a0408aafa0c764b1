"""Build labels-<annotator>.jsonl from the per-language label sheets of raw/<annotator>/ (annotator-d's format).

Sheet format (one file per language, <lang>.txt): '@ URL' starts an article; every other non-empty line is
'LABEL | sentence', LABEL = TYPE[+ALSO...] [mode] [status] [bg]. Status defaults to 'occurred' for events.

Skipped, and counted: sentences of a page whose URL is in the dev-pages list or whose domain and title match a
dev-pages article; sentences that occur in a dev-pages article (a republished copy under another address);
sentences already present in the training data of this worktree (other annotators, converters) or repeated.

    python3 training/events/raw/build_sheets.py '??.txt' training/events/data/labels-annotator-e.jsonl annotator-e

The labeller names the sheet folder (raw/<labeller>/), the id prefix ("ann" and the labeller's last letter:
anne-, annf-, anng-) and the files left out of the "already labelled" set (its own, and its second pass).
"""
import glob
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).parent
DATA = HERE.parent / "data"
DEV_URLS = Path("/work/briefs/dev-pages-urls.txt")
DEV_PAGES = Path("/work/shared/corpus/dev-pages")
MODES = {"meet", "visit", "host", "phone", "multilateral", "third-party"}
STATUSES = {"occurred", "planned", "agreed_to", "denied"}
TYPES = {"NONE", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def norm(text: str) -> str:
    """Compare texts without case, accents, punctuation or spacing differences."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(re.findall(r"\w+", text))


def parse_label(label: str, where: str) -> dict:
    tokens = label.split()
    if not tokens:
        sys.exit(f"{where}: empty label")
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


def dev_pages() -> tuple[set[str], set[str], list[str]]:
    """Dev-pages URLs, their domains, and the normalised text of every dev-pages article."""
    urls = {u.strip().rstrip("/") for u in DEV_URLS.read_text(encoding="utf-8").split() if u.strip()}
    domains = {urlparse(u).netloc.removeprefix("www.") for u in urls}
    texts = [norm(p.read_text(encoding="utf-8")) for p in sorted(DEV_PAGES.glob("*.txt"))]
    return urls, domains, texts


def main(sheet_glob: str, out: Path, labeller: str) -> None:
    dev_urls, dev_domains, dev_texts = dev_pages()
    seen = set()
    for f in sorted(DATA.glob("*.jsonl")):
        if f.name.startswith("pool") or f.resolve() == out.resolve() or labeller in f.name:
            continue
        for line in f.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            seen.add(json.loads(line)["text"].strip())
    rows, skipped = [], {"dev url": 0, "dev domain+title": 0, "in a dev page": 0, "duplicate": 0}
    for sheet in sorted(glob.glob(str(HERE / labeller / sheet_glob))):
        lang = Path(sheet).stem.split(".")[0]
        url, first = None, True
        for n, line in enumerate(Path(sheet).read_text(encoding="utf-8").split("\n"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("@ "):
                url, first = line[2:].strip(), True
                continue
            label, _, text = line.partition(" | ")
            text = text.strip()
            if url is None or not text:
                sys.exit(f"{sheet}:{n}: line without article URL or text")
            rec = parse_label(label, f"{sheet}:{n}")
            key = norm(text)
            is_title = first
            first = False
            if url.rstrip("/") in dev_urls:
                skipped["dev url"] += 1
                continue
            if is_title and urlparse(url).netloc.removeprefix("www.") in dev_domains and any(
                    t.startswith(key) for t in dev_texts):
                skipped["dev domain+title"] += 1
                continue
            if len(key) >= 20 and any(key in t for t in dev_texts):
                skipped["in a dev page"] += 1
                continue
            if text in seen:
                skipped["duplicate"] += 1
                continue
            seen.add(text)
            sid = f"ann{labeller[-1]}-" + hashlib.sha1(f"{url}\n{text}".encode()).hexdigest()[:12]
            rows.append({"id": sid, "lang": lang, "text": text, **rec, "source": "url:" + url,
                         "labeller": labeller, "synthetic": False})
    rows.sort(key=lambda r: r["id"])
    tmp = out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    tmp.replace(out)
    print(f"{out}: {len(rows)} sentences; skipped {skipped}")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), sys.argv[3])
