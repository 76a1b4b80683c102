from . import test_portal_referral
from . import test_portal_http
