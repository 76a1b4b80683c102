from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo.tests import new_test_user

from odoo.addons.emploi_accompagne.tests.common import EmploiCommon

PDF = b"%PDF-1.4\n%%EOF\n"


class PortalCommon(EmploiCommon):
    """Two agencies of France Travail, a portal user for each of their
    advisors, on platform A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agency = cls.env["res.partner"].create(
            {"name": "France Travail Agence Nord", "is_company": True}
        )
        cls.other_agency = cls.env["res.partner"].create(
            {"name": "France Travail Agence Sud", "is_company": True}
        )
        cls.prescriber = cls._portal_user("Agnès Prescrit", cls.agency, "agnes")
        cls.colleague = cls._portal_user("Bruno Collègue", cls.agency, "bruno")
        cls.stranger = cls._portal_user("Chloé Ailleurs", cls.other_agency, "chloe")

    @classmethod
    def _portal_user(cls, name, agency, login):
        partner = cls.env["res.partner"].create(
            {"name": name, "parent_id": agency.id, "email": f"{login}@example.com"}
        )
        return new_test_user(
            cls.env,
            login=login,
            password=login,
            groups="base.group_portal",
            partner_id=partner.id,
            name=name,
            email=partner.email,
            company_id=cls.platform.id,
            company_ids=[cls.platform.id],
        )

    @staticmethod
    def _form(**values):
        """A complete referral form, as posted (strings)."""
        return {
            "prescriber_type": "france_travail",
            "firstname": "Lina",
            "lastname": "Portail",
            "birthdate": "1990-04-12",
            "gender": "female",
            "boeth_title": "rqth",
            "consent_date": "2026-01-05",
            "wishes": "Travailler en boulangerie",
            **values,
        }

    def _submit(self, user, files=(), **values):
        return (
            self.env["emploi.referral"]
            .with_user(user)
            ._portal_submit(self._form(**values), files)
        )


class CommitteeCommon(PortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mdph = cls.env["res.partner"].create(
            {"name": "MDPH du Nord", "is_company": True}
        )
        cls.member = cls._portal_user("Marc Membre", cls.mdph, "marc")
        cls.member.partner_id.emploi_committee_body = "mdph"
        cls.committee = cls.env["emploi.committee"].create(
            {
                "company_id": cls.platform.id,
                "date": datetime.now() + timedelta(days=7),
                "location": "Salle A",
                "user_id": cls.secretary.id,
                "member_ids": cls.member.partner_id.ids,
            }
        )
        category = cls.env["emploi.disability.category"].search([], limit=1)
        cls.referral = cls.env["emploi.referral"].create(
            {
                "company_id": cls.platform.id,
                "firstname": "Rose",
                "lastname": "Secrète",
                "birthdate": date.today() - relativedelta(years=30, days=1),
                "gender": "female",
                "prescriber_type": "cap_emploi",
                "boeth_title": "rqth",
                "consent_date": "2026-01-05",
                "wishes": "Espaces verts",
                "disability_category_id": category.id,
            }
        )
        cls.referral.action_mark_ready()
        cls.committee.action_build_agenda()


# A 1x1 PNG, as the signature widget sends it (base64, no data: prefix).
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAA"
    "SUVORK5CYII="
)


class AgreementCommon(PortalCommon):
    """An agreement sent for signature to the person and the employer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        beneficiary = cls._beneficiary("Léa Signataire", coach=cls.coach)
        beneficiary.partner_id.email = "lea@example.com"
        cls.pathway = cls._pathway(beneficiary)
        job = cls._job(cls.pathway, date(2026, 3, 2))
        cls.signatory = cls.env["res.partner"].create(
            {
                "name": "Paul Patron",
                "parent_id": cls.employer.id,
                "email": "paul@example.com",
            }
        )
        cls.agreement = cls.env["emploi.support.agreement"].create(
            {
                "pathway_id": cls.pathway.id,
                "job_id": job.id,
                "employer_signatory_id": cls.signatory.id,
                "objectives": "<p>Tenir le poste de vendeuse</p>",
                "accommodations": "<p>Pauses toutes les deux heures</p>",
                "date_signed_platform": date(2026, 3, 1),
            }
        )
        cls.agreement.action_send_for_signature()

    def _requests(self):
        return self.agreement._online_signatures()
