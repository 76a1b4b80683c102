from . import report_support_agreement
from . import report_beneficiary_export
