"""Schema: the JSON Schema of issue.yaml, generated from the manifest model — the key tuples the readers check
and the kinds declared next to them (kinds.py) — for editors (yaml-language-server) and `layout schema`."""

from __future__ import annotations

import copy
import json

from .issue import MANIFEST_KIND

SCHEMA_ID = "https://layout.invalid/schema/issue.schema.json"  # a name, not fetched: editors take the file
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def issue_schema() -> dict:
    """The JSON Schema (draft 2020-12) of an issue manifest."""
    schema = copy.deepcopy(MANIFEST_KIND)
    return {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, "title": "layout issue.yaml", **schema}


def schema_text() -> str:
    """The schema as `layout schema` prints it: indented, sorted keys (same bytes every run), UTF-8 as is."""
    return json.dumps(issue_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
