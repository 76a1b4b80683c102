from odoo import fields, models


class EmploiConventionRule(models.Model):
    """Which pathways a convention funds.

    ``public_sector_job`` / ``private_sector_job``: the pathway has a job of that
    sector (``emploi.job.sector``) during the period; ``employed_at_entry``: the
    person was employed when entering; ``all``: every pathway.
    """

    _name = "emploi.convention.rule"
    _inherit = ["emploi.convention.line.mixin"]
    _description = "Convention attribution rule"
    _order = "convention_id, sequence, id"
    _rec_name = "condition"

    sequence = fields.Integer(default=10)
    condition = fields.Selection(
        selection=[
            ("all", "Every pathway"),
            ("public_sector_job", "Job with a public-sector employer"),
            ("private_sector_job", "Job with a private-sector employer"),
            ("employed_at_entry", "Employed at entry"),
        ],
        required=True,
        default="all",
    )

    def _get_pathway_domain(self, first, last):
        """Domain on ``emploi.pathway`` matching this rule between two dates."""
        self.ensure_one()
        if self.condition in ("public_sector_job", "private_sector_job"):
            sector = "public" if self.condition == "public_sector_job" else "private"
            job_domain = [
                ("sector", "=", sector),
                ("start_date", "<=", last),
                "|",
                ("end_date", "=", False),
                ("end_date", ">=", first),
            ]
            return [("job_ids", "any", job_domain)]
        if self.condition == "employed_at_entry":
            return [("employed_at_entry", "=", True)]
        return [(1, "=", 1)]
