from . import emploi_pathway_close
