from . import emploi_portal_organisation_mixin
from . import emploi_advice_request
from . import emploi_agreement_signature
from . import emploi_committee
from . import emploi_referral
from . import emploi_referral_draft
from . import emploi_support_agreement
from . import res_users
