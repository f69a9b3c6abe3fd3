#!/usr/bin/python3
"""PyTorch eager reference for `rlhf bench --reference`: the same model, the same work, 2 threads.

    python3 torch_reference.py --model DIR [--batch 4 --ctx 256 --steps 5 --new-tokens 128 ...]

DIR holds config.json and, optionally, model.safetensors (or shards + index). Without weights the
model gets random normal(0, 0.02) weights of the same shape (speed does not depend on values).
The model is written as Hugging Face transformers defines it, in its eager attention path:
q k^T * scale + causal mask, softmax in float32, @ v, repeat_kv for grouped-query attention,
rotate_half RoPE, RMSNorm with rsqrt, GPT-2's Conv1D as addmm and gelu_new with tanh.
No fused kernels (no scaled_dot_product_attention), no torch.compile. Speed only: rope_scaling
and padding are not modelled (random prompts have none; scaling changes values, not cost).
Threads: --threads for training, --decode-threads while sampling, as the workbench does (its
decode steps run on rlhf.decodeThreads threads, default 1: on 2 cores, thread hand-offs cost
more than they save on one-token steps; measured on a loaded 2-core machine, torch eager
decoding ran 4x faster on 1 thread than on 2).

Work measured (figures printed as one JSON object on the last line of stdout):
  train: forward + causal-LM loss over (B, T, V) + backward + global-norm clip + AdamW per step
  generate_k: K samples of N new tokens from one prompt (transformers expands the prompt K times
    before the prefill, as generate(num_return_sequences=K) does), KV cache grown by torch.cat
  generate_prompts: P different prompts of the same length, N new tokens each
Timings are medians over repetitions (training: per step), so a loaded machine skews them less.
Needs only torch (Debian's python3-torch); the safetensors reader below has no other dependency.
"""
import argparse
import json
import math
import os
import resource
import struct
import sys
import time

import torch

ST_DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16}


# ----------------------------------------------------------------------------------------------
# safetensors: u64 LE header length, JSON header {name: {dtype, shape, data_offsets}}, raw bytes
# ----------------------------------------------------------------------------------------------
def read_safetensors(path):
    out = {}
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        base = 8 + n
        for name, spec in header.items():
            if name == "__metadata__":
                continue
            s, e = spec["data_offsets"]
            f.seek(base + s)
            raw = bytearray(f.read(e - s))
            dt = ST_DTYPES[spec["dtype"]]
            t = torch.frombuffer(raw, dtype=dt) if raw else torch.empty(0, dtype=dt)
            out[name] = t.reshape(spec["shape"]).float()
    return out


def read_weights(folder):
    index = os.path.join(folder, "model.safetensors.index.json")
    single = os.path.join(folder, "model.safetensors")
    if os.path.exists(index):
        with open(index) as f:
            files = sorted(set(json.load(f)["weight_map"].values()))
        w = {}
        for name in files:
            w.update(read_safetensors(os.path.join(folder, name)))
        return w
    if os.path.exists(single):
        return read_safetensors(single)
    return None


# ----------------------------------------------------------------------------------------------
# Shapes: config.json -> tensor list in HF names (Linear weights (out, in); GPT-2 Conv1D (in, out))
# ----------------------------------------------------------------------------------------------
def llama_specs(c):
    E, I, V = c["hidden_size"], c["intermediate_size"], c["vocab_size"]
    nh = c["num_attention_heads"]
    nkv = c.get("num_key_value_heads") or nh
    hd = c.get("head_dim") or E // nh
    qkv_bias = c["model_type"] == "qwen2" or c.get("attention_bias", False)
    specs = [("model.embed_tokens.weight", (V, E), "normal"), ("model.norm.weight", (E,), "ones")]
    for l in range(c["num_hidden_layers"]):
        p = f"model.layers.{l}."
        specs += [(p + "input_layernorm.weight", (E,), "ones"),
                  (p + "post_attention_layernorm.weight", (E,), "ones"),
                  (p + "self_attn.q_proj.weight", (nh * hd, E), "normal"),
                  (p + "self_attn.k_proj.weight", (nkv * hd, E), "normal"),
                  (p + "self_attn.v_proj.weight", (nkv * hd, E), "normal"),
                  (p + "self_attn.o_proj.weight", (E, nh * hd), "normal"),
                  (p + "mlp.gate_proj.weight", (I, E), "normal"),
                  (p + "mlp.up_proj.weight", (I, E), "normal"),
                  (p + "mlp.down_proj.weight", (E, I), "normal")]
        if qkv_bias:
            specs += [(p + "self_attn.q_proj.bias", (nh * hd,), "zeros"),
                      (p + "self_attn.k_proj.bias", (nkv * hd,), "zeros"),
                      (p + "self_attn.v_proj.bias", (nkv * hd,), "zeros")]
        if c["model_type"] == "qwen3":
            specs += [(p + "self_attn.q_norm.weight", (hd,), "ones"),
                      (p + "self_attn.k_norm.weight", (hd,), "ones")]
    if not c.get("tie_word_embeddings", False):
        specs.append(("lm_head.weight", (V, E), "normal"))
    return specs


def gpt2_specs(c):
    E, V, P = c["n_embd"], c["vocab_size"], c["n_positions"]
    inner = c.get("n_inner") or 4 * E
    specs = [("transformer.wte.weight", (V, E), "normal"), ("transformer.wpe.weight", (P, E), "normal"),
             ("transformer.ln_f.weight", (E,), "ones"), ("transformer.ln_f.bias", (E,), "zeros")]
    for l in range(c["n_layer"]):
        p = f"transformer.h.{l}."
        specs += [(p + "ln_1.weight", (E,), "ones"), (p + "ln_1.bias", (E,), "zeros"),
                  (p + "ln_2.weight", (E,), "ones"), (p + "ln_2.bias", (E,), "zeros"),
                  (p + "attn.c_attn.weight", (E, 3 * E), "normal"), (p + "attn.c_attn.bias", (3 * E,), "zeros"),
                  (p + "attn.c_proj.weight", (E, E), "normal"), (p + "attn.c_proj.bias", (E,), "zeros"),
                  (p + "mlp.c_fc.weight", (E, inner), "normal"), (p + "mlp.c_fc.bias", (inner,), "zeros"),
                  (p + "mlp.c_proj.weight", (inner, E), "normal"), (p + "mlp.c_proj.bias", (E,), "zeros")]
    return specs


def random_weights(specs, seed):
    g = torch.Generator().manual_seed(seed)
    w = {}
    for name, shape, init in specs:
        if init == "normal":
            w[name] = torch.empty(shape).normal_(0.0, 0.02, generator=g)
        else:
            w[name] = torch.ones(shape) if init == "ones" else torch.zeros(shape)
    return w


# ----------------------------------------------------------------------------------------------
# The models (transformers' eager path). cache: list per layer of (k, v) (B, nkv, L, hd) or None.
# ----------------------------------------------------------------------------------------------
def causal_mask(t, past, dtype):
    """(1, 1, t, past + t) additive mask: 0 where key j <= query i (absolute), min where not."""
    q = torch.arange(past, past + t).unsqueeze(1)
    k = torch.arange(past + t).unsqueeze(0)
    m = torch.zeros(t, past + t, dtype=dtype)
    return m.masked_fill(k > q, torch.finfo(dtype).min)[None, None]


def eager_attention(q, k, v, mask, scale):
    att = torch.matmul(q, k.transpose(2, 3)) * scale + mask               # (B, nh, T, L)
    att = torch.softmax(att, dim=-1, dtype=torch.float32).to(q.dtype)
    return torch.matmul(att, v)                                            # (B, nh, T, hd)


class Llama:
    def __init__(self, c, w):
        self.c, self.w = c, w
        self.nh = c["num_attention_heads"]
        self.nkv = c.get("num_key_value_heads") or self.nh
        self.hd = c.get("head_dim") or c["hidden_size"] // self.nh
        self.eps = c.get("rms_norm_eps", 1e-6)
        theta = c.get("rope_theta") or (c.get("rope_parameters") or {}).get("rope_theta", 10000.0)
        self.inv_freq = 1.0 / (theta ** (torch.arange(0, self.hd, 2, dtype=torch.int64).float() / self.hd))
        self.head = w.get("lm_head.weight", w["model.embed_tokens.weight"])
        self.qk_norm = c["model_type"] == "qwen3"

    def rms(self, x, g):
        var = x.pow(2).mean(-1, keepdim=True)
        return g * (x * torch.rsqrt(var + self.eps))

    @staticmethod
    def rotate_half(x):
        x1, x2 = x[..., : x.shape[-1] // 2], x[..., x.shape[-1] // 2:]
        return torch.cat((-x2, x1), dim=-1)

    def lin(self, name, x):
        b = self.w.get(name + ".bias")
        return torch.nn.functional.linear(x, self.w[name + ".weight"], b)

    def hidden(self, ids, cache, past):
        B, T = ids.shape
        w = self.w
        h = torch.nn.functional.embedding(ids, w["model.embed_tokens.weight"])
        pos = torch.arange(past, past + T).float()
        freqs = torch.outer(pos, self.inv_freq)
        emb = torch.cat((freqs, freqs), dim=-1)
        cos, sin = emb.cos()[None, None], emb.sin()[None, None]           # (1, 1, T, hd)
        mask = causal_mask(T, past, h.dtype)
        for l in range(self.c["num_hidden_layers"]):
            p = f"model.layers.{l}."
            a = self.rms(h, w[p + "input_layernorm.weight"])
            q = self.lin(p + "self_attn.q_proj", a).view(B, T, -1, self.hd).transpose(1, 2)
            k = self.lin(p + "self_attn.k_proj", a).view(B, T, -1, self.hd).transpose(1, 2)
            v = self.lin(p + "self_attn.v_proj", a).view(B, T, -1, self.hd).transpose(1, 2)
            if self.qk_norm:
                q = self.rms(q, w[p + "self_attn.q_norm.weight"])
                k = self.rms(k, w[p + "self_attn.k_norm.weight"])
            q = q * cos + self.rotate_half(q) * sin
            k = k * cos + self.rotate_half(k) * sin
            if cache is not None:
                if cache[l] is not None:
                    k = torch.cat([cache[l][0], k], dim=-2)
                    v = torch.cat([cache[l][1], v], dim=-2)
                cache[l] = (k, v)
            rep = self.nh // self.nkv
            if rep > 1:  # transformers' repeat_kv
                L = k.shape[2]
                k = k[:, :, None].expand(B, self.nkv, rep, L, self.hd).reshape(B, self.nh, L, self.hd)
                v = v[:, :, None].expand(B, self.nkv, rep, L, self.hd).reshape(B, self.nh, L, self.hd)
            y = eager_attention(q, k, v, mask, self.hd ** -0.5).transpose(1, 2).reshape(B, T, -1)
            h = h + self.lin(p + "self_attn.o_proj", y)
            x = self.rms(h, w[p + "post_attention_layernorm.weight"])
            g = self.lin(p + "mlp.gate_proj", x)
            h = h + self.lin(p + "mlp.down_proj", torch.nn.functional.silu(g) * self.lin(p + "mlp.up_proj", x))
        return self.rms(h, w["model.norm.weight"])

    def logits(self, h):
        return torch.nn.functional.linear(h, self.head)


class Gpt2:
    def __init__(self, c, w):
        self.c, self.w = c, w
        self.nh = c["n_head"]
        self.hd = c["n_embd"] // self.nh
        self.eps = c.get("layer_norm_epsilon", 1e-5)

    def ln(self, x, p):
        return torch.nn.functional.layer_norm(x, (x.shape[-1],), self.w[p + ".weight"], self.w[p + ".bias"], self.eps)

    def conv1d(self, p, x):  # transformers' Conv1D: addmm(bias, x, W (in, out))
        size = x.shape[:-1] + (self.w[p + ".weight"].shape[1],)
        return torch.addmm(self.w[p + ".bias"], x.reshape(-1, x.shape[-1]), self.w[p + ".weight"]).view(size)

    @staticmethod
    def gelu_new(x):
        return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))

    def hidden(self, ids, cache, past):
        B, T = ids.shape
        w = self.w
        pos = torch.arange(past, past + T)[None]
        h = torch.nn.functional.embedding(ids, w["transformer.wte.weight"]) + \
            torch.nn.functional.embedding(pos, w["transformer.wpe.weight"])
        mask = causal_mask(T, past, h.dtype)
        for l in range(self.c["n_layer"]):
            p = f"transformer.h.{l}."
            a = self.ln(h, p + "ln_1")
            q, k, v = self.conv1d(p + "attn.c_attn", a).split(self.c["n_embd"], dim=2)
            q, k, v = (t.view(B, T, self.nh, self.hd).transpose(1, 2) for t in (q, k, v))
            if cache is not None:
                if cache[l] is not None:
                    k = torch.cat([cache[l][0], k], dim=-2)
                    v = torch.cat([cache[l][1], v], dim=-2)
                cache[l] = (k, v)
            y = eager_attention(q, k, v, mask, self.hd ** -0.5).transpose(1, 2).reshape(B, T, -1)
            h = h + self.conv1d(p + "attn.c_proj", y)
            x = self.gelu_new(self.conv1d(p + "mlp.c_fc", self.ln(h, p + "ln_2")))
            h = h + self.conv1d(p + "mlp.c_proj", x)
        return self.ln(h, "transformer.ln_f")

    def logits(self, h):
        return torch.nn.functional.linear(h, self.w.get("lm_head.weight", self.w["transformer.wte.weight"]))


def build(folder, seed):
    with open(os.path.join(folder, "config.json")) as f:
        c = json.load(f)
    mt = c["model_type"]
    if mt == "gpt2":
        specs, cls = gpt2_specs(c), Gpt2
    elif mt in ("llama", "mistral", "qwen2", "qwen3"):
        specs, cls = llama_specs(c), Llama
    else:
        raise SystemExit(f"{folder}/config.json: model_type '{mt}' has no PyTorch reference here")
    w = read_weights(folder)
    loaded = w is not None
    if not loaded:
        w = random_weights(specs, seed)
    elif mt == "gpt2":  # the reader keeps HF's Conv1D layout (in, out), as stored
        pass
    return cls(c, w), c, loaded


# ----------------------------------------------------------------------------------------------
# The measured work
# ----------------------------------------------------------------------------------------------
def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])


def train(model, vocab, a, g):
    params = list(model.w.values())
    for t in params:
        t.requires_grad_(True)
    decay = [t for t in params if t.dim() >= 2]
    rest = [t for t in params if t.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": rest, "weight_decay": 0.0}],
                            lr=1e-4, betas=(0.9, 0.95), eps=1e-8)
    times = []
    for i in range(a.warmup + a.steps):
        ids = torch.randint(0, vocab, (a.batch, a.ctx + 1), generator=g)
        t0 = time.perf_counter()
        logits = model.logits(model.hidden(ids[:, :-1], None, 0))              # (B, T, V)
        loss = torch.nn.functional.cross_entropy(logits.float().view(-1, vocab), ids[:, 1:].reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        if i >= a.warmup:
            times.append(time.perf_counter() - t0)
    for t in params:
        t.requires_grad_(False)
    del opt
    return a.batch * a.ctx / median(times)


@torch.no_grad()
def generate(model, layers, prompts, new_tokens, g):
    """Sampling at temperature 1 with the KV cache; prompts (B, P). Returns tokens/s."""
    t0 = time.perf_counter()
    cache = [None] * layers
    logits = model.logits(model.hidden(prompts, cache, 0)[:, -1:])
    past = prompts.shape[1]
    for step in range(new_tokens):
        probs = torch.softmax(logits[:, -1].float(), dim=-1)
        nxt = torch.multinomial(probs, 1, generator=g)                      # (B, 1)
        if step == new_tokens - 1:
            break
        logits = model.logits(model.hidden(nxt, cache, past))
        past += 1
    return prompts.shape[0] * new_tokens / (time.perf_counter() - t0)


def blas_library():
    """The BLAS this torch calls, from the libraries mapped into the process (Debian's torch uses the
    system libblas.so.3: the netlib reference, single-threaded and slow, unless OpenBLAS is installed)."""
    torch.randn(64, 64) @ torch.randn(64, 64)
    try:
        with open("/proc/self/maps") as f:
            libs = {line.split()[-1] for line in f if "blas" in line.lower() and "/" in line}
    except OSError:
        return "unknown"
    return ", ".join(sorted(libs)) or "inside libtorch"


def matmul_gflops(threads):
    """1024 x 1024 x 1024 float32 GFLOP/s on `threads` threads (as the workbench's MatmulProbe): the GEMM
    this torch gets from its BLAS, the ceiling of its training speed."""
    torch.set_num_threads(threads)
    a, b = torch.randn(1024, 1024), torch.randn(1024, 1024)
    for _ in range(3):
        a @ b
    t = time.perf_counter()
    for _ in range(10):
        a @ b
    return 2 * 1024 ** 3 * 10 / (time.perf_counter() - t) / 1e9


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--what", default="all", choices=["train", "generate", "all"])
    ap.add_argument("--batch", type=int, default=4)
    ap.add_argument("--ctx", type=int, default=256)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--new-tokens", type=int, default=128)
    ap.add_argument("--k", type=int, default=8)
    ap.add_argument("--prompts", type=int, default=8)
    ap.add_argument("--prompt-len", type=int, default=16)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--decode-threads", type=int, default=1,
                    help="intra-op threads while sampling (the workbench decodes with rlhf.decodeThreads, default 1)")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    model, c, loaded = build(a.model, a.seed)
    layers = c.get("num_hidden_layers") or c["n_layer"]
    vocab = c["vocab_size"]
    g = torch.Generator().manual_seed(a.seed)
    out = {"torch_version": torch.__version__, "threads": torch.get_num_threads(), "weights_loaded": loaded,
           "rss_after_load_mb": peak_rss_mb(), "blas": blas_library(), "matmul_gflops": matmul_gflops(a.threads)}
    torch.set_num_threads(a.threads)
    if a.what != "train":
        one = torch.randint(0, vocab, (1, a.prompt_len), generator=g).expand(a.k, a.prompt_len).contiguous()
        many = torch.randint(0, vocab, (a.prompts, a.prompt_len), generator=g)
        torch.set_num_threads(a.decode_threads if a.decode_threads > 0 else a.threads)
        generate(model, layers, many, 4, g)  # warm-up
        out["generate_k_tokens_per_second"] = median([generate(model, layers, one, a.new_tokens, g)
                                                      for _ in range(a.reps)])
        out["generate_prompts_tokens_per_second"] = median([generate(model, layers, many, a.new_tokens, g)
                                                            for _ in range(a.reps)])
        out["generate_peak_rss_mb"] = peak_rss_mb()
        torch.set_num_threads(a.threads)
    if a.what != "generate":
        out["train_tokens_per_second"] = train(model, vocab, a, g)
        out["train_peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
