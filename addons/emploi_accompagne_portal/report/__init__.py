from . import report_support_agreement
