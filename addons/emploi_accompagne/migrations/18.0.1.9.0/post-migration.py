"""The time spent per phase is recorded from now on: each pathway starts with
its current phase, from the day it started."""


def migrate(cr, version):
    cr.execute(
        """
        INSERT INTO emploi_phase_period
               (pathway_id, company_id, phase_id, date_start, create_date,
                write_date)
        SELECT p.id, p.company_id, p.phase_id,
               COALESCE(p.date_phase_start, p.entry_date), now(), now()
          FROM emploi_pathway p
         WHERE p.phase_id IS NOT NULL
           AND NOT EXISTS (
               SELECT 1 FROM emploi_phase_period x WHERE x.pathway_id = p.id
           )
        """
    )
