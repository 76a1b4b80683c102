"""Cross-module scenarios: the suite inside a database that runs other apps."""

from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

SUITE = ("emploi_accompagne", "emploi_accompagne_reports", "emploi_accompagne_portal")
NEIGHBOURS = ("contacts", "calendar", "hr", "crm", "project")


@tagged("post_install", "-at_install")
class TestSuiteInstallation(TransactionCase):
    def test_suite_installed_alongside_other_apps(self):
        modules = self.env["ir.module.module"].search(
            [("name", "in", SUITE + NEIGHBOURS)]
        )
        states = {module.name: module.state for module in modules}
        self.assertEqual(states, dict.fromkeys(SUITE + NEIGHBOURS, "installed"))

    def test_every_model_of_the_suite_has_access_rules(self):
        models = self.env["ir.model"].search(
            [("model", "=like", "emploi.%"), ("transient", "=", False)]
        )
        abstract = {name for name in models.mapped("model") if self.env[name]._abstract}
        without_access = {
            model.model
            for model in models
            if model.model not in abstract and not model.access_ids
        }
        self.assertFalse(without_access)


@tagged("post_install", "-at_install")
class TestReportingSeesFiguresNotFiles(TransactionCase):
    """A pathway opened in the core module is counted in the reports module,
    and the reporting role reads the count without reading the file."""

    def test_pathway_counted_for_reporting_role(self):
        company = self.env["res.company"].create({"name": "Plateforme Test"})
        reporting = new_test_user(
            self.env,
            login="funder",
            groups="emploi_accompagne.group_emploi_reporting",
            company_id=company.id,
            company_ids=[company.id],
        )
        partner = self.env["res.partner"].create({"name": "Inès Leroy"})
        beneficiary = self.env["emploi.beneficiary"].create(
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "birthdate": date(2001, 4, 2),
                "gender": "female",
                "boeth_title": "rqth",
                "consent_date": date(2025, 1, 6),
            }
        )
        self.env["emploi.pathway"].create(
            {"beneficiary_id": beneficiary.id, "entry_date": date(2025, 1, 6)}
        )
        # The analysis is an SQL view over the tables: write the records first.
        self.env.flush_all()
        analysis = self.env["emploi.pathway.analysis"].with_user(reporting)
        [(age_band, count)] = analysis._read_group(
            [], ["age_band"], ["pathway_count:sum"]
        )
        self.assertEqual((age_band, count), ("b_20_24", 1))
        with self.assertRaises(AccessError):
            beneficiary.with_user(reporting).read(["name"])
