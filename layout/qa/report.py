"""QA report stage: write a diff's facts as report.json and as a self-contained index.html.

The HTML has no network references and no external CSS or JS: images are relative files in pages/
next to it. When every image has loaded, its script sets `data-images="loaded"` on <body> (or
`broken: …` with the failing sources), which the browser test reads.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from .model import DiffResult, PageDiff, TextChange
from ..files import write_text_atomic

REPORT_FORMAT = "layout-diff/1"
STATUSES = ("identical", "unchanged", "changed", "added", "removed")
CHANGE_KINDS = ("insert", "delete", "change", "move")
SHOWN_TEXT = 120  # characters of a change shown in the HTML (report.json has all of it)

CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:0 1.5em 3em;color:#222}
h1{font-size:1.4em}h2{font-size:1.2em;border-top:2px solid #ccc;padding-top:.8em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;
vertical-align:top}th{background:#f3f3f3}.changed,.added,.removed{color:#b00;font-weight:bold}
.identical,.unchanged{color:#070}.ins{background:#def}.del{background:#fdd;text-decoration:line-through}
.sbs{display:flex;gap:8px}.sbs figure{flex:1;margin:0}img{max-width:100%;border:1px solid #999}
figcaption{font-size:.9em;color:#555}.legend span{padding:0 .4em}code{font-size:.92em}
.pt{white-space:nowrap;font-family:monospace}.moved{background:#f4f0ff}
"""

LEGEND = ('<p class="legend"><span style="color:#d00">■ old only</span><span style="color:#00d">■ new only</span>'
          '<span>■ both</span><span style="color:#f80">□ changed region</span></p>')

SCRIPT = """
window.addEventListener('load', function () {
  var imgs = Array.prototype.slice.call(document.images);
  var bad = imgs.filter(function (i) { return !(i.complete && i.naturalWidth > 0); });
  document.body.setAttribute('data-image-count', String(imgs.length));
  document.body.setAttribute('data-images', bad.length ? 'broken: ' +
    bad.map(function (i) { return i.getAttribute('src'); }).join(' ') : 'loaded');
});
"""


def _box(box) -> list[float] | None:
    """A box as a JSON list of pt rounded to 0.01 (None stays None)."""
    return None if box is None else [round(float(v), 2) for v in box]


def change_facts(change: TextChange) -> dict:
    """One text change as JSON."""
    facts = {"kind": change.kind, "article": change.article, "old": change.old_text, "new": change.new_text,
             "old_box": _box(change.old_box), "new_box": _box(change.new_box)}
    if change.shift is not None:
        facts["shift"] = [round(change.shift[0], 2), round(change.shift[1], 2)]
    return facts


def article_summary(page: PageDiff) -> dict[str, dict[str, int]]:
    """Per article id ('' = outside every slot): counts of text changes by kind and of raster regions."""
    summary: dict[str, dict[str, int]] = {}

    def entry(article: str) -> dict[str, int]:
        return summary.setdefault(article, {**{kind: 0 for kind in CHANGE_KINDS}, "regions": 0})

    for change in page.text:
        entry(change.article)[change.kind] += 1
    for region in page.regions:
        for article in region.articles or ("",):
            entry(article)["regions"] += 1
    return summary


def page_facts(page: PageDiff) -> dict:
    """One page of the diff as JSON."""
    images = page.images
    return {
        "key": page.key, "status": page.status, "old_index": page.old_index, "new_index": page.new_index,
        "changed_pixels": page.changed_pixels, "articles": article_summary(page),
        "text": [change_facts(c) for c in page.text],
        "regions": [{"box": _box(r.box), "pixels": r.pixels, "articles": list(r.articles)} for r in page.regions],
        "masks": [_box(m) for m in page.masks],
        "images": None if images is None else {"old": images.old, "new": images.new, "overlay": images.overlay,
                                               "width": images.width, "height": images.height},
    }


def diff_facts(result: DiffResult) -> dict:
    """The whole diff as JSON: inputs, options, a summary and every page."""
    options = result.options
    return {
        "format": REPORT_FORMAT, "old": str(result.old), "new": str(result.new),
        "changed": result.changed, "exit_code": 1 if result.changed else 0,
        "options": {"dpi": options.dpi, "move_threshold": options.move_threshold, "tolerance": options.tolerance,
                    "masks": [_box(m.box) if m.box else m.kind for m in options.masks]},
        "summary": {status: sum(p.status == status for p in result.pages) for status in STATUSES},
        "pages": [page_facts(p) for p in result.pages],
    }


def _anchor(key: str) -> str:
    """The HTML id of a page's section."""
    return "page-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in key)


def _article(article: str) -> str:
    """An article id for display ('' is text outside every slot)."""
    return escape(article or "(page)")


def _pt(box) -> str:
    """A pt box for display."""
    return "—" if box is None else " ".join(f"{v:g}" for v in box)


def _short(text: str) -> str:
    """Text cut to SHOWN_TEXT characters for the HTML."""
    return escape(text if len(text) <= SHOWN_TEXT else text[:SHOWN_TEXT] + "…")


def _table(headers: tuple[str, ...], rows: list[str], attrs: str = "") -> str:
    """An HTML table from a header row and already rendered rows."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    return f"<table{attrs}><tr>{head}</tr>{''.join(rows)}</table>"


def _page_row(page: dict) -> str:
    """One row of the page list."""
    key = escape(page["key"])
    link = f'<a href="#{_anchor(page["key"])}">{key}</a>' if page["images"] else key
    articles = ", ".join(_article(a) for a in page["articles"])
    return (f'<tr data-page="{key}" data-status="{page["status"]}"><td>{link}</td>'
            f'<td class="{page["status"]}">{page["status"]}</td><td>{len(page["text"])}</td>'
            f'<td>{len(page["regions"])}</td><td>{page["changed_pixels"]}</td><td>{articles}</td></tr>')


def _change_row(change: dict) -> str:
    """One row of a page's list of text changes."""
    shift = " ".join(f"{v:+g}" for v in change["shift"]) if "shift" in change else ""
    return (f'<tr data-kind="{change["kind"]}"><td>{change["kind"]}</td><td>{_article(change["article"])}</td>'
            f'<td class="{"moved" if shift else "del"}">{_short(change["old"])}</td>'
            f'<td class="{"moved" if shift else "ins"}">{_short(change["new"])}</td>'
            f'<td class="pt">{_pt(change["old_box"])}</td><td class="pt">{_pt(change["new_box"])}</td>'
            f'<td class="pt">{shift}</td></tr>')


def _figure(src: str | None, caption: str, width: int) -> str:
    """An image with its caption ('' when there is no image)."""
    if not src:
        return ""
    return (f'<figure><img src="{escape(src)}" alt="{escape(caption)}" width="{width}" loading="eager">'
            f'<figcaption>{escape(caption)}</figcaption></figure>')


def _page_tables(page: dict) -> str:
    """A changed page's per-article counts, text changes and changed regions."""
    counts = [f"<tr><td>{_article(a)}</td>" + "".join(f"<td>{n}</td>" for n in c.values()) + "</tr>"
              for a, c in page["articles"].items()]
    html = _table(("article", *CHANGE_KINDS, "regions"), counts)
    if page["text"]:
        html += "<h3>Text</h3>" + _table(("kind", "article", "old", "new", "old box (pt)", "new box (pt)",
                                           "shift (pt)"), [_change_row(c) for c in page["text"]])
    if page["regions"]:
        rows = [f'<tr><td class="pt">{_pt(r["box"])}</td><td>{r["pixels"]}</td>'
                f'<td>{", ".join(_article(a) for a in r["articles"] or [""])}</td></tr>' for r in page["regions"]]
        html += "<h3>Changed regions</h3>" + _table(("box (pt: x0 y0 x1 y1)", "pixels", "articles"), rows)
    return html


def _page_views(page: dict) -> str:
    """A changed page's side-by-side view (old | new) and overlay view."""
    images, key = page["images"], page["key"]
    half = max(1, images["width"] // 2)
    html = ('<h3>Side by side</h3><div class="sbs">' + _figure(images["old"], f"{key} old", half)
            + _figure(images["new"], f"{key} new", half) + "</div>")
    if images["overlay"]:
        html += ("<h3>Overlay</h3>" + LEGEND + _figure(images["overlay"], f"{key} overlay", images["width"]))
    return html


def _page_section(page: dict) -> str:
    """A changed, added or removed page: its tables and its views."""
    key = escape(page["key"])
    return (f'<section id="{_anchor(page["key"])}" class="page" data-page="{key}" data-status="{page["status"]}">'
            f'<h2>{key} <span class="{page["status"]}">{page["status"]}</span></h2>'
            f"{_page_tables(page)}{_page_views(page)}</section>")


def _header(facts: dict) -> str:
    """Title, inputs, page counts and the options used."""
    options = facts["options"]
    summary = ", ".join(f"{n} {status}" for status, n in facts["summary"].items() if n)
    verdict = "changes found" if facts["changed"] else "no visible change"
    masks = ", ".join(str(m) for m in options["masks"]) or "none"
    return (f'<h1>layout diff: <span class="{"changed" if facts["changed"] else "identical"}">{verdict}</span></h1>'
            f'<p>old <code>{escape(facts["old"])}</code><br>new <code>{escape(facts["new"])}</code><br>'
            f'{escape(summary)} · {options["dpi"]:g} dpi · move threshold {options["move_threshold"]:g} pt · '
            f'tolerance {options["tolerance"]}/255 · masks: {escape(masks)}</p>')


def render_html(facts: dict) -> str:
    """The self-contained HTML report of `facts`."""
    verdict = "changes found" if facts["changed"] else "no visible change"
    pages = _table(("page", "status", "text changes", "regions", "changed pixels", "articles"),
                   [_page_row(p) for p in facts["pages"]], ' id="pages"')
    sections = "".join(_page_section(p) for p in facts["pages"] if p["images"])
    return ('<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8">'
            f'<title>layout diff: {verdict}</title><style>{CSS}</style></head>'
            f'<body data-changed="{str(facts["changed"]).lower()}" data-images="pending">'
            f'{_header(facts)}<h2>Pages</h2>{pages}{sections}<script>{SCRIPT}</script></body></html>\n')


def write_report(result: DiffResult, outdir: Path) -> Path:
    """Write OUTDIR/report.json and OUTDIR/index.html; return the HTML path."""
    facts = diff_facts(result)
    outdir.mkdir(parents=True, exist_ok=True)
    write_text_atomic(outdir / "report.json", json.dumps(facts, ensure_ascii=False, indent=1) + "\n")
    return write_text_atomic(outdir / "index.html", render_html(facts))
