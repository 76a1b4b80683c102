from collections import defaultdict
from decimal import Decimal

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .funder_indicator import (
    ALL_HELD_CTE,
    HELD_CTE,
    INDICATORS,
    IPS_SHEET,
    PEOPLE,
    SCOPE,
    SERVED_CTE,
    SHEETS,
    TOTAL,
    records,
)


def _text(env, text):
    """A declaration's text in the user's language: a lazy text, or (template,
    parts…)."""
    if isinstance(text, tuple):
        template, *parts = text
        return env._(template) % tuple(_text(env, part) for part in parts)
    return env._(text)


class EmploiFunderIndicators(models.AbstractModel):
    """The figures funders ask for, computed in SQL over the platforms' files
    from their declarations (``funder_indicator.INDICATORS``).

    Only aggregates leave this model: the reporting role, which cannot read a
    single file, gets them for the platforms it may access. Definitions are in
    the catalogue and the spreadsheet's last sheet.
    """

    _name = "emploi.funder.indicators"
    _description = "Funder indicators"

    @api.model
    def _compute_figures(
        self,
        date_from,
        date_to,
        companies,
        pathway_ids=None,
        codes=None,
        convention_ids=None,
    ):
        """Return ``{(code, key): {company_id: value}}``; ``TOTAL`` (0) holds the
        figure over all the platforms. ``pathway_ids`` restricts the pathways
        (those a convention funds) and ``convention_ids`` the money counted (the
        same conventions), ``codes`` the indicators (all by default).
        The number of queries does not depend on the data: one per indicator
        family."""
        companies = companies._origin  # the form's records are new ones
        forbidden = companies - self.env.user.company_ids
        if forbidden and not self.env.su:
            raise AccessError(
                self.env._(
                    "You may not report on the platform(s) %s.",
                    ", ".join(forbidden.mapped("name")),
                )
            )
        wanted = self._with_needs(codes)
        self.env.flush_all()  # the queries read the tables, not the cache
        params = {
            "companies": companies.ids,
            "date_from": date_from,
            "date_to": date_to,
            "pathways": list(pathway_ids) if pathway_ids is not None else None,
        }
        # Compiling these short statements costs more than it saves: the
        # quarters and months of generate_series are estimated at 1,000 rows,
        # which pushes the IPS figures over the JIT threshold (3x slower).
        self.env.cr.execute("SET LOCAL jit = off")
        figures = defaultdict(dict)
        indicators = [i for i in INDICATORS if wanted is None or i.code in wanted]
        rows = []
        for batch in self._batches([i for i in indicators if i.select]):
            rows += self._query(batch, params)
        for indicator in indicators:
            if indicator.method:
                rows += [
                    (indicator, company_id, key, value)
                    for company_id, key, value in getattr(self, indicator.method)(
                        date_from, date_to, companies, convention_ids
                    )
                ]
        for indicator, company_id, key, value in rows:
            if isinstance(value, Decimal):
                value = float(value)
            figures[indicator.code, key][company_id or TOTAL] = value
        for indicator in indicators:
            if indicator.derive:
                for company_id in [*companies.ids, TOTAL]:
                    value = indicator.derive(figures, company_id, (date_from, date_to))
                    if value is not None:
                        figures[indicator.code, None][company_id] = value
        return dict(figures)

    @api.model
    def _with_needs(self, codes):
        """``codes`` and every figure they are derived from (None: all)."""
        if codes is None:
            return None
        by_code = {indicator.code: indicator for indicator in INDICATORS}
        wanted, todo = set(), list(codes)
        while todo:
            code = todo.pop()
            if code not in wanted:
                wanted.add(code)
                todo.extend(by_code[code].needs if code in by_code else ())
        return wanted

    @api.model
    def _batches(self, indicators):
        """The SQL indicators in statements. Those reading the actions held,
        those reading the people, and those filtering the pathways in scope
        alone, one statement each (the scan shared); every other one alone:
        planned on its own, since a common table read by several joins is
        materialised without its statistics, which costs more than it saves."""
        groups = {"held": [], "people": [], "scope": [], "served": []}
        alone = []
        for indicator in indicators:
            source = indicator.source.strip()
            if source.startswith(("held s", "all_held s")):
                groups["held"].append(indicator)
            elif source.startswith("served s"):
                groups["served"].append(indicator)
            elif source.startswith("people s"):
                groups["people"].append(indicator)
            elif source == "scope s" or source.startswith("scope s WHERE"):
                groups["scope"].append(indicator)
            else:
                alone.append([indicator])
        return [batch for batch in (*groups.values(), *alone) if batch]

    def _query(self, indicators, params):
        """``[(indicator, company_id, key, value)]`` of SQL indicators, the
        platforms' total on a row of company None, in one statement: the
        common tables they read are computed once (a read-only cursor, on a
        replica, can hold no temporary table)."""
        if not indicators:
            return []
        branches = [
            f"""SELECT company_id, key::text, value::float8, {number}
                  FROM (SELECT s.company_id, {indicator.select}
                          FROM {indicator.source}
                         GROUP BY GROUPING SETS ((s.company_id, 2), (2))
                       ) AS figure (company_id, key, value)"""
            for number, indicator in enumerate(indicators)
        ]
        query = f"""
            WITH scope AS ({SCOPE}), people AS ({PEOPLE}),
                 held AS ({HELD_CTE}), all_held AS ({ALL_HELD_CTE}),
                 served AS ({SERVED_CTE})
            {" UNION ALL ".join(branches)}
        """
        self.env.cr.execute(SQL(query, **params))
        return [
            # Values come as float8: a figure without a unit is a count.
            (
                indicators[number],
                company_id,
                key,
                value if value is None or indicators[number].unit else int(value),
            )
            for company_id, key, value, number in self.env.cr.fetchall()
        ]

    def _finance_figures(self, date_from, date_to, companies, convention_ids):
        """Amounts of the conventions per funder."""
        return self._convention_amounts(
            date_from, date_to, companies, convention_ids, SQL("c.funder"), SQL("1")
        )

    def _delegated_figures(self, date_from, date_to, companies, convention_ids):
        """The part of those amounts delegated to partner operators (their
        funding shares)."""
        share = SQL(
            "(SELECT COALESCE(sum(o.amount_share), 0) / 100"
            "   FROM emploi_convention_operator o WHERE o.convention_id = c.id)"
        )
        return self._convention_amounts(
            date_from, date_to, companies, convention_ids, SQL("NULL"), share
        )

    def _convention_amounts(
        self, date_from, date_to, companies, convention_ids, key, share
    ):
        """``[(company_id, key, amount × share)]`` over the conventions that
        count: for each year of the period, the latest signed amendment's
        amount where one changes that year, else the convention's own; a year
        the period covers in part counts for its share of days."""
        if convention_ids is None:
            Convention = self.env["emploi.convention"].sudo()
            convention_ids = Convention.search(
                Convention._funding_domain() + [("company_id", "in", companies.ids)]
            ).ids
        self.env.cr.execute(
            SQL(
                """
                WITH line AS (
                    SELECT COALESCE(c.parent_id, c.id) AS root, y.year, y.amount,
                           row_number() OVER (
                               PARTITION BY COALESCE(c.parent_id, c.id), y.year
                               ORDER BY c.parent_id IS NULL,
                                        c.signature_date DESC NULLS LAST, c.id DESC
                           ) AS rank
                      FROM emploi_convention_year y
                      JOIN emploi_convention c ON c.id = y.convention_id
                     WHERE c.state IN ('signed', 'expired')
                       AND y.year BETWEEN %(year_from)s AND %(year_to)s
                ), dated AS (
                    SELECT line.*, make_date(line.year, 1, 1) AS first_day,
                           make_date(line.year, 12, 31) AS last_day
                      FROM line WHERE rank = 1
                )
                SELECT c.company_id, %(key)s, round(sum(
                           d.amount * %(share)s
                           * (LEAST(d.last_day, %(date_to)s::date)
                              - GREATEST(d.first_day, %(date_from)s::date) + 1)
                           / (d.last_day - d.first_day + 1)::numeric), 2)
                  FROM dated d
                  JOIN emploi_convention c ON c.id = d.root
                 WHERE c.id = ANY(%(conventions)s::int[])
                   AND c.company_id = ANY(%(companies)s)
                 GROUP BY GROUPING SETS ((c.company_id, 2), (2))
                """,
                companies=companies.ids,
                date_from=date_from,
                date_to=date_to,
                year_from=date_from.year,
                year_to=date_to.year,
                conventions=list(convention_ids),
                key=key,
                share=share,
            )
        )
        return [
            (company_id, key, float(amount))
            for company_id, key, amount in self.env.cr.fetchall()
        ]

    @api.model
    def _get_catalogue(self, period=None, ips=False):
        """The sheets of the funder spreadsheet, in order: ``[(title, rows)]``.

        A row is a dict of the indicator's declaration (``funder_indicator``)
        in the user's language: ``code``, ``label``, ``definition``, ``kind``,
        ``keys`` [(key, label)] of a breakdown, ``total``, ``total_code``,
        ``people``, ``unit``, ``over``, ``num`` and ``den`` of a rate. The
        keys of a monthly breakdown are the months of ``period`` (from, to),
        those of a quarterly one its quarters. ``ips``: with the sheet of the
        IPS outcomes.
        """
        by_code = {indicator.code: indicator for indicator in INDICATORS}
        keys = {}

        def row(indicator):
            list_keys = indicator.keys or (
                indicator.nomenclature and records(indicator.nomenclature)
            )
            if list_keys and indicator.code not in keys:
                keys[indicator.code] = list_keys(self.env, period)
            return {
                "code": indicator.code,
                "label": _text(self.env, indicator.label),
                "definition": _text(self.env, indicator.definition),
                "kind": indicator.kind,
                "keys": keys.get(indicator.code),
                "total": indicator.total,
                "total_code": indicator.total_code,
                "people": indicator.people,
                "unit": indicator.unit,
                "over": indicator.over,
                "num": indicator.num,
                "den": indicator.den,
            }

        return [
            (_text(self.env, title), [row(by_code[code]) for code in codes])
            for title, codes in ([*SHEETS, IPS_SHEET] if ips else SHEETS)
        ]
