from odoo import fields, http
from odoo.exceptions import MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal, pager

from ..models.emploi_referral import MAX_FILE_BYTES, MAX_FILES

PAGE_SIZE = 20
# The selections of the referral form, in the user's language.
FORM_SELECTIONS = (
    "prescriber_type",
    "prescribed_by",
    "cdaph_orientation",
    "gender",
    "entry_situation",
    "boeth_title",
    "consent_by",
    "legal_protection",
    "support_length",
)


class EmploiPortal(CustomerPortal):
    """The prescribers' pages: thin, every check is in the models' _portal_*
    methods, which read and write for the logged-in portal user only."""

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["emploi_prescriber"] = bool(
            request.env.user._emploi_portal_organisation()
        )
        return values

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "emploi_committee_count" in counters:
            values["emploi_committee_count"] = len(
                request.env["emploi.committee"]._portal_search()
            )
        if "emploi_advice_count" in counters:
            values["emploi_advice_count"] = request.env[
                "emploi.advice.request"
            ]._portal_count()
        if "emploi_referral_count" in counters:
            values["emploi_referral_count"] = request.env[
                "emploi.referral"
            ]._portal_count()
        return values

    @http.route(
        ["/my/referrals", "/my/referrals/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def emploi_referrals(self, page=1, **kw):
        Referral = request.env["emploi.referral"]
        page_pager = pager(
            url="/my/referrals",
            total=Referral._portal_count(),
            page=page,
            step=PAGE_SIZE,
        )
        referrals = Referral._portal_search(
            offset=page_pager["offset"], limit=PAGE_SIZE
        )
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="emploi_referrals",
            referrals=referrals,
            statuses={r.id: r._portal_status()["label"] for r in referrals},
            drafts=request.env["emploi.referral.draft"]._portal_drafts(),
            pager=page_pager,
        )
        return request.render("emploi_accompagne_portal.portal_my_referrals", values)

    def _referral_form_values(self, form, draft=None, error=None, saved=False):
        Referral = request.env["emploi.referral"].sudo()
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="emploi_referral_new",
            form=form,
            draft=draft,
            error=error,
            saved=saved,
            selections={
                name: Referral._fields[name]._description_selection(request.env)
                for name in FORM_SELECTIONS
            },
            platforms=request.env.user.company_ids,
            categories=request.env["emploi.disability.category"].sudo().search([]),
            issues=request.env["emploi.referral"]._portal_eligibility(form),
            max_files=MAX_FILES,
            max_megabytes=MAX_FILE_BYTES // (1024 * 1024),
        )
        return values

    @http.route(
        "/my/referrals/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def emploi_referral_new(self, draft=None, saved=None, **kw):
        if not request.env.user._emploi_portal_organisation():
            raise request.not_found()
        record = None
        form = request.env["emploi.referral"]._portal_default_form()
        if draft:
            record = self._get_draft(draft)
            form = record.values or {}
        return request.render(
            "emploi_accompagne_portal.portal_referral_form",
            self._referral_form_values(form, record, saved=bool(saved)),
        )

    def _get_draft(self, draft_id):
        try:
            return request.env["emploi.referral.draft"]._portal_get(int(draft_id))
        except (MissingError, ValueError):
            raise request.not_found() from None

    @http.route(
        "/my/referrals/new",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def emploi_referral_send(self, **form):
        draft_id = form.pop("draft_id", None)
        draft = self._get_draft(draft_id) if draft_id else None
        if form.pop("save", None):
            draft = request.env["emploi.referral.draft"]._portal_save(
                form, draft.id if draft else None
            )
            return request.redirect(f"/my/referrals/new?draft={draft.id}&saved=1")
        try:
            referral = request.env["emploi.referral"]._portal_submit(
                form, self._uploaded_files()
            )
        except (UserError, ValidationError) as error:
            return request.render(
                "emploi_accompagne_portal.portal_referral_form",
                self._referral_form_values(form, draft, error=error.args[0]),
            )
        if draft:
            draft.unlink()
        return request.redirect(f"/my/referrals/{referral.id}?sent=1")

    @http.route(
        "/my/referrals/drafts/<int:draft_id>/delete",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def emploi_referral_draft_delete(self, draft_id, **kw):
        self._get_draft(draft_id).unlink()
        return request.redirect("/my/referrals")

    @http.route("/my/referrals/check", type="json", auth="user")
    def emploi_referral_check(self, form):
        if not isinstance(form, dict):
            return []
        return request.env["emploi.referral"]._portal_eligibility(form)

    def _get_referral(self, referral_id):
        try:
            return request.env["emploi.referral"]._portal_get(referral_id)
        except MissingError:
            raise request.not_found() from None

    def _referral_page_values(self, referral, **extra):
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="emploi_referral",
            referral=referral,
            status=referral._portal_status(),
            exchanges=referral._portal_exchanges(),
            max_files=MAX_FILES,
            max_megabytes=MAX_FILE_BYTES // (1024 * 1024),
            **extra,
        )
        return values

    @http.route(
        "/my/referrals/<int:referral_id>", type="http", auth="user", website=True
    )
    def emploi_referral(self, referral_id, sent=None, **kw):
        referral = self._get_referral(referral_id)
        return request.render(
            "emploi_accompagne_portal.portal_my_referral",
            self._referral_page_values(referral, sent=bool(sent)),
        )

    @http.route(
        "/my/referrals/<int:referral_id>/answer",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def emploi_referral_answer(self, referral_id, message=None, **kw):
        referral = self._get_referral(referral_id)
        try:
            referral._portal_answer(message, self._uploaded_files())
        except (UserError, ValidationError) as error:
            return request.render(
                "emploi_accompagne_portal.portal_my_referral",
                self._referral_page_values(
                    referral, error=error.args[0], message=message
                ),
            )
        return request.redirect(f"/my/referrals/{referral.id}?sent=1")

    def _uploaded_files(self):
        return [
            (upload.filename, upload.read())
            for upload in request.httprequest.files.getlist("documents")
        ]

    # Committee members

    def _get_committee(self, committee_id):
        try:
            return request.env["emploi.committee"]._portal_get(committee_id)
        except MissingError:
            raise request.not_found() from None

    @http.route("/my/committees", type="http", auth="user", website=True)
    def emploi_committees(self, **kw):
        committees = request.env["emploi.committee"]._portal_search()
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="emploi_committees",
            committees=committees,
            answers={c.id: c._portal_attendee().state for c in committees},
        )
        return request.render("emploi_accompagne_portal.portal_my_committees", values)

    def _committee_page_values(self, committee, **extra):
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="emploi_committee",
            committee=committee,
            attendee=committee._portal_attendee(),
            agenda=committee._portal_agenda(),
            minutes=committee._portal_minutes(),
            can_answer=committee.state == "planned"
            and committee.date > fields.Datetime.now(),
            **extra,
        )
        return values

    @http.route(
        "/my/committees/<int:committee_id>", type="http", auth="user", website=True
    )
    def emploi_committee(self, committee_id, **kw):
        committee = self._get_committee(committee_id)
        return request.render(
            "emploi_accompagne_portal.portal_my_committee",
            self._committee_page_values(committee),
        )

    @http.route(
        "/my/committees/<int:committee_id>/attendance",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def emploi_committee_attendance(self, committee_id, answer=None, **kw):
        committee = self._get_committee(committee_id)
        try:
            committee._portal_answer_invitation(answer)
        except UserError as error:
            return request.render(
                "emploi_accompagne_portal.portal_my_committee",
                self._committee_page_values(committee, error=error.args[0]),
            )
        return request.redirect(f"/my/committees/{committee.id}")

    # Advice requests (appui-conseil)

    @http.route("/my/advice", type="http", auth="user", website=True)
    def emploi_advice_requests(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="emploi_advice",
            advice_requests=request.env["emploi.advice.request"]._portal_search(),
        )
        return request.render("emploi_accompagne_portal.portal_my_advice", values)

    def _advice_form_values(self, form, error=None):
        Advice = request.env["emploi.advice.request"].sudo()
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="emploi_advice_new",
            form=form,
            error=error,
            platforms=request.env.user.company_ids,
            selections={
                "requester_type": Advice._fields[
                    "requester_type"
                ]._description_selection(request.env)
            },
        )
        return values

    @http.route(
        "/my/advice/new", type="http", auth="user", website=True, methods=["GET"]
    )
    def emploi_advice_new(self, **kw):
        if not request.env.user._emploi_portal_organisation():
            raise request.not_found()
        form = request.env["emploi.referral"]._portal_default_form()
        return request.render(
            "emploi_accompagne_portal.portal_advice_form",
            self._advice_form_values({"requester_type": form.get("prescriber_type")}),
        )

    @http.route(
        "/my/advice/new", type="http", auth="user", website=True, methods=["POST"]
    )
    def emploi_advice_send(self, **form):
        try:
            advice = request.env["emploi.advice.request"]._portal_submit(form)
        except (UserError, ValidationError) as error:
            return request.render(
                "emploi_accompagne_portal.portal_advice_form",
                self._advice_form_values(form, error=error.args[0]),
            )
        return request.redirect(f"/my/advice/{advice.id}?sent=1")

    @http.route("/my/advice/<int:advice_id>", type="http", auth="user", website=True)
    def emploi_advice(self, advice_id, sent=None, **kw):
        try:
            advice = request.env["emploi.advice.request"]._portal_get(advice_id)
        except MissingError:
            raise request.not_found() from None
        values = self._prepare_portal_layout_values()
        values.update(page_name="emploi_advice_one", advice=advice, sent=bool(sent))
        return request.render("emploi_accompagne_portal.portal_my_advice_one", values)
