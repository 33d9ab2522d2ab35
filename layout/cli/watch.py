"""`layout watch`: rebuild an issue on every save of its manifest or an article file, fonts and unchanged
stories kept set in memory; the summary (or the error) printed each time; Ctrl-C stops."""

from __future__ import annotations

import signal
import time
from dataclasses import dataclass
from pathlib import Path

import click

from ..errors import LayoutError
from ..i18n import _
from .options import build_options

DEBOUNCE_MS = 200  # an editor's save (write, rename, touch) is one rebuild
READY_MS = 100  # the watcher wakes this often without a change (to say it is ready)


@dataclass(frozen=True, kw_only=True)
class WatchOptions:
    """What `layout watch` was asked for beyond the build's options."""

    proof: bool = False  # keep PNG proofs current in OUTDIR/proof/
    dpi: float = 60.0
    quiet: bool = False  # one line per rebuild instead of the full summary
    verbose: bool = False


@dataclass(frozen=True)
class Round:
    """One rebuild: whether it succeeded, and the files the next one depends on."""

    ok: bool
    files: frozenset[Path]


@click.command("watch", epilog="Exit codes: 0 stopped with Ctrl-C; 2 usage error. A failed rebuild prints "
                               "its error and keeps watching.")
@build_options
@click.option("--proof", is_flag=True, help="Keep PNG proofs (one per page, named by 版次) current in OUTDIR/proof/.")
@click.option("--dpi", default=60.0, show_default=True, type=click.FloatRange(10, 600),
              help="Resolution of the proofs.")
@click.option("-q", "--quiet", is_flag=True, help="One line per rebuild instead of the whole summary.")
@click.option("-v", "--verbose", is_flag=True, help="Also print every story's copy-fit after each rebuild.")
def command(manifest: Path, outdir: Path | None, pages: bool, allow_overset: bool, strict: bool,
            standard: str | None, proof: bool, dpi: float, quiet: bool, verbose: bool) -> None:
    """Build the issue MANIFEST, then rebuild it whenever the manifest or an article file it uses is saved."""
    from ..build import BuildOptions
    from ..memory import Memory
    options = BuildOptions(outdir=outdir, pages=pages, allow_overset=allow_overset, strict=strict,
                           standard=standard, memory=Memory())
    watch(manifest, options, WatchOptions(proof=proof, dpi=dpi, quiet=quiet, verbose=verbose))


def watch(manifest: Path, options, settings: WatchOptions) -> None:
    """Build once, then once per batch of saves of a watched file, until Ctrl-C."""
    import watchfiles
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops the watch as cleanly as Ctrl-C
    manifest = manifest.resolve()
    files = rebuild(manifest, options, settings, frozenset({manifest})).files
    try:
        while True:
            folders, ready = sorted({f.parent for f in files if f.parent.is_dir()}), False  # ads/ may not be there yet
            for changes in watchfiles.watch(*folders, watch_filter=_only(files), recursive=False, debounce=DEBOUNCE_MS,
                                            step=20, rust_timeout=READY_MS, yield_on_timeout=True):
                if not changes:  # the watcher is running (said once: a save from now on is seen)
                    if not ready:
                        _say(_("watching {files} file(s) in {folders} folder(s); Ctrl-C to stop").format(
                            files=len(files), folders=len(folders)))
                    ready = True
                    continue
                names = sorted({Path(path).name for _, path in changes})
                _say(f"[{time.strftime('%H:%M:%S')}] " + _("changed: {names}").format(names=", ".join(names)))
                found = rebuild(manifest, options, settings, files).files
                if found != files:  # the manifest now names other files: watch those
                    files = found
                    break
    except KeyboardInterrupt:
        _say(_("stopped watching"))


def _interrupt(signum, frame) -> None:
    """SIGTERM handled as Ctrl-C."""
    raise KeyboardInterrupt


def _only(files: frozenset[Path]):
    """A watchfiles filter passing changes of the watched files only (the output folder is never one)."""
    names = {str(f) for f in files}
    return lambda change, path: str(Path(path).resolve()) in names


def rebuild(manifest: Path, options, settings: WatchOptions, files: frozenset[Path]) -> Round:
    """One build with the session's memory; prints its summary or its error (never raises a LayoutError
    or OSError); returns the files to watch next (the last known set when the manifest cannot be read)."""
    from ..build import build
    from .summary import format_summary
    try:
        result = build(manifest, options)
    except (LayoutError, OSError) as error:
        if isinstance(error, OSError):
            from . import os_error
            error = os_error(error, click.get_current_context())
        click.echo(_("error") + f": {error}", err=True)
        return Round(False, files | _manifest_files(manifest))
    if settings.quiet:
        s = result.summary
        click.echo(_("built {pdf}: {pages} page(s), {lines} lines, overset {overset}, warnings {warnings}, "
                     "{seconds} s").format(pdf=result.issue_pdf, pages=s.pages, lines=s.lines,
                                           overset=len(s.oversets), warnings=len(s.warnings),
                                           seconds=f"{s.seconds:.2f}"))
    else:
        click.echo(format_summary(result, verbose=settings.verbose))
    if settings.proof:
        _proof(result, settings)
    return Round(True, issue_files(manifest, result.made.issue))


def issue_files(manifest: Path, issue) -> frozenset[Path]:
    """The manifest and every file the issue uses (resolved): articles and planned stories, photos, font
    overrides, logos and ads."""
    return frozenset(Path(f).resolve() for f in (manifest, *issue.text_files, *issue.read_files))


def _manifest_files(manifest: Path) -> frozenset[Path]:
    """The files a failed build's manifest names, if it can still be read (else just the manifest)."""
    from .. import manifest as reader
    try:
        return issue_files(manifest, reader.load_issue(manifest))
    except (LayoutError, OSError):
        return frozenset({manifest})


def _proof(result, settings: WatchOptions) -> None:
    """Render the built issue's pages to OUTDIR/proof/<版次>.png."""
    from ..qa.proof import ProofOptions, Source, load_sidecar, proof_pdf
    folder = result.issue_pdf.parent / "proof"
    source = Source(pdf=result.issue_pdf, sidecar=load_sidecar(result.issue_pdf))
    try:
        written = proof_pdf(source, folder, ProofOptions(dpi=settings.dpi)).pages
    except (LayoutError, OSError) as error:
        click.echo(_("error") + ": " + _("proofs not updated: {error}").format(error=error), err=True)
        return
    click.echo("  " + _("proofs: {count} PNG at {dpi} dpi in {folder}").format(count=len(written),
                                                                              dpi=f"{settings.dpi:g}", folder=folder))


def _say(text: str) -> None:
    """A status line of the watch itself (stderr, so stdout carries only summaries)."""
    click.echo(text, err=True)
