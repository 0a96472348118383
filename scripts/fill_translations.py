"""Fill Italian msgstrs from a small JSON of {msgid: translation} and clear fuzzy flags.

Usage: .venv/bin/python scripts/fill_translations.py translations.json
Plural messages take a list of two forms. Run scripts/update_translations.sh afterwards to compile.
"""

import json
import sys

from babel.messages.pofile import read_po, write_po

PO = "app/translations/it/LC_MESSAGES/messages.po"

with open(sys.argv[1], encoding="utf-8") as handle:
    wanted = json.load(handle)
with open(PO, "rb") as handle:
    catalog = read_po(handle)
for message in catalog:
    key = message.id[0] if isinstance(message.id, tuple) else message.id
    if key in wanted:
        value = wanted[key]
        message.string = tuple(value) if isinstance(value, list) else value
        message.flags.discard("fuzzy")
        message.previous_id = []
with open(PO, "wb") as handle:
    write_po(handle, catalog, width=0, sort_by_file=True)
missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy or (isinstance(m.string, tuple) and not all(m.string)))]
print("untranslated:", missing)
