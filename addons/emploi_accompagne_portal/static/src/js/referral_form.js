import { rpc } from "@web/core/network/rpc";
import { debounce } from "@web/core/utils/timing";
import publicWidget from "@web/legacy/js/public/public_widget";

/**
 * The prescriber's referral form, one step at a time, with the platform's
 * checks shown as they type. Without JavaScript every step shows at once and
 * the server says what is missing.
 */
publicWidget.registry.EmploiReferralForm = publicWidget.Widget.extend({
    selector: ".o_emploi_referral_form",
    events: {
        "click .o_emploi_next": "_onNext",
        "click .o_emploi_previous": "_onPrevious",
        "click .o_emploi_steps li": "_onStepClick",
        "click .o_emploi_send": "_onSend",
        input: "_onInput",
        change: "_onInput",
    },

    start() {
        this.steps = [...this.el.querySelectorAll(".o_emploi_step")];
        this.el.querySelector(".o_emploi_steps").classList.remove("d-none");
        this._check = debounce(this._check.bind(this), 300);
        this._show(0);
        return this._super(...arguments);
    },

    _show(index) {
        this.current = index;
        this.steps.forEach((step, i) => step.classList.toggle("d-none", i !== index));
        this.el.querySelectorAll(".o_emploi_steps li").forEach((item, i) => {
            item.classList.toggle("text-bg-primary", i === index);
            item.classList.toggle("text-bg-light", i !== index);
            item.setAttribute("aria-current", i === index ? "step" : "false");
        });
        const last = index === this.steps.length - 1;
        this.el.querySelector(".o_emploi_previous").classList.toggle("d-none", index === 0);
        this.el.querySelector(".o_emploi_next").classList.toggle("d-none", last);
        this.el.querySelector(".o_emploi_send").classList.toggle("d-none", !last);
    },

    _stepValid() {
        return [...this.steps[this.current].querySelectorAll("input, select, textarea")].every(
            (field) => field.reportValidity()
        );
    },

    _onNext() {
        if (this._stepValid()) {
            this._show(this.current + 1);
        }
    },

    _onPrevious() {
        this._show(this.current - 1);
    },

    _onStepClick(ev) {
        this._show(Number(ev.currentTarget.dataset.step) - 1);
    },

    _onSend(ev) {
        const invalid = this.el.querySelector(":invalid:not(form)");
        if (invalid) {
            ev.preventDefault();
            this._show(this.steps.findIndex((step) => step.contains(invalid)));
            invalid.reportValidity();
        }
    },

    _onInput(ev) {
        if (ev.target.type !== "file") {
            this._check();
        }
    },

    async _check() {
        const form = {};
        for (const [name, value] of new FormData(this.el)) {
            if (typeof value === "string" && name !== "csrf_token") {
                form[name] = value;
            }
        }
        const issues = await rpc("/my/referrals/check", { form });
        const list = this.el.querySelector(".o_emploi_issues");
        list.replaceChildren(
            ...issues.map((issue) => {
                const item = document.createElement("li");
                item.textContent = issue;
                return item;
            })
        );
        this.el.querySelector(".o_emploi_complete").classList.toggle("d-none", issues.length > 0);
        this.el.querySelector(".o_emploi_incomplete").classList.toggle("d-none", !issues.length);
    },
});
