"""Hostile (issue 16, must-have 8): two `layout build`s of the same issue into the same folder at once both
succeed and leave one complete, valid set — all of it the bytes of one of them run alone (revision 1 and
revision 2 differ in every PDF, so a mix of the two sets would show), no staging folder left over.

The two builds run in forked processes that meet at a barrier right before they put their files in place,
and every rename is slowed down, so their commits do overlap: without the folder's lock the two sets mix."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

from click.testing import CliRunner

from layout.cli import main
from worlds import write_issue


def args(manifest: Path, out: Path, revision: int) -> list[str]:
    return ["build", str(manifest), "--pages", "-o", str(out), "-q", "--revision", str(revision)]


def outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def _build_at_the_barrier(manifest: str, out: str, revision: int, barrier, codes) -> None:
    """A forked build whose commit waits for the other build's, then renames slowly."""
    import layout.files as files
    real_commit, real_replace = files.OutputSet.commit, os.replace

    def commit(self):
        barrier.wait(60)
        return real_commit(self)

    def slow_replace(src, dst):
        time.sleep(0.02)
        return real_replace(src, dst)

    files.OutputSet.commit = commit
    files.os.replace = slow_replace
    result = CliRunner().invoke(main, args(Path(manifest), Path(out), revision))
    codes[revision - 1] = result.exit_code if "Traceback" not in result.output else -1


def test_two_builds_into_one_folder_at_once_leave_one_complete_valid_set(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    alone = []
    for revision in (1, 2):
        assert CliRunner().invoke(main, args(manifest, tmp_path / f"alone-{revision}", revision)).exit_code == 0
        alone.append(outputs(tmp_path / f"alone-{revision}"))
    assert {"tiny.pdf", "tiny.layout.json", "A03.pdf"} <= set(alone[0]) and set(alone[0]) == set(alone[1])
    assert all(alone[0][name] != alone[1][name] for name in alone[0] if name.endswith(".pdf"))
    shared = tmp_path / "shared"
    ctx = multiprocessing.get_context("fork")
    for _ in range(2):
        barrier, codes = ctx.Barrier(2), ctx.Array("i", [99, 99])
        procs = [ctx.Process(target=_build_at_the_barrier, args=(str(manifest), str(shared), r, barrier, codes))
                 for r in (1, 2)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(300)
        assert list(codes) == [0, 0]
        assert outputs(shared) in alone  # one whole set, never a mix
        assert not [p for p in shared.iterdir() if p.name.startswith(".staging") or p.name.endswith(".tmp")]
    checked = CliRunner().invoke(main, ["check", str(shared / "tiny.pdf")])
    assert checked.exit_code == 0, checked.output
