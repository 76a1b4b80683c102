import { registry } from "@web/core/registry";

// Drag the meeting the step's trigger found to the next day of the month view.
async function dragToNextDay(helpers) {
    const cell = this.anchor.closest(".fc-daygrid-day");
    const next = new Date(`${cell.dataset.date}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const day = next.toISOString().slice(0, 10);
    await helpers.drag_and_drop(`.fc-daygrid-day[data-date="${day}"] .fc-daygrid-day-events`);
}

function monthView() {
    return [
        {
            trigger: ".scale_button_selection",
            run: "click",
        },
        {
            trigger: ".o_scale_button_month",
            run: "click",
        },
        {
            trigger: ".fc-dayGridMonth-view",
        },
    ];
}

// The secretariat drags the next committee to the following day in the
// committee calendar, then finds the committee moved.
registry.category("web_tour.tours").add("emploi_accompagne_committee_calendar_tour", {
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
            trigger: '.dropdown-item[data-menu-xmlid="emploi_accompagne.calendar_event_menu_committees"]',
            run: "click",
        },
        ...monthView(),
        {
            content: "Drag the committee to the next day",
            trigger: '.fc-event:contains("Instance collégiale Tour")',
            run: dragToNextDay,
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
            trigger: '.o_data_row:contains("Instance collégiale Tour") .o_data_cell',
            run: "click",
        },
        {
            content: "The committee's agenda came along",
            trigger: '.o_field_one2many .o_data_row:contains("Rose Tourneur")',
        },
    ],
});

// Someone who never uses the suite moves their own meeting in the Calendar.
registry.category("web_tour.tours").add("emploi_accompagne_plain_calendar_tour", {
    url: "/odoo/calendar",
    steps: () => [
        ...monthView(),
        {
            content: "Drag my meeting to the next day",
            trigger: '.fc-event:contains("Réunion d\'équipe")',
            run: dragToNextDay,
        },
    ],
});
