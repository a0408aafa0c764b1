#!/bin/bash
# usage: chk.sh URL... -> USED if the page was used by any annotator (raw sheets or data sources) or is a dev page
# (annotator-g wrote it leaving out its own sheets; annotators h-k found that it then missed g's pages: no longer)
cd /work/main/training/events
python3 - "$@" <<'PY'
import sys,glob,json
used=set(u.strip().rstrip('/') for u in open('/work/briefs/dev-pages-urls.txt') if u.strip())
for sh in glob.glob('raw/annotator-*/*.txt'):
    for l in open(sh):
        if l.startswith('@ '): used.add(l[2:].strip().rstrip('/'))
for f in glob.glob('data/*.jsonl'):
    for l in open(f):
        if l.strip():
            s=json.loads(l).get('source','')
            if s.startswith('url:'): used.add(s[4:].rstrip('/'))
for u in sys.argv[1:]:
    print(('USED ' if u.rstrip('/') in used else 'ok   ')+u)
PY
