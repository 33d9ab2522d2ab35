"""`layout build --jobs N` (layout/parallel.py): pages composed in forked workers give the same PDFs and
sidecars, byte for byte, as pages composed in the build's process — cold and with a warm cache."""

import sys
from pathlib import Path

import pytest

from layout import parallel
from layout.build import BuildOptions, build

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from issues import make_issue

pytestmark = pytest.mark.skipif(not parallel.available(), reason="no fork on this platform")


def outputs(folder: Path) -> dict[str, bytes]:
    """Every PDF and sidecar written in `folder`, by name."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix in (".pdf", ".json")}


def built(manifest: Path, outdir: Path, jobs: int, cache: bool = True):
    """Build with per-page PDFs and `jobs` workers; the result and what was written."""
    result = build(manifest, BuildOptions(outdir=outdir, pages=True, jobs=jobs, cache=cache))
    return result, outputs(outdir)


@pytest.mark.parametrize("pages, distinct", [(3, True), (16, False)])
def test_two_jobs_write_the_bytes_of_one(tmp_path, pages, distinct):
    manifest = make_issue(pages, tmp_path / "issue", distinct=distinct)
    one, serial = built(manifest, tmp_path / "one", jobs=1)
    two, forked = built(manifest, tmp_path / "two", jobs=2)
    assert one.made.kept and not two.made.kept  # one job: composed here and kept in the store (layout/kept.py)
    assert two.made.prepared  # two jobs: a worker composed pages and encoded their runs
    assert serial.keys() == forked.keys() and len(serial) == 2 * (pages + 1)
    assert all(serial[name] == forked[name] for name in serial), [n for n in serial if serial[n] != forked[n]]
    _, warm = built(manifest, tmp_path / "two", jobs=2)  # the cache the workers' pages filled, read back
    assert warm == serial


def test_three_jobs_without_cache_and_a_page_each(tmp_path):
    manifest = make_issue(3, tmp_path / "issue", distinct=True)
    _, serial = built(manifest, tmp_path / "one", jobs=1, cache=False)
    _, forked = built(manifest, tmp_path / "three", jobs=3, cache=False)
    assert serial == forked


def test_jobs_are_at_most_one_a_page():
    assert parallel.jobs_for(8, 3) == 3
    assert parallel.jobs_for(2, 1) == 1
    assert parallel.jobs_for(None, 64) >= 1
