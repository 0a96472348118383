"""Reading a class list exported from the school's registry (Argo, Spaggiari, Axios…): CSV, XLSX
or cells pasted from a spreadsheet, into a sanitised table, then into validated student rows.

There is no standard export, so columns are matched by name (Italian and English synonyms) and
the teacher confirms the mapping on a preview. Minimisation is enforced here, before anything is
shown or kept: a column named or shaped like a tax code (codice fiscale) is dropped when the file
is read, and any stray cell that looks like one is blanked, so a tax code is never stored, never
echoed back in the preview and never carried in the form. Birth dates are only used to derive the
under-14 flag. Nothing here touches the database; ``app.teach.accounts`` creates the accounts.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

MAX_ROWS = 200
MAX_COLUMNS = 40
MAX_CELL = 200
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_NAME = 120

# What a column can be used as. "ignore" columns are never kept past the preview.
FIELDS = ("ignore", "surname", "first_name", "full_name", "birth_date", "under_14")
HEADER_SYNONYMS = {
    "surname": {"cognome", "surname", "last name", "lastname", "family name", "cognome alunno"},
    "first_name": {"nome", "first name", "firstname", "given name", "nome alunno", "name"},
    "full_name": {"alunno", "studente", "nominativo", "cognome e nome", "cognome nome", "nome e cognome",
                  "student", "full name", "allievo"},
    "birth_date": {"data di nascita", "data nascita", "nato il", "nascita", "birth date", "date of birth", "dob",
                   "birthdate"},
    "under_14": {"under 14", "under14", "meno di 14 anni", "minore di 14", "under-14"},
}
TAX_CODE_HEADERS = {"codice fiscale", "cod fiscale", "cod. fiscale", "cf", "c.f.", "c.f", "codicefiscale",
                    "tax code", "fiscal code", "codice fisc.", "cod.fiscale"}
# Sixteen characters: surname, name, birth (with the letters that replace digits in homocodes).
TAX_CODE_PATTERN = re.compile(r"\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b",
                              re.IGNORECASE)
TRUE_WORDS = {"si", "sì", "s", "yes", "y", "x", "1", "true", "vero"}
FALSE_WORDS = {"no", "n", "0", "false", "falso", ""}


class ClassListError(Exception):
    """The file or paste as a whole cannot be read; ``message_id`` says why."""

    def __init__(self, message_id: str) -> None:
        super().__init__(message_id)
        self.message_id = message_id


@dataclass(frozen=True)
class ClassListTable:
    """A sanitised class list: header names, rows of text cells, and what was dropped."""

    headers: list[str]
    rows: list[list[str]]
    dropped_headers: list[str] = field(default_factory=list)
    blanked_cells: int = 0


@dataclass
class StudentRow:
    """One line of the list as it will be imported, or with the reasons it cannot be."""

    line: int  # 1-based row number in the file, header excluded, as the teacher sees it
    display_name: str = ""
    first_name: str = ""
    surname: str = ""
    under_14: bool | None = None
    errors: list[str] = field(default_factory=list)


def _clean_header(value: str) -> str:
    text = unicodedata.normalize("NFKC", value or "").strip().lower()
    return re.sub(r"[\s_]+", " ", text)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()[:MAX_CELL]


def _header_index(rows: list[list[str]]) -> int:
    """Registry exports often start with a title ("Elenco alunni 2B"): the header is the first of
    the top rows naming a known column, else the first row."""
    known = set().union(*HEADER_SYNONYMS.values(), TAX_CODE_HEADERS)
    for index, row in enumerate(rows[:10]):
        if any(_clean_header(cell) in known for cell in row):
            return index
    return 0


def _sanitise(raw_rows: list[list[str]]) -> ClassListTable:
    """Header row first; drop tax-code columns by name or content, blank any stray tax code."""
    raw_rows = [row for row in raw_rows if any(cell.strip() for cell in row)]
    if not raw_rows:
        raise ClassListError("empty_list")
    raw_rows = raw_rows[_header_index(raw_rows):]
    if len(raw_rows) - 1 > MAX_ROWS:
        raise ClassListError("too_many_rows")
    width = min(max(len(row) for row in raw_rows), MAX_COLUMNS)
    rows = [(row + [""] * width)[:width] for row in raw_rows]
    headers, body = [cell.strip() for cell in rows[0]], rows[1:]
    if not body:
        raise ClassListError("no_rows")
    keep, dropped = [], []
    for index, header in enumerate(headers):
        by_name = _clean_header(header) in TAX_CODE_HEADERS
        filled = [row[index] for row in body if row[index].strip()]
        # A column mostly of tax codes goes whole; a stray one elsewhere is blanked below.
        by_content = bool(filled) and 2 * sum(bool(TAX_CODE_PATTERN.search(cell)) for cell in filled) >= len(filled)
        if by_name or by_content or TAX_CODE_PATTERN.search(header):
            dropped.append("" if TAX_CODE_PATTERN.search(header) else header)
        else:
            keep.append(index)
    blanked = 0
    clean_rows = []
    for row in body:
        cells = []
        for index in keep:
            cell = row[index]
            if TAX_CODE_PATTERN.search(cell):
                cell, blanked = "", blanked + 1
            cells.append(cell)
        clean_rows.append(cells)
    return ClassListTable([headers[i] or f"#{i + 1}" for i in keep], clean_rows, dropped, blanked)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ClassListError("unreadable_file")


def read_delimited(text: str) -> ClassListTable:
    """Read CSV or pasted spreadsheet cells: tab, semicolon (Italian Excel) or comma separated."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if not text.strip():
        raise ClassListError("empty_list")
    first = text.split("\n", 1)[0]
    delimiter = max(("\t", ";", ","), key=first.count)
    if first.count(delimiter) == 0:
        delimiter = "\t"
    rows = [[_cell_text(cell) for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return _sanitise(rows)


def read_xlsx(data: bytes) -> ClassListTable:
    """Read the first sheet of an Excel workbook (.xlsx); dates come back as ISO dates."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise ClassListError("unreadable_file") from exc
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell_text(cell) for cell in row[:MAX_COLUMNS]])
            if len(rows) > MAX_ROWS + 50:
                raise ClassListError("too_many_rows")
    finally:
        workbook.close()
    return _sanitise(rows)


def read_upload(filename: str, data: bytes) -> ClassListTable:
    """Read an uploaded file by its content: XLSX is a zip archive, anything else is text."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ClassListError("file_too_large")
    if data[:4] == b"PK\x03\x04":
        return read_xlsx(data)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # the old binary .xls
        raise ClassListError("old_excel")
    return read_delimited(_decode(data))


def table_from_form(headers: list[str], rows: list[list[str]]) -> ClassListTable:
    """Rebuild a table carried by the preview form, sanitising it again (the form is user input)."""
    return _sanitise([list(map(_cell_text, headers))] + [list(map(_cell_text, row)) for row in rows][:MAX_ROWS])


def guess_mapping(headers: list[str]) -> list[str]:
    """Each column's likely use by its header; a use is given to the first column that claims it."""
    taken: set[str] = set()
    mapping = []
    for header in headers:
        clean = _clean_header(header)
        use = next((name for name, words in HEADER_SYNONYMS.items() if clean in words), "ignore")
        if use != "ignore" and use in taken:
            use = "ignore"
        taken.add(use)
        mapping.append(use)
    return mapping


def parse_birth_date(text: str) -> date | None:
    """'14/03/2014', '14-03-2014', '14.03.2014' or '2014-03-14'; None when unreadable."""
    text = text.strip()
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def mapping_problems(mapping: list[str]) -> list[str]:
    """Message ids for a mapping that cannot work as a whole."""
    problems = []
    uses = [use for use in mapping if use != "ignore"]
    if len(uses) != len(set(uses)):
        problems.append("field_used_twice")
    if not {"first_name", "full_name"} & set(uses):
        problems.append("no_name_column")
    return problems


def build_rows(table: ClassListTable, mapping: list[str], today: date, existing_names: set[str]) -> list[StudentRow]:
    """Turn the table into student rows with per-row errors (message ids).

    ``existing_names`` are the lower-cased display names already in the class: importing the same
    list twice must not create a second account for anyone.
    """
    column = {use: index for index, use in enumerate(mapping) if use != "ignore"}
    seen: dict[str, int] = {}
    result = []
    for number, cells in enumerate(table.rows, start=1):
        if not any(cell.strip() for cell in cells):
            continue
        row = StudentRow(line=number)
        get = lambda use: " ".join(cells[column[use]].split()) if use in column else ""  # noqa: E731
        row.first_name, row.surname = get("first_name"), get("surname")
        row.display_name = get("full_name") or " ".join(part for part in (row.first_name, row.surname) if part)
        if not row.display_name:
            row.errors.append("missing_name")
        elif len(row.display_name) > MAX_NAME:
            row.errors.append("name_too_long")
        key = row.display_name.lower()
        if key and key in existing_names:
            row.errors.append("already_in_class")
        elif key and key in seen:
            row.errors.append("duplicate_in_list")
        seen.setdefault(key, number)
        if get("birth_date"):
            born = parse_birth_date(get("birth_date"))
            if born is None or not (3 <= age_on(born, today) <= 25):
                row.errors.append("bad_birth_date")
            else:
                row.under_14 = age_on(born, today) < 14
        elif get("under_14"):  # an empty cell leaves the teacher's choice for the whole list
            word = get("under_14").lower()
            if word in TRUE_WORDS:
                row.under_14 = True
            elif word in FALSE_WORDS:
                row.under_14 = False
            else:
                row.errors.append("bad_under_14")
        result.append(row)
    return result
