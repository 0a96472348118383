"""Disclosure control (``app.program.suppression``) against an attacker who knows every published
number and every identity between them (row totals, column totals, the same number on two pages)
and solves for the hidden ones by subtraction and by exact Gaussian elimination over fractions.
The attacker is written here, independently of the module's own audit."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from app.program.suppression import Table, determined_keys, effective_minimum, find_bridges, protect


def attack(tables: list[Table]) -> dict:
    """Every hidden number the attacker can compute exactly from what ``tables`` publish."""
    known = {}
    for table in tables:
        for r, c in table.entries():
            if (r, c) not in table.hidden:
                known[table.key(r, c)] = table.value(r, c)
    hidden = {table.key(r, c) for table in tables for r, c in table.hidden} - set(known)
    equations = []  # (coefficients over hidden keys, right-hand side)
    for table in tables:
        for terms in table.equations():
            coefficients, rhs = {}, Fraction(0)
            for r, c, sign in terms:
                key = table.key(r, c)
                if key in hidden:
                    coefficients[key] = coefficients.get(key, 0) + sign
                else:
                    rhs -= sign * known[key]
            coefficients = {k: v for k, v in coefficients.items() if v}
            if coefficients:
                equations.append((coefficients, rhs))
    recovered = {}
    progress = True
    while progress:  # 1. plain subtraction: an identity with one unknown left gives it away
        progress = False
        for coefficients, rhs in equations:
            unknown = [k for k in coefficients if k not in recovered]
            if len(unknown) == 1:
                rest = sum(coefficients[k] * recovered[k] for k in coefficients if k in recovered)
                recovered[unknown[0]] = (rhs - rest) / coefficients[unknown[0]]
                progress = True
    keys = sorted(hidden, key=repr)  # 2. exact elimination over the rationals
    matrix = [[Fraction(coefficients.get(k, 0)) for k in keys] + [rhs] for coefficients, rhs in equations]
    row = 0
    for col in range(len(keys)):
        pivot = next((i for i in range(row, len(matrix)) if matrix[i][col] != 0), None)
        if pivot is None:
            continue
        matrix[row], matrix[pivot] = matrix[pivot], matrix[row]
        lead = matrix[row][col]
        matrix[row] = [value / lead for value in matrix[row]]
        for i in range(len(matrix)):
            if i != row and matrix[i][col] != 0:
                factor = matrix[i][col]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[row])]
        row += 1
    for line in matrix:
        nonzero = [i for i, value in enumerate(line[:-1]) if value != 0]
        if len(nonzero) == 1:
            recovered[keys[nonzero[0]]] = line[-1]
    return recovered


def primary_only(table: Table, k: int = 10) -> Table:
    table.hidden = {(r, c) for r, c in table.entries() if 0 < table.value(r, c) < k}
    return table


def random_table(rng: random.Random, rows: int, cols: int, prefix: str, total_key=("city",)) -> Table:
    cells = [[rng.choice([0, 1, 2, 3, 5, 8, 9, 11, 14, 25, 40, 70]) for _ in range(cols)] for _ in range(rows)]
    return Table([(prefix, i) for i in range(rows)], [("level", j) for j in range(cols)], cells, total_key)


def test_threshold_is_configurable_but_never_below_three():
    """Is a configured threshold of 1 raised to the legal floor of 3, and the default 10?"""
    assert effective_minimum(None) == 10
    assert effective_minimum(1) == 3
    assert effective_minimum(5) == 5


def test_the_attacker_recovers_a_lone_hidden_cell():
    """Does the test's attacker really work: is a cell hidden without complements recovered?"""
    table = primary_only(Table(["a", "b"], [1, 2], [[4, 30], [20, 25]]))
    assert attack([table]) == {("a", 1): 4}


def test_small_counts_hidden_zeros_and_large_counts_shown():
    """Are counts 1..k-1 hidden, while zeros and counts of at least k in large groups stay?"""
    table = protect(Table(["a", "b", "c"], [1, 2, 3], [[0, 50, 30], [12, 40, 11], [3, 60, 20]]), 10)
    cells = table.published_cells
    assert cells[2][0] is None
    assert cells[0][0] == 0 and cells[0][1] == 50
    assert attack([table]) == {}


def test_a_group_smaller_than_the_threshold_is_hidden_whole():
    """Is every number of a class of 6 students hidden, zeros included?"""
    table = protect(Table(["big", "small", "other"], [1, 2], [[30, 40], [0, 6], [25, 35]]), 10)
    assert table.published_cells[1] == [None, None]
    assert table.published_row_totals[1] is None
    assert attack([table]) == {}


def test_a_whole_group_in_one_level_is_hidden():
    """Is "all 15 students of this class are at level 3" hidden (and not recoverable)?"""
    table = protect(Table(["2B", "3A", "3C"], [1, 2, 3], [[0, 15, 0], [12, 20, 11], [14, 25, 16]]), 10)
    assert table.published_cells[0][1] is None
    assert attack([table]) == {}


@pytest.mark.parametrize("seed", range(40))
def test_random_tables_with_totals_resist_subtraction(seed):
    """Can no hidden cell of a random table be recovered from its row and column totals?"""
    rng = random.Random(seed)
    table = protect(random_table(rng, rng.randint(1, 7), rng.randint(1, 6), "row"), rng.choice([3, 5, 10]))
    assert attack([table]) == {}
    assert not find_bridges(table.hidden)
    assert determined_keys([table]) == set()


def test_one_hidden_cell_per_line_gets_complements():
    """Does each row and column with a hidden cell end with at least two hidden entries?"""
    table = protect(Table(["a", "b", "c"], [1, 2, 3], [[4, 30, 22], [20, 25, 31], [18, 27, 33]]), 10)
    m, n = len(table.row_keys), len(table.col_keys)
    for r in range(m + 1):
        assert len([c for c in range(n + 1) if (r, c) in table.hidden]) != 1
    for c in range(n + 1):
        assert len([r for r in range(m + 1) if (r, c) in table.hidden]) != 1


@pytest.mark.parametrize("seed", range(15))
def test_two_overlapping_breakdowns_of_the_same_population(seed):
    """By municipio and by school level, both with the city's totals per level: is any hidden
    cell recovered from the two tables together?"""
    rng = random.Random(1000 + seed)
    by_municipio = protect(random_table(rng, 5, 4, "municipio"), 10)
    totals = [by_municipio.value(len(by_municipio.row_keys), c) for c in range(4)]
    split = [[rng.randint(0, total) for total in totals] for _ in range(2)]
    third = [total - a - b for total, a, b in zip(totals, *split)]
    rows = [row if all(v >= 0 for v in third) else [0] * 4 for row in split]
    rows.append([total - sum(col) for total, col in zip(totals, zip(*rows))])
    by_level = Table([("school_level", i) for i in range(3)], [("level", j) for j in range(4)], rows, ("city",))
    protect(by_level, 10, parents=[by_municipio])
    assert attack([by_municipio, by_level]) == {}


@pytest.mark.parametrize("seed", range(15))
def test_trend_over_time_shares_the_municipi_totals(seed):
    """Students first reaching a skill, by municipio and month, beside the municipi by level:
    can the months be subtracted from the municipio totals to reveal a hidden cell?"""
    rng = random.Random(2000 + seed)
    by_level = protect(random_table(rng, 4, 3, "municipio"), 10)
    months = []
    for r in range(4):
        total, row = by_level.value(r, 3), []
        for _ in range(5):
            part = rng.randint(0, total)
            row.append(part)
            total -= part
        row.append(total)
        months.append(row)
    trend = Table([("municipio", i) for i in range(4)], [("month", j) for j in range(6)], months, ("city",))
    protect(trend, 10, parents=[by_level])
    assert attack([by_level, trend]) == {}


@pytest.mark.parametrize("seed", range(10))
def test_drill_down_city_municipio_school_resists_subtraction(seed):
    """City → municipi → schools → classes: does everything published on every page together
    reveal no hidden number?"""
    rng = random.Random(3000 + seed)
    classes = {}  # (municipio, school, class) -> counts by level
    for municipio in range(3):
        for school in range(rng.randint(1, 3)):
            for room in range(rng.randint(1, 3)):
                classes[(municipio, school, room)] = [rng.choice([0, 1, 2, 4, 6, 9, 12, 15]) for _ in range(3)]

    def rollup(group):
        out = {}
        for key, counts in classes.items():
            out.setdefault(group(key), [0, 0, 0])
            out[group(key)] = [a + b for a, b in zip(out[group(key)], counts)]
        return out

    levels = [("level", j) for j in range(3)]
    by_municipio = rollup(lambda key: key[0])
    city = protect(Table([("m", m) for m in by_municipio], levels, list(by_municipio.values()), ("city",)), 10)
    published = [city]
    for municipio in by_municipio:
        schools = {k: v for k, v in rollup(lambda key: key[:2]).items() if k[0] == municipio}
        page = Table([("s", *k) for k in schools], levels, list(schools.values()), ("m", municipio))
        protect(page, 10, parents=[city])
        published.append(page)
        for school in schools:
            rooms = {k: v for k, v in classes.items() if k[:2] == school}
            room_page = Table([("c", *k) for k in rooms], levels, list(rooms.values()), ("s", *school))
            protect(room_page, 10, parents=[city, page])
            published.append(room_page)
    assert attack(published) == {}
