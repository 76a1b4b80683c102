"""What the funder spreadsheet shows, cell by cell, with statistical
disclosure control (no Odoo in here: the rules are tested on tables by hand).

A count of 1 to 4 people is masked as ``PRIMARY`` ("< 5"). A total published
beside its parts gives back a part that is alone to be masked, by subtraction:
more cells are then masked, as ``SECONDARY`` ("*"), until no count of 1 to 4
people can be worked out from any total of its row (the platforms and their
total) or of its column (the lines of a breakdown and their total). A rate or
an average is masked with the count it is computed over, or that it would give
back with the figures beside it.

A reader knows that "< 5" is 1 to 4 and that "*" is 5 or more (a secondary
cell is never a zero): a total is safe when every masked cell of it keeps at
least two possible values. With "< 5" = 1 and "*" = 5 beside a total of
6, for instance, the "< 5" is 1: another cell is masked.

Each total is checked on its own: a reader who combines several of them (a
linear system) may still narrow a masked cell down; a full audit would solve
that system. Parts are masked rather than totals, and a breakdown's total line
shares its masks with the figure it equals, which keeps such cases rare.
"""

import math

SMALL = 5
PRIMARY = "< 5"
SECONDARY = "*"
MASKS = (PRIMARY, SECONDARY)
TOTAL_LINE = "__total__"  # key of the total line of a breakdown
UNKNOWN = "__unknown__"  # key of the line of the values no key lists


def suppress(values, people, relations):
    """The cells to mask: ``{cell: PRIMARY or SECONDARY}``.

    ``values``: ``{cell: number}`` (a missing cell is 0); ``people``: the cells
    that count people (the only ones masked); ``relations``: ``[(total,
    parts)]``, people cells, the total being the sum of the parts.
    """
    masked = {cell: PRIMARY for cell in people if 0 < (values.get(cell) or 0) < SMALL}
    while True:
        for total, parts in relations:
            if _recoverable(values, masked, total, parts):
                cell = _complement(values, masked, total, parts)
                if cell is not None:
                    masked[cell] = SECONDARY
                    break  # from the first relation again
        else:
            return masked


def _recoverable(values, masked, total, parts):
    """Whether a reader works out a masked count of ``parts`` or ``total``."""
    hidden = [cell for cell in parts if cell in masked]
    if total in masked:
        return not hidden  # the sum of the parts
    if not hidden:
        return False
    if len(hidden) == 1:
        return True  # the total minus the others
    rest = (values.get(total) or 0) - sum(
        values.get(cell) or 0 for cell in parts if cell not in masked
    )
    bounds = {
        cell: (1, SMALL - 1) if masked[cell] == PRIMARY else (SMALL, math.inf)
        for cell in hidden
    }
    # A "*" pinned down gives back the "< 5" it protects in another total.
    for cell in hidden:
        others = [bounds[other] for other in hidden if other != cell]
        low = max(bounds[cell][0], rest - sum(high for __, high in others))
        high = min(bounds[cell][1], rest - sum(low for low, __ in others))
        if low >= high:
            return True
    return False


def _complement(values, masked, total, parts):
    """The next cell to mask in a relation: the smallest part that protects it
    alone, else the total, else the largest part (more will follow)."""
    candidates = sorted(
        (values.get(cell) or 0, index, cell)
        for index, cell in enumerate(parts)
        if cell not in masked and (values.get(cell) or 0) > 0
    )
    for __, __, cell in candidates:
        if not _recoverable(values, {**masked, cell: SECONDARY}, total, parts):
            return cell
    if total not in masked and (values.get(total) or 0) > 0:
        return total
    return candidates[-1][2] if candidates else None


class FunderMatrix:
    """The lines of the funder spreadsheet, masks included, for every row of
    the catalogue (``emploi.funder.indicators._get_catalogue``).

    ``figures``: ``{(code, key): {column: value}}``; ``columns``: the platforms'
    ids, then ``total_column`` when there is one; ``mask``: whether to mask
    (masks are worked out once, over every sheet, so that a figure shown in
    two places is masked in both).
    """

    def __init__(
        self, catalogue, figures, columns, mask, total_column, total_label, unknown
    ):
        self.figures = figures
        self.columns = list(columns)
        self.mask = mask
        self.total_label = total_label
        self.unknown = unknown
        self.values = {}
        self.known = {}  # {code: the keys its breakdown lists}
        people = set()
        relations = {}  # ordered and without duplicates
        platforms = [column for column in self.columns if column != total_column]
        rows = [row for __, sheet in catalogue for row in sheet]
        # Values first: the total line of a breakdown is often one of them.
        for row in sorted(rows, key=lambda row: row["kind"] != "value"):
            if not row["people"] or row["kind"] == "rate":
                continue
            lines = [(row["code"], key) for key, __ in self._keys(row)]
            for code, key in lines:
                for column in self.columns:
                    self.values[code, key, column] = self._value(code, key, column)
            if row["kind"] == "breakdown" and row["total"]:
                for column in self.columns:
                    cell = self._total_cell(row, column)
                    self.values.setdefault(
                        cell, sum(self._value(*line, column) for line in lines)
                    )
                    relations[cell, tuple((*line, column) for line in lines)] = True
                lines.append(self._total_cell(row, None)[:2])
            for code, key in lines:
                people.update((code, key, column) for column in self.columns)
                if total_column in self.columns and len(platforms) > 1:
                    total = (code, key, total_column)
                    parts = tuple((code, key, column) for column in platforms)
                    relations[total, parts] = True
        self.masked = suppress(self.values, people, list(relations)) if mask else {}

    def _value(self, code, key, column):
        if key == UNKNOWN:  # not recorded, or a value no longer listed
            return sum(
                values.get(column, 0) or 0
                for (name, other), values in self.figures.items()
                if name == code and other not in self.known[code]
            )
        return self.figures.get((code, key), {}).get(column, 0) or 0

    def _keys(self, row):
        if row["kind"] != "breakdown":
            return [(None, row["label"])]
        keys = list(row["keys"])
        known = self.known[row["code"]] = {key for key, __ in keys}
        if any(code == row["code"] and key not in known for code, key in self.figures):
            # An average over values no longer listed is not their sum: only
            # the values not recorded then.
            keys.append((None if row.get("over") else UNKNOWN, self.unknown))
        return keys

    def _total_cell(self, row, column):
        if row.get("total_code"):
            return (row["total_code"], None, column)
        return (row["code"], TOTAL_LINE, column)

    def _mask_of(self, cell):
        """The mask of a count (None: shown)."""
        if not self.mask:
            return None
        if cell in self.masked:
            return self.masked[cell]
        if cell not in self.values and 0 < self._value(*cell) < SMALL:
            return PRIMARY  # a count that no line of the catalogue shows
        return None

    def _shown(self, row, key, column):
        value = self._value(row["code"], key, column)
        if row.get("over"):  # an average: masked with its count
            over = (row["over"], key if row["kind"] == "breakdown" else None, column)
            return self._mask_of(over) or value
        if row["people"]:
            return self._mask_of((row["code"], key, column)) or value
        return value

    def _rate(self, row, column):
        num = self._value(row["num"], None, column)
        den = self._value(row["den"], None, column)
        if not den:
            return 0
        if self.mask and den < SMALL:
            return PRIMARY
        if self._mask_of((row["num"], None, column)) or self._mask_of(
            (row["den"], None, column)
        ):
            return SECONDARY
        return num / den

    def lines(self, row):
        """``[(label, {column: value or mask}, is_total)]`` for a catalogue row."""
        if row["kind"] == "rate":
            values = {column: self._rate(row, column) for column in self.columns}
            return [(row["label"], values, False)]
        lines = [
            (
                label,
                {column: self._shown(row, key, column) for column in self.columns},
                False,
            )
            for key, label in self._keys(row)
        ]
        if row["kind"] == "breakdown" and row["total"]:
            totals = {}
            for column in self.columns:
                value = sum(
                    self._value(row["code"], key, column) for key, __ in self._keys(row)
                )
                mask = row["people"] and self._mask_of(self._total_cell(row, column))
                totals[column] = mask or value
            lines.append((self.total_label, totals, True))
        return lines
