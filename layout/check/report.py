"""Preflight report: observations tallied per page become findings, shown as a table or as JSON."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..i18n import _
from .rules import CHECKS, ERROR, ISO_PARTS, RULES, STANDARD_LABELS, CheckOptions, citation



class Tally:
    """Counts repeated observations of one kind on one page, keeping the worst measured value."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], list] = {}

    def add(self, kind: str, detail: str = "", value: float | None = None, count: int = 1) -> None:
        """Record `count` observations of `kind` (with `detail` and a measured `value`)."""
        entry = self.items.get((kind, detail))
        if entry is None:
            self.items[(kind, detail)] = [count, value]
            return
        entry[0] += count
        worst = RULES[kind].worst
        if value is not None and entry[1] is not None and worst:
            entry[1] = min(entry[1], value) if worst == "min" else max(entry[1], value)


@dataclass(frozen=True, kw_only=True)
class Finding:
    """One problem: which check, how severe, on which page (None: the whole file), why, and the value."""

    check: str
    severity: str
    page: int | None
    message: str
    value: float | str | None = None
    cites: str = ""  # what it breaks (also at the end of the message): ISO 15930 edition; ISO 32000-1 clause

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data."""
        return {"check": self.check, "severity": self.severity, "page": self.page,
                "message": self.message, "value": self.value, "cites": self.cites}


@dataclass(frozen=True, kw_only=True)
class PageReport:
    """One page's findings and the numbers measured on it (inside the printed area)."""

    number: int  # 1-based
    findings: tuple[Finding, ...]
    max_ink: float  # % total ink of the heaviest vector paint or image
    min_image_ppi: float | None
    min_line_width: float | None
    colour_spaces: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The page as JSON-ready data."""
        return {"page": self.number, "max_ink": self.max_ink, "min_image_ppi": self.min_image_ppi,
                "min_line_width": self.min_line_width, "colour_spaces": list(self.colour_spaces),
                "findings": [f.to_dict() for f in self.findings]}


@dataclass(frozen=True, kw_only=True)
class PreflightReport:
    """The preflight of one file: document-level findings (page None) and one PageReport per page."""

    path: Path
    standard: str
    standard_from: str  # "option", "file" (GTS_PDFXVersion) or "default"
    declared_version: str  # GTS_PDFXVersion from the Info dictionary ('' if none)
    options: CheckOptions
    document: tuple[Finding, ...]
    pages: tuple[PageReport, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding: the document's, then each page's."""
        return self.document + tuple(f for page in self.pages for f in page.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that fail the file."""
        return tuple(f for f in self.findings if f.severity == ERROR)

    @property
    def passed(self) -> bool:
        """True when no check failed (warnings allowed)."""
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: per file, per page, a list of findings."""
        return {"file": str(self.path), "standard": self.standard, "standard_from": self.standard_from,
                "declared_version": self.declared_version, "ink_limit": self.options.ink_limit,
                "passed": self.passed, "errors": len(self.errors),
                "warnings": len(self.findings) - len(self.errors),
                "document": [f.to_dict() for f in self.document],
                "pages": [page.to_dict() for page in self.pages]}

    def to_json(self) -> str:
        """The report as a JSON document (stable key order)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def as_table(self) -> str:
        """A readable table: one row per check (PASS) or per finding (FAIL/WARN), page and reason."""
        return _table(self)


def findings_of(tally: Tally, page: int | None, standard: str, options: CheckOptions,
                parts: tuple[str, ...] = ()) -> tuple[Finding, ...]:
    """Turn a tally into findings with messages in the active language, dropping what `standard` allows; each
    names what it breaks (`citation`: the ISO 15930 `parts`, by default all of `standard`'s); in check order."""
    order = {name: index for index, name in enumerate(CHECKS)}
    out = []
    for (kind, detail), (count, value) in tally.items.items():
        rule = RULES[kind]
        severity = rule.severity(standard)
        if severity is None:
            continue
        limit = getattr(options, rule.limit) if rule.limit else 0
        message = _(rule.text).format(detail=detail, value=value if value is not None else 0, count=count,
                                      limit=limit)
        cited = citation(kind, parts or ISO_PARTS[standard])
        if cited:  # the rule broken, named in the message
            message += f" ({cited})"
        out.append(Finding(check=rule.check, severity=severity, page=page, message=message,
                           value=value if value is not None else detail or None, cites=cited))
    return tuple(sorted(out, key=lambda f: (order[f.check], f.severity != ERROR, f.message)))


def _table(report: PreflightReport) -> str:
    """The readable report: a header, a row per passed check or per distinct finding, the verdict."""
    o = report.options
    origin = {"option": _("from --standard"),
              "file": _("declared {version}").format(version=report.declared_version),
              "default": _("default: the file declares no PDF/X version")}[report.standard_from]
    lines = [_("{path}: {standard} ({origin}), ink limit {limit} %, {pages} page(s)").format(
                 path=report.path, standard=STANDARD_LABELS[report.standard], origin=origin,
                 limit=f"{o.ink_limit:g}", pages=len(report.pages)),
             "  " + "  ".join((_pad(_("RESULT"), 6), _pad(_("CHECK"), 16), _pad(_("PAGES"), 8), _("REASON")))]
    passed = _pad(_("PASS"), 6)  # (outside the f-strings: Babel does not read inside them)
    rows: dict[str, dict[tuple[str, str], list[int | None]]] = {}
    for f in report.findings:  # the same finding on several pages becomes one row
        rows.setdefault(f.check, {}).setdefault((f.severity, f.message), []).append(f.page)
    for check, passed_text in CHECKS.items():
        if check not in rows:
            lines.append(f"  {passed}  {check:<16}  {'-':<8}  {_(passed_text).format(**vars(o))}")
        for (severity, message), pages in rows.get(check, {}).items():
            result = _("FAIL") if severity == ERROR else _("WARN")
            lines.append(f"  {_pad(result, 6)}  {check:<16}  {_page_ranges(pages):<8}  {message}")
    errors, warnings = len(report.errors), len(report.findings) - len(report.errors)
    verdict = _("PASSED") if report.passed else _("FAILED")
    lines.append("  " + _("{verdict}: {errors} error(s), {warnings} warning(s)").format(
        verdict=verdict, errors=errors, warnings=warnings))
    return "\n".join(lines)


def _pad(text: str, columns: int) -> str:
    """`text` padded with spaces to `columns` terminal columns (a CJK character takes two)."""
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(columns - width, 0)


def _page_ranges(pages: list[int | None]) -> str:
    """Page numbers as ranges, like '1-3,7'; '-' for the whole document."""
    numbers = sorted(p for p in pages if p is not None)
    if not numbers:
        return "-"
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
