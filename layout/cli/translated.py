"""Translated: the CLI's help in the editor's language — the language picked from the command line before
click parses it, help texts (marked with N_()) translated when shown, and click's own words ("Usage:",
"Options:", "Error: No such option …") through the same catalog as layout's messages.

click binds `gettext.gettext` as `_` in its modules (the process-wide 'messages' domain, .mo files found
by the locale only); `hook_click` rebinds those names to layout's active catalog, for the words listed in
CLICK_WORDS only (everything else click says stays as click wrote it)."""

from __future__ import annotations

import copy
import gettext
import inspect
import re
import sys
import textwrap
import unicodedata

import click

from .. import i18n
from ..i18n import N_, _

# click's words shown to a user of layout, exactly as click marks them (a test checks each is in click)
CLICK_WORDS = frozenset({
    N_("Usage:"), N_("Options"), N_("Commands"), N_("Positional arguments"), N_("Aborted!"),
    N_("Show this message and exit."), N_("Show the version and exit."), N_("default: {default}"),
    N_("required"), N_("Missing command."), N_("Error: {message}"), N_("Try '{command} {option}' for help."),
    N_("Invalid value: {message}"), N_("Invalid value for {param_hint}: {message}"), N_("Missing argument"),
    N_("Missing option"), N_("Missing parameter"), N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"), N_("No such option {name!r}."), N_("No such command {name!r}."),
    N_("unknown error"), N_("Could not open file {filename!r}: {message}"),
    N_("Argument {name!r} takes {nargs} values."), N_("Option {name!r} does not take a value."),
    N_("{value!r} is not a valid {number_type}."), N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("{name} {filename!r} does not exist."), N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."), N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."), N_("{name} {filename!r} is not executable."),
    # plural messages: click's singular and plural ids, each translated (Chinese has one form)
    N_("Got unexpected extra argument ({args})"), N_("Got unexpected extra arguments ({args})"),
    N_("Did you mean {possibility}?"), N_("(Did you mean one of: {possibilities}?)"),
    N_("Option {name!r} requires an argument."), N_("Option {name!r} requires {nargs} arguments."),
    N_("{value!r} is not {choice}."), N_("{value!r} is not one of {choices}."),
})
# what click.Path calls the value it checks; translated when a message is made (see PathType)
PATH_WORDS = (N_("file"), N_("directory"), N_("path"))
# click's modules whose words are said when shown; not decorators: it makes the --help and --version help
# once, when a command is first used, and Translated shows that help translated (a process may change language)
CLICK_MODULES = ("core", "exceptions", "formatting", "parser", "types", "termui", "utils")


def click_gettext(message: str) -> str:
    """click's `_`: a word of CLICK_WORDS in the active language, anything else as click wrote it."""
    return _(message) if message in CLICK_WORDS else message


def click_ngettext(singular: str, plural: str, count: int) -> str:
    """click's `ngettext`: the form for `count`, translated as one message."""
    return click_gettext(singular if count == 1 else plural)


def hook_click() -> None:
    """Route click's `_` and `ngettext` (bound from the gettext module at its import) through layout's catalog."""
    for name in CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if getattr(module, "_", None) in (gettext.gettext, click_gettext):
            module._ = click_gettext
        if getattr(module, "ngettext", None) in (gettext.ngettext, click_ngettext):
            module.ngettext = click_ngettext


def language_of(args: list[str], environ=None) -> str:
    """The language a command line asks for: `--lang X` before the subcommand, else the locale's."""
    for index, arg in enumerate(args):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            args[index + 1] if arg == "--lang" and index + 1 < len(args) else None)
        if value in i18n.LANGUAGES:
            return value
        if not arg.startswith("-") and (index == 0 or args[index - 1] != "--lang"):
            break  # the subcommand: --lang after it is not the group's
    return i18n.from_environment() if environ is None else i18n.from_environment(environ)


def short_help(text: str, limit: int) -> str:
    """The first sentence of a translated help text (up to '。'), cut to `limit` terminal columns."""
    first = " ".join(inspect.cleandoc(text).partition("\n\n")[0].split())
    if "。" in first:
        first = first.partition("。")[0]
    if columns(first) <= limit:
        return first
    while first and columns(first) > limit - 1:
        first = first[:-1]
    return first.rstrip("，、；： ") + "…"


def _with_help(param: click.Parameter) -> click.Parameter:
    """`param` with its help in the active language (a copy; the command keeps the English)."""
    text = getattr(param, "help", None)
    if not text or _(text) == text:
        return param
    clone = copy.copy(param)
    clone.help = _(text)
    return clone


class Translated:
    """Mixin for click commands: help, epilog, short help and every option's help shown in the active
    language (the marked English texts are the message ids)."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command's help, translated."""
        text = inspect.cleandoc(_(self.help)).partition("\f")[0] if self.help else ""
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The epilog (exit codes), translated."""
        if self.epilog:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(inspect.cleandoc(_(self.epilog)))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The options with translated help (and a group's commands with translated short help)."""
        rows = [record for param in self.get_params(ctx) if not isinstance(param, click.Argument)
                for record in [_with_help(param).get_help_record(ctx)] if record is not None]
        if rows:
            with formatter.section(click_gettext("Options")):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        """The one-line help in a group's command list, translated."""
        if i18n.active() == "en" or not self.help:
            return super().get_short_help_str(limit)
        return short_help(_(self.short_help or self.help), limit)


def columns(text: str) -> int:
    """The terminal columns `text` takes: two for a wide (CJK) character, one for any other."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


NO_LINE_START = set("，。、；：？！）」』》〉”’·…—,.;:?!)]")  # stays on the line before (避头)
TOKENS = re.compile(r"[!-~]+|\s+|.")  # a run of ASCII (a word, an option, a path), a space, one character


def wrap_wide(text: str, width: int, indent: str = "") -> list[str]:
    """One paragraph broken into lines of at most `width` columns (CJK characters counted two), between
    any two CJK characters or at a space; a closing punctuation mark never starts a line (the character
    before it goes down with it)."""
    lines, line = [], []
    for token in TOKENS.findall(" ".join(text.split())):
        if token == " " and not line:
            continue
        if columns(indent + "".join(line) + token) > width and "".join(line).strip() and token != " ":
            carried = [line.pop()] if token[0] in NO_LINE_START and len(line) > 1 else []
            lines.append((indent + "".join(line)).rstrip())
            line = carried
        line.append(token)
    lines.append((indent + "".join(line)).rstrip())
    return lines


def wrap_paragraphs(text: str, width: int, indent: str = "") -> str:
    """Paragraphs (blank-line separated) wrapped by wrap_wide; one starting with click's \\b kept as written."""
    out = []
    for paragraph in re.split(r"\n\s*\n", text.strip("\n")):
        lines = paragraph.splitlines()
        if lines and lines[0].strip() == "\b":
            out.append("\n".join(indent + line for line in textwrap.dedent("\n".join(lines[1:])).splitlines()))
        else:
            out.append("\n".join(wrap_wide(paragraph, width, indent)))
    return "\n\n".join(out)


class WideFormatter(click.HelpFormatter):
    """click's help formatter measuring text in terminal columns, so Chinese help wraps at the width."""

    def write_text(self, text: str) -> None:
        """Rewrapped, indented paragraphs."""
        self.write(wrap_paragraphs(text, self.width, " " * self.current_indent) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        """A definition list (options, commands): terms left, wrapped help right."""
        rows = list(rows)
        first = min(max((columns(term) for term, _ in rows), default=0), col_max) + col_spacing
        for term, text in rows:
            self.write(" " * self.current_indent + term)
            if not text:
                self.write("\n")
                continue
            if columns(term) <= first - col_spacing:
                self.write(" " * (first - columns(term)))
            else:
                self.write("\n" + " " * (first + self.current_indent))
            lines = wrap_paragraphs(text, max(self.width - first - 2, 10)).splitlines() or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(" " * (first + self.current_indent) + line + "\n" if line else "\n")


class LayoutContext(click.Context):
    """A click context whose help formatter measures CJK text in columns when the language is not English."""

    def make_formatter(self) -> click.HelpFormatter:
        """click's formatter in English (its output unchanged), the column-measuring one otherwise."""
        if i18n.active() == "en":
            return super().make_formatter()
        return WideFormatter(width=self.terminal_width, max_width=self.max_content_width)


class LayoutCommand(Translated, click.Command):
    """A layout subcommand: its help in the active language."""

    context_class = LayoutContext


class PathType(click.Path):
    """click.Path whose word for the value ('file', 'directory', 'path') is in the active language."""

    @property
    def name(self) -> str:
        return _(self._english)

    @name.setter
    def name(self, value: str) -> None:
        self._english = value

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        """An option's metavar stays English (DIRECTORY, FILE, PATH), as option names do."""
        found = super().get_metavar(param, ctx)
        return found if found is not None or not isinstance(param, click.Option) else self._english.upper()


hook_click()
