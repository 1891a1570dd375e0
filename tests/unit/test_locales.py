"""The shipped catalogues: complete, compiled, faithful to their msgids, loadable by aiogram.

They guard `make locales`: a string added in bot/ without a translation, a .po edited without
recompiling, or a translation that loses a {placeholder} or an HTML tag fails here, not in a chat.
The extraction settings are read from the Makefile so that this test and the target never differ.
"""

import io
import re
import string
import tomllib
from collections import Counter
from collections.abc import Sequence
from fnmatch import fnmatch
from pathlib import Path

import pytest
from aiogram.utils.i18n import I18n
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_keywords
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from bot.config import LANGUAGES, LOCALES_DIR

ROOT = Path(__file__).resolve().parents[2]
SOURCE_LANGUAGE = "en"
TRANSLATED = sorted(set(LANGUAGES) - {SOURCE_LANGUAGE})
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def _make_variable(name: str) -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    found = re.search(rf"^{name}\s*:?=(.*)$", makefile, re.MULTILINE)
    assert found, f"the Makefile defines no {name}"
    return found.group(1).split()


def _used_msgids() -> set[str | tuple[str, ...]]:
    """What `make locales` extracts from bot/, computed afresh from the code."""
    ignored = _make_variable("BABEL_IGNORE_DIRS")
    keywords = {**DEFAULT_KEYWORDS, **parse_keywords(_make_variable("BABEL_KEYWORDS"))}
    found = extract_from_dir(
        ROOT / "bot",
        keywords=keywords,
        directory_filter=lambda path: not any(fnmatch(Path(path).name, p) for p in ignored),
    )
    return {msgid for _file, _line, msgid, _comments, _context in found}


def _po(language: str) -> Catalog:
    with (LOCALES_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=language)


def _forms(text: str | Sequence[str] | None) -> tuple[str, ...]:
    """A message's singular and plural forms alike, as a tuple."""
    if text is None or isinstance(text, str):
        return (text or "",)
    return tuple(text)


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_the_makefile_builds_every_interface_language() -> None:
    assert set(_make_variable("LOCALE_LANGUAGES")) == set(LANGUAGES)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_the_code_uses_is_translated(language: str) -> None:
    catalog = _po(language)
    used = _used_msgids()
    assert len(used) > 50, "the extraction found suspiciously few strings"
    untranslated = [
        msgid
        for msgid in sorted(used, key=str)
        if (message := catalog.get(_forms(msgid)[0])) is None
        or message.fuzzy
        or not all(_forms(message.string))
    ]
    assert not untranslated, (
        f"translate these (and drop their fuzzy mark) in {language}/LC_MESSAGES/messages.po, "
        f"then run `make locales`: {untranslated}"
    )


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_the_committed_mo_matches_its_po(language: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _po(language))
    compiled.seek(0)
    with (LOCALES_DIR / language / "LC_MESSAGES" / "messages.mo").open("rb") as committed:
        shipped = read_mo(committed)
    expected = {_forms(m.id): _forms(m.string) for m in read_mo(compiled)}
    assert {_forms(m.id): _forms(m.string) for m in shipped} == expected, (
        "run `make locales` to recompile"
    )


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_placeholders_and_html_tags(language: str) -> None:
    broken = []
    for message in _po(language):
        if not message.id:
            continue
        source = _forms(message.id)[-1]
        for text in filter(None, _forms(message.string)):
            if _placeholders(text) != _placeholders(source) or Counter(
                HTML_TAG.findall(text)
            ) != Counter(HTML_TAG.findall(source)):
                broken.append((message.id, text))
    assert not broken


def test_the_source_catalogue_leaves_english_untranslated() -> None:
    assert not [m.id for m in _po(SOURCE_LANGUAGE) if m.id and any(_forms(m.string))]


def test_the_wheel_ships_every_catalogue() -> None:
    """The image installs the wheel, not the checkout: a catalogue left out is a silent English."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["bot"]
    shipped = {path for pattern in patterns for path in (ROOT / "bot").glob(pattern)}
    catalogues = {path for path in LOCALES_DIR.rglob("*") if path.suffix in {".pot", ".po", ".mo"}}
    assert len(catalogues) == 1 + 2 * len(LANGUAGES)
    assert catalogues <= shipped


def test_aiogram_loads_every_language_and_speaks_russian() -> None:
    i18n = I18n(path=LOCALES_DIR, default_locale=SOURCE_LANGUAGE, domain="messages")
    assert set(i18n.available_locales) == set(LANGUAGES)
    assert i18n.gettext("Main menu", locale="ru") == "Главное меню"
    assert i18n.gettext("Main menu", locale="en") == "Main menu"
