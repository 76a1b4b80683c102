from datetime import date

from freezegun import freeze_time
from psycopg2.errors import CheckViolation, UniqueViolation

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import EmploiCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-01")
class TestConvention(EmploiCommon):
    """Funding conventions: figures against targets, attribution, deadlines,
    access. Every expected figure below is counted by hand from the dataset."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        closed = {"state": "closed", "exit_reason_id": cls.reason_stabilised.id}
        # P1: followed since 2024, public-sector job ongoing.
        cls.p1 = cls._pathway(cls._beneficiary("P Un"), entry_date=date(2024, 3, 1))
        cls._job(cls.p1, date(2024, 6, 1)).sector = "public"
        # P2: entered 2025, private job over the summer only.
        cls.p2 = cls._pathway(cls._beneficiary("P Deux"), entry_date=date(2025, 2, 1))
        cls._job(cls.p2, date(2025, 5, 1), date(2025, 8, 31))
        # P3: entered and left in 2025, public job in between.
        cls.p3 = cls._pathway(
            cls._beneficiary("P Trois"),
            entry_date=date(2025, 4, 1),
            exit_date=date(2025, 10, 15),
            **closed,
        )
        cls._job(cls.p3, date(2025, 6, 1), date(2025, 10, 15)).sector = "public"
        # P4: left before 2025.
        cls.p4 = cls._pathway(
            cls._beneficiary("P Quatre", consent_date=date(2022, 12, 1)),
            entry_date=date(2023, 1, 10),
            exit_date=date(2024, 12, 20),
            **closed,
        )
        # P5: entered in September 2025, private job ongoing.
        cls.p5 = cls._pathway(cls._beneficiary("P Cinq"), entry_date=date(2025, 9, 1))
        cls._job(cls.p5, date(2025, 11, 1))
        # P6: enters in 2026.
        cls.p6 = cls._pathway(cls._beneficiary("P Six"), entry_date=date(2026, 1, 5))
        # Another platform's pathway never counts.
        cls._pathway(
            cls._beneficiary("P Ailleurs", company=cls.other_platform),
            entry_date=date(2025, 3, 1),
        )
        Convention = cls.env["emploi.convention"].with_user(cls.manager)
        cls.ars = Convention.create(
            {
                "name": "ARS 2025-2027",
                "funder": "ars",
                "company_id": cls.platform.id,
                "date_start": date(2025, 1, 1),
                "date_end": date(2027, 12, 31),
                "line_ids": [
                    Command.create(
                        {
                            "year": 2025,
                            "amount": 100000,
                            "target_caseload": 10,
                            "target_entries": 5,
                        }
                    ),
                    Command.create(
                        {"year": 2026, "amount": 120000, "target_caseload": 12}
                    ),
                ],
            }
        )
        cls.fiphfp = Convention.create(
            {
                "name": "FIPHFP 2025",
                "funder": "fiphfp",
                "company_id": cls.platform.id,
                "date_start": date(2025, 1, 1),
                "date_end": date(2025, 12, 31),
                "rule_ids": [Command.create({"condition": "public_sector_job"})],
                "line_ids": [
                    Command.create(
                        {"year": 2025, "amount": 30000, "target_caseload": 1}
                    )
                ],
            }
        )

    def _line(self, convention, year):
        return convention.line_ids.filtered(lambda line: line.year == year)

    def _figures(self, line):
        return (
            line.actual_caseload,
            line.actual_entries,
            line.actual_employed,
            line.remaining_capacity,
            line.amount_per_person,
            line.above_target,
        )

    def test_target_versus_actual_past_year(self):
        # 2025: P1, P2, P3, P5 active; P2, P3, P5 entered; P1, P5 employed on Dec 31.
        line = self._line(self.ars, 2025)
        self.assertEqual(self._figures(line), (4, 3, 2, 6, 25000.0, False))
        self.assertEqual(
            line.convention_id._get_funded_pathways(
                date(2025, 1, 1), date(2025, 12, 31)
            ),
            self.p1 | self.p2 | self.p3 | self.p5,
        )

    def test_target_versus_actual_current_year(self):
        # 2026 (today 1 March): P1, P2, P5, P6 active; P6 entered; P1, P5 employed.
        line = self._line(self.ars, 2026)
        self.assertEqual(self._figures(line), (4, 1, 2, 8, 30000.0, False))

    def test_public_sector_rule_funds_public_jobs_only(self):
        # Only P1 and P3 hold a public-sector job in 2025; P3 entered that year.
        line = self._line(self.fiphfp, 2025)
        self.assertEqual(self._figures(line), (2, 1, 1, -1, 15000.0, True))
        self.assertEqual(
            self.fiphfp._get_funded_pathways(date(2025, 1, 1), date(2025, 12, 31)),
            self.p1 | self.p3,
        )

    def test_reporting_role_reads_figures(self):
        line = self._line(self.ars, 2025).with_user(self.reporting)
        self.assertEqual(line.actual_caseload, 4)
        self.assertEqual(line.convention_id.amount_total, 220000)

    def test_a_caseload_target_on_a_given_day_counts_that_day(self):
        line = self._line(self.ars, 2025)
        # Over 2025: P1, P2, P3 and P5.
        self.assertEqual(line.actual_caseload, 4)
        # On 31 December 2025: P3 left in October.
        line.target_caseload_kind = "stock"
        self.assertEqual(line.actual_caseload, 3)
        # On 1 October 2025: P3 still there, P5 entered in September.
        line.target_caseload_date = date(2025, 10, 1)
        self.assertEqual(line.actual_caseload, 4)
        line.target_caseload_date = date(2025, 6, 30)
        self.assertEqual(line.actual_caseload, 3)
        with self.assertRaisesRegex(ValidationError, "counted on a day of 2025"):
            line.target_caseload_date = date(2026, 1, 1)

    def test_dates_amounts_and_shares(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.ars.date_end = date(2024, 12, 31)
        with self.assertRaisesRegex(ValidationError, "outside the period"):
            self.fiphfp.line_ids = [Command.create({"year": 2026})]
        with mute_logger("odoo.sql_db"), self.assertRaises(CheckViolation):
            self._line(self.ars, 2025).amount = -1
            self.env.flush_all()
        with mute_logger("odoo.sql_db"), self.assertRaises(UniqueViolation):
            self.ars.line_ids = [Command.create({"year": 2025})]
            self.env.flush_all()
        operator = self.env["res.partner"].create({"name": "ESMS partenaire"})
        other = self.env["res.partner"].create({"name": "Autre opérateur"})
        self.ars.operator_ids = [
            Command.create(
                {
                    "operator_partner_id": operator.id,
                    "caseload_share": 60,
                    "amount_share": 60,
                }
            )
        ]
        with self.assertRaisesRegex(ValidationError, "more than 100"):
            self.ars.operator_ids = [
                Command.create(
                    {
                        "operator_partner_id": other.id,
                        "caseload_share": 30,
                        "amount_share": 50,
                    }
                )
            ]

    def test_amendment(self):
        amendment = self.ars.copy(
            {"name": "ARS avenant 1", "parent_id": self.ars.id, "line_ids": []}
        )
        self.assertEqual(self.ars.amendment_count, 1)
        action = self.ars.action_view_amendments()
        self.assertEqual(
            self.env["emploi.convention"].search(action["domain"]), amendment
        )
        with self.assertRaisesRegex(ValidationError, "amendment of itself"):
            self.ars.parent_id = amendment

    def test_deadline_activities(self):
        renewal = self.env.ref("emploi_accompagne.mail_activity_convention_renewal")
        report = self.env.ref("emploi_accompagne.mail_activity_convention_report")
        # Ends on 1 May 2026, 61 days from today: within the 90-day notice.
        self.fiphfp.write(
            {
                "date_end": date(2026, 5, 1),
                "reporting_deadline": date(2026, 3, 20),
            }
        )
        self.ars.reporting_deadline = date(2026, 6, 30)  # 121 days: not yet.
        (self.ars | self.fiphfp).action_sign()
        Convention = self.env["emploi.convention"]
        Convention._cron_schedule_deadlines()
        Convention._cron_schedule_deadlines()
        activities = self.fiphfp.activity_ids
        self.assertEqual(activities.activity_type_id, renewal | report)
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.user_id, self.manager)
        self.assertFalse(self.ars.activity_ids)
        # Once done, the reminder is not created again.
        activities.action_feedback()
        Convention._cron_schedule_deadlines()
        self.assertFalse(self.fiphfp.activity_ids)
        # A new reporting deadline deserves a new reminder.
        self.fiphfp.reporting_deadline = date(2026, 3, 25)
        Convention._cron_schedule_deadlines()
        self.assertEqual(self.fiphfp.activity_ids.activity_type_id, report)

    def test_ended_conventions_expire(self):
        self.fiphfp.action_sign()
        self.env["emploi.convention"]._cron_schedule_deadlines()
        self.assertEqual(self.fiphfp.state, "expired")

    def test_access(self):
        for model in ("emploi.convention", "emploi.convention.year"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.coach).search([])
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.secretary).search([])
        conventions = self.ars | self.fiphfp
        as_reporting = self.env["emploi.convention"].with_user(self.reporting)
        self.assertEqual(as_reporting.search([]), conventions)
        with self.assertRaises(AccessError):
            self.ars.with_user(self.reporting).name = "Changed"
        with self.assertRaises(AccessError):
            as_reporting.create(
                {
                    "name": "Nope",
                    "funder": "other",
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 12, 31),
                }
            )
        self.ars.with_user(self.manager).name = "ARS 2025-2027 (v2)"
        foreign_manager = self._new_user(
            "manager", self.other_platform, login="manager2"
        )
        self.assertFalse(
            self.env["emploi.convention"].with_user(foreign_manager).search([])
        )
        self.assertFalse(
            self.env["emploi.convention.year"].with_user(foreign_manager).search([])
        )

    def test_funding_menu(self):
        menu = self.env.ref("emploi_accompagne.emploi_convention_menu")
        for user, visible in (
            (self.manager, True),
            (self.reporting, True),
            (self.coach, False),
            (self.secretary, False),
        ):
            with self.subTest(user=user.login):
                menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertEqual(menu.id in menus, visible)

    # Which convention funds whom, seen from the pathway (current year: 2026).

    def test_pathway_shows_its_funding_conventions(self):
        fiphfp_2026 = self.env["emploi.convention"].create(
            {
                "name": "FIPHFP 2026",
                "funder": "fiphfp",
                "company_id": self.platform.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "rule_ids": [Command.create({"condition": "public_sector_job"})],
            }
        )
        (self.ars | fiphfp_2026 | self.fiphfp).action_sign()
        Pathway = self.env["emploi.pathway"].with_user(self.manager)
        p1, p2, p3, p6 = (
            p.with_user(self.manager) for p in (self.p1, self.p2, self.p3, self.p6)
        )
        # P1 holds a public-sector job in 2026: the FIPHFP funds it too.
        self.assertEqual(p1.funding_convention_ids, self.ars | fiphfp_2026)
        self.assertEqual(p2.funding_convention_ids, self.ars)
        self.assertEqual(p6.funding_convention_ids, self.ars)
        # P3 left in 2025: no convention of 2026 funds it.
        self.assertFalse(p3.funding_convention_ids)
        self.assertEqual(
            Pathway.search([("funding_convention_ids", "in", fiphfp_2026.ids)]), self.p1
        )
        self.assertEqual(
            Pathway.search([("funding_convention_ids", "=", False)]), self.p3 | self.p4
        )

    def test_coaches_do_not_see_the_funding(self):
        with self.assertRaises(AccessError):
            self.p1.with_user(self.coach).read(["funding_convention_ids"])

    def test_a_person_with_two_pathways_counts_once(self):
        # P4's person comes back in 2025: one person, two pathways that year.
        self.p4.exit_date = date(2025, 1, 31)
        self._pathway(self.p4.beneficiary_id, entry_date=date(2025, 6, 2))
        line = self._line(self.ars, 2025)
        line.invalidate_recordset()
        self.assertEqual((line.actual_caseload, line.actual_entries), (5, 4))
