import { registry } from "@web/core/registry";

// A job coach opens the app on their caseload, opens a person's pathway and
// moves it to the next phase from the status bar.
registry.category("web_tour.tours").add("emploi_accompagne_coach_tour", {
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
            content: "The caseload is a pipeline grouped by phase",
            trigger: ".o_kanban_group .o_column_title:contains(Assessment)",
        },
        {
            trigger: ".o_kanban_record:contains(Camille Tournesol)",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button:contains(Career plan)",
            run: "click",
        },
        {
            content: "The pathway is now in the career-plan phase",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Career plan)",
        },
    ],
});
