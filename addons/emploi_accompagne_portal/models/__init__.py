from . import emploi_committee
from . import emploi_referral
from . import emploi_referral_draft
from . import res_users
