import io

import xlsxwriter

from odoo import fields, models

from .funder_matrix import MASKS, PRIMARY, SMALL

# The monthly series drawn on one chart, in this order.
TRENDS = ("M_caseload", "M_entries", "M_exits", "M_employed")


class FunderXlsx(models.AbstractModel):
    """The funder spreadsheet: one sheet per theme, one column per platform and a
    total, then the definitions. Reports (wizard or certified snapshot) give the
    parameters and the figures; nothing individual is ever written.

    Every text is written as a string (``write_string``), never through
    ``write``, which makes a formula of a text starting with "=": names of
    platforms, conventions or exit reasons are typed by users."""

    _name = "report.emploi_accompagne_reports.funder_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Funder spreadsheet"

    # ------------------------------------------------------------ workbook
    def _formats(self, workbook):
        base = {"font_name": "Arial", "font_size": 10}
        numbers = {
            "": "#,##0",
            "days": "#,##0.0",
            "months": "#,##0.0",
            "ratio": "#,##0.0",
            "h": "#,##0.0",
            "€": "#,##0.00 [$€-fr-FR]",
            "%": "0.0%",
        }
        totals = {
            f"total{unit}": workbook.add_format(
                {**base, "num_format": number, "bold": True, "top": 1}
            )
            for unit, number in numbers.items()
        }
        return (
            totals
            | {
                "title": workbook.add_format({**base, "bold": True, "font_size": 14}),
                "label": workbook.add_format(base),
                "muted": workbook.add_format(
                    {**base, "italic": True, "font_color": "#555555"}
                ),
                "date": workbook.add_format(
                    {**base, "num_format": "dd/mm/yyyy", "align": "left"}
                ),
                "header": workbook.add_format(
                    {
                        **base,
                        "bold": True,
                        "bg_color": "#1F4E79",
                        "font_color": "#FFFFFF",
                        "border": 1,
                        "text_wrap": True,
                        "valign": "vcenter",
                    }
                ),
                "section": workbook.add_format(
                    {**base, "bold": True, "bg_color": "#DDEBF7"}
                ),
                "indent": workbook.add_format({**base, "indent": 1}),
                "total_label": workbook.add_format(
                    {**base, "bold": True, "indent": 1, "top": 1}
                ),
                "masked": workbook.add_format(
                    {**base, "align": "right", "font_color": "#777777"}
                ),
                "wrap": workbook.add_format(
                    {**base, "text_wrap": True, "valign": "top"}
                ),
            }
            | {
                unit: workbook.add_format({**base, "num_format": number})
                for unit, number in numbers.items()
            }
        )

    def _write_header(self, sheet, fmt, report, title):
        _ = self.env._
        sheet.set_paper(9)  # A4
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.write_string(
            0, 0, _("Supported employment funder report: %s", title), fmt["title"]
        )
        sheet.write_string(1, 0, _("Period from"), fmt["label"])
        sheet.write_datetime(
            1, 1, fields.Datetime.to_datetime(report.date_from), fmt["date"]
        )
        sheet.write_string(2, 0, _("to"), fmt["label"])
        sheet.write_datetime(
            2, 1, fields.Datetime.to_datetime(report.date_to), fmt["date"]
        )
        scope = report.convention_id.display_name or dict(
            report._fields["funder"]._description_selection(self.env)
        ).get(report.funder)
        sheet.write_string(3, 0, _("Pathways funded by"), fmt["label"])
        sheet.write_string(3, 1, scope or _("all funders"), fmt["label"])
        if report._masks_small_counts():
            sheet.write_string(
                4,
                0,
                _(
                    'Counts of 1 to 4 people are shown as "< 5"; "*" hides a figure '
                    "that would give one back (from a total, a rate or an average)."
                ),
                fmt["muted"],
            )

    def generate_xlsx_report(self, workbook, data, reports):
        for report in reports:
            self._write_report(workbook, report, report._get_figures())

    def _render_spreadsheet(self, report, figures):
        """The spreadsheet of ``report`` with ``figures`` (bytes), as the report
        action makes it."""
        content = io.BytesIO()
        workbook = xlsxwriter.Workbook(content, self.get_workbook_options())
        self._write_report(workbook, report, figures)
        workbook.close()
        return content.getvalue()

    def _write_report(self, workbook, report, figures):
        _ = self.env._
        fmt = self._formats(workbook)
        columns = report._funder_columns()
        catalogue = report._catalogue()
        matrix = report._funder_matrix(figures, catalogue)
        first_row = 6
        charted = {}  # {code: (sheet, first line, last line)} of the trends
        for title, rows in catalogue:
            sheet = workbook.add_worksheet(title[:31])
            self._write_header(sheet, fmt, report, title)
            sheet.set_column(0, 0, 58)
            sheet.set_column(1, len(columns), 18)
            sheet.set_row(first_row, 30)
            sheet.repeat_rows(first_row)
            sheet.write_string(first_row, 0, _("Indicator"), fmt["header"])
            for col, (__, name) in enumerate(columns, start=1):
                sheet.write_string(first_row, col, name, fmt["header"])
            sheet.freeze_panes(first_row + 1, 1)
            line = first_row + 1
            for row in rows:
                if row["kind"] == "breakdown":
                    sheet.write_string(line, 0, row["label"], fmt["section"])
                    for col in range(1, len(columns) + 1):
                        sheet.write_blank(line, col, None, fmt["section"])
                    line += 1
                number, total = fmt[row["unit"]], fmt[f"total{row['unit']}"]
                if row["code"] in TRENDS:
                    charted[row["code"]] = (sheet, line, line + len(row["keys"]) - 1)
                for label, values, is_total in matrix.lines(row):
                    label_fmt = (
                        fmt["total_label"]
                        if is_total
                        else (
                            fmt["indent"]
                            if row["kind"] == "breakdown"
                            else fmt["label"]
                        )
                    )
                    sheet.write_string(line, 0, label, label_fmt)
                    for col, (column, __) in enumerate(columns, start=1):
                        value = values[column]
                        if value in MASKS:
                            sheet.write_string(line, col, value, fmt["masked"])
                        else:
                            sheet.write_number(
                                line, col, value, total if is_total else number
                            )
                    line += 1
        self._write_trends_chart(workbook, catalogue, charted, len(columns))
        self._write_targets(workbook, fmt, report)
        self._write_definitions(workbook, fmt, catalogue)

    def _write_trends_chart(self, workbook, catalogue, charted, last_column):
        """A native line chart of the monthly series, for the last column (the
        total of the platforms, or the one platform), beside their table."""
        if not charted or not all(
            first <= last for __, first, last in charted.values()
        ):
            return
        labels = {row["code"]: row["label"] for __, rows in catalogue for row in rows}
        chart = workbook.add_chart({"type": "line"})
        for code in TRENDS:
            sheet, first, last = charted[code]
            chart.add_series(
                {
                    "name": labels[code],
                    "categories": [sheet.name, first, 0, last, 0],
                    "values": [sheet.name, first, last_column, last, last_column],
                    "marker": {"type": "circle"},
                }
            )
        chart.set_title({"name": self.env._("Month by month")})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 760, "height": 400})
        sheet = charted[TRENDS[0]][0]
        sheet.insert_chart(6, last_column + 2, chart)

    def _write_targets(self, workbook, fmt, report):
        """The conventions' targets against what their pathways reached."""
        _ = self.env._
        lines = report._convention_years()
        if not lines:
            return
        title = _("Convention targets")
        sheet = workbook.add_worksheet(title[:31])
        self._write_header(sheet, fmt, report, title)
        first_row = 6
        headers = [
            _("Convention"),
            _("Year"),
            _("Amount"),
            _("Caseload target"),
            _("Counted"),
            _("Actual caseload"),
            _("Entries target"),
            _("Actual entries"),
            _("In employment"),
        ]
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, len(headers) - 1, 16)
        sheet.set_row(first_row, 30)
        for col, header in enumerate(headers):
            sheet.write_string(first_row, col, header, fmt["header"])
        kinds = dict(
            lines._fields["target_caseload_kind"]._description_selection(self.env)
        )
        masked = report._masks_small_counts()
        for row, line in enumerate(lines, start=first_row + 1):
            sheet.write_string(row, 0, line.convention_id.display_name, fmt["label"])
            sheet.write_number(row, 1, line.year, fmt["label"])
            sheet.write_number(row, 2, line.amount, fmt["€"])
            sheet.write_number(row, 3, line.target_caseload, fmt[""])
            counted = kinds[line.target_caseload_kind]
            if line.target_caseload_kind == "stock":
                day = (
                    line.target_caseload_date
                    or line.convention_id._get_period(line.year)[1]
                )
                counted = f"{counted} ({day.strftime('%d/%m/%Y')})"
            sheet.write_string(row, 4, counted, fmt["label"])
            sheet.write_number(row, 6, line.target_entries, fmt[""])
            people = (
                (5, line.actual_caseload),
                (7, line.actual_entries),
                (8, line.actual_employed),
            )
            for col, count in people:
                if masked and 0 < count < SMALL:
                    sheet.write_string(row, col, PRIMARY, fmt["masked"])
                else:
                    sheet.write_number(row, col, count, fmt[""])

    def _write_definitions(self, workbook, fmt, catalogue):
        _ = self.env._
        sheet = workbook.add_worksheet(_("Definitions"))
        sheet.set_paper(9)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.write_string(0, 0, _("How each figure is computed"), fmt["title"])
        sheet.write_string(
            1,
            0,
            _(
                "Only aggregates: no individual data. Period bounds are included. A "
                "pathway is open from its entry date to its exit date."
            ),
            fmt["muted"],
        )
        headers = [_("Sheet"), _("Indicator"), _("Definition"), _("Counts people")]
        for col, header in enumerate(headers):
            sheet.write_string(3, col, header, fmt["header"])
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, 1, 50)
        sheet.set_column(2, 2, 90)
        sheet.set_column(3, 3, 14)
        sheet.freeze_panes(4, 0)
        line = 4
        for title, rows in catalogue[1:]:
            for row in rows:
                sheet.write_string(line, 0, title, fmt["wrap"])
                sheet.write_string(line, 1, row["label"], fmt["wrap"])
                sheet.write_string(line, 2, row["definition"], fmt["wrap"])
                sheet.write_string(
                    line, 3, _("Yes") if row["people"] else _("No"), fmt["wrap"]
                )
                line += 1
