from . import test_eligibility
from . import test_pathway
from . import test_employment
from . import test_caseload
from . import test_access
from . import test_reminders
from . import test_menus
from . import test_ui
