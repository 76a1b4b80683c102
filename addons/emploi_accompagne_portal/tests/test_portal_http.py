from datetime import date, datetime

from odoo.tests import HttpCase, tagged

from odoo.addons.emploi_accompagne.tests.common import JsonRpcMixin, RpcError

from .common import PDF, SIGNATURE, AgreementCommon, CommitteeCommon, PortalCommon


@tagged("post_install", "-at_install")
class TestPortalHttp(HttpCase, PortalCommon, JsonRpcMixin):
    def test_portal_users_reach_no_model_of_ours_over_jsonrpc(self):
        referral = self._submit(self.prescriber)
        models = self.env["ir.model"].search(
            [("model", "=like", "emploi.%"), ("transient", "=", False)]
        )
        abstract = [m.model for m in models if self.env[m.model]._abstract]
        for model in models.mapped("model"):
            if model in abstract:
                continue
            for method, args in (
                ("search_read", [[]]),
                ("read_group", [[], ["id:count"], []]),
                ("create", [{}]),
            ):
                with (
                    self.subTest(model=model, method=method),
                    self.assertRaises(RpcError) as caught,
                ):
                    self.rpc(self.prescriber, model, method, *args)
                self.assertEqual(caught.exception.kind, "odoo.exceptions.AccessError")
        for method in ("_portal_search", "_portal_submit", "_portal_status"):
            with (
                self.subTest(method=method),
                self.assertRaisesRegex(RpcError, "Private methods"),
            ):
                self.rpc(self.prescriber, "emploi.referral", method, [referral.id])
        with self.assertRaises(RpcError) as caught:
            self.rpc(
                self.prescriber,
                "emploi.referral",
                "action_request_information",
                [referral.id],
            )
        self.assertEqual(caught.exception.kind, "odoo.exceptions.AccessError")

    def test_every_route_of_another_agency_is_not_found(self):
        referral = self._submit(self.prescriber)
        draft = (
            self.env["emploi.referral.draft"]
            .with_user(self.prescriber)
            ._portal_save({"firstname": "Lina"})
        )
        self.authenticate("chloe", "chloe")
        for url in (
            f"/my/referrals/{referral.id}",
            f"/my/referrals/new?draft={draft.id}",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404)
        for url in (
            f"/my/referrals/{referral.id}/answer",
            f"/my/referrals/drafts/{draft.id}/delete",
        ):
            with self.subTest(url=url):
                response = self.url_open(
                    url, data={"message": "Intrus", "csrf_token": self.csrf_token()}
                )
                self.assertEqual(response.status_code, 404)
        advice = (
            self.env["emploi.advice.request"]
            .with_user(self.prescriber)
            ._portal_submit(
                {
                    "requester_type": "france_travail",
                    "question": "Question venue du Nord",
                }
            )
        )
        self.assertEqual(self.url_open(f"/my/advice/{advice.id}").status_code, 404)
        self.assertNotIn(advice.name, self.url_open("/my/advice").text)
        listing = self.url_open("/my/referrals").text
        self.assertNotIn(referral.name, listing)
        self.assertNotIn("Portail", listing)
        self.assertTrue(draft.exists())
        self.assertEqual(len(referral._portal_exchanges()), 1)
        # A colleague of the same agency opens it.
        self.authenticate("bruno", "bruno")
        page = self.url_open(f"/my/referrals/{referral.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Lina Portail", page.text)
        self.assertIn(
            "Question venue du Nord", self.url_open(f"/my/advice/{advice.id}").text
        )

    def csrf_token(self):
        page = self.url_open("/my/referrals/new").text
        return page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]

    def test_the_form_sends_and_saves_drafts(self):
        self.authenticate("agnes", "agnes")
        token = self.csrf_token()
        response = self.url_open(
            "/my/referrals/new",
            data={**self._form(lastname=""), "save": "1", "csrf_token": token},
        )
        draft = self.env["emploi.referral.draft"].search(
            [("user_id", "=", self.prescriber.id)]
        )
        self.assertIn(f"/my/referrals/new?draft={draft.id}", response.url)
        self.assertIn('value="Lina"', response.text)
        response = self.url_open(
            "/my/referrals/new",
            data={**self._form(), "draft_id": str(draft.id), "csrf_token": token},
            files={"documents": ("rqth.pdf", PDF, "application/pdf")},
        )
        referral = self.env["emploi.referral"].search(
            [("portal_user_id", "=", self.prescriber.id)]
        )
        self.assertIn(f"/my/referrals/{referral.id}", response.url)
        self.assertFalse(draft.exists())
        self.assertEqual(referral._portal_exchanges().attachment_ids.name, "rqth.pdf")
        # A refused form comes back with the values typed and the reason.
        response = self.url_open(
            "/my/referrals/new",
            data={**self._form(firstname="Zoé", birthdate="hier"), "csrf_token": token},
        )
        self.assertIn("Date of birth: this is not a date.", response.text)
        self.assertIn('value="Zoé"', response.text)


@tagged("post_install", "-at_install")
class TestPortalTours(HttpCase, PortalCommon):
    def test_a_prescriber_sends_and_the_secretary_finds_it_ready(self):
        self.start_tour("/my", "emploi_portal_prescriber_tour", login="agnes")
        referral = self.env["emploi.referral"].search(
            [("portal_user_id", "=", self.prescriber.id)]
        )
        self.assertEqual(referral.person_name, "Lina Portail")
        self.assertEqual(referral.state, "ready")
        self.assertEqual(
            referral._portal_exchanges().attachment_ids.name, "decision-rqth.pdf"
        )
        self.secretary.password = "secretariat"
        self.start_tour("/odoo", "emploi_portal_secretary_tour", login="secretariat")


@tagged("post_install", "-at_install")
class TestCommitteePortalHttp(HttpCase, CommitteeCommon, JsonRpcMixin):
    def test_the_member_page_names_nobody_and_other_members_get_404(self):
        self.authenticate("marc", "marc")
        page = self.url_open(f"/my/committees/{self.committee.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.referral.name, page.text)
        self.assertIn("Espaces verts", page.text)
        self.assertIn(self.referral.sudo().disability_category_id.name, page.text)
        for secret in ("Rose", "Secrète"):
            self.assertNotIn(secret, page.text)
        self.authenticate("agnes", "agnes")
        self.assertEqual(
            self.url_open(f"/my/committees/{self.committee.id}").status_code, 404
        )

    def test_approved_minutes_stay_locked_over_jsonrpc(self):
        self._rpc_passwords(self.secretary)
        self.committee.sudo().write({"state": "done", "minutes_note": "<p>Tenue.</p>"})
        self.committee.with_user(self.secretary).action_approve_minutes()
        for values in (
            {"minutes_approved_date": False},
            {"minutes_note": "<p>Autre</p>"},
        ):
            with self.subTest(values=values), self.assertRaises(RpcError):
                self.rpc(
                    self.secretary,
                    "emploi.committee",
                    "write",
                    [self.committee.id],
                    values,
                )
        self.assertEqual(self.committee.minutes_note, "<p>Tenue.</p>")

    def test_an_outside_member_confirms_attendance(self):
        self.start_tour("/my", "emploi_portal_committee_member_tour", login="marc")
        attendee = self.committee.attendee_ids.filtered(
            lambda a: a.partner_id == self.member.partner_id
        )
        self.assertEqual(attendee.state, "accepted")


@tagged("post_install", "-at_install")
class TestAgreementPortalHttp(HttpCase, AgreementCommon):
    def test_the_link_opens_with_its_token_only(self):
        self.agreement.with_user(self.coach).action_sign_online()
        person, employer = self._requests().sorted("party", reverse=True)
        for url in (
            f"/agreement/sign/{person.id}",
            f"/agreement/sign/{person.id}?access_token={employer.access_token}",
            f"/agreement/sign/{person.id}/pdf?access_token={person.access_token}",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404)
        page = self.url_open(person.get_portal_url()).text
        self.assertIn("Tenir le poste de vendeuse", page)
        self.assertIn("Pauses toutes les deux heures", page)
        page = self.url_open(employer.get_portal_url()).text
        self.assertIn("Tenir le poste de vendeuse", page)
        self.assertNotIn("Pauses toutes les deux heures", page)
        self.assertIn("has not agreed to share anything else", page)
        response = self.opener.post(
            f"{self.base_url()}/agreement/sign/{person.id}/accept",
            json={
                "params": {"access_token": "faux", "name": "X", "signature": SIGNATURE}
            },
        )
        self.assertEqual(
            response.json()["error"]["data"]["name"], "werkzeug.exceptions.NotFound"
        )
        self.assertFalse(self.agreement.date_signed_person)
        person.expiry_date = date(2026, 1, 1)
        self.assertIn("no longer valid", self.url_open(person.get_portal_url()).text)

    def test_the_employer_signs_online(self):
        self.agreement.date_signed_person = date(2026, 3, 1)
        self.agreement.with_user(self.coach).action_sign_online()
        employer = self._requests()
        self.assertEqual(employer.party, "employer")
        self.start_tour(employer.get_portal_url(), "emploi_portal_employer_sign_tour")
        self.assertEqual(self.agreement.state, "signed")
        self.assertEqual(employer.signed_by, "Paul Patron")
        self.assertTrue(employer.signed_copy_id)

    def test_the_person_sees_their_next_appointments_the_employer_what_is_shared(self):
        self.env["emploi.action"].create(
            {
                "name": "Point sur le poste",
                "pathway_id": self.pathway.id,
                "action_type_id": self.interview.id,
                "start": datetime(2030, 5, 6, 8, 0),
            }
        )
        self.env["emploi.disclosure"].create(
            {
                "beneficiary_id": self.agreement.beneficiary_id.id,
                "recipient_kind": "employer",
                "partner_id": self.employer.id,
                "date": date(2026, 3, 1),
                "disclose_progress": True,
            }
        )
        self.agreement.with_user(self.coach).action_sign_online()
        person, employer = self._requests().sorted("party", reverse=True)
        page = self.url_open(person.get_portal_url()).text
        self.assertIn("Your next appointments", page)
        self.assertIn("05/06/2030 10:00", page)
        self.assertIn("Pauses toutes les deux heures", page)
        page = self.url_open(employer.get_portal_url()).text
        self.assertNotIn("05/06/2030", page)
        self.assertIn("Progress of the support", page)
        self.assertIn(self.pathway.phase_id.name, page)
        self.assertNotIn("Pauses toutes les deux heures", page)
