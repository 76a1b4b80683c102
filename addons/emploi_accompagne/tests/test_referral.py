from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import EmploiCommon


class ReferralCommon(EmploiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.france_travail = cls.env["res.partner"].create(
            {"name": "France Travail Lyon 3", "is_company": True}
        )
        cls.advisor = cls.env["res.partner"].create(
            {
                "name": "Sophie Conseil",
                "email": "sophie.conseil@example.com",
                "parent_id": cls.france_travail.id,
            }
        )
        cls.mdph = cls.env["res.partner"].create(
            {"name": "Représentant MDPH", "email": "mdph@example.com"}
        )

    @classmethod
    def _referral(cls, firstname="Julie", lastname="Moreau", **values):
        return cls.env["emploi.referral"].create(
            {
                "company_id": cls.platform.id,
                "firstname": firstname,
                "lastname": lastname,
                "birthdate": date(1995, 6, 1),
                "gender": "female",
                "prescriber_type": "france_travail",
                "prescriber_id": cls.france_travail.id,
                "advisor_id": cls.advisor.id,
                "referral_date": date(2025, 2, 3),
                "boeth_title": "rqth",
                "consent_date": date(2025, 1, 28),
                **values,
            }
        )

    def _committee(self, **values):
        return (
            self.env["emploi.committee"]
            .with_user(self.secretary)
            .create(
                {
                    "date": datetime(2025, 3, 4, 9, 30),
                    "member_ids": [self.mdph.id],
                    "location": "Salle du conseil",
                    **values,
                }
            )
        )

    def _decide(self, referrals, decision, **values):
        wizard = (
            self.env["emploi.referral.decision"]
            .with_user(self.secretary)
            .create(
                {
                    "referral_ids": referrals.ids,
                    "decision": decision,
                    "decision_date": date(2025, 3, 4),
                    **values,
                }
            )
        )
        return wizard.action_confirm()


class TestReferralIntake(ReferralCommon):
    @freeze_time("2025-02-10")
    def test_eligibility_problems_are_shown_before_the_committee(self):
        young = self._referral(birthdate=date(2010, 1, 1), boeth_title=False)
        self.assertFalse(young.is_eligible)
        self.assertIn("Under 16", young.eligibility_issues)
        self.assertIn("No employment obligation title", young.eligibility_issues)
        no_consent = self._referral("Marc", "Petit", consent_date=False)
        self.assertEqual(no_consent.eligibility_issues, "Consent not recorded.")
        ok = self._referral("Léo", "Blanc")
        self.assertTrue(ok.is_eligible)
        Referral = self.env["emploi.referral"]
        self.assertEqual(
            Referral.search([("is_eligible", "=", False)]) & (young | no_consent | ok),
            young | no_consent,
        )
        with self.assertRaisesRegex(UserError, "not complete"):
            young.with_user(self.secretary).action_mark_ready()
        ok.with_user(self.secretary).action_mark_ready()
        self.assertEqual(ok.state, "ready")

    def test_known_person_is_linked_not_duplicated(self):
        known = self._beneficiary("Julie Moreau", birthdate=date(1995, 6, 1))
        first = self._referral()
        self.assertEqual(first.beneficiary_id, known)
        second = self._referral(firstname="JULIE")
        self.assertIn(first, second.duplicate_referral_ids)
        homonym = self._referral(birthdate=date(1980, 1, 1))
        self.assertFalse(homonym.beneficiary_id)
        self.assertFalse(homonym.duplicate_referral_ids)


class TestCommittee(ReferralCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ready = cls._referral("Julie", "Moreau", urgent=True)
        cls.ready2 = cls._referral("Ahmed", "Saïdi", referral_date=date(2025, 1, 20))
        cls.incomplete = cls._referral("Tom", "Durand", consent_date=False)
        (cls.ready | cls.ready2).action_mark_ready()

    def test_committee_is_a_calendar_meeting_with_its_agenda(self):
        committee = self._committee()
        event = committee.calendar_event_id
        self.assertEqual(event.start, datetime(2025, 3, 4, 9, 30))
        self.assertEqual(event.stop, datetime(2025, 3, 4, 11, 30))
        self.assertEqual(event.partner_ids, self.mdph | self.secretary.partner_id)
        self.assertEqual(event.attendee_ids.partner_id, event.partner_ids)
        committee.action_build_agenda()
        self.assertEqual(committee.referral_ids, self.ready | self.ready2)
        self.assertEqual(self.ready.state, "scheduled")
        self.assertEqual(self.incomplete.state, "new")
        # The meeting's agenda gives references, never names (private meeting).
        self.assertEqual(event.privacy, "private")
        self.assertIn(self.ready.name, str(event.description))
        self.assertIn(self.ready2.name, str(event.description))
        self.assertNotIn(self.incomplete.name, str(event.description))
        for name in ("Julie", "Moreau", "Ahmed", "Saïdi"):
            self.assertNotIn(name, str(event.description))
        self.assertEqual(self.ready2.days_to_committee, 43)
        # Moving the committee moves the meeting.
        committee.date = datetime(2025, 3, 11, 14, 0)
        self.assertEqual(event.start, datetime(2025, 3, 11, 14, 0))

    @freeze_time("2025-02-20")
    def test_members_receive_the_invitation_with_the_agenda(self):
        committee = self._committee()
        committee.action_build_agenda()
        committee.action_send_invitations()
        invitation = self.env["mail.message"].search(
            [
                ("model", "=", "calendar.event"),
                ("res_id", "=", committee.calendar_event_id.id),
                ("partner_ids", "in", self.mdph.ids),
            ]
        )
        # Invited when the committee was planned, then again with the agenda:
        # the references, not the names.
        self.assertEqual(len(invitation), 2)
        self.assertIn(self.ready.name, invitation[0].body)
        self.assertNotIn("Moreau", invitation[0].body)

    def test_admission_opens_the_pathway_without_retyping(self):
        committee = self._committee()
        committee.action_build_agenda()
        self._decide(self.ready, "admitted", coach_id=self.coach.id)
        self.assertEqual(self.ready.state, "admitted")
        pathway = self.ready.pathway_id
        beneficiary = pathway.beneficiary_id
        self.assertEqual(beneficiary.name, "Julie Moreau")
        self.assertEqual(beneficiary.birthdate, date(1995, 6, 1))
        self.assertEqual(beneficiary.boeth_title, "rqth")
        self.assertEqual(beneficiary.consent_date, date(2025, 1, 28))
        self.assertEqual(beneficiary.coach_id, self.coach)
        # Until the first appointment, the admission's date stands in.
        self.assertEqual(
            (pathway.admission_date, pathway.entry_date, pathway.entry_pending),
            (date(2025, 3, 4), date(2025, 3, 4), True),
        )
        self.assertEqual(self.ready.beneficiary_id, beneficiary)
        # The prescriber's advisor is told, from the editable template.
        message = self.ready.message_ids.filtered(
            lambda m: self.advisor in m.partner_ids
        )
        self.assertEqual(len(message), 1)
        self.assertIn("Admitted", message.body)
        self.assertIn(self.coach.name, message.body)

    def test_a_represented_person_is_admitted_with_their_representative(self):
        udaf = self.env["res.partner"].create({"name": "UDAF du Rhône"})
        referral = self._referral(
            "Lucas",
            "Tutelle",
            gender=False,
            prescriber_type="mdph",
            cdaph_decision_date=date(2025, 1, 15),
            cdaph_decision_number="69-2025-00042",
            cdaph_orientation="esat",
            cdaph_valid_until=date(2030, 1, 14),
            consent_by="representative",
            legal_protection="guardianship",
        )
        self.assertEqual(
            referral.eligibility_issues,
            "Legal representative missing.\nGender missing.",
        )
        self.assertNotIn(
            referral, self.env["emploi.referral"].search([("is_eligible", "=", True)])
        )
        with self.assertRaisesRegex(UserError, "Legal representative missing"):
            referral.with_user(self.secretary).action_mark_ready()
        referral.with_user(self.secretary).write(
            {"gender": "male", "legal_representative_id": udaf.id}
        )
        referral.with_user(self.secretary).action_mark_ready()
        self.ready.state = "new"
        self._committee().action_build_agenda()
        self._decide(referral, "admitted", coach_id=self.coach.id)
        beneficiary = referral.beneficiary_id
        self.assertEqual(
            (
                beneficiary.consent_by,
                beneficiary.legal_representative_id,
                beneficiary.sudo().legal_protection,
                beneficiary.gender,
            ),
            ("representative", udaf, "guardianship", "male"),
        )
        self.assertEqual(
            (
                beneficiary.cdaph_decision_date,
                beneficiary.cdaph_decision_number,
                beneficiary.cdaph_orientation,
                beneficiary.cdaph_valid_until,
            ),
            (date(2025, 1, 15), "69-2025-00042", "esat", date(2030, 1, 14)),
        )
        # An anonymised represented person names nobody, their representative
        # included.
        beneficiary.pathway_ids.write(
            {
                "state": "closed",
                "exit_date": date(2025, 6, 2),
                "exit_reason_id": self.reason_stabilised.id,
            }
        )
        beneficiary._anonymise("test")
        self.assertFalse(beneficiary.legal_representative_id)
        self.assertFalse(beneficiary.cdaph_decision_number)

    def test_the_first_held_appointment_is_the_entry(self):
        self._committee().action_build_agenda()
        self._decide(self.ready, "admitted", coach_id=self.coach.id)
        pathway = self.ready.pathway_id
        Action = self.env["emploi.action"].with_user(self.coach)
        first = Action.create(
            {
                "name": "Premier entretien",
                "pathway_id": pathway.id,
                "action_type_id": self.interview.id,
                "start": datetime(2025, 3, 12, 9, 0),
            }
        )
        # Planned is not met.
        self.assertEqual(
            (pathway.entry_date, pathway.entry_pending), (date(2025, 3, 4), True)
        )
        first.attendance = "no_show"
        self.assertTrue(pathway.entry_pending)
        second = Action.create(
            {
                "name": "Entretien",
                "pathway_id": pathway.id,
                "action_type_id": self.interview.id,
                "start": datetime(2025, 3, 19, 9, 0),
                "attendance": "held",
            }
        )
        self.assertEqual(
            (pathway.admission_date, pathway.entry_date, pathway.entry_pending),
            (date(2025, 3, 4), date(2025, 3, 19), False),
        )
        self.assertEqual(pathway.referral_date, date(2025, 2, 3))
        self.assertEqual(self.ready.days_to_first_appointment, 15)
        # A later move of the appointment no longer moves the entry.
        second.start = datetime(2025, 3, 20, 9, 0)
        self.assertEqual(pathway.entry_date, date(2025, 3, 19))
        # The manager corrects it, tracked; the coach cannot.
        with self.assertRaisesRegex(AccessError, "only a manager"):
            pathway.with_user(self.coach).entry_date = date(2025, 3, 12)
        # Nor does a client mark it waiting again, out of the figures.
        with self.assertRaisesRegex(AccessError, "only a manager"):
            pathway.with_user(self.coach).entry_pending = True
        with self.assertRaisesRegex(AccessError, "only a manager"):
            pathway.with_user(self.coach).admission_date = date(2025, 3, 1)
        tracked = self._tracked(
            pathway.with_user(self.manager),
            {"entry_date": date(2025, 3, 18)},
            "entry_date",
        )
        self.assertEqual(tracked.new_value_datetime.date(), date(2025, 3, 18))

    def test_admission_needs_a_coach_or_the_waiting_list(self):
        self._committee().action_build_agenda()
        with self.assertRaisesRegex(UserError, "waiting list"):
            self._decide(self.ready, "admitted")
        self._decide(self.ready, "waiting_list", waiting_priority="2")
        self.assertEqual(self.ready.state, "waiting_list")
        self.assertFalse(self.ready.pathway_id)
        with self.assertRaisesRegex(UserError, "job coach"):
            self.ready.with_user(self.secretary).action_assign_from_waiting_list()
        self.ready.coach_id = self.other_coach
        self.ready.with_user(self.secretary).action_assign_from_waiting_list()
        self.assertEqual(self.ready.state, "admitted")
        self.assertEqual(self.ready.pathway_id.coach_id, self.other_coach)

    def test_other_decisions_and_their_reasons(self):
        self._committee().action_build_agenda()
        with self.assertRaisesRegex(UserError, "reason"):
            self._decide(self.ready, "refused")
        refusal = self.env.ref(
            "emploi_accompagne.emploi_referral_reason_refused_out_of_area"
        )
        self._decide(self.ready, "refused", reason_id=refusal.id)
        self.assertEqual(
            (self.ready.state, self.ready.decision_reason_id), ("refused", refusal)
        )
        mainstream = self.env.ref(
            "emploi_accompagne.emploi_referral_reason_redirected_mainstream"
        )
        with self.assertRaisesRegex(UserError, "redirected to"):
            self._decide(self.ready2, "redirected", reason_id=mainstream.id)
        with self.assertRaisesRegex(UserError, "information is missing"):
            self._decide(self.ready2, "postponed")
        self._decide(self.ready2, "postponed", note="Titre RQTH à fournir")
        self.assertEqual(self.ready2.state, "postponed")
        self._decide(
            self.ready2,
            "redirected",
            reason_id=mainstream.id,
            redirected_to="Cap emploi du Rhône",
        )
        self.assertEqual(self.ready2.redirected_to, "Cap emploi du Rhône")
        with self.assertRaisesRegex(UserError, "already recorded"):
            self._decide(self.ready2, "refused", reason_id=refusal.id)

    def test_an_ips_platform_turns_nobody_away_for_care_or_training_first(self):
        self._committee().action_build_agenda()
        training = self.env.ref(
            "emploi_accompagne.emploi_referral_reason_redirected_training"
        )
        self.platform.emploi_follows_ips = True
        with self.assertRaisesRegex(UserError, "zero exclusion"):
            self._decide(
                self.ready, "redirected", reason_id=training.id, redirected_to="AFPA"
            )
        self.assertEqual(self.ready.state, "scheduled")
        # A platform that does not follow IPS may still give it.
        self.platform.emploi_follows_ips = False
        self._decide(
            self.ready, "redirected", reason_id=training.id, redirected_to="AFPA"
        )
        self.assertEqual(self.ready.state, "redirected")

    def test_committee_closes_when_every_referral_is_decided(self):
        committee = self._committee()
        committee.action_build_agenda()
        with self.assertRaisesRegex(UserError, "decision for every referral"):
            committee.action_done()
        self._decide(self.ready | self.ready2, "assessment")
        committee.action_done()
        self.assertEqual(committee.state, "done")

    def test_waiting_list_order(self):
        self._committee().action_build_agenda()
        self._decide(self.ready2, "waiting_list", waiting_priority="0")
        self._decide(self.ready, "waiting_list", waiting_priority="0")
        late_urgent = self._referral("Zoé", "Roux", referral_date=date(2025, 2, 20))
        late_urgent.write({"state": "waiting_list", "waiting_priority": "2"})
        waiting = self.env["emploi.referral"].search(
            [
                ("state", "=", "waiting_list"),
                ("id", "in", (self.ready | self.ready2 | late_urgent).ids),
            ]
        )
        # Urgent first, then priority, then the oldest referral.
        self.assertEqual(list(waiting), [self.ready, late_urgent, self.ready2])

    def test_delay_to_first_appointment(self):
        committee = self._committee()
        committee.action_build_agenda()
        self._decide(self.ready, "admitted", coach_id=self.coach.id)
        self.env["emploi.action"].create(
            {
                "name": "Premier entretien",
                "pathway_id": self.ready.pathway_id.id,
                "action_type_id": self.interview.id,
                "start": datetime(2025, 3, 12, 10, 0),
                "attendance": "held",
            }
        )
        self.assertEqual(self.ready.first_appointment_date, date(2025, 3, 12))
        self.assertEqual(self.ready.days_to_first_appointment, 8)


@tagged("post_install", "-at_install")
class TestCommitteeMinutes(HttpCase, ReferralCommon):
    """wkhtmltopdf fetches the report's assets from the server: an HttpCase."""

    def test_minutes_render_as_pdf(self):
        referral = self._referral()
        referral.action_mark_ready()
        committee = self._committee()
        committee.action_build_agenda()
        self._decide(referral, "admitted", coach_id=self.coach.id)
        report = self.env.ref("emploi_accompagne.action_report_committee_minutes")
        html, __ = report._render_qweb_html(report.report_name, committee.ids)
        self.assertIn(b"Julie Moreau", html)
        self.assertIn(b"Admitted", html)
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, committee.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_the_minutes_say_who_attended_and_for_which_body(self):
        self.advisor.emploi_committee_body = "spe"
        self.mdph.emploi_committee_body = "mdph"
        committee = self._committee(member_ids=(self.advisor | self.mdph).ids)
        attendees = committee.attendee_ids
        attendees.filtered(lambda a: a.partner_id == self.advisor).state = "accepted"
        attendees.filtered(lambda a: a.partner_id == self.mdph).state = "declined"
        self.assertEqual(
            (committee.spe_represented, committee.mdph_represented), (True, False)
        )
        advisor = attendees.filtered(lambda a: a.partner_id == self.advisor)
        self.assertEqual(advisor.emploi_organisation_id, self.france_travail)
        self.assertEqual(advisor.emploi_committee_body, "spe")
        report = self.env.ref("emploi_accompagne.action_report_committee_minutes")
        html = report._render_qweb_html(report.report_name, committee.ids)[0].decode()
        text = " ".join(html.split())
        self.assertIn(
            "Sophie Conseil</span> (<span>France Travail Lyon 3</span>)", text
        )
        self.assertIn("Public employment service represented:</strong> yes", text)
        self.assertIn("MDPH represented:</strong> no", text)


class TestReferralExpiry(ReferralCommon):
    def test_incomplete_referral_is_flagged_then_expires(self):
        referral = self._referral(consent_date=False)
        with freeze_time("2025-03-10"):
            self.env["emploi.referral"]._cron_expire_incomplete()
            self.assertEqual(len(referral.activity_ids), 1)
            self.assertEqual(referral.state, "new")
        with freeze_time("2025-04-10"):
            self.env["emploi.referral"]._cron_expire_incomplete()
            self.assertEqual(referral.state, "expired")
            notified = referral.message_ids.filtered(
                lambda m: self.advisor in m.partner_ids
            )
            self.assertIn("expired", notified.body)


class TestReferralAccess(ReferralCommon):
    def test_who_sees_referrals(self):
        mine = self._referral("Julie", "Moreau", coach_id=self.coach.id)
        other = self._referral("Ahmed", "Saïdi", coach_id=self.other_coach.id)
        Referral = self.env["emploi.referral"]
        self.assertEqual(Referral.with_user(self.coach).search([]), mine)
        self.assertEqual(Referral.with_user(self.secretary).search([]), mine | other)
        with self.assertRaises(AccessError):
            mine.with_user(self.coach).write({"urgent": True})
        with self.assertRaises(AccessError):
            Referral.with_user(self.reporting).search([])
        with self.assertRaises(AccessError):
            mine.with_user(self.secretary).read(["disability_category_id"])
        foreign = self._referral("Léa", "Vidal", company_id=self.other_platform.id)
        with self.assertRaises(AccessError):
            foreign.with_user(self.secretary).read(["person_name"])
