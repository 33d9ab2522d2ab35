"""`layout watch` as a real process: build, edit an article, see the new PDF and summary, survive an error, stop."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "issues" / "jining"

pytestmark = pytest.mark.e2e


class Process:
    """A running `layout watch` whose stdout and stderr lines are read into one queue."""

    def __init__(self, args: list[str]) -> None:
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "layout", "watch", *args], cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        for stream in (self.proc.stdout, self.proc.stderr):
            threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream) -> None:
        for line in stream:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, start: str, timeout: float = 60.0) -> str:
        """The next line starting with `start` (fails after `timeout` s)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.proc.poll() is None, f"watch exited {self.proc.returncode}: {self.seen}"
                continue
            self.seen.append(line)
            if line.startswith(start):
                return line
        raise AssertionError(f"no line starting {start!r} within {timeout} s: {self.seen}")

    def stop(self, sig: int = signal.SIGINT) -> int:
        self.proc.send_signal(sig)
        return self.proc.wait(timeout=30)


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def sample(tmp_path) -> Path:
    folder = tmp_path / "jining"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("build", "raw"))
    return folder


def test_watch_rebuilds_on_save_reports_errors_and_stops_cleanly(sample, tmp_path):
    article = sample / "articles" / "03.txt"
    original = article.read_text(encoding="utf-8")
    pdf = sample / "build" / "jining-2023-08-22.pdf"
    watch = Process([str(sample / "issue.yaml"), "-q", "--proof"])
    try:
        first = watch.wait_for("built ")
        assert f"built {pdf}: 1 page(s)" in first
        watch.wait_for("  proofs: 1 PNG")
        watching = watch.wait_for("watching ")
        # the manifest and its 10 article files, plus the font files of the faces the styles use
        assert int(watching.split()[1]) > 11, watching
        assert (sample / "build" / "proof" / "A02.png").is_file()
        before = pdf.read_bytes()

        article.write_text(original.replace("江沛博士作为", "江沛教授作为", 1), encoding="utf-8")  # a save
        assert watch.wait_for("[").endswith("changed: 03.txt")
        watch.wait_for("built ")
        assert pdf.read_bytes() != before
        assert "江沛教授作为" in pdf_text(pdf).replace("\n", "")

        fresh = subprocess.run([sys.executable, "-m", "layout", "build", str(sample / "issue.yaml"), "-q",
                                "-o", str(tmp_path / "fresh")], cwd=ROOT, capture_output=True, text=True)
        assert fresh.returncode == 0, fresh.stderr
        assert (tmp_path / "fresh" / pdf.name).read_bytes() == pdf.read_bytes()  # memory changes no byte

        article.write_text("作者: 李振华\n" + original, encoding="utf-8")  # broken: keeps watching
        watch.wait_for("error: ")
        article.write_text(original, encoding="utf-8")
        watch.wait_for("built ")
        assert pdf.read_bytes() == before

        manifest = sample / "issue.yaml"  # a manifest edit: new styles and shapes, the PDF as a fresh build's
        manifest.write_text(manifest.read_text(encoding="utf-8").replace("headline_size: 30pt", "headline_size: 28pt",
                                                                         1), encoding="utf-8")
        assert watch.wait_for("[").endswith("changed: issue.yaml")
        watch.wait_for("built ")
        assert pdf.read_bytes() != before
        fresh = subprocess.run([sys.executable, "-m", "layout", "build", str(manifest), "-q",
                                "-o", str(tmp_path / "fresh2")], cwd=ROOT, capture_output=True, text=True)
        assert fresh.returncode == 0, fresh.stderr
        assert (tmp_path / "fresh2" / pdf.name).read_bytes() == pdf.read_bytes()
    finally:
        code = watch.stop()
    assert code == 0
    watch.wait_for("stopped watching", timeout=5)


def test_sigterm_stops_the_watch_too(sample):
    watch = Process([str(sample / "issue.yaml"), "-q"])
    watch.wait_for("watching ")
    assert watch.stop(signal.SIGTERM) == 0
    watch.wait_for("stopped watching", timeout=5)
