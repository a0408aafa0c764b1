"""Readers: text, HTML, JSONL, folders, standard input -> Documents (or InputErrors)."""

from communique.read.decode import decode_bytes
from communique.read.readers import MAX_DOCUMENT_BYTES, iso_date, jsonl_document, read_bytes, read_inputs

__all__ = ["MAX_DOCUMENT_BYTES", "decode_bytes", "iso_date", "jsonl_document", "read_bytes", "read_inputs"]
