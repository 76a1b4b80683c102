from . import emploi_pathway_close
from . import emploi_referral_decision
from . import emploi_committee_schedule
from . import emploi_anonymisation_wizard
from . import emploi_file_export
