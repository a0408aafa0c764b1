#!/usr/bin/env python3
"""Rebuild the generated knowledge base from data-sources/kb/ (same as `communique kb build`)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique.actors.kbbuild import build, default_output  # noqa: E402
from communique.actors.kbgroups import GENERATED_ORGS_NAME, build_groups  # noqa: E402
from communique.actors.placesbuild import build_next_to  # noqa: E402


def main() -> int:
    sources, persons_file = ROOT / "data-sources" / "kb", default_output()
    report = build(sources, persons_file)
    groups = build_groups(sources, persons_file, persons_file.with_name(GENERATED_ORGS_NAME))
    for line in [*report.lines(), *groups.lines()]:
        print(line)
    places, document = build_next_to(default_output())
    print(f"places: {len(document['entities'])} cities from CLDR -> {places}")
    return 1 if report.problems or groups.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
