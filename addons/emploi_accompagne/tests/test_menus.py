from odoo.tests import tagged

from .common import EmploiCommon

MENUS = {
    "root": "emploi_accompagne.menu_root",
    "my_caseload": "emploi_accompagne.emploi_pathway_menu_my",
    "pathways": "emploi_accompagne.emploi_pathway_menu",
    "beneficiaries": "emploi_accompagne.emploi_beneficiary_menu",
    "actions": "emploi_accompagne.emploi_action_menu",
    "jobs": "emploi_accompagne.emploi_job_menu",
    "caseloads": "emploi_accompagne.emploi_caseload_menu",
    "configuration": "emploi_accompagne.menu_configuration",
    "settings": "emploi_accompagne.emploi_settings_menu",
}


@tagged("post_install", "-at_install")
class TestMenus(EmploiCommon):
    """Each role opens the menus of its job, and no other."""

    def _visible(self, user):
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        return {
            key for key, xmlid in MENUS.items() if self.env.ref(xmlid).id in visible
        }

    def test_menus_per_role(self):
        expected = {
            self.coach: {
                "root",
                "my_caseload",
                "pathways",
                "beneficiaries",
                "actions",
                "jobs",
                "caseloads",
            },
            self.secretary: {"root", "pathways", "beneficiaries", "jobs", "caseloads"},
            self.manager: set(MENUS) - {"settings"},
            self.reporting: {"root"},
        }
        for user, menus in expected.items():
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user), menus)

    def test_settings_are_for_administrators(self):
        admin = self.env.ref("base.user_admin")
        self.assertIn("settings", self._visible(admin))

    def test_plain_employee_does_not_see_the_app(self):
        employee = self.env["res.users"].create(
            {
                "name": "Comptable",
                "login": "accountant",
                "company_id": self.platform.id,
                "company_ids": [self.platform.id],
            }
        )
        self.assertEqual(self._visible(employee), set())

    def test_menu_actions_open_for_their_roles(self):
        """Each visible menu's action loads its default view for the role."""
        for user in (self.coach, self.secretary, self.manager):
            for key in self._visible(user) - {"root", "configuration", "settings"}:
                action = self.env.ref(MENUS[key]).action
                model = self.env[action.res_model].with_user(user)
                with self.subTest(user=user.login, menu=key):
                    model.get_views(
                        [(False, mode) for mode in action.view_mode.split(",")]
                    )
                    model.web_search_read([], {"display_name": {}}, limit=5)
