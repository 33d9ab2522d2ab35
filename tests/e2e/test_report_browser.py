"""The diff report (index.html) in headless Chromium: every changed page is listed and its images load.

The report's own script sets <body data-images="loaded"> once every <img> is complete with a natural
width; `--dump-dom` after a virtual-time budget shows the DOM as the browser left it. No network.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from layout.qa.diff import DiffOptions, diff

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium (/usr/bin/chromium)")]


def make_issue(folder: Path, pages: list[str], extra_rect_on: int | None = None) -> Path:
    """A PDF of 600 × 800 pt pages with one line of text each, plus a sidecar naming them A01, A02, …."""
    folder.mkdir(parents=True)
    pdf = folder / "issue.pdf"
    doc = canvas.Canvas(str(pdf), pagesize=(600, 800), invariant=1)
    for index, text in enumerate(pages):
        doc.setFont("BrowserTiny", 10)
        doc.drawString(100, 700, text)
        if index == extra_rect_on:
            doc.rect(200, 200, 100, 40, stroke=0, fill=1)
        doc.showPage()
    doc.save()
    records = [{"index": i, "number": i + 1, "label": f"A{i + 1:02d}", "width": 600, "height": 800,
                "trim": [0, 0, 600, 800], "columns": [], "baselines": [], "ignore": [], "furniture": [],
                "articles": [{"id": "story", "slot": [50, 50, 550, 750], "columns": [], "lines": [],
                              "overset": None}]} for i in range(len(pages))]
    (folder / "issue.layout.json").write_text(json.dumps(
        {"format": "layout-sidecar/1", "issue": "issue", "pdf": "issue.pdf", "pages": records}), encoding="utf-8")
    return pdf


def dump_dom(html: Path, profile: Path) -> str:
    """The DOM of `html` after Chromium has loaded it and run its scripts."""
    command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=10000",
               "--dump-dom", html.resolve().as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_changed_pages_are_listed_and_their_images_load(tmp_path, tiny_font_path):
    pdfmetrics.registerFont(TTFont("BrowserTiny", str(tiny_font_path)))
    old = make_issue(tmp_path / "old", ["一二三", "四五六", "七八九"])
    new = make_issue(tmp_path / "new", ["一二三", "四五十六", "七八九"], extra_rect_on=2)
    result = diff(old, new, tmp_path / "report", DiffOptions())
    changed = [p.key for p in result.pages if p.changed]
    assert changed == ["A02", "A03"]

    dom = dump_dom(tmp_path / "report" / "index.html", tmp_path / "profile")
    body = re.search(r"<body[^>]*>", dom).group(0)
    assert 'data-images="loaded"' in body
    assert f'data-image-count="{3 * len(changed)}"' in body
    for key in changed:
        assert re.search(rf'<tr data-page="{key}" data-status="changed">', dom)
        assert re.search(rf'<section id="page-{key}" class="page" data-page="{key}"', dom)
        assert f'src="pages/{key}-overlay.png"' in dom
    assert re.search(r'<tr data-page="A01" data-status="(identical|unchanged)">', dom)
    assert "<section id=\"page-A01\"" not in dom
