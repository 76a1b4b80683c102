from . import test_portal_advice
from . import test_portal_agreement
from . import test_portal_committee
from . import test_portal_http
from . import test_portal_referral
