from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import FunderDataset


@tagged("post_install", "-at_install")
class TestRefusalsInFrench(FunderDataset):
    """What the security refuses, it says in French to a French user (the web
    client sends the user's language in the context)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(
            ["emploi_accompagne_reports"], ["fr_FR"]
        )

    def _in_french(self, user, model):
        return self.env[model].with_user(user).with_context(lang="fr_FR")

    def test_refusals_are_in_french(self):
        Pathways = self._in_french(self.reporting, "emploi.pathway.analysis")
        with self.assertRaisesRegex(
            AccessError,
            "Les lignes de « Analyse des parcours » sont réservées aux "
            "responsables de plateforme",
        ):
            Pathways.search_read([], ["disability_category_id"])
        with self.assertRaisesRegex(AccessError, "Seuls des effectifs, des sommes"):
            Pathways.read_group([], ["id:array_agg"], ["gender"])
        wizard = self._wizard().with_context(lang="fr_FR")
        with self.assertRaisesRegex(
            AccessError, "Seuls les responsables de plateforme clôturent"
        ):
            wizard.action_close_period()
        snapshot = self.env["emploi.funder.snapshot"].browse(
            self._wizard(user=self.manager).action_close_period()["res_id"]
        )
        with self.assertRaisesRegex(UserError, "ne peut pas être modifié"):
            snapshot.with_context(lang="fr_FR").write({"figures": "[]"})
        with self.assertRaisesRegex(AccessError, "en clôturant la période"):
            self._in_french(self.manager, "emploi.funder.snapshot").create({})

    def test_the_indicators_speak_french(self):
        catalogue = self._in_french(self.reporting, "emploi.funder.indicators")
        sheets = dict(catalogue._get_catalogue())
        summary = {row["code"]: row for row in sheets["Synthèse"]}
        self.assertEqual(summary["A1"]["label"], "File active sur la période")
        # A definition made of a template and a shared part, both translated.
        profile = {row["code"]: row for row in sheets["Profils"]}["B_gender"]
        self.assertEqual(
            profile["definition"],
            "personnes (comptées une fois) ayant un parcours ouvert au moins un "
            "jour de la période ; pour une personne ayant plusieurs parcours, le "
            "plus récent",
        )
