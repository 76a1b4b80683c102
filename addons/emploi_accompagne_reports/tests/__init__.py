from . import test_funder_report
from . import test_analysis
from . import test_analysis_access
