"""Files: a build's outputs land together or not at all; two builds of one folder never interleave."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from layout.files import OutputSet

NAMES = ("issue.pdf", "A01.pdf", "issue.layout.json")


def write_set(outdir: Path, tag: str) -> tuple[Path, ...]:
    with OutputSet(outdir) as out:
        for name in NAMES:
            out.add(outdir / name).write_text(f"{tag} {name}", encoding="utf-8")
        return out.commit()


def contents(outdir: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(outdir.iterdir())}


def test_a_committed_set_replaces_the_previous_one_and_leaves_no_staging(tmp_path):
    write_set(tmp_path, "old")
    write_set(tmp_path, "new")
    assert contents(tmp_path) == {n: f"new {n}" for n in NAMES}


@pytest.mark.parametrize("blocked", NAMES)
def test_when_any_output_cannot_be_written_every_previous_file_is_restored(tmp_path, blocked):
    write_set(tmp_path, "old")
    target = tmp_path / blocked
    target.unlink()
    target.mkdir()  # a directory where the file should go: its rename fails
    (target / "keep").write_text("x", encoding="utf-8")
    before = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir() if p.is_file()}
    with pytest.raises(OSError):
        write_set(tmp_path, "new")
    after = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir() if p.is_file()}
    assert after == before and target.is_dir()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".staging")]


def test_a_failure_before_commit_changes_nothing(tmp_path):
    write_set(tmp_path, "old")
    with pytest.raises(RuntimeError):
        with OutputSet(tmp_path) as out:
            out.add(tmp_path / "issue.pdf").write_text("half", encoding="utf-8")
            raise RuntimeError("paint failed")
    assert contents(tmp_path) == {n: f"old {n}" for n in NAMES}


def _writer(outdir: str, tag: str) -> None:
    for _ in range(20):
        write_set(Path(outdir), tag)


def test_two_writers_of_one_folder_always_leave_one_complete_set(tmp_path):
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), tag)) for tag in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert all(p.exitcode == 0 for p in procs)
    final = contents(tmp_path)
    tags = {text.split()[0] for text in final.values()}
    assert len(tags) == 1 and set(final) == set(NAMES)


def test_write_bytes_fsyncs_each_file_but_not_inside_without_fsync(tmp_path, monkeypatch):
    """A build's outputs are made durable before they are renamed into place; the watch writes without
    fsync (files.without_fsync), and the default comes back after the block."""
    import os

    from layout import files
    synced = []
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd))
    files.write_bytes(tmp_path / "a.pdf", b"%PDF-1.3")
    with files.without_fsync():
        files.write_bytes(tmp_path / "b.pdf", b"%PDF-1.3")
    files.write_bytes(tmp_path / "c.pdf", b"%PDF-1.3")
    assert len(synced) == 2 and (tmp_path / "b.pdf").read_bytes() == b"%PDF-1.3"


def test_the_watch_rebuilds_without_fsync(tmp_path, tiny_font_path, monkeypatch):
    """layout watch's rebuild writes the issue's PDF and sidecar without an fsync per file."""
    import os

    from layout.build import BuildOptions
    from layout.cli.watch import WatchOptions, rebuild
    from worlds import write_issue
    synced = []
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd))
    manifest = write_issue(tmp_path, tiny_font_path)
    import click
    with click.Context(click.Command("watch")):
        found = rebuild(manifest, BuildOptions(outdir=tmp_path / "out"), WatchOptions(), frozenset())
    assert found.ok and synced == [] and any((tmp_path / "out").glob("*.pdf"))
