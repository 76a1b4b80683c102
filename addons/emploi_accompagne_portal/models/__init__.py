from . import emploi_agreement_signature
from . import emploi_committee
from . import emploi_referral
from . import emploi_referral_draft
from . import emploi_support_agreement
from . import res_users
