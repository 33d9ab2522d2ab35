"""I18n: messages in the editor's language — the English source strings are the gettext ids; Simplified
Chinese comes from the catalog layout/locale/zh_CN/LC_MESSAGES/layout.po (read with Babel; `pybabel
extract` finds the ids: docs/messages.md). The CLI picks the language (--lang, else the locale); library
calls are English unless a language is set."""

from __future__ import annotations

import functools
import gettext
import io
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "layout"
LANGUAGES = ("en", "zh")
LOCALES = {"zh": "zh_CN"}  # language → catalog folder under layout/locale/
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
_ENV_KEYS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order of precedence

_active: list[gettext.NullTranslations] = [gettext.NullTranslations()]


def _(message: str) -> str:
    """`message` in the active language (the English id itself when it has no translation)."""
    return _active[0].gettext(message)


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it here (it is translated where it is shown)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count` in the active language."""
    return _active[0].ngettext(singular, plural, count)


def use(language: str) -> str:
    """Make `language` ('en' or 'zh') the active one; returns it."""
    if language not in LANGUAGES:
        raise ValueError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
    _active[0] = translations(language)
    return language


def active() -> str:
    """The active language."""
    return "en" if type(_active[0]) is gettext.NullTranslations else "zh"


def from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """'zh' when the first set locale variable (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) is Chinese, else 'en'."""
    for key in _ENV_KEYS:
        value = environ.get(key, "")
        if value:
            first = value.split(":")[0].lower()
            return "zh" if first.startswith("zh") else "en"
    return "en"


def catalog_path(language: str) -> Path:
    """The .po catalog of `language`."""
    return LOCALE_DIR / LOCALES[language] / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """The translations of `language`, compiled once from its .po catalog (no .mo file in the tree)."""
    if language == "en":
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    with open(catalog_path(language), "rb") as handle:
        catalog = read_po(handle, locale=LOCALES[language], domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)
