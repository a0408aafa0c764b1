"""Readers: text, HTML, JSONL, folders, standard input -> Documents (or InputErrors)."""

from communique.read.decode import decode_bytes
from communique.read.html import declared_charset
from communique.read.readers import MAX_DOCUMENT_BYTES, iso_date, jsonl_document, lang_code, read_bytes, read_inputs

__all__ = ["MAX_DOCUMENT_BYTES", "declared_charset", "decode_bytes", "iso_date", "jsonl_document", "lang_code",
           "read_bytes", "read_inputs"]
