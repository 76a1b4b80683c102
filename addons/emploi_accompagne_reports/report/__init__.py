from . import funder_xlsx
