"""Disclosure control for the programme's tables of minors: primary and complementary suppression.

A ``Table`` is a two-way table of counts (rows: groups such as municipi, schools or classes;
columns: skill levels or months) published with its row totals, column totals and grand total.
Every published number has a *global key*, so the same number shown by two tables (a
municipio's row on the city page is the column-total row of that municipio's page) is one
variable. **Primary suppression** hides every count in 1..k-1, every entry of a group smaller
than k (k = ``SUPPRESSION_MIN``, default 10, never below 3) and a cell holding a whole group
(100 %: it would tell each member's level). **Complementary suppression** then
hides more cells so that no hidden entry can be computed from the published ones by adding and
subtracting rows and columns. In one table with its totals the equations form a bipartite graph
(row nodes, column nodes, one edge per hidden entry) and a hidden entry is computable exactly
when its edge is a *bridge*; we add the cheapest 4-cycle through each bridge until none is left.
A child table that shares entries with tables already published (``protect(..., parents=...)``)
takes their decisions as given and must add no information about their hidden entries: an exact
rank test over a prime field checks that, and if the cheap repairs fail the child's own cells
are all hidden. No Flask, no database: plain integers in, the same table with ``None`` out.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

DEFAULT_MINIMUM = 10
LEGAL_FLOOR = 3  # Codice privacy, Allegato A.4 art. 5: "il valore minimo attribuibile alla soglia è pari a tre"
TOTAL: Hashable = "__total__"
_PRIME = 2_147_483_647
_MARGIN_PENALTY = 1_000_000  # a shared total is hidden only when no inner cell will do


def effective_minimum(configured: int | None) -> int:
    """The threshold actually applied: the configured one, never below the legal floor of 3."""
    return max(LEGAL_FLOOR, DEFAULT_MINIMUM if configured is None else int(configured))


@dataclass
class Table:
    """Counts to publish. ``row_keys``/``col_keys`` name rows and columns globally; ``total_key``
    names the row of column totals (the parent group, e.g. ``("municipio", "Municipio 3")``)."""

    row_keys: list[Hashable]
    col_keys: list[Hashable]
    cells: list[list[int]]
    total_key: Hashable = ("all",)
    hidden: set[tuple[int, int]] = field(default_factory=set)  # extended coordinates, filled by protect()

    def __post_init__(self) -> None:
        if len(self.cells) != len(self.row_keys) or any(len(row) != len(self.col_keys) for row in self.cells):
            raise ValueError("cells must have one row per row key and one column per column key")

    @property
    def shape(self) -> tuple[int, int]:
        """Extended shape: one more row (column totals) and one more column (row totals)."""
        return len(self.row_keys) + 1, len(self.col_keys) + 1

    def value(self, r: int, c: int) -> int:
        m, n = len(self.row_keys), len(self.col_keys)
        if r < m and c < n:
            return self.cells[r][c]
        if r < m:
            return sum(self.cells[r])
        if c < n:
            return sum(row[c] for row in self.cells)
        return sum(map(sum, self.cells))

    def key(self, r: int, c: int) -> tuple[Hashable, Hashable]:
        row = self.row_keys[r] if r < len(self.row_keys) else self.total_key
        col = self.col_keys[c] if c < len(self.col_keys) else TOTAL
        return row, col

    def entries(self) -> Iterable[tuple[int, int]]:
        m1, n1 = self.shape
        return ((r, c) for r in range(m1) for c in range(n1))

    def shown(self, r: int, c: int) -> int | None:
        """The published value of an extended entry, ``None`` when it is suppressed."""
        return None if (r, c) in self.hidden else self.value(r, c)

    @property
    def published_cells(self) -> list[list[int | None]]:
        return [[self.shown(r, c) for c in range(len(self.col_keys))] for r in range(len(self.row_keys))]

    @property
    def published_row_totals(self) -> list[int | None]:
        return [self.shown(r, len(self.col_keys)) for r in range(len(self.row_keys))]

    @property
    def published_col_totals(self) -> list[int | None]:
        return [self.shown(len(self.row_keys), c) for c in range(len(self.col_keys))]

    @property
    def published_grand_total(self) -> int | None:
        return self.shown(len(self.row_keys), len(self.col_keys))

    def equations(self) -> list[list[tuple[int, int, int]]]:
        """Each published identity as (r, c, sign) terms summing to zero: rows, then columns."""
        m, n = len(self.row_keys), len(self.col_keys)
        rows = [[(r, c, 1) for c in range(n)] + [(r, n, -1)] for r in range(m + 1)]
        cols = [[(r, c, 1) for r in range(m)] + [(m, c, -1)] for c in range(n + 1)]
        return rows + cols


def protect(table: Table, minimum: int | None = None, parents: Sequence[Table] = ()) -> Table:
    """Suppress ``table`` in place and return it.

    ``parents`` are tables already protected and published that share keys with this one (the
    parent drill-down level, or a breakdown of the same population); their hidden/published
    decisions are kept, and the result adds no information about what they hide.
    """
    k = effective_minimum(minimum)
    fixed = _parent_decisions(parents)
    table.hidden = set()
    m, n = len(table.row_keys), len(table.col_keys)
    for r, c in table.entries():
        key = table.key(r, c)
        if key in fixed:
            if fixed[key]:
                table.hidden.add((r, c))
            continue
        value = table.value(r, c)
        group_too_small = 0 < table.value(r, n) < k if r < m else False
        # A whole group in one column tells every member's value ("all of 2B are at level 3").
        whole_group = r < m and c < n and n > 1 and value > 0 and value == table.value(r, n)
        if 0 < value < k or group_too_small or whole_group:
            table.hidden.add((r, c))
    locked = {(r, c) for r, c in table.entries() if table.key(r, c) in fixed}
    _remove_bridges(table, locked)
    if parents and not _adds_nothing(parents, table, fixed):
        table.hidden |= {entry for entry in table.entries() if entry not in locked}
    return table


def _parent_decisions(parents: Sequence[Table]) -> dict[Hashable, bool]:
    decisions: dict[Hashable, bool] = {}
    for parent in parents:
        for r, c in parent.entries():
            key = parent.key(r, c)
            decisions[key] = decisions.get(key, False) or (r, c) in parent.hidden
    return decisions


def _remove_bridges(table: Table, locked: set[tuple[int, int]]) -> None:
    """Add complementary cells until the hidden entries form a bridgeless graph."""
    while True:
        bridges = find_bridges(table.hidden)
        if not bridges:
            return
        r, c = min(bridges)
        best = _cheapest_cycle(table, r, c, locked)
        if best is None:  # nothing left to hide around it: hide everything that is ours to hide
            table.hidden |= {entry for entry in table.entries() if entry not in locked}
            return
        table.hidden |= best


def _cheapest_cycle(table: Table, r: int, c: int, locked: set[tuple[int, int]]) -> set[tuple[int, int]] | None:
    m1, n1 = table.shape
    best_cost, best = None, None
    for r2 in range(m1):
        if r2 == r:
            continue
        for c2 in range(n1):
            if c2 == c:
                continue
            corners = {(r, c2), (r2, c2), (r2, c)}
            new = corners - table.hidden
            if new & locked:
                continue
            cost = (sum(_MARGIN_PENALTY for rr, cc in new if rr == m1 - 1 or cc == n1 - 1),
                    sum(1 for e in new if table.value(*e) == 0), len(new), sum(table.value(*e) for e in new))
            if best_cost is None or cost < best_cost:
                best_cost, best = cost, new
    return best


def find_bridges(hidden: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """Hidden entries that the table's row and column equations determine (bridges of the
    bipartite row/column graph whose edges are the hidden entries)."""
    edges = list(hidden)
    adjacency: dict[tuple[str, int], list[tuple[tuple[str, int], int]]] = {}
    for index, (r, c) in enumerate(edges):
        adjacency.setdefault(("r", r), []).append((("c", c), index))
        adjacency.setdefault(("c", c), []).append((("r", r), index))
    order: dict[tuple[str, int], int] = {}
    low: dict[tuple[str, int], int] = {}
    bridges: set[tuple[int, int]] = set()
    for root in adjacency:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack = [(root, -1, iter(adjacency[root]))]
        while stack:
            node, via, neighbours = stack[-1]
            advanced = False
            for neighbour, index in neighbours:
                if index == via:
                    continue
                if neighbour in order:
                    low[node] = min(low[node], order[neighbour])
                else:
                    order[neighbour] = low[neighbour] = len(order)
                    stack.append((neighbour, index, iter(adjacency[neighbour])))
                    advanced = True
                    break
            if advanced:
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
                if low[node] > order[parent]:
                    bridges.add(edges[via])
    return bridges


# ---------------------------------------------------------------- exact audit over a prime field

class _Basis:
    """An echelon basis of sparse integer rows ({unknown: coefficient}) modulo a large prime."""

    def __init__(self, rows: Iterable[dict[Hashable, int]] = ()) -> None:
        self.pivots: dict[Hashable, dict[Hashable, int]] = {}
        for row in rows:
            self.add(row)

    def _reduce(self, row: dict[Hashable, int]) -> dict[Hashable, int]:
        vector = {key: value % _PRIME for key, value in row.items() if value % _PRIME}
        while vector:
            lead = min(vector, key=repr)
            pivot = self.pivots.get(lead)
            if pivot is None:
                return vector
            factor = vector[lead]
            for key, value in pivot.items():
                updated = (vector.get(key, 0) - factor * value) % _PRIME
                if updated:
                    vector[key] = updated
                else:
                    vector.pop(key, None)
        return vector

    def add(self, row: dict[Hashable, int]) -> bool:
        """Add ``row``; False when it was already in the span."""
        vector = self._reduce(row)
        if not vector:
            return False
        lead = min(vector, key=repr)
        inverse = pow(vector[lead], _PRIME - 2, _PRIME)
        self.pivots[lead] = {key: value * inverse % _PRIME for key, value in vector.items()}
        return True

    def spans(self, row: dict[Hashable, int]) -> bool:
        return not self._reduce(row)

    @property
    def rank(self) -> int:
        return len(self.pivots)


def hidden_equations(tables: Sequence[Table]) -> tuple[list[dict[Hashable, int]], set[Hashable]]:
    """The published equations of ``tables`` restricted to their hidden keys (known values move to
    the right-hand side, which does not matter for what can be determined), and the hidden keys.
    A key published by any table is known."""
    known = {t.key(r, c) for t in tables for r, c in t.entries() if (r, c) not in t.hidden}
    hidden = {t.key(r, c) for t in tables for r, c in t.hidden} - known
    equations = []
    for table in tables:
        for terms in table.equations():
            row: dict[Hashable, int] = {}
            for r, c, sign in terms:
                key = table.key(r, c)
                if key in hidden:
                    row[key] = row.get(key, 0) + sign
            if any(row.values()):
                equations.append(row)
    return equations, hidden


def determined_keys(tables: Sequence[Table]) -> set[Hashable]:
    """Hidden keys whose value follows exactly from everything ``tables`` publish."""
    equations, hidden = hidden_equations(tables)
    basis = _Basis(equations)
    return {key for key in hidden if basis.spans({key: 1})}


def _adds_nothing(parents: Sequence[Table], child: Table, fixed: dict[Hashable, bool]) -> bool:
    """Does publishing ``child`` beside ``parents`` leave every hidden value as free as before?
    True when rank(parents + child) == rank(parents) + rank(child's own unknowns) and no hidden
    entry of the child is determined."""
    parent_eq, _ = hidden_equations(parents)
    joint_eq, joint_hidden = hidden_equations([*parents, child])
    shared = {key for key, is_hidden in fixed.items() if is_hidden}
    child_eq, _ = hidden_equations([child])
    own_only = [{k: v for k, v in row.items() if k not in shared} for row in child_eq]
    joint = _Basis(joint_eq)
    if joint.rank != _Basis(parent_eq).rank + _Basis(row for row in own_only if row).rank:
        return False
    own_hidden = ({child.key(r, c) for r, c in child.hidden} & joint_hidden) - shared
    return not any(joint.spans({key: 1}) for key in own_hidden)
