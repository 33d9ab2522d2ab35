"""Every user-facing message goes through the catalog: an `ast` scan of layout/ fails on a LayoutError (or a
subclass), a node's `.fail()`, a source's `.error()` or a `warnings.append()` / `notes.append()` whose message or hint is an
English str literal, f-string or literal concatenation not wrapped in `_()` / `N_()` / `ngettext()`."""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass
from pathlib import Path

from layout import i18n

PACKAGE = Path(i18n.__file__).resolve().parent
ROOT_ERROR = "LayoutError"
MARKERS = {"_", "N_", "ngettext"}

# TODO(i18n): files owned by the planner helper, not to be edited in this round; their messages are still
# English. Remove an entry when its file's messages are marked.
EXEMPT: set[str] = set()  # modules whose messages are not marked yet (none)


@dataclass(frozen=True)
class Finding:
    """One unmarked message: where it is and what call carries it."""

    path: str
    line: int
    call: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}"


def _name(func: ast.expr) -> str:
    """The called name: `f` for f(...) and `x.f(...)`."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _bases(tree: ast.Module) -> dict[str, set[str]]:
    """Class name → names of its bases, for every class in a module."""
    return {node.name: {_name(base) for base in node.bases} for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef)}


def error_classes(trees: dict[str, ast.Module]) -> set[str]:
    """LayoutError and every class that derives from it (by name, across all the modules)."""
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for name, names in _bases(tree).items():
            bases.setdefault(name, set()).update(names)
    found = {ROOT_ERROR}
    grown = True
    while grown:
        more = {name for name, names in bases.items() if names & found} - found
        found |= more
        grown = bool(more)
    return found


def _has_words(text: str) -> bool:
    """True when a literal holds English words (not just punctuation, a newline or a path separator)."""
    return any("a" <= c.lower() <= "z" for c in text)


def _marked(node: ast.expr) -> bool:
    """True for `_("…")`, `N_("…")`, `ngettext(…)` and `_("…").format(…)`."""
    if isinstance(node, ast.Call):
        if _name(node.func) in MARKERS and isinstance(node.func, ast.Name):
            return True
        if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            return _marked(node.func.value)
    return False


def unmarked_literal(node: ast.expr | None) -> bool:
    """True when an expression is (or contains, outside a marker) an English literal the user would see."""
    if node is None or _marked(node):
        return False
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and _has_words(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.Constant) and _has_words(part.value) for part in node.values)
    if isinstance(node, ast.BinOp):
        return unmarked_literal(node.left) or unmarked_literal(node.right)
    if isinstance(node, ast.IfExp):
        return unmarked_literal(node.body) or unmarked_literal(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return unmarked_literal(node.func.value)
    return False


def _message_args(call: ast.Call, classes: set[str]) -> list[ast.expr] | None:
    """The message and hint arguments of a user-facing call, None for any other call."""
    name = _name(call.func)
    keywords = [k.value for k in call.keywords if k.arg in ("message", "hint")]
    if name in classes:  # LayoutError(message, where, hint)
        return [*call.args[:1], *call.args[2:3], *keywords]
    if isinstance(call.func, ast.Attribute) and name == "fail":  # Value.fail(message, hint)
        return [*call.args[:2], *keywords]
    if isinstance(call.func, ast.Attribute) and name == "error" and _name(call.func.value) == "src":
        return [*call.args[:1], *call.args[2:3], *keywords]  # Source.error(message, where, hint)
    if isinstance(call.func, ast.Attribute) and name in ("append", "extend") and any(
            word in _name(call.func.value) for word in ("warning", "notes")):
        return list(call.args[:1])
    return None


def _assigned(tree: ast.Module) -> dict[str, list[ast.expr]]:
    """Local name → the values assigned to it anywhere in the module (to follow `hint = "…"` into a call)."""
    values: dict[str, list[ast.expr]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    values.setdefault(target.id, []).append(node.value)
        elif isinstance(node, ast.AnnAssign) and node.value is not None and isinstance(node.target, ast.Name):
            values.setdefault(node.target.id, []).append(node.value)
    return values


def findings(path: str, tree: ast.Module, classes: set[str]) -> list[Finding]:
    """The unmarked messages of one module."""
    assigned = _assigned(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        args = _message_args(node, classes)
        if args is None:
            continue
        for arg in args:
            followed = assigned.get(arg.id, []) if isinstance(arg, ast.Name) else [arg]
            if any(unmarked_literal(value) for value in followed):
                found.append(Finding(path, node.lineno, ast.unparse(node.func)))
                break
    return found


def parse_package(root: Path) -> dict[str, ast.Module]:
    """Every module under `root`, parsed, by path relative to it."""
    return {path.relative_to(root).as_posix(): ast.parse(path.read_text(encoding="utf-8"), str(path))
            for path in sorted(root.rglob("*.py"))}


def scan(root: Path, exempt: frozenset[str] | set[str] = frozenset()) -> list[Finding]:
    """The unmarked messages of a package."""
    trees = parse_package(root)
    classes = error_classes(trees)
    return [f for path, tree in trees.items() if path not in exempt for f in findings(path, tree, classes)]


def test_every_user_facing_message_is_marked():
    found = scan(PACKAGE, EXEMPT)
    assert [str(f) for f in found] == []


def test_the_exempt_files_still_exist_and_still_need_the_exemption():
    for path in EXEMPT:
        assert (PACKAGE / path).is_file(), path
    assert {f.path for f in scan(PACKAGE)} - EXEMPT == set()
    assert {f.path for f in scan(PACKAGE)} & EXEMPT == EXEMPT  # drop an entry once its file is marked


def test_the_guard_finds_a_planted_unmarked_message(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "errors.py").write_text("class LayoutError(Exception): ...\nclass PrintError(LayoutError): ...\n")
    (package / "more.py").write_text("from .errors import PrintError\nclass BleedError(PrintError): ...\n")
    (package / "bad.py").write_text(textwrap.dedent('''\
        from .errors import LayoutError, PrintError
        from .more import BleedError
        from .i18n import _
        def ok(n, warnings):
            raise PrintError(_("bleed {n} mm").format(n=n), "print", _("give 3mm"))
        def ok_internal(n):
            raise ValueError(f"internal {n}")
        def bad_message(n):
            raise BleedError(f"bleed {n} mm is too small", "print.bleed")
        def bad_hint():
            raise LayoutError(_("no bleed"), "print", "give 3mm")
        def bad_hint_keyword():
            raise PrintError(_("no bleed"), "print", hint="give " + "3mm")
        def bad_variable():
            hint = "give 3mm"
            raise LayoutError(_("no bleed"), "print", hint)
        def bad_warning(warnings, n):
            warnings.append(f"photo {n} has 150 ppi")
        def bad_fail(value):
            value.fail("not a length", _("write 12mm"))
        def bad_format(value):
            raise LayoutError("bleed {n}".format(n=3))
    '''))
    found = scan(package)
    assert [(f.path, f.line) for f in found] == [("bad.py", line) for line in (9, 11, 13, 16, 18, 20, 22)]
    (package / "bad.py").write_text("from .i18n import _\nfrom .errors import LayoutError\n"
                                    "raise LayoutError(_('no bleed'), 'print', _('give 3mm'))\n")
    assert scan(package) == []
