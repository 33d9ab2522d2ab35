"""`layout watch`: rebuild an issue on every save of its manifest or an article file, fonts and unchanged
stories kept set in memory; the summary (or the error) printed each time; Ctrl-C stops."""

from __future__ import annotations

import signal
import time
from dataclasses import dataclass, replace
from pathlib import Path

import click

from ..errors import LayoutError
from ..i18n import N_, _
from .options import build_options
from .translated import LayoutCommand

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


@click.command("watch", cls=LayoutCommand,
               epilog=N_("Exit codes: 0 stopped with Ctrl-C; 2 usage error. A failed rebuild prints its error and "
                         "keeps watching."),
               help=N_("Build the issue MANIFEST, then rebuild it whenever the manifest or an article file it uses "
                       "is saved."))
@build_options
@click.option("--proof", is_flag=True,
              help=N_("Keep PNG proofs (one per page, named by 版次) current in OUTDIR/proof/."))
@click.option("--dpi", default=60.0, show_default=True, type=click.FloatRange(10, 600),
              help=N_("Resolution of the proofs."))
@click.option("-q", "--quiet", is_flag=True, help=N_("One line per rebuild instead of the whole summary."))
@click.option("-v", "--verbose", is_flag=True, help=N_("Also print every story's copy-fit after each rebuild."))
def command(manifest: Path, outdir: Path | None, pages: bool, allow_overset: bool, strict: bool,
            standard: str | None, proof: bool, dpi: float, quiet: bool, verbose: bool) -> None:
    """The `layout watch` command (its help is the help= text of the decorator)."""
    from ..build import BuildOptions
    from ..memory import Memory
    options = BuildOptions(outdir=outdir, pages=pages, allow_overset=allow_overset, strict=strict,
                           standard=standard, memory=Memory())
    watch(manifest, options, WatchOptions(proof=proof, dpi=dpi, quiet=quiet, verbose=verbose))


def watch(manifest: Path, options, settings: WatchOptions) -> None:
    """Build once, then once per batch of saves of a watched file, until Ctrl-C."""
    import watchfiles
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops the watch as cleanly as Ctrl-C
    session = Session(manifest.resolve(), options, settings)
    session.rebuild()
    try:
        while True:
            files = session.files
            folders, ready = sorted({f.parent for f in files if f.parent.is_dir()}), False  # ads/ may not be there yet
            for changes in watchfiles.watch(*folders, watch_filter=_only(files), recursive=False, debounce=DEBOUNCE_MS,
                                            step=20, rust_timeout=READY_MS, yield_on_timeout=True):
                if not changes:  # the watcher is running (said once: a save from now on is seen)
                    if not ready:
                        _say(_("watching {files} file(s) in {folders} folder(s); Ctrl-C to stop").format(
                            files=len(files), folders=len(folders)))
                    ready = True
                    continue
                paths = {Path(path).resolve() for _, path in changes}
                _say(f"[{time.strftime('%H:%M:%S')}] " + _("changed: {names}").format(
                    names=", ".join(sorted({p.name for p in paths}))))
                session.saved(paths)
                if session.rebuild().files != files:  # the manifest now names other files: watch those
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


class Session:
    """A watch between rebuilds (an accumulator): the build options with their memory, the files watched
    (the manifest, what it reads, the font files the faces came from), and the page each proof shows."""

    def __init__(self, manifest: Path, options, settings: WatchOptions) -> None:
        self.manifest, self.options, self.settings = manifest, options, settings
        self.files: frozenset[Path] = frozenset({manifest})
        self.fonts: frozenset[Path] = frozenset()
        self.proofs: dict[Path, str] = {}  # proof PNG → the digest of the page it shows (qa.digest.page_looks)
        self.rendered = 0  # proofs rendered by the last rebuild

    def saved(self, paths: set[Path]) -> None:
        """Take in a batch of saved files: a font file among them gives the next rebuild fresh faces (the
        process's loaded faces and the memory's font books and set stories forgotten) and new proofs."""
        if paths & self.fonts:
            from ..fonts import load_face
            from ..memory import Memory
            load_face.cache_clear()
            if self.options.memory is not None:
                self.options = replace(self.options, memory=Memory())
            self.proofs.clear()

    def rebuild(self) -> Round:
        """One rebuild (its summary or error printed, proofs kept current with --proof); the files watched next."""
        found = rebuild(self.manifest, self.options, self.settings, self.files, self)
        self.files = found.files
        return found


def rebuild(manifest: Path, options, settings: WatchOptions, files: frozenset[Path],
            session: Session | None = None) -> Round:
    """One build with the session's memory; prints its summary or its error (never raises a LayoutError
    or OSError); returns the files to watch next (the last known set when the manifest cannot be read)."""
    from ..build import build
    from ..files import without_fsync
    from .summary import format_summary
    try:
        with without_fsync():
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
        _proof(result, settings, session if session is not None else Session(manifest, options, settings))
    fonts = font_files(result.made)
    if session is not None:
        session.fonts = fonts
    return Round(True, issue_files(manifest, result.made.issue) | fonts)


def issue_files(manifest: Path, issue) -> frozenset[Path]:
    """The manifest and every file the issue uses (resolved): articles and planned stories, photos, font
    overrides, logos and ads."""
    return frozenset(Path(f).resolve() for f in (manifest, *issue.text_files, *issue.read_files))


def font_files(made) -> frozenset[Path]:
    """The font files (resolved) of the faces the issue's styles are set in, their fallbacks included."""
    book, found = made.ctx.setter.fonts, set()
    for style in made.issue.styles:
        try:
            found |= {Path(face.source.file).resolve() for face in book.chain(style.role, style.weight)}
        except LayoutError:  # a role without a face: the build said so already
            continue
    return frozenset(found)


def _manifest_files(manifest: Path) -> frozenset[Path]:
    """The files a failed build's manifest names, if it can still be read (else just the manifest)."""
    from .. import manifest as reader
    try:
        return issue_files(manifest, reader.load_issue(manifest))
    except (LayoutError, OSError):
        return frozenset({manifest})


def _proof(result, settings: WatchOptions, session: Session) -> None:
    """Keep OUTDIR/proof/<版次>.png current: render again only the pages whose look changed since the proof
    on disk was rendered (or whose PNG is gone), and remove the proofs of pages no longer in the issue."""
    from ..qa.digest import page_looks
    from ..qa.proof import load_sidecar, open_pdf, page_names, render_page, save_png
    folder = result.issue_pdf.parent / "proof"
    try:
        looks = page_looks(result.issue_pdf)
        names = page_names(load_sidecar(result.issue_pdf), len(looks))
        wanted = {folder / f"{name}.png": f"{look}@{settings.dpi:g}" for name, look in zip(names, looks)}
        stale = [index for index, path in enumerate(wanted)
                 if session.proofs.get(path) != wanted[path] or not path.is_file()]
        if stale:
            document = open_pdf(result.issue_pdf)
            try:
                for index in stale:
                    path = list(wanted)[index]
                    session.proofs.pop(path, None)
                    save_png(render_page(document, index, settings.dpi).image, path, settings.dpi)
                    session.proofs[path] = wanted[path]
            finally:
                document.close()
        for gone in sorted(set(session.proofs) - set(wanted)):
            gone.unlink(missing_ok=True)
            del session.proofs[gone]
    except (LayoutError, OSError) as error:
        click.echo(_("error") + ": " + _("proofs not updated: {error}").format(error=error), err=True)
        return
    session.rendered = len(stale)
    click.echo("  " + _("proofs: {count} PNG at {dpi} dpi in {folder} ({rendered} rendered, {kept} unchanged)")
               .format(count=len(wanted), dpi=f"{settings.dpi:g}", folder=folder, rendered=len(stale),
                       kept=len(wanted) - len(stale)))


def _say(text: str) -> None:
    """A status line of the watch itself (stderr, so stdout carries only summaries)."""
    click.echo(text, err=True)
