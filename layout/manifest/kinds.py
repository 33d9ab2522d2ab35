"""Kinds: what each manifest key's value reader takes, as JSON Schema fragments (the declarative side of the
readers in nodes.Value: text, integer, number, flag, choice, length, size, mapping, list) — `layout schema`
assembles them with the key tuples of issue.py, pages.py, figures.py, styles.py and fonts_yaml.py."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

Kind = dict  # a JSON Schema fragment (plain data: sorted, deterministic when dumped)
ANY: Kind = {}  # a key whose value kind is not described (accepted as the reader reads it)
LENGTH_UNITS = "a number (pt) or text with a unit: 12mm, 1.5cm, 9pt, 13Q, 2字"


def text(description: str = "") -> Kind:
    """Value.text: one scalar, read as written (YAML may type 2023 or yes; the reader takes the text)."""
    return _described({"type": ["string", "number", "boolean"]}, description)


def integer(low: int | None = None, description: str = "") -> Kind:
    """Value.integer: a whole number of ASCII digits, at least `low`."""
    kind: Kind = {"type": "integer"}
    if low is not None:
        kind["minimum"] = low
    return _described(kind, description)


def number(low: float | None = None, high: float | None = None, description: str = "") -> Kind:
    """Value.number: a plain number between `low` and `high`."""
    kind: Kind = {"type": "number"}
    if low is not None:
        kind["minimum"] = low
    if high is not None:
        kind["maximum"] = high
    return _described(kind, description)


def flag(description: str = "") -> Kind:
    """Value.flag: true or false (YAML's yes/no/on/off are booleans too)."""
    return _described({"type": "boolean"}, description)


def choice(options: Sequence[str], description: str = "") -> Kind:
    """Value.choice: one of `options`."""
    return _described({"enum": list(options)}, description)


def length(description: str = "") -> Kind:
    """Value.length: a length in pt, or text with a unit."""
    return _described({"type": ["number", "string"]}, description or LENGTH_UNITS)


def size(description: str = "") -> Kind:
    """Value.size: a type size — a number (pt), '10.5pt', '13Q' or a 号 name (五号, 小四 …)."""
    return _described({"type": ["number", "string"]}, description or "a type size: 五号, 小一, 10.5pt, 13Q or pt")


def rows(words: Sequence[str], low: int, description: str = "") -> Kind:
    """pages._rows: a number of body rows (at least `low`) or one of `words` (auto, rest)."""
    return _described({"anyOf": [{"type": "integer", "minimum": low}, {"enum": list(words)}]}, description)


def listing(item: Kind, description: str = "", min_items: int = 0, count: int | None = None) -> Kind:
    """Value.items: a list of `item`s (at least `min_items`, or exactly `count`)."""
    kind: Kind = {"type": "array", "items": item}
    if min_items or count:
        kind["minItems"] = count or min_items
    if count:
        kind["maxItems"] = count
    return _described(kind, description)


def table(value: Kind, description: str = "") -> Kind:
    """Value.mapping() without a key tuple: any names (colours, credits) → `value`."""
    return _described({"type": "object", "additionalProperties": value}, description)


def mapping(keys: Sequence[str], kinds: Mapping[str, Kind], required: Sequence[str] = (),
            description: str = "") -> Kind:
    """Value.mapping(keys, required): exactly the keys of the reader's tuple (in its order), each of the kind
    given next to the tuple (ANY when none is given), no other key."""
    kind: Kind = {"type": "object", "properties": {key: kinds.get(key, ANY) for key in keys},
                  "additionalProperties": False}
    if required:
        kind["required"] = list(required)
    return _described(kind, description)


def one_of(*kinds: Kind, description: str = "") -> Kind:
    """A value read one of several ways (format: a name or {width, height})."""
    return _described({"anyOf": list(kinds)}, description)


def _described(kind: Kind, description: str) -> Kind:
    """`kind` with its description for hover in an editor (when given)."""
    if description:
        kind["description"] = description
    return kind
