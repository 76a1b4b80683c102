from . import emploi_analysis_mixin
from . import emploi_pathway_analysis
from . import emploi_funder_indicators
from . import emploi_funder_report_mixin
from . import emploi_funder_report_wizard
from . import emploi_funder_snapshot
from . import emploi_action_analysis
from . import emploi_job_analysis
