"""Installing the suite breaks no other app's calendar: the people of a company
that already runs Odoo keep moving their meetings, over /jsonrpc."""

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.emploi_accompagne.tests.common import JsonRpcMixin


@tagged("post_install", "-at_install")
class TestNeighboursKeepTheirCalendar(JsonRpcMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = new_test_user(
            cls.env, login="vendeur", groups="sales_team.group_sale_salesman"
        )
        cls.hr_officer = new_test_user(cls.env, login="rh", groups="hr.group_hr_user")
        cls.project_user = new_test_user(
            cls.env, login="chef.projet", groups="project.group_project_user"
        )
        cls.demo = cls.env.ref("base.user_demo")
        cls._rpc_passwords(cls.salesperson, cls.hr_officer, cls.project_user, cls.demo)

    def test_a_salesperson_keeps_their_calendar(self):
        self.assertCalendarWorksFor(self.salesperson)

    def test_an_hr_officer_keeps_their_calendar(self):
        self.assertCalendarWorksFor(self.hr_officer)

    def test_a_project_user_keeps_their_calendar(self):
        self.assertCalendarWorksFor(self.project_user)

    def test_odoo_demo_user_keeps_their_calendar(self):
        self.assertCalendarWorksFor(self.demo)
