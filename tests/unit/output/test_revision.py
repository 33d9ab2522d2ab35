"""Revisions: a corrected page set carries its VersionID and a later ModDate, the same DocumentID,
and is still byte-identical when built twice."""

from __future__ import annotations

import pikepdf
from click.testing import CliRunner

from layout.cli import main
from worlds import write_issue


def build(manifest, out, *flags) -> bytes:
    result = CliRunner().invoke(main, ["build", str(manifest), "-o", str(out), "-q", *flags])
    assert result.exit_code == 0, result.output
    return (out / "tiny.pdf").read_bytes()


def xmp(path):
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        return {k: str(meta.get(k)) for k in ("xmpMM:DocumentID", "xmpMM:InstanceID", "xmpMM:VersionID",
                                                "xmp:ModifyDate")}, str(pdf.docinfo["/ModDate"])


def test_a_revision_is_told_apart_and_stays_deterministic(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    first = build(manifest, tmp_path / "r1")
    second = build(manifest, tmp_path / "r2", "--revision", "2")
    again = build(manifest, tmp_path / "r2b", "--revision", "2")
    assert second == again and second != first
    (m1, d1), (m2, d2) = xmp(tmp_path / "r1" / "tiny.pdf"), xmp(tmp_path / "r2" / "tiny.pdf")
    assert m1["xmpMM:DocumentID"] == m2["xmpMM:DocumentID"]
    assert m1["xmpMM:InstanceID"] != m2["xmpMM:InstanceID"]
    assert (m1["xmpMM:VersionID"], m2["xmpMM:VersionID"]) == ("1", "2")
    assert d1 == "D:20240105000000Z" or d1.startswith("D:20240105000000")
    assert d2.startswith("D:20240105000100") and m2["xmp:ModifyDate"].startswith("2024-01-05T00:01:00")


def test_the_manifest_can_give_the_revision(tmp_path, tiny_font_path):
    manifest = write_issue(tmp_path, tiny_font_path)
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("  date: 2024-01-05\n", "  date: 2024-01-05\n  revision: 3\n"),
                        encoding="utf-8")
    build(manifest, tmp_path / "r3")
    assert xmp(tmp_path / "r3" / "tiny.pdf")[0]["xmpMM:VersionID"] == "3"
