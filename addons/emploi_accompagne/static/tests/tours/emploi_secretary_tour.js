import { registry } from "@web/core/registry";

// The secretariat opens the admission committee, builds its agenda from the
// referrals ready, and records a decision from the agenda.
registry.category("web_tour.tours").add("emploi_accompagne_secretary_tour", {
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
            trigger: '.dropdown-item[data-menu-xmlid="emploi_accompagne.emploi_committee_menu"]',
            run: "click",
        },
        {
            trigger: ".o_data_row:contains(Salle Tour) .o_data_cell",
            run: "click",
        },
        {
            trigger: 'button[name="action_build_agenda"]',
            run: "click",
        },
        {
            content: "The ready referral is on the agenda",
            trigger: ".o_field_one2many .o_data_row:contains(Rose Tourneur)",
        },
        {
            trigger: '.o_data_row:contains(Rose Tourneur) button[name="action_decide"]',
            run: "click",
        },
        {
            trigger: '.modal .o_radio_input[data-value="waiting_list"]',
            run: "click",
        },
        {
            trigger: '.modal button[name="action_confirm"]',
            run: "click",
        },
        {
            content: "The decision shows on the agenda",
            trigger: ".o_data_row:contains(Rose Tourneur):contains(waiting list)",
        },
    ],
});
