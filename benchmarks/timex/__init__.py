"""TIMEX3 evaluation: converters of public TimeML corpora and the scorer's command line."""
