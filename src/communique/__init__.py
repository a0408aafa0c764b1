"""Communiqué: multilingual news to an evidence-linked database of diplomatic events."""

__version__ = "0.1.0"
