from . import test_funder_report
from . import test_analysis
from . import test_analysis_access
from . import test_certified_report
from . import test_funder_disclosure
from . import test_funder_matrix
from . import test_messages
from . import test_anonymisation
