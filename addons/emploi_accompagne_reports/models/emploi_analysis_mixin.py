from odoo import api, models
from odoo.exceptions import AccessError

MANAGER = "emploi_accompagne.group_emploi_manager"
SMALL = 5  # groups of fewer records are not returned to the reporting role
# What an aggregate of the reporting role may be: counts, sums and averages of
# numbers. ``array_agg``, ``recordset``, ``min``, ``max``... give rows' values.
COUNTS = {"count", "count_distinct"}
MEASURES = {"sum", "avg"}
NUMBERS = {"integer", "float", "monetary"}


class EmploiAnalysisMixin(models.AbstractModel):
    """An analysis the funder-reporting role may only aggregate.

    One row is one pathway, action or job: with its date, platform, coach and
    the person's profile, a row is a file. Platform managers, who read the files
    anyway, read rows. Everybody else:

    - reads no row: ``search``, ``search_fetch``, ``search_count`` and ``fetch``
      refuse, and every row read goes through them (``read``, ``search_read``,
      ``web_read``, ``web_search_read``, ``export_data``, ``name_search``,
      ``mapped``, ``filtered_domain``...);
    - gets the groups of ``read_group`` that count at least ``SMALL`` records,
      and so do the pivot and graph views, ``read_progress_bar`` and the search
      panel, which all go through it;
    - aggregates counts, sums and averages only (``_read_group``, which Python
      code running as the user keeps whole: it cannot be called over RPC).

    This does not prevent differencing: two groups of 5 or more that differ by
    one person (with and without a filter on an entry date) still tell about
    that person. What leaves the platform is the masked funder spreadsheet,
    not these views.
    """

    _name = "emploi.analysis.mixin"
    _description = "Anonymous analysis"

    def _reads_rows(self):
        return self.env.su or self.env.user.has_group(MANAGER)

    def _check_reads_rows(self):
        if not self._reads_rows():
            raise AccessError(
                self.env._(
                    'The rows of "%(analysis)s" are reserved to platform managers: '
                    "funder reporting only gets counts of at least %(small)s, in "
                    "the pivot and graph views.",
                    analysis=self.env["ir.model"]._get(self._name).name,
                    small=SMALL,
                )
            )

    def _check_aggregate(self, spec):
        if spec == "__count":
            return
        name, __, function = spec.partition(":")
        field = self._fields.get(name)
        if function in COUNTS or (
            function in MEASURES and field and field.type in NUMBERS and name != "id"
        ):
            return
        raise AccessError(
            self.env._(
                'Only counts, sums and averages can be read from "%(analysis)s", '
                'not "%(aggregate)s".',
                analysis=self.env["ir.model"]._get(self._name).name,
                aggregate=spec,
            )
        )

    @api.model
    @api.readonly
    def search_fetch(self, domain, field_names, offset=0, limit=None, order=None):
        self._check_reads_rows()
        return super().search_fetch(
            domain, field_names, offset=offset, limit=limit, order=order
        )

    @api.model
    @api.readonly
    def search_count(self, domain, limit=None):
        self._check_reads_rows()
        return super().search_count(domain, limit=limit)

    def fetch(self, field_names):
        if self and field_names:
            self._check_reads_rows()
        return super().fetch(field_names)

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        if not self._reads_rows():
            for spec in aggregates:
                self._check_aggregate(spec)
            for leaf in having:
                if isinstance(leaf, list | tuple):
                    self._check_aggregate(leaf[0])
        return super()._read_group(
            domain, groupby, aggregates, having, offset, limit, order
        )

    @api.model
    @api.readonly
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        groups = super().read_group(
            domain,
            fields,
            groupby,
            offset=offset,
            limit=limit,
            orderby=orderby,
            lazy=lazy,
        )
        if self._reads_rows():
            return groups
        groupby = [groupby] if isinstance(groupby, str) else list(groupby)
        count = f"{groupby[0].split(':')[0]}_count" if lazy and groupby else "__count"
        return [group for group in groups if group[count] >= SMALL]

    @api.model
    @api.readonly
    def web_read_group(
        self, domain, fields, groupby, limit=None, offset=0, orderby=False, lazy=True
    ):
        result = super().web_read_group(
            domain,
            fields,
            groupby,
            limit=limit,
            offset=offset,
            orderby=orderby,
            lazy=lazy,
        )
        if not self._reads_rows() and limit and len(result["groups"]) == limit:
            # The core counts the groups left with _read_group: small ones too.
            result["length"] = offset + len(
                self.read_group(domain, ["__count"], groupby, offset=offset, lazy=lazy)
            )
        return result
