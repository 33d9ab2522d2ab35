"""The dataclass code cache gives dataclasses exactly the code it would compile, and never fails a start."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

import pytest

from layout import codecache


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """The cache module pointed at an empty folder, with empty tables (restored afterwards)."""
    monkeypatch.setattr(codecache, "FOLDER", tmp_path)
    monkeypatch.setattr(codecache, "FILE", tmp_path / "dataclass-code.bin")
    monkeypatch.setattr(codecache, "_known", {})
    monkeypatch.setattr(codecache, "_used", {})
    return codecache


def _make():
    @dataclasses.dataclass(frozen=True)
    class Slot:
        """A test class: frozen, a default and a factory."""
        column: int
        lines: int = 3
        notes: tuple = dataclasses.field(default_factory=tuple)
    return Slot


def test_the_package_installs_the_cached_exec_into_dataclasses():
    assert dataclasses.exec is codecache._exec


def test_a_class_from_cached_code_behaves_as_one_compiled_afresh(cache):
    fresh = _make()
    assert cache._used and cache.write()
    entries = cache._read()
    assert set(entries) == set(cache._used)
    cache._known.clear()
    cache._known.update(entries)
    cache._used.clear()
    cached = _make()
    for digest, code in cache._used.items():
        assert code is entries[digest]  # taken from the file, not compiled
    a, b = fresh(2), cached(2)
    assert repr(a).split(".")[-1] == repr(b).split(".")[-1] == "Slot(column=2, lines=3, notes=())"
    assert cached(2) == cached(2, 3, ()) and hash(cached(2)) == hash(cached(2, 3))
    with pytest.raises(dataclasses.FrozenInstanceError):
        b.lines = 4
    assert cached.__init__.__code__.co_code == fresh.__init__.__code__.co_code
    assert not cache.write()  # nothing new: the file is not written again


@pytest.mark.parametrize("content", [b"", b"not a cache", codecache.MAGIC + b"\x00garbage",
                                     b"layout dataclass code\n\x00\x00\r\n" + b"{}"])
def test_a_damaged_or_foreign_file_is_an_empty_cache(cache, content):
    cache.FILE.write_bytes(content)
    assert cache._read() == {}
    assert _make()(1).lines == 3


@pytest.mark.parametrize("no_bytecode", [True, False])
def test_new_methods_are_written_at_exit_only_where_python_writes_bytecode(tmp_path, no_bytecode):
    target = tmp_path / "dataclass-code.bin"
    script = (f"import dataclasses, pathlib, layout.codecache as c; c.FILE = pathlib.Path({str(target)!r}); "
              f"c.FOLDER = c.FILE.parent; dataclasses.make_dataclass('Fresh{no_bytecode}', ['a', 'b'])")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    subprocess.run([sys.executable, "-c", script], env=env, check=True)
    assert target.exists() is not no_bytecode
    if not no_bytecode:
        assert codecache.MAGIC in target.read_bytes()[:len(codecache.MAGIC)]
