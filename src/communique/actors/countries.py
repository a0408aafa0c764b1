"""Countries: canonical English names by ISO code (CLDR, with the KB's own spellings) and the demonym data.

Apart from the gazetteer so that the knowledge base can name a role's country without importing the
gazetteer (which imports the knowledge base).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import yaml

from communique.langdata import data_path

# CLDR territory codes that are not countries (unions, zones, unknown, outlying and reserved codes).
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "DG", "EA", "IC", "TA", "CQ"})


@cache
def demonym_data() -> dict[str, Any]:
    node = data_path("kb", "demonyms.yaml")
    if not node.is_file():
        return {}
    loaded = yaml.safe_load(node.read_text(encoding="utf-8")) or {}
    return loaded if isinstance(loaded, dict) else {}


@cache
def country_names() -> dict[str, str]:
    """Code -> canonical English short name ("RU" -> "Russia")."""
    import babel  # lazy: CLDR data (0.1 s), only when country names are first needed

    out: dict[str, str] = {}
    for code, name in babel.Locale.parse("en").territories.items():
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
            out[code] = re.sub(r"\s*\(.*\)$", "", name)
    out.update(demonym_data().get("canonical", {}) or {})
    return out
