"""The Italian catalog is complete, well-formed, compiled and in step with the source.

Italian is the default language, so an interface string without an Italian translation shows up in
English to every user. These tests read the catalogs with Babel directly (no Flask app): when one
fails after you add or change a string, run ``scripts/update_translations.sh``, fill in the new
``msgstr`` entries in ``app/translations/it/LC_MESSAGES/messages.po`` (and clear any ``fuzzy``
flag after checking the suggestion), run the script again to compile, and commit the .po and .mo.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "app" / "translations"
BABEL_CFG = ROOT / "babel.cfg"
UPDATE_SCRIPT = ROOT / "scripts" / "update_translations.sh"
IT_PO = TRANSLATIONS / "it" / "LC_MESSAGES" / "messages.po"
IT_MO = TRANSLATIONS / "it" / "LC_MESSAGES" / "messages.mo"
EN_PO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"
EN_MO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.mo"

# %(name)s, %(count)d, %(n)05.1f ... and the positional forms %s, %d; %% is a literal percent sign.
PLACEHOLDER = re.compile(r"%(?:\((?P<name>\w+)\))?[#0\- +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?P<type>[diouxXeEfFgGcrsa%])")


def _read_po(path: Path, locale: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def _read_mo(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_mo(handle)


def _messages(catalog: Catalog):
    """Every real message (not the header entry)."""
    return [message for message in catalog if message.id]


def _forms(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


def _placeholders(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Named placeholders as a set (order and repetition may differ), positional ones in order."""
    named, positional = set(), []
    for match in PLACEHOLDER.finditer(text):
        if match["type"] == "%":
            continue
        if match["name"]:
            named.add(f"%({match['name']}){match['type']}")
        else:
            positional.append(f"%{match['type']}")
    return frozenset(named), tuple(positional)


def _label(message) -> str:
    return repr(message.id) + (f" (context {message.context!r})" if message.context else "")


@pytest.fixture(scope="module")
def it_catalog() -> Catalog:
    return _read_po(IT_PO, "it")


def test_every_message_has_an_italian_translation(it_catalog):
    """Does every interface string have an Italian translation, with no fuzzy entry left?"""
    assert _messages(it_catalog), f"{IT_PO} holds no messages: run scripts/update_translations.sh"
    untranslated = [_label(m) for m in _messages(it_catalog) if not all(s.strip() for s in _forms(m.string))]
    fuzzy = [_label(m) for m in _messages(it_catalog) if m.fuzzy]
    assert not untranslated, "untranslated in it/messages.po:\n" + "\n".join(untranslated)
    assert not fuzzy, "fuzzy (review, then remove the flag) in it/messages.po:\n" + "\n".join(fuzzy)
    assert not it_catalog.fuzzy, "the header of it/messages.po is marked fuzzy"


def test_italian_translations_keep_the_placeholders(it_catalog):
    """Does each Italian translation use exactly the placeholders of its English original?"""
    problems = []
    for message in _messages(it_catalog):
        ids = _forms(message.id)
        # A plural translation may use any placeholder of the singular or plural original.
        named = frozenset().union(*(_placeholders(i)[0] for i in ids))
        positional = _placeholders(ids[-1])[1]
        for form in _forms(message.string):
            if not form:
                continue
            got_named, got_positional = _placeholders(form)
            if got_named != named or got_positional != positional:
                problems.append(f"{_label(message)} -> {form!r}")
    # Babel's own checks too (e.g. python-format flags against the translation).
    for message, errors in it_catalog.check():
        problems.extend(f"{_label(message)}: {error}" for error in errors)
    assert not problems, "placeholder mismatches in it/messages.po:\n" + "\n".join(problems)


def test_every_string_in_the_source_is_in_the_italian_catalog(it_catalog, tmp_path):
    """Is every string marked for translation in the code and templates in the Italian catalog?"""
    keywords = re.findall(r"--keywords=(\S+)", UPDATE_SCRIPT.read_text(encoding="utf-8"))
    assert keywords, f"no --keywords= found in {UPDATE_SCRIPT}"
    pot = tmp_path / "messages.pot"
    argv = ["pybabel", "--quiet", "extract", f"--mapping-file={BABEL_CFG}", f"--output-file={pot}"]
    argv += [f"--keywords={keyword}" for keyword in keywords]
    CommandLineInterface().run([*argv, str(ROOT)])
    template = _read_po(pot, "it")
    extracted = _messages(template)
    assert extracted, "the extractor found no strings: is babel.cfg right?"
    missing = []
    for message in extracted:
        known = it_catalog.get(message.id, context=message.context)
        if known is None or not all(s.strip() for s in _forms(known.string)) or known.fuzzy:
            where = ", ".join(f"{Path(path).relative_to(ROOT)}:{line}" for path, line in message.locations)
            missing.append(f"{_label(message)} ({where})")
    assert not missing, (
        "strings missing or untranslated in it/messages.po; run scripts/update_translations.sh and translate them:\n"
        + "\n".join(missing)
    )


def hashable(value):
    return tuple(value) if isinstance(value, list) else value


def test_compiled_italian_catalog_matches_the_po(it_catalog):
    """Was the Italian .mo compiled from the current .po, with the same translations?"""
    assert IT_MO.exists(), f"{IT_MO} is missing: run scripts/update_translations.sh"
    in_po = {(hashable(m.id), m.context): hashable(m.string) for m in _messages(it_catalog) if not m.fuzzy and all(_forms(m.string))}
    in_mo = {(hashable(m.id), m.context): hashable(m.string) for m in _messages(_read_mo(IT_MO))}
    stale = sorted(repr(key[0]) for key in in_po.keys() ^ in_mo.keys())
    changed = sorted(repr(key[0]) for key in in_po.keys() & in_mo.keys() if in_po[key] != in_mo[key])
    assert not stale and not changed, (
        "it/messages.mo is out of date (run scripts/update_translations.sh):\n"
        + "\n".join([f"only in one of .po/.mo: {s}" for s in stale] + [f"different text: {c}" for c in changed])
    )


def test_english_catalog_exists_and_compiles():
    """Is there an English catalog, compiled, for users who switch to English?"""
    catalog = _read_po(EN_PO, "en")
    assert str(catalog.locale) == "en"
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    assert EN_MO.exists(), f"{EN_MO} is missing: run scripts/update_translations.sh"
    compiled = _read_mo(EN_MO)
    # English falls back to the msgids, so only the translations that exist must be compiled.
    expected = {(hashable(m.id), m.context): hashable(m.string) for m in _messages(catalog) if not m.fuzzy and all(_forms(m.string))}
    in_mo = {(hashable(m.id), m.context): hashable(m.string) for m in _messages(compiled)}
    assert expected.items() <= in_mo.items()
    # Babel compiles untranslated plural messages as their English forms: harmless fallbacks.
    assert all(in_mo[key] == key[0] for key in in_mo.keys() - expected.keys())
