from . import agreement
from . import portal
