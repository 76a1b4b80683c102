from odoo.exceptions import AccessError

from .common import EmploiCommon


class TestAccess(EmploiCommon):
    """Who sees which file: each line of the access matrix, with real users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.psychic = cls.env.ref(
            "emploi_accompagne.emploi_disability_category_psychic"
        )
        cls.mine = cls._beneficiary(
            "Dossier Du Conseiller",
            coach=cls.coach,
            disability_category_id=cls.psychic.id,
            medical_follow_up=True,
        )
        cls.my_pathway = cls._pathway(cls.mine)
        cls.theirs = cls._beneficiary("Dossier D'un Collègue", coach=cls.other_coach)
        cls.their_pathway = cls._pathway(cls.theirs)
        cls.foreign = cls._beneficiary(
            "Dossier Autre Plateforme",
            coach=cls.foreign_coach,
            company=cls.other_platform,
        )
        cls.foreign_pathway = cls._pathway(cls.foreign)
        cls.my_job = cls._job(cls.my_pathway, "2024-05-01")

    def _visible(self, user, model="emploi.beneficiary"):
        return self.env[model].with_user(user).search([])

    def test_coach_sees_and_edits_own_files_only(self):
        self.assertEqual(self._visible(self.coach), self.mine)
        self.assertEqual(self._visible(self.coach, "emploi.pathway"), self.my_pathway)
        self.assertEqual(self._visible(self.coach, "emploi.job"), self.my_job)
        mine = self.mine.with_user(self.coach)
        self.assertEqual(mine.disability_category_id, self.psychic)
        mine.medical_follow_up = False
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.coach).read(["name"])
        with self.assertRaises(AccessError):
            self.their_pathway.with_user(self.coach).write({"color": 3})

    def test_team_wide_access_is_a_platform_setting(self):
        self.platform.emploi_coach_team_access = True
        self.assertEqual(self._visible(self.coach), self.mine | self.theirs)
        # Never another platform's files.
        self.assertNotIn(self.foreign, self._visible(self.coach))

    def test_coach_creates_a_file_and_becomes_its_referent(self):
        partner = (
            self.env["res.partner"].with_user(self.coach).create({"name": "Nouvelle"})
        )
        created = (
            self.env["emploi.beneficiary"]
            .with_user(self.coach)
            .create(
                {
                    "partner_id": partner.id,
                    "birthdate": "1999-01-01",
                    "gender": "female",
                }
            )
        )
        self.assertEqual(created.coach_id, self.coach)
        self.assertEqual(created.company_id, self.platform)

    def test_manager_sees_every_file_of_the_platform_only(self):
        visible = self._visible(self.manager)
        self.assertEqual(visible, self.mine | self.theirs)
        self.assertEqual(
            self._visible(self.manager, "emploi.pathway"),
            self.my_pathway | self.their_pathway,
        )
        self.assertEqual(self.mine.with_user(self.manager).medical_follow_up, True)

    def test_other_platform_is_invisible(self):
        for user in (self.coach, self.secretary, self.manager):
            with self.assertRaises(AccessError):
                self.foreign.with_user(user).read(["name"])
        self.assertEqual(self._visible(self.foreign_coach), self.foreign)

    def test_secretariat_reads_identity_but_not_health(self):
        self.assertEqual(self._visible(self.secretary), self.mine | self.theirs)
        mine = self.mine.with_user(self.secretary)
        self.assertEqual(mine.name, "Dossier Du Conseiller")
        self.assertEqual(mine.boeth_title, "rqth")
        for field in (
            "disability_category_id",
            "associated_disability_ids",
            "medical_follow_up",
        ):
            with self.assertRaises(AccessError, msg=field):
                mine.read([field])
        with self.assertRaises(AccessError):
            mine.write({"medical_follow_up": False})
        self.assertNotIn(
            "disability_category_id",
            self.env["emploi.beneficiary"].with_user(self.secretary).fields_get(),
        )

    def test_health_tracking_is_hidden_from_secretariat(self):
        autism = self.env.ref("emploi_accompagne.emploi_disability_category_autism")
        trackings = self._tracked(
            self.mine, {"disability_category_id": autism.id}, "disability_category_id"
        )
        self.assertEqual(len(trackings), 1)
        as_secretary = trackings._filter_has_field_access(self.env(user=self.secretary))
        self.assertFalse(as_secretary)
        as_coach = trackings._filter_has_field_access(self.env(user=self.coach))
        self.assertEqual(as_coach, trackings)

    def test_reporting_role_sees_no_individual_file(self):
        for model in (
            "emploi.beneficiary",
            "emploi.pathway",
            "emploi.action",
            "emploi.job",
        ):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.reporting).search([])
        with self.assertRaises(AccessError):
            self.mine.with_user(self.reporting).read(["name"])
