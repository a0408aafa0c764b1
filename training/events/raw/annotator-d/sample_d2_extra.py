"""Extra 10% double-labelling sample (seed 1) of the sentences added after the first sample's snapshot
(commit a2b74b2, 1,664 sentences). Prints texts only (no labels)."""
import json, random, subprocess, sys
old = {json.loads(l)["id"] for l in subprocess.run(["git", "show", "a2b74b2:training/events/data/labels-annotator-d.jsonl"],
       capture_output=True, text=True, check=True).stdout.splitlines()}
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
new = [r for r in rows if r["id"] not in old]
sample = random.Random(1).sample(new, k=round(len(new) * 0.1))
with open(sys.argv[2], "w", encoding="utf-8") as fh:
    for r in sample:
        fh.write(json.dumps({"id": r["id"], "lang": r["lang"], "text": r["text"], "source": r["source"]}, ensure_ascii=False) + "\n")
print(len(new), "new;", len(sample), "sampled", file=sys.stderr)
for i, r in enumerate(sample):
    print(i, r["lang"], r["text"][:300].replace("\n", " "))
