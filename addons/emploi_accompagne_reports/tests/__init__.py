from . import test_funder_report
