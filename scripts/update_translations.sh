#!/usr/bin/env bash
# Refresh the translation catalogs: extract every interface string into
# app/translations/messages.pot, merge it into the Italian and English catalogs
# (creating a catalog the first time), then compile the .mo files.
#
# Run from the repository root:  scripts/update_translations.sh
# After it, translate any new empty msgstr in app/translations/it/LC_MESSAGES/messages.po,
# run it again to compile, and commit both the .po and the .mo files.
set -euo pipefail

cd "$(dirname "$0")/.."

if [[ -x .venv/bin/pybabel ]]; then
    PYBABEL=.venv/bin/pybabel
else
    PYBABEL=pybabel
fi

TRANSLATIONS=app/translations
POT="$TRANSLATIONS/messages.pot"
LOCALES=(it en)

mkdir -p "$TRANSLATIONS"
NEW_POT="$(mktemp)"
trap 'rm -f "$NEW_POT"' EXIT

# babel.cfg patterns are relative to the repository root, hence the input path ".".
# Locations are kept (they help translators) but sorted by file, and lines are not
# wrapped, so that a change in one template gives a small, stable diff.
"$PYBABEL" extract \
    --mapping-file=babel.cfg \
    --keywords=_l --keywords=lazy_gettext \
    --sort-by-file \
    --no-wrap \
    --project=Officina \
    --version=0.1.0 \
    --copyright-holder="Officina contributors" \
    --output-file="$NEW_POT" \
    .

# Keep the old template when only its POT-Creation-Date would change: then re-running
# the script on an unchanged tree leaves the .pot, .po and .mo files byte-for-byte alike.
if [[ -f "$POT" ]] && diff -q \
        <(grep -v '^"POT-Creation-Date: ' "$POT") \
        <(grep -v '^"POT-Creation-Date: ' "$NEW_POT") >/dev/null; then
    :
else
    cp "$NEW_POT" "$POT"
fi

for locale in "${LOCALES[@]}"; do
    po="$TRANSLATIONS/$locale/LC_MESSAGES/messages.po"
    if [[ -f "$po" ]]; then
        "$PYBABEL" update \
            --input-file="$POT" \
            --output-dir="$TRANSLATIONS" \
            --domain=messages \
            --locale="$locale" \
            --no-wrap \
            --ignore-obsolete \
            --previous
    else
        "$PYBABEL" init \
            --input-file="$POT" \
            --output-dir="$TRANSLATIONS" \
            --domain=messages \
            --locale="$locale" \
            --no-wrap
    fi
done

# Strings whose English changed slightly come back marked fuzzy (with the previous msgid):
# review them and remove the fuzzy flag. tests/test_translations.py fails until you do.
# --statistics reports how many strings are still untranslated in each catalog.
"$PYBABEL" compile --directory="$TRANSLATIONS" --domain=messages --statistics
