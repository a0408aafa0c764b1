"""Cleaning stages: debris removal with an offset map, language identification, sentences."""

from communique.clean.debris import clean_text
from communique.clean.language import identify_language
from communique.clean.sentences import split_sentences

__all__ = ["clean_text", "identify_language", "split_sentences"]
