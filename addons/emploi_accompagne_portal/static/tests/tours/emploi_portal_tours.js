import { waitUntil } from "@odoo/hoot-dom";
import { registry } from "@web/core/registry";

function setValue(value) {
    return function () {
        this.anchor.value = value;
        this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
    };
}

// A prescriber sends a complete referral with the person's title decision.
registry.category("web_tour.tours").add("emploi_portal_prescriber_tour", {
    url: "/my",
    steps: () => [
        {
            trigger: 'a[href="/my/referrals"]',
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: 'a[href="/my/referrals/new"]',
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: 'select[name="prescriber_type"]',
            run: "select france_travail",
        },
        {
            trigger: ".o_emploi_next",
            run: "click",
        },
        {
            trigger: 'input[name="firstname"]:visible',
            run: "edit Lina",
        },
        {
            trigger: 'input[name="lastname"]',
            run: "edit Portail",
        },
        {
            trigger: 'input[name="birthdate"]',
            run: setValue("1990-04-12"),
        },
        {
            trigger: 'select[name="gender"]',
            run: "select female",
        },
        {
            trigger: ".o_emploi_next",
            run: "click",
        },
        {
            trigger: 'select[name="boeth_title"]:visible',
            run: "select rqth",
        },
        {
            trigger: 'input[name="consent_date"]',
            run: setValue("2026-01-05"),
        },
        {
            content: "The checks say the referral is complete",
            trigger: ".o_emploi_complete:not(.d-none)",
        },
        {
            trigger: ".o_emploi_next",
            run: "click",
        },
        {
            trigger: 'textarea[name="wishes"]:visible',
            run: "edit Travailler en boulangerie",
        },
        {
            trigger: ".o_emploi_next",
            run: "click",
        },
        {
            trigger: 'input[name="documents"]:visible',
            run() {
                const file = new File(["%PDF-1.4\n%%EOF\n"], "decision-rqth.pdf", {
                    type: "application/pdf",
                });
                const transfer = new DataTransfer();
                transfer.items.add(file);
                this.anchor.files = transfer.files;
            },
        },
        {
            trigger: ".o_emploi_send:visible",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The referral is in the platform's queue, ready",
            trigger: ".o_emploi_status:contains(Ready for committee)",
        },
        {
            trigger: ".o_emploi_exchanges:contains(decision-rqth.pdf)",
        },
    ],
});

// The secretariat finds it ready in the referrals' queue, marked as sent on
// the portal.
registry.category("web_tour.tours").add("emploi_portal_secretary_tour", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            trigger: '.o_app[data-menu-xmlid="emploi_accompagne.menu_root"]',
            run: "click",
        },
        {
            trigger: '.o_menu_sections button[data-menu-xmlid="emploi_accompagne.menu_admissions"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="emploi_accompagne.emploi_referral_menu"]',
            run: "click",
        },
        {
            content: "Ready for committee, with the portal badge",
            trigger:
                ".o_kanban_group:contains(Ready for committee) .o_kanban_record:contains(Lina Portail):has(.o_emploi_portal_badge)",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="portal_user_id"]:contains(Agnès Prescrit)',
        },
    ],
});

// An outside committee member confirms they will attend the next committee.
registry.category("web_tour.tours").add("emploi_portal_committee_member_tour", {
    url: "/my",
    steps: () => [
        {
            trigger: 'a[href="/my/committees"]',
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: 'a[href^="/my/committees/"]',
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_emploi_agenda_item",
        },
        {
            trigger: ".o_emploi_attend",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The answer is recorded",
            trigger: ".o_emploi_attendance:contains(Will attend)",
        },
    ],
});

// The employer signs the agreement from the link they were e-mailed.
registry.category("web_tour.tours").add("emploi_portal_employer_sign_tour", {
    steps: () => [
        {
            trigger: ".o_emploi_agreement:contains(Tenir le poste de vendeuse)",
        },
        {
            trigger: ".o_emploi_sign",
            run: "click",
        },
        {
            trigger: ".modal .o_web_sign_name_and_signature input:value(Paul Patron)",
        },
        {
            trigger: ".modal canvas.o_web_sign_signature",
            async run(helpers) {
                await waitUntil(() => {
                    const canvas = helpers.anchor;
                    const pixels = new Uint32Array(
                        canvas
                            .getContext("2d")
                            .getImageData(0, 0, canvas.width, canvas.height).data.buffer
                    );
                    return pixels.some((pixel) => pixel !== 0);
                });
            },
        },
        {
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Signed, the signed copy to download",
            trigger: ".o_emploi_signed a[href*='/pdf']",
        },
    ],
});
