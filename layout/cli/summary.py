"""Summary: the build's end-of-run report — pages, articles, lines, characters, fonts, warnings, time."""

from __future__ import annotations


def format_summary(result, verbose: bool = False) -> str:
    """Human-readable summary of a BuildResult."""
    s = result.summary
    out = [f"built {result.issue_pdf} ({s.pdf_bytes / 1024:.0f} KiB): {s.pages} page(s), "
           f"{s.articles} articles, {s.lines} lines, {s.characters} characters set in {s.seconds:.2f} s"]
    for path in result.page_pdfs:
        out.append(f"  page PDF {path}")
    out.append(f"  sidecar {result.sidecar}")
    out.append("  fonts embedded as subsets:")
    for f in s.fonts:
        out.append(f"    {f.key:<13} {f.postscript_name:<36} {f.characters:>4} characters, "
                   f"subset {f.subset_bytes / 1024:.0f} KiB")
    if s.photos:
        out.append(f"  photos: {len(s.photos)}")
        for image in s.photos:
            out.append(f"    {image.file:<36} {image.article:<16} {image.box.width / 72 * 25.4:.0f} × "
                       f"{image.box.height / 72 * 25.4:.0f} mm, {image.ppi:.0f} ppi, max TAC {image.max_tac:.1f} %")
    t = s.typesetting
    out.append(f"  typesetting: {t.lines} body lines; prohibited line starts {t.prohibited_starts}, "
               f"ends {t.prohibited_ends}; non-flush lines {t.not_flush}; overfull {t.overfull}; 孤字 {t.orphans}; "
               f"off the baseline grid {t.off_grid}")
    out.append(f"  fit: overset {len(s.oversets)}, underfull {sum(f.short_lines for f in s.underfull)} lines in "
               f"{len(s.underfull)} articles, areas in no slot {len(s.unplaced)}")
    for overset in s.oversets:
        out.append(f"  OVERSET {overset.message()}")
    for fit in s.underfull:
        out.append(f"  UNDERFULL {fit.message()}")
    for area in s.unplaced:
        out.append(f"  NO SLOT {area}")
    out.append(f"  warnings: {len(s.warnings)}" + "".join(f"\n    {w}" for w in s.warnings))
    if verbose and result.made is not None:
        from .fit import capacity_report
        out.append(capacity_report(result.made))
    return "\n".join(out)
