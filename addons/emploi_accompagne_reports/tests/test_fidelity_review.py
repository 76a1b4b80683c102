from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from odoo.addons.emploi_accompagne.tests.common import (
    EmploiCommon,
    JsonRpcMixin,
    RpcError,
)

REVIEW_DAY = date(2026, 6, 30)  # the year measured starts on 2025-07-01


def at_nine(day):
    return datetime.combine(day, datetime.min.time()).replace(hour=9)


class TestFidelityReview(EmploiCommon):
    """An IPS platform whose records give known answers, counted by hand.

    36 people have a pathway open on 30 June 2026 (P0 to P35) and two coaches
    are staffed full time (100 % and 90 % on employment services):
    - P0-P4 entered on 2 March 2026; an employer was met for P0, P1 and P2
      after 10, 20 and 30 days; P3 and P4 still wait (120 days);
    - P5-P9 started their first job in the year: Vendeuse at E1 twice,
      Magasinier and Agent d'entretien at E2, Cuisinier (in an ESAT) at E3;
      P5-P8 had their benefits plan before, P5 and P6 a sharing agreement with
      an employer;
    - P10-P13 have worked since January 2025; P10-P12 were met in the last 90
      days (at the workplace);
    - P14-P17 have a care team; the coach talked with that of P14-P16;
    - P18-P27 search a job; P18-P24 have job preferences recorded;
    - P28-P31 missed an appointment; P28-P30 were met at home a week later;
    - the first coach held actions in all four phases (P32), the second in two
      (P33);
    - 120 employer relations actions were held in the last 12 weeks;
    - of 10 referrals decided in the year, one was refused for lack of a title
      (lawful) and one redirected to care first.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.platform.emploi_follows_ips = True
        Staffing = cls.env["emploi.coach.staffing"]
        for coach, share in ((cls.coach, 100), (cls.other_coach, 90)):
            Staffing.create(
                {
                    "user_id": coach.id,
                    "company_id": cls.platform.id,
                    "fte": 1.0,
                    "employment_share": share,
                    "date_start": date(2025, 1, 1),
                }
            )
        people = [
            cls._pathway(
                cls._beneficiary(f"P{index}", coach=cls.coach),
                entry_date=date(2026, 3, 2) if index < 5 else date(2024, 1, 15),
            )
            for index in range(36)
        ]
        cls.people = people
        visit = cls.env.ref("emploi_accompagne.emploi_action_type_workplace_visit")
        for pathway, days in zip(people[:3], (10, 20, 30), strict=True):
            cls._held(
                pathway,
                pathway.entry_date + timedelta(days=days),
                visit,
                employer_id=cls.employer.id,
                location="workplace",
            )
        employers = [
            cls.env["res.partner"].create({"name": name, "is_company": True})
            for name in ("E1", "E2", "E3")
        ]
        jobs = [
            ("Vendeuse", employers[0], False),
            ("Vendeuse", employers[0], False),
            ("Magasinier", employers[1], False),
            ("Agent d'entretien", employers[1], False),
            ("Cuisinier", employers[2], "esat"),
        ]
        for index, (title, employer, reason) in enumerate(jobs):
            pathway = people[5 + index]
            start = date(2025, 9, 1) + timedelta(days=14 * index)
            cls._new_job(pathway, title, employer, start, non_competitive_reason=reason)
            if index < 4:
                pathway.benefits_plan_date = start - timedelta(days=7)
            if index < 2:
                cls.env["emploi.disclosure"].create(
                    {
                        "beneficiary_id": pathway.beneficiary_id.id,
                        "recipient_kind": "employer",
                        "partner_id": employer.id,
                        "date": start - timedelta(days=3),
                    }
                )
        for index in range(10, 14):
            pathway = people[index]
            cls._new_job(pathway, "Préparateur", cls.employer, date(2025, 1, 6))
            if index < 13:
                cls._held(pathway, date(2026, 5, 4), visit, location="workplace")
        liaison = cls.env.ref("emploi_accompagne.emploi_action_type_care_liaison")
        doctor = cls.env["res.partner"].create({"name": "CMP de secteur"})
        for index in range(14, 18):
            member = cls.env["emploi.care.contact"].create(
                {
                    "beneficiary_id": people[index].beneficiary_id.id,
                    "role": "medico_social",
                    "partner_id": doctor.id,
                }
            )
            if index < 17:
                cls._held(
                    people[index],
                    date(2026, 6, 1),
                    liaison,
                    care_contact_id=member.id,
                    with_beneficiary=False,
                    location="remote",
                )
        for index in range(18, 28):
            people[index].write(
                {
                    "phase_id": cls.phases["job_search"].id,
                    "job_preferences": "Espaces verts" if index < 25 else False,
                }
            )
        for index in range(28, 32):
            missed = cls._held(
                people[index], date(2026, 2, 2), cls.interview, attendance="no_show"
            )
            if index < 31:
                cls._held(
                    people[index],
                    missed.date + timedelta(days=7),
                    cls.interview,
                    location="home",
                )
        for phase in cls.phases.values():
            cls._held(
                people[32],
                date(2025, 10, 1),
                cls.interview,
                phase_id=phase.id,
                user_id=cls.coach.id,
            )
        for phase in ("assessment", "career_plan"):
            cls._held(
                people[33],
                date(2025, 10, 1),
                cls.interview,
                phase_id=cls.phases[phase].id,
                user_id=cls.other_coach.id,
            )
        cls.env["emploi.employer.action"].create(
            [
                {
                    "name": "Prospection",
                    "company_id": cls.platform.id,
                    "employer_id": employers[index % 3].id,
                    "action_type_id": visit.id,
                    "user_id": cls.coach.id,
                    "start": at_nine(date(2026, 4, 8) + timedelta(days=index % 80)),
                    "attendance": "held",
                }
                for index in range(120)
            ]
        )
        reasons = {
            code: cls.env["emploi.referral.reason"].search([("code", "=", code)])
            for code in ("refused_no_title", "redirected_care")
        }
        cls.env["emploi.referral"].create(
            [
                {
                    "company_id": cls.platform.id,
                    "firstname": f"R{index}",
                    "lastname": "Orientée",
                    "birthdate": date(1990, 1, 1),
                    "gender": "male",
                    "prescriber_type": "france_travail",
                    "boeth_title": "rqth",
                    "consent_date": date(2025, 8, 1),
                    "referral_date": date(2025, 8, 4),
                    "decision_date": date(2025, 9, 9),
                    "state": state,
                    "decision_reason_id": reason.id,
                }
                for index, (state, reason) in enumerate(
                    [("admitted", reasons["refused_no_title"].browse())] * 8
                    + [
                        ("refused", reasons["refused_no_title"]),
                        ("redirected", reasons["redirected_care"]),
                    ]
                )
            ]
        )

    @classmethod
    def _held(cls, pathway, day, action_type, **values):
        return cls.env["emploi.action"].create(
            {
                "name": action_type.name,
                "pathway_id": pathway.id,
                "action_type_id": action_type.id,
                "start": at_nine(day),
                "attendance": "held",
                "user_id": cls.manager.id,
                "location": "office",
                **values,
            }
        )

    @classmethod
    def _new_job(cls, pathway, title, employer, start, **values):
        return cls.env["emploi.job"].create(
            {
                "name": title,
                "pathway_id": pathway.id,
                "employer_id": employer.id,
                "contract_type_id": cls.cdi.id,
                "start_date": start,
                "weekly_hours": 24,
                **values,
            }
        )

    def _review(self):
        form = Form(self.env["emploi.fidelity.review"].with_user(self.manager))
        form.date = REVIEW_DAY
        form.reviewers = "Équipe IPS régionale"
        return form.save()

    def test_each_measured_item_against_the_figures_counted_by_hand(self):
        review = self._review()
        lines = {line.code: line for line in review.line_ids}
        self.assertEqual(len(lines), 25)
        expected = {
            # code: (figure, proposed score)
            "S1": (18.0, 5),  # 36 people, 2 full-time coaches
            "S2": (0.95, 4),  # (100 + 90) / 2
            "S3": (0.5, 3),  # one coach of two in every phase
            "O2": (0.75, 4),  # 3 of 4 care teams contacted in 90 days
            "O6": (0.1, 3),  # 1 of 10 turned away (care first)
            "SV1": (0.8, 4),  # 4 of 5 benefits plans before the first job
            "SV2": (0.4, 2),  # 2 of 5 sharing agreements
            "SV4": (60.0, 4),  # (10 + 20 + 30 + 120 + 120) / 5
            "SV5": (0.7, 3),  # 7 of 10 preferences
            "SV6": (5.0, 4),  # 120 contacts / 12 weeks / 2 coaches
            "SV8": (0.8, 4),  # 4 job titles for 5 jobs
            "SV9": (0.6, 2),  # 3 employers for 5 jobs
            "SV10": (0.8, 3),  # 4 competitive jobs of 5
            "SV12": (0.75, 4),  # 3 of 4 in a job for over a year met
            "SV13": (0.6, 4),  # 9 of 15 actions with the person outside
            "SV14": (0.75, 4),  # 3 of 4 no-shows followed within 14 days
        }
        for code, (figure, score) in expected.items():
            with self.subTest(item=code):
                self.assertAlmostEqual(lines[code].figure, figure, places=4)
                self.assertEqual(lines[code].proposed_score, score)
                self.assertEqual(lines[code].score, score)
                self.assertTrue(lines[code].computation)
        self.assertIn("3 of 5 met an employer within 30 days", lines["SV4"].computation)
        self.assertEqual(lines["S1"].figure_text, "18.0 people per coach")
        unmeasured = [code for code, line in lines.items() if not line.measured]
        self.assertEqual(
            sorted(unmeasured),
            sorted(["O1", "O3", "O4", "O5", "O7", "O8", "SV3", "SV7", "SV11"]),
        )
        self.assertTrue(all(not lines[code].score for code in unmeasured))
        self.assertEqual(review.total_score, sum(s for __, s in expected.values()))

    def test_the_measures_cost_the_same_whatever_the_records(self):
        Measure = self.env["emploi.fidelity.measure"]
        measures = [
            key
            for key, __ in Measure.env["emploi.fidelity.item"]
            ._fields["measure"]
            .selection
        ]
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        Measure._measure_all(self.platform, REVIEW_DAY, measures)
        queries = self.cr.sql_log_count - before
        for index in range(8):
            pathway = self._pathway(
                self._beneficiary(f"Q{index}"), entry_date=date(2026, 1, 5)
            )
            self._new_job(pathway, f"Poste {index}", self.employer, date(2026, 3, 2))
            self._held(pathway, date(2026, 2, 2), self.interview, attendance="no_show")
            self._held(pathway, date(2026, 2, 9), self.interview, location="home")
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            Measure._measure_all(self.platform, REVIEW_DAY, measures)

    def test_reviewers_confirm_or_override_with_a_reason_then_complete(self):
        review = self._review()
        line = review.line_ids.filtered(lambda line: line.code == "SV9")
        with self.assertRaisesRegex(ValidationError, "say why you score 4"):
            line.with_user(self.manager).score_choice = "4"
        line.with_user(self.manager).write(
            {"score_choice": "4", "override_reason": "Deux magasins différents d'E1."}
        )
        # Measured again, an overridden score stays; the others follow.
        review.with_user(self.manager).action_measure()
        self.assertEqual(line.score, 4)
        with self.assertRaisesRegex(UserError, "Score every item"):
            review.with_user(self.manager).action_done()
        for line in review.line_ids.filtered(lambda line: not line.score):
            line.with_user(self.manager).score_choice = "3"
        review.with_user(self.manager).action_done()
        self.assertEqual(review.total_score, 57 + 2 + 9 * 3)
        self.assertEqual(review.band, "fair")
        # Below good fidelity, the next review comes six months later.
        self.assertEqual(
            (review.activity_ids.date_deadline, review.activity_ids.user_id),
            (date(2026, 12, 30), self.manager),
        )
        with self.assertRaisesRegex(UserError, "completed review"):
            line.with_user(self.manager).notes = "Trop tard"
        with self.assertRaisesRegex(UserError, "completed review"):
            review.with_user(self.manager).action_measure()

    def test_a_new_date_measures_the_records_again(self):
        review = self._review()
        review.with_user(self.manager).date = date(2027, 6, 30)
        lines = {line.code: line for line in review.line_ids}
        # No job started from July 2026 to June 2027.
        self.assertEqual(
            (lines["SV10"].proposed_score, lines["SV10"].figure_text), (0, "No case")
        )
        self.assertEqual(lines["S1"].facts["day"], "2027-06-30")

    def test_the_figures_are_the_records_not_the_clients(self):
        review = self._review()
        line = review.line_ids.filtered(lambda line: line.code == "S1")
        with self.assertRaisesRegex(UserError, "come from the records"):
            line.with_user(self.manager).write({"proposed_score": 1, "figure": 50})
        with self.assertRaises(AccessError):
            self.env["emploi.fidelity.review.line"].with_user(self.manager).create(
                {"review_id": review.id, "item_id": line.item_id.id}
            )
        # The reporting role reads the reviews; coaches do not.
        self.assertEqual(review.with_user(self.reporting).total_score, 57)
        with self.assertRaises(AccessError):
            review.with_user(self.coach).read(["total_score"])
        # Another platform's manager does not see this one's reviews.
        other_manager = self._new_user(
            "manager", self.other_platform, login="manager_b"
        )
        self.assertFalse(
            self.env["emploi.fidelity.review"]
            .with_user(other_manager)
            .search([("id", "=", review.id)])
        )

    def test_the_report_prints_the_scores_the_comparison_and_the_plan(self):
        earlier = self.env["emploi.fidelity.review"].create(
            {"company_id": self.platform.id, "date": date(2025, 6, 30)}
        )
        review = self._review()
        review.action_plan = "<p>Rencontrer six employeurs par semaine.</p>"
        self.assertEqual(review._previous_review(), earlier)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "emploi_accompagne_reports.report_fidelity_review", review.ids
            )[0]
            .decode()
        )
        self.assertIn("Rencontrer six employeurs par semaine.", html)
        self.assertIn("18.0 people per coach", html)
        self.assertIn("Previous review", html)
        self.assertEqual(
            [group["score"] for group in review._group_scores()],
            [5 + 4 + 3, 4 + 3, 4 + 2 + 4 + 3 + 4 + 4 + 2 + 3 + 4 + 4 + 4],
        )


@tagged("post_install", "-at_install")
class TestFidelityReviewRpc(JsonRpcMixin, HttpCase):
    """What a plain JSON-RPC client gets, logged in as a manager or the
    reporting role: no forged figure, no review completed unscored."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        platform = cls.env["res.company"].create({"name": "Plateforme IPS"})
        cls.manager = new_test_user(
            cls.env,
            login="ips.manager",
            groups="emploi_accompagne.group_emploi_manager",
            company_id=platform.id,
            company_ids=[platform.id],
        )
        cls.reporting = new_test_user(
            cls.env,
            login="ips.reporting",
            groups="emploi_accompagne.group_emploi_reporting",
            company_id=platform.id,
            company_ids=[platform.id],
        )
        cls._rpc_passwords(cls.manager, cls.reporting)
        cls.review = (
            cls.env["emploi.fidelity.review"]
            .with_user(cls.manager)
            .create({"company_id": platform.id, "date": date(2026, 6, 30)})
        )

    def test_figures_and_completion_are_the_servers(self):
        line = self.review.line_ids[0]
        model = "emploi.fidelity.review.line"
        for values in ({"proposed_score": 5}, {"figure": 10.0}, {"item_id": 1}):
            with self.assertRaises(RpcError) as caught:
                self.rpc(self.manager, model, "write", [line.id], values)
            self.assertIn("come from the records", str(caught.exception))
        with self.assertRaises(RpcError) as caught:
            self.rpc(
                self.manager,
                model,
                "create",
                {"review_id": self.review.id, "item_id": line.item_id.id},
            )
        self.assertEqual(caught.exception.kind, "odoo.exceptions.AccessError")
        with self.assertRaises(RpcError) as caught:
            self.rpc(
                self.manager,
                "emploi.fidelity.review",
                "write",
                [self.review.id],
                {"state": "done"},
            )
        self.assertIn("Score every item", str(caught.exception))
        self.rpc(self.manager, model, "write", [line.id], {"score_choice": "3"})
        with self.assertRaises(RpcError) as caught:
            self.rpc(self.reporting, model, "write", [line.id], {"score_choice": "5"})
        self.assertEqual(caught.exception.kind, "odoo.exceptions.AccessError")
        [read] = self.rpc(self.reporting, model, "read", [line.id], ["score"])
        self.assertEqual(read["score"], 3)
