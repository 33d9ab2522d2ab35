"""Planned: the manifest `layout plan` writes — the input issue.yaml with each planned page's `stories:`
replaced by ordinary `articles:` with slots and headline sizes (the 美编 edits it by hand and rebuilds).

The YAML is rewritten node by node (yaml.compose → yaml.serialize), so every other scalar keeps its text
exactly as written (no YAML 1.1 surprises such as `no` → false); comments are not kept.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import yaml

from ..errors import ManifestError
from ..i18n import _
from ..spec import ArticleSpec, ColumnRule

_STR, _INT, _MAP, _SEQ = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:map",
                          "tag:yaml.org,2002:seq")


def planned_manifest(path: Path, planned: Mapping[int, Sequence[ArticleSpec]], header: str = "",
                     rules: Mapping[int, Sequence[ColumnRule]] | None = None, dropped: frozenset[str] = frozenset()) -> str:
    """The manifest at `path` with the `stories:` of page N replaced by `planned[N]` (pinned articles first)
    and the planner's 栏线 `rules[N]` added to the page's `column_rules:`; the `continues:` entries of the
    stories in `dropped` (they may jump but did not) are left out."""
    path = Path(path)
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    pages = _value(root, "pages")
    if not isinstance(pages, yaml.SequenceNode):
        raise ManifestError(_("pages is not a list"), str(path), _("run `layout validate` on the manifest first"))
    for page in pages.value:
        _drop_continuations(page, dropped)
        number = _value(page, "number")
        if number is None or not number.value.strip().isdigit() or int(number.value) not in planned:
            continue
        _replace(page, planned[int(number.value)], path.resolve().parent, (rules or {}).get(int(number.value), ()))
    text = yaml.serialize(root, allow_unicode=True, width=110)
    return "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines()) + text


def _drop_continuations(page: yaml.Node, dropped: frozenset[str]) -> None:
    """Leave out the page's `continues:` entries of the stories that did not jump."""
    listed = _value(page, "articles")
    if not dropped or not isinstance(listed, yaml.SequenceNode):
        return
    listed.value = [n for n in listed.value
                    if not (_value(n, "continues") is not None and _value(n, "continues").value in dropped)]


def _value(node: yaml.Node, key: str) -> yaml.Node | None:
    """The value of `key` in a mapping node (None if absent or not a mapping)."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _replace(page: yaml.MappingNode, articles: Sequence[ArticleSpec], root: Path,
             rules: Sequence[ColumnRule] = ()) -> None:
    """Drop the page's `stories:`, set its `articles:` to the articles as planned and add the planner's 栏线
    to its `column_rules:` (after the editor's)."""
    asked = _value(page, "column_rules")
    listed = _value(page, "stories")
    photos = {_value(n, "id").value: _value(n, "figures") for n in (listed.value if isinstance(listed, yaml.SequenceNode)
                                                                    else ()) if _value(n, "id") is not None}
    kept = [(k, v) for k, v in page.value if k.value not in ("stories", "articles", "column_rules")]
    pinned = _value(page, "articles")
    nodes = list(pinned.value) if isinstance(pinned, yaml.SequenceNode) else []
    ids = {_value(n, "id").value for n in nodes if _value(n, "id") is not None}
    nodes += [_article(a, root, photos.get(a.id)) for a in articles if a.id not in ids]
    page.value = kept + [(_scalar("articles"), yaml.SequenceNode(_SEQ, nodes, flow_style=False))]
    drawn = list(asked.value) if isinstance(asked, yaml.SequenceNode) else []
    drawn += [_rule(r) for r in rules]
    if drawn:
        page.value.append((_scalar("column_rules"), yaml.SequenceNode(_SEQ, drawn, flow_style=False)))


def _rule(rule: ColumnRule) -> yaml.MappingNode:
    """One 栏线: {column, top, lines}."""
    return yaml.MappingNode(_MAP, [(_scalar(k), _scalar(v)) for k, v in (
        ("column", rule.column), ("top", rule.top), ("lines", rule.lines))], flow_style=True)


def _article(article: ArticleSpec, root: Path, figures: yaml.Node | None = None) -> yaml.MappingNode:
    """One planned article: id, file (relative to the issue folder), slot, headline size, and the story's
    `figures:` as the manifest wrote them."""
    slot = article.slot
    slot_node = yaml.MappingNode(_MAP, [(_scalar(k), _scalar(v)) for k, v in (
        ("column", slot.column), ("span", slot.span), ("top", slot.top), ("lines", slot.lines))], flow_style=True)
    pairs = [(_scalar("id"), _scalar(article.id)),
             (_scalar("file"), _scalar(Path(os.path.relpath(article.file, root)).as_posix())),
             (_scalar("slot"), slot_node)]
    if article.headline_size is not None:
        pairs.append((_scalar("headline_size"), _scalar(f"{article.headline_size:g}pt")))
    if not article.deck:
        pairs.append((_scalar("deck"), yaml.ScalarNode("tag:yaml.org,2002:bool", "false")))
    if article.headline_split:
        pairs.append((_scalar("headline_split"), yaml.ScalarNode("tag:yaml.org,2002:bool", "true")))
    if article.headline_break:
        pairs.append((_scalar("headline_break"), _scalar(article.headline_break)))
    if article.part == 1:  # the planner jumped it: its continuation is the later page's `continues:` entry
        pairs.append((_scalar("jump"), _scalar("auto")))
        if article.jump is not None and article.jump.headline is not None:
            pairs.append((_scalar("jump_headline"), _scalar(article.jump.headline)))
    if figures is not None:
        pairs.append((_scalar("figures"), _figures(figures, article)))
    return yaml.MappingNode(_MAP, pairs, flow_style=False)


def _figures(node: yaml.Node, article: ArticleSpec) -> yaml.Node:
    """The story's `figures:` node, with `rows:` written (instead of any `aspect:`) for each photo the planner
    made taller or shorter; the other photos' entries as the manifest wrote them."""
    if not isinstance(node, yaml.SequenceNode) or len(node.value) != len(article.figures):
        return node
    items = []
    for item, figure in zip(node.value, article.figures):
        given = _value(item, "rows")
        if figure.rows is None or given is not None or not isinstance(item, yaml.MappingNode):
            items.append(item)
            continue
        pairs = [(k, v) for k, v in item.value if k.value != "aspect"] + [(_scalar("rows"), _scalar(figure.rows))]
        items.append(yaml.MappingNode(_MAP, pairs, flow_style=item.flow_style))
    return yaml.SequenceNode(_SEQ, items, flow_style=node.flow_style)


def _scalar(value: str | int) -> yaml.ScalarNode:
    """A plain scalar node (ints as ints, text quoted only where YAML needs it)."""
    if isinstance(value, int):
        return yaml.ScalarNode(_INT, str(value))
    return yaml.ScalarNode(_STR, value, style='"' if _needs_quotes(value) else None)


def _needs_quotes(text: str) -> bool:
    """Whether a plain scalar would not read back as this text (e.g. 'no', '12', ': ')."""
    resolved = yaml.safe_load(text) if text else None
    return not isinstance(resolved, str) or resolved != text
