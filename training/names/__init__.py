"""Training code for name normalisation tables shipped in the language folders."""
