from odoo.tests import BaseCase, tagged

from ..report.funder_matrix import PRIMARY, SECONDARY, suppress


def table(lines, columns):
    """Cells, values and relations of a table with its totals: ``lines`` is
    ``{line: [value per column]}`` whose last column is the total, and so is the
    last line when there are several."""
    values = {
        (line, column): value
        for line, row in lines.items()
        for column, value in zip(columns, row, strict=True)
    }
    names = list(lines)
    relations = [
        ((line, columns[-1]), [(line, column) for column in columns[:-1]])
        for line in names
    ]
    if len(names) > 1:
        relations += [
            ((names[-1], column), [(line, column) for line in names[:-1]])
            for column in columns
        ]
    return values, relations


@tagged("post_install", "-at_install")
class TestSuppression(BaseCase):
    """Complementary suppression on tables counted by hand. A reader knows
    that "< 5" is 1 to 4 and that "*" is 5 or more."""

    def _suppress(self, values, relations):
        masked = suppress(values, set(values), relations)
        # Never a single masked cell in a total: it would come back by subtraction.
        for total, parts in relations:
            self.assertNotEqual(
                len([cell for cell in (total, *parts) if cell in masked]), 1, total
            )
        return masked

    def test_a_lone_small_count_gets_a_companion(self):
        values, relations = table({"count": [3, 7, 12, 22]}, ["A", "B", "C", "T"])
        # 22 - 12 = 10 = "< 5" + "*": 3 to 4 and 6 to 7, or 1 to 2 and 8 to 9.
        self.assertEqual(
            self._suppress(values, relations),
            {("count", "A"): PRIMARY, ("count", "B"): SECONDARY},
        )

    def test_a_companion_that_pins_the_count_down_is_not_enough(self):
        values, relations = table({"count": [1, 5, 20, 26]}, ["A", "B", "C", "T"])
        # Masking B: "< 5" + "*" = 6 and "*" >= 5 give A = 1. C is masked.
        self.assertEqual(
            self._suppress(values, relations),
            {("count", "A"): PRIMARY, ("count", "C"): SECONDARY},
        )

    def test_two_ones_beside_a_total_are_protected(self):
        values, relations = table({"count": [1, 1, 10, 12]}, ["A", "B", "C", "T"])
        # "< 5" + "< 5" = 2 gives 1 and 1.
        self.assertEqual(
            self._suppress(values, relations),
            {
                ("count", "A"): PRIMARY,
                ("count", "B"): PRIMARY,
                ("count", "C"): SECONDARY,
            },
        )

    def test_the_total_when_no_part_can_protect(self):
        values, relations = table({"count": [1, 5, 6]}, ["A", "B", "T"])
        # B masked would give A = 1 (6 - 5); the total masked leaves 1 to 4.
        self.assertEqual(
            self._suppress(values, relations),
            {("count", "A"): PRIMARY, ("count", "T"): SECONDARY},
        )

    def test_masks_spread_over_rows_and_columns(self):
        values, relations = table(
            {
                "women": [2, 7, 9],
                "men": [6, 9, 15],
                "total": [8, 16, 24],
            },
            ["A", "B", "T"],
        )
        # Women on A: 9 - 7 gives it back, then 8 - 6 down column A, then the
        # men's 15 - 9: each needs a companion. Totals stay shown; the four
        # masked cells keep one unknown (women on A: 1 to 3).
        self.assertEqual(
            self._suppress(values, relations),
            {
                ("women", "A"): PRIMARY,
                ("women", "B"): SECONDARY,
                ("men", "A"): SECONDARY,
                ("men", "B"): SECONDARY,
            },
        )

    def test_nothing_to_mask(self):
        values, relations = table({"count": [0, 5, 8, 13]}, ["A", "B", "C", "T"])
        self.assertEqual(self._suppress(values, relations), {})
