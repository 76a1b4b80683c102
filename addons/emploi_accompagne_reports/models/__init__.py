from . import emploi_pathway_analysis
