"""The holes an outside client could open, each tried over /jsonrpc as the
role that found it (issue "Health data stays where it belongs")."""

from datetime import date, datetime

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import JsonRpcMixin, RpcError
from .test_referral import ReferralCommon


@tagged("post_install", "-at_install")
class TestSecurityHoles(JsonRpcMixin, HttpCase, ReferralCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.martin_file = cls._beneficiary(
            "Camille Secret",
            coach=cls.coach,
            legal_protection="curatorship",
            legal_representative_id=cls.advisor.id,
            main_benefit="aah",
        )
        cls.martin_pathway = cls._pathway(cls.martin_file)
        cls.referral = cls._referral("Julie", "Moreau")
        cls.referral.action_mark_ready()
        cls.committee = (
            cls.env["emploi.committee"]
            .with_user(cls.secretary)
            .create({"date": datetime(2030, 6, 4, 9, 0), "member_ids": cls.mdph.ids})
        )
        cls.committee.action_build_agenda()
        cls.foreign_secretary = cls._new_user(
            "secretariat", cls.other_platform, login="secretariat2"
        )
        cls._rpc_passwords(
            cls.coach,
            cls.other_coach,
            cls.foreign_coach,
            cls.secretary,
            cls.foreign_secretary,
            cls.manager,
            cls.reporting,
        )

    def test_1_nobody_outside_reads_the_committee_agenda(self):
        for user in (self.reporting, self.foreign_coach, self.other_coach):
            rows = self.rpc(
                user,
                "calendar.event",
                "search_read",
                [("description", "ilike", "/")],
                ["name", "description"],
            )
            text = str(rows)
            self.assertNotIn("Moreau", text)
            self.assertNotIn(self.referral.name, text)
        # Even its own organiser's agenda names nobody: names stay on the committee.
        [row] = self.rpc(
            self.secretary,
            "calendar.event",
            "read",
            [self.committee.calendar_event_id.id],
            ["description"],
        )
        self.assertIn(self.referral.name, row["description"])
        self.assertNotIn("Moreau", row["description"])

    def test_3_a_coach_cannot_reach_a_colleagues_person_through_an_action(self):
        with self.assertRaisesRegex(RpcError, "Support action"):
            self.rpc(
                self.other_coach,
                "emploi.action",
                "create",
                {
                    "name": "Entretien",
                    "pathway_id": self.martin_pathway.id,
                    "action_type_id": self.interview.id,
                    "start": "2030-01-07 09:00:00",
                },
            )
        self.assertFalse(self.martin_pathway.action_ids)

    def test_5_the_secretariat_reads_no_health_related_field(self):
        agreement = self.env["emploi.support.agreement"].create(
            {
                "pathway_id": self.martin_pathway.id,
                "date_start": date(2024, 1, 20),
                "accommodations": "<p>Poste adapté à la fatigabilité</p>",
            }
        )
        refused = {
            "emploi.support.agreement": (agreement.id, "accommodations"),
            "emploi.beneficiary": (self.martin_file.id, "legal_protection"),
            "emploi.pathway": (self.martin_pathway.id, "exit_reason_id"),
        }
        for model, (record_id, field) in refused.items():
            with self.assertRaisesRegex(RpcError, field):
                self.rpc(self.secretary, model, "read", [record_id], [field])
        with self.assertRaisesRegex(RpcError, "main_benefit"):
            self.rpc(
                self.secretary,
                "emploi.beneficiary",
                "read",
                [self.martin_file.id],
                ["main_benefit"],
            )
        # What they need stays: the representative to contact.
        [row] = self.rpc(
            self.secretary,
            "emploi.beneficiary",
            "read",
            [self.martin_file.id],
            ["legal_representative_id", "consent_by"],
        )
        self.assertEqual(row["legal_representative_id"][0], self.advisor.id)
        # Nor does the agreement's PDF reach them, while a coach prints it.
        url = f"/report/pdf/emploi_accompagne.report_support_agreement/{agreement.id}"
        self.authenticate(self.secretary.login, self.secretary.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("fatigabilité", response.text)
        self.authenticate(self.coach.login, self.coach.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        # Tests render the report as HTML (no wkhtmltopdf round trip).
        self.assertIn("fatigabilité", response.text)

    def test_5_workflow_states_move_through_their_buttons_only(self):
        referral = self._referral("Tom", "Refusé")
        referral.action_mark_ready()
        self.committee.action_build_agenda()
        self._decide(
            referral,
            "refused",
            reason_id=self.env.ref(
                "emploi_accompagne.emploi_referral_reason_refused_out_of_area"
            ).id,
        )
        with self.assertRaisesRegex(RpcError, "changes through its buttons only"):
            self.rpc(
                self.secretary,
                "emploi.referral",
                "write",
                [referral.id],
                {"state": "admitted"},
            )
        self.assertEqual(referral.state, "refused")
        self.assertFalse(referral.pathway_id)
        with self.assertRaisesRegex(RpcError, "starts in its first status"):
            self.rpc(
                self.secretary,
                "emploi.referral",
                "create",
                {
                    "firstname": "Forcé",
                    "lastname": "Admis",
                    "birthdate": "1990-01-01",
                    "prescriber_type": "cap_emploi",
                    "state": "admitted",
                },
            )
        agreement = self.env["emploi.support.agreement"].create(
            {"pathway_id": self.martin_pathway.id, "date_start": date(2024, 1, 20)}
        )
        agreement.write(
            {
                "date_signed_person": date(2024, 1, 22),
                "date_signed_platform": date(2024, 1, 22),
            }
        )
        agreement.action_signed()
        with self.assertRaisesRegex(RpcError, "changes through its buttons only"):
            self.rpc(
                self.secretary,
                "emploi.support.agreement",
                "write",
                [agreement.id],
                {"state": "draft"},
            )
        self.assertEqual(agreement.state, "signed")
        with self.assertRaisesRegex(RpcError, "changes through its buttons only"):
            self.rpc(
                self.secretary,
                "emploi.committee",
                "write",
                [self.committee.id],
                {"state": "done"},
            )

    def _partner_operator(self):
        """A partner structure on the platform's convention, and its coach."""
        samsah = self.env["res.partner"].create(
            {"name": "SAMSAH Les Tisserands", "is_company": True}
        )
        self.env["emploi.convention"].create(
            {
                "name": "ARS 2030",
                "funder": "ars",
                "company_id": self.platform.id,
                "date_start": date(2030, 1, 1),
                "date_end": date(2030, 12, 31),
                "operator_ids": [
                    Command.create(
                        {"operator_partner_id": samsah.id, "caseload_share": 25}
                    )
                ],
            }
        )
        partner_coach = self._new_user("coach", self.platform, login="samsah")
        partner_coach.emploi_operator_partner_id = samsah
        partner_coach.sudo().password = "samsah"
        self.env.flush_all()
        return samsah, partner_coach

    def test_6_partner_operators_and_delegation(self):
        samsah, partner_coach = self._partner_operator()
        self.assertEqual(self.rpc(partner_coach, "emploi.committee", "search", []), [])
        with self.assertRaisesRegex(RpcError, "Only the platform's managers delegate"):
            self.rpc(
                self.coach,
                "emploi.beneficiary",
                "write",
                [self.martin_file.id],
                {"operator_partner_id": samsah.id},
            )
        self.assertFalse(self.martin_file.operator_partner_id)
        self.rpc(
            self.manager,
            "emploi.beneficiary",
            "write",
            [self.martin_file.id],
            {"operator_partner_id": samsah.id},
        )
        self.assertEqual(self.martin_file.operator_partner_id, samsah)

    def test_7_admission_keeps_the_person_inside_the_platform(self):
        self.env["mail.followers"]._insert_followers(
            "emploi.referral", self.referral.ids, self.manager.partner_id.ids
        )
        self._decide(
            self.referral, "admitted", coach_id=self.coach.id, note="Fatigue importante"
        )
        partner = self.referral.beneficiary_id.partner_id
        self.assertEqual(partner.company_id, self.platform)
        self.assertFalse(
            self.rpc(
                self.foreign_secretary,
                "res.partner",
                "search",
                [("id", "=", partner.id)],
            )
        )
        message = self.referral.message_ids.filtered(
            lambda m: self.advisor in m.partner_ids
        )
        self.assertNotIn("Moreau", message.subject)
        self.assertTrue(
            message.subtype_id.internal, "A note, not a comment to followers"
        )
        notified = message.notification_ids.res_partner_id
        self.assertEqual(notified, self.advisor)

    def test_7_a_health_related_reason_is_not_told_to_the_prescriber(self):
        self._decide(
            self.referral,
            "redirected",
            reason_id=self.env.ref(
                "emploi_accompagne.emploi_referral_reason_redirected_care"
            ).id,
            redirected_to="CMP de secteur",
        )
        message = self.referral.message_ids.filtered(
            lambda m: self.advisor in m.partner_ids
        )
        self.assertIn("CMP de secteur", message.body)
        self.assertNotIn("care comes first", message.body)

    def test_isolation_reaches_messages_attachments_and_views(self):
        self.martin_file.message_post(body="Point sur la fatigabilité")
        self.env["ir.attachment"].create(
            {
                "name": "notification-mdph.pdf",
                "raw": b"%PDF-1.4",
                "res_model": "emploi.beneficiary",
                "res_id": self.martin_file.id,
            }
        )
        for user in (self.foreign_coach, self.foreign_secretary, self.reporting):
            with self.subTest(user=user.login):
                messages = self.rpc(
                    user,
                    "mail.message",
                    "search_read",
                    [("model", "=", "emploi.beneficiary")],
                    ["body"],
                )
                self.assertNotIn("fatigabilité", str(messages))
                self.assertFalse(
                    self.rpc(
                        user,
                        "ir.attachment",
                        "search",
                        [("res_model", "=", "emploi.beneficiary")],
                    )
                )
        # A colleague coach (no team-wide access) neither.
        self.assertNotIn(
            "fatigabilité",
            str(
                self.rpc(
                    self.other_coach,
                    "mail.message",
                    "search_read",
                    [
                        ("res_id", "=", self.martin_file.id),
                        ("model", "=", "emploi.beneficiary"),
                    ],
                    ["body"],
                )
            ),
        )
        # The caseload view follows the platforms too.
        self.assertFalse(
            self.rpc(
                self.foreign_coach,
                "emploi.caseload",
                "search",
                [("company_id", "=", self.platform.id)],
            )
        )

    def test_partner_operator_staff_reach_delegated_records_only(self):
        samsah, partner_coach = self._partner_operator()
        self.platform.emploi_coach_team_access = True
        opportunity = self.env["emploi.opportunity"].create(
            {
                "name": "Vendeuse",
                "employer_id": self.employer.id,
                "company_id": self.platform.id,
            }
        )
        records = {}
        for label, operator in (("delegated", samsah), ("lead", samsah.browse())):
            person = self._beneficiary(
                f"Personne {label}", coach=self.coach, operator_partner_id=operator.id
            )
            pathway = self._pathway(person)
            records[label] = {
                "emploi.beneficiary": person,
                "emploi.pathway": pathway,
                "emploi.job": self._job(pathway, date(2025, 3, 1)),
                "emploi.action": self.env["emploi.action"].create(
                    {
                        "name": "Entretien",
                        "pathway_id": pathway.id,
                        "action_type_id": self.interview.id,
                    }
                ),
                "emploi.support.agreement": self.env["emploi.support.agreement"].create(
                    {"pathway_id": pathway.id, "date_start": date(2024, 1, 20)}
                ),
                "emploi.disclosure": self.env["emploi.disclosure"].create(
                    {"beneficiary_id": person.id, "partner_id": self.employer.id}
                ),
                "emploi.opportunity.candidate": self.env[
                    "emploi.opportunity.candidate"
                ].create(
                    {
                        "opportunity_id": opportunity.id,
                        "pathway_id": pathway.id,
                        "company_id": self.platform.id,
                    }
                ),
            }
        self.env.flush_all()
        for model, delegated in records["delegated"].items():
            with self.subTest(model=model):
                found = self.rpc(partner_coach, model, "search", [])
                self.assertIn(delegated.id, found)
                self.assertNotIn(records["lead"][model].id, found)

    def test_8_no_client_moves_the_figures_through_their_stored_facts(self):
        job = self._job(self.martin_pathway, date(2024, 6, 1))
        for model, record, field, value in (
            ("emploi.pathway", self.martin_pathway, "entry_age", 70),
            ("emploi.job", job, "start_age", 70),
            ("emploi.pathway", self.martin_pathway, "entry_pending", True),
        ):
            with (
                self.subTest(field=field),
                self.assertRaisesRegex(RpcError, "computed, not typed|only a manager"),
            ):
                self.rpc(self.coach, model, "write", [record.id], {field: value})
        self.assertEqual(self.martin_pathway.entry_age, 33)
        self.assertFalse(self.martin_pathway.entry_pending)
