"""Extra 10% double-labelling sample (seed 1) of the sentences added after a snapshot commit
(default a2b74b2, 1,664 sentences; second extra sample: 775f674, 2,160 sentences). Prints texts only.
Usage: sample_d2_extra.py current.jsonl out.jsonl [snapshot_commit]"""
import json, random, subprocess, sys
old = {json.loads(l)["id"] for l in subprocess.run(["git", "show", (sys.argv[3] if len(sys.argv) > 3 else "a2b74b2") + ":training/events/data/labels-annotator-d.jsonl"],
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
