"""Converters of public labelled event data into the shared label format (one module per source)."""

SOURCES: tuple[str, ...] = ("upetrarch_es", "arabic_gsr", "case2021_task2", "ngec_synthetic")
