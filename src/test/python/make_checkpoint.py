#!/usr/bin/python3
"""Writes a random Hugging Face checkpoint of a named shape, for benchmarks and load tests.

    /usr/bin/python3 src/test/python/make_checkpoint.py --family qwen2 --shape qwen2.5-0.5b \\
        --dtype bf16 --shards 2 --out /tmp/qwen05b
    /usr/bin/python3 src/test/python/make_checkpoint.py --family qwen2 --shape tiny --out /tmp/tiny

Needs only numpy (Debian's python3-numpy). Writes into --out:
  config.json, generation_config.json (eos_token_id [258, 256]),
  model.safetensors or model-0000i-of-0000N.safetensors + model.safetensors.index.json,
  tokenizer.json (byte-level BPE: the 256 byte tokens with GPT-2's byte-to-unicode mapping, no
  merges, added specials <|endoftext|> 256, <|im_start|> 257, <|im_end|> 258; with --fill-vocab,
  the default, ids 259..vocab-1 are decodable filler tokens so that any id the model samples
  decodes), tokenizer_config.json (eos_token <|im_end|>, a ChatML chat_template).

Tensors are streamed to disk one chunk at a time (at most CHUNK elements in memory), so a
0.5B-parameter checkpoint never exists twice in memory. Weights: normal(0, 0.02), norms 1,
biases 0, from numpy's PCG64 with --seed (deterministic). This script is for benchmarks only;
the golden test resources are written by reference_families.py.
"""
import argparse
import json
import os
import struct
import sys
import time

import numpy as np

CHUNK = 1 << 23  # elements generated at once (32 MiB of float32)
STD = 0.02

# hidden, intermediate, layers, heads, kv heads, head_dim, vocab, tied, rope_theta, max positions
SHAPES = {
    "tiny": dict(hidden=64, inter=128, layers=2, heads=4, kv=2, head_dim=16, vocab=512, tied=True,
                 theta=1000000.0, max_pos=2048),
    "qwen2.5-0.5b": dict(hidden=896, inter=4864, layers=24, heads=14, kv=2, head_dim=64, vocab=151936,
                         tied=True, theta=1000000.0, max_pos=32768),
    "qwen3-0.6b": dict(hidden=1024, inter=3072, layers=28, heads=16, kv=8, head_dim=128, vocab=151936,
                       tied=True, theta=1000000.0, max_pos=40960),
    "smollm2-360m": dict(hidden=960, inter=2560, layers=32, heads=15, kv=5, head_dim=64, vocab=49152,
                         tied=True, theta=100000.0, max_pos=8192),
    "llama-3.2-1b": dict(hidden=2048, inter=8192, layers=16, heads=32, kv=8, head_dim=64, vocab=128256,
                         tied=True, theta=500000.0, max_pos=131072),
}
FAMILIES = ("qwen2", "qwen3", "llama", "mistral")
ARCH = {"qwen2": "Qwen2ForCausalLM", "qwen3": "Qwen3ForCausalLM", "llama": "LlamaForCausalLM",
        "mistral": "MistralForCausalLM"}
DTYPES = {"f32": ("F32", 4, "float32"), "f16": ("F16", 2, "float16"), "bf16": ("BF16", 2, "bfloat16")}
SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]  # ids 256, 257, 258
CHATML = ("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content']"
          " + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}"
          "{% endif %}")


# ----------------------------------------------------------------------------------------------
# Tensor list in Hugging Face names: (name, shape, init) with init in normal / ones / zeros
# ----------------------------------------------------------------------------------------------
def tensor_specs(family, s):
    E, I, V, hd = s["hidden"], s["inter"], s["vocab"], s["head_dim"]
    nh, nkv = s["heads"], s["kv"]
    specs = [("model.embed_tokens.weight", (V, E), "normal")]
    for l in range(s["layers"]):
        p = f"model.layers.{l}."
        specs += [(p + "input_layernorm.weight", (E,), "ones"),
                  (p + "self_attn.q_proj.weight", (nh * hd, E), "normal"),
                  (p + "self_attn.k_proj.weight", (nkv * hd, E), "normal"),
                  (p + "self_attn.v_proj.weight", (nkv * hd, E), "normal"),
                  (p + "self_attn.o_proj.weight", (E, nh * hd), "normal")]
        if family == "qwen2":  # biases on q, k, v only
            specs += [(p + "self_attn.q_proj.bias", (nh * hd,), "zeros"),
                      (p + "self_attn.k_proj.bias", (nkv * hd,), "zeros"),
                      (p + "self_attn.v_proj.bias", (nkv * hd,), "zeros")]
        if family == "qwen3":
            specs += [(p + "self_attn.q_norm.weight", (hd,), "ones"),
                      (p + "self_attn.k_norm.weight", (hd,), "ones")]
        specs += [(p + "post_attention_layernorm.weight", (E,), "ones"),
                  (p + "mlp.gate_proj.weight", (I, E), "normal"),
                  (p + "mlp.up_proj.weight", (I, E), "normal"),
                  (p + "mlp.down_proj.weight", (E, I), "normal")]
    specs.append(("model.norm.weight", (E,), "ones"))
    if not s["tied"]:
        specs.append(("lm_head.weight", (V, E), "normal"))
    return specs


def numel(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def to_storage(a, dtype):
    """float32 array -> bytes of the storage dtype (bf16: round to nearest even on the bit pattern)."""
    if dtype == "f32":
        return a.astype("<f4", copy=False).tobytes()
    if dtype == "f16":
        return a.astype("<f2").tobytes()
    u = a.view(np.uint32)
    r = ((u + np.uint32(0x7FFF) + ((u >> np.uint32(16)) & np.uint32(1))) >> np.uint32(16)).astype("<u2")
    return r.tobytes()


def write_shard(path, specs, dtype, rng):
    st_dtype, width, _ = DTYPES[dtype]
    header, off = {"__metadata__": {"format": "pt"}}, 0
    for name, shape, _ in specs:
        n = numel(shape) * width
        header[name] = {"dtype": st_dtype, "shape": list(shape), "data_offsets": [off, off + n]}
        off += n
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for name, shape, init in specs:
            left = numel(shape)
            while left:
                n = min(left, CHUNK)
                if init == "normal":
                    a = rng.standard_normal(n, dtype=np.float32)
                    a *= np.float32(STD)
                else:
                    a = np.full(n, 1.0 if init == "ones" else 0.0, dtype=np.float32)
                f.write(to_storage(a, dtype))
                left -= n
    return off


def split_shards(specs, shards, width):
    """Consecutive groups of tensors of about equal bytes (HF keeps model order within shards)."""
    total = sum(numel(s[1]) for s in specs) * width
    groups, cur, acc = [], [], 0
    for spec in specs:
        cur.append(spec)
        acc += numel(spec[1]) * width
        if len(groups) < shards - 1 and acc >= total * (len(groups) + 1) / shards:
            groups.append(cur)
            cur = []
    groups.append(cur)
    assert len(groups) == shards and all(groups), "too many shards for this many tensors"
    return groups


# ----------------------------------------------------------------------------------------------
# config, generation config, tokenizer
# ----------------------------------------------------------------------------------------------
def config(family, s, dtype):
    c = {"architectures": [ARCH[family]], "attention_dropout": 0.0, "bos_token_id": 256,
         "eos_token_id": 258, "hidden_act": "silu", "hidden_size": s["hidden"], "initializer_range": STD,
         "intermediate_size": s["inter"], "max_position_embeddings": s["max_pos"], "model_type": family,
         "num_attention_heads": s["heads"], "num_hidden_layers": s["layers"],
         "num_key_value_heads": s["kv"], "rms_norm_eps": 1e-06, "rope_scaling": None,
         "rope_theta": s["theta"], "tie_word_embeddings": s["tied"], "torch_dtype": DTYPES[dtype][2],
         "transformers_version": "4.46.0", "use_cache": True, "vocab_size": s["vocab"]}
    if family in ("qwen2", "qwen3"):
        c.update(max_window_layers=s["layers"], sliding_window=None, use_sliding_window=False)
    if family == "qwen3":
        c.update(attention_bias=False, head_dim=s["head_dim"])
    if family == "llama":
        c.update(attention_bias=False, mlp_bias=False, head_dim=s["head_dim"], pretraining_tp=1)
    if family == "mistral":
        c.update(sliding_window=None, head_dim=s["head_dim"])
    if family in ("qwen2", "mistral", "llama") and s["head_dim"] * s["heads"] != s["hidden"]:
        sys.exit(f"{family} needs head_dim * heads == hidden; shape has {s['head_dim']} * {s['heads']}")
    return dict(sorted(c.items()))


def bytes_to_unicode():
    """GPT-2's reversible byte -> printable unicode character mapping."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + \
        list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {b: chr(c) for b, c in zip(bs, cs)}


def tokenizer_json(vocab_size, fill):
    b2u = bytes_to_unicode()
    vocab = {b2u[b]: b for b in range(256)}
    for i, t in enumerate(SPECIALS):
        vocab[t] = 256 + i
    if fill:  # ids 259.. : distinct 2- or 3-symbol byte strings, decodable, never produced by encoding
        for i in range(259, vocab_size):
            k = i - 259
            digits = [k & 255, (k >> 8) & 255] + ([(k >> 16) & 255] if k >= 65536 else [])
            tok = "".join(b2u[d] for d in digits)
            assert tok not in vocab
            vocab[tok] = i

    def byte_level(prefix, trim):
        return {"type": "ByteLevel", "add_prefix_space": prefix, "trim_offsets": trim, "use_regex": True}

    added = [{"id": 256 + i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for i, t in enumerate(SPECIALS)]
    return {"version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
            "normalizer": None, "pre_tokenizer": byte_level(False, True),
            "post_processor": byte_level(False, False), "decoder": byte_level(False, True),
            "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
                      "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False,
                      "ignore_merges": False, "vocab": vocab, "merges": []}}


def tokenizer_config():
    dec = {str(256 + i): {"content": t, "lstrip": False, "normalized": False, "rstrip": False,
                          "single_word": False, "special": True} for i, t in enumerate(SPECIALS)}
    return {"add_bos_token": False, "add_prefix_space": False, "added_tokens_decoder": dec,
            "additional_special_tokens": ["<|im_start|>", "<|im_end|>"], "bos_token": None,
            "chat_template": CHATML, "clean_up_tokenization_spaces": False, "eos_token": "<|im_end|>",
            "errors": "replace", "model_max_length": 32768, "pad_token": "<|endoftext|>",
            "split_special_tokens": False, "tokenizer_class": "Qwen2Tokenizer", "unk_token": None}


def dump(path, obj, indent=2):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=indent, ensure_ascii=False)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--family", choices=FAMILIES, default="qwen2")
    ap.add_argument("--shape", choices=sorted(SHAPES), default="tiny")
    ap.add_argument("--dtype", choices=sorted(DTYPES), default="bf16")
    ap.add_argument("--shards", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True)
    ap.add_argument("--fill-vocab", action=argparse.BooleanOptionalAction, default=True,
                    help="give ids 259..vocab-1 decodable filler tokens (default on)")
    a = ap.parse_args()
    if a.shards < 1:
        sys.exit("--shards must be >= 1")
    t0 = time.time()
    s = SHAPES[a.shape]
    if s["vocab"] < 259:
        sys.exit("vocab must hold the 256 bytes and 3 specials")
    os.makedirs(a.out, exist_ok=True)
    specs = tensor_specs(a.family, s)
    width = DTYPES[a.dtype][1]
    rng = np.random.default_rng(a.seed)
    if a.shards == 1:
        total = write_shard(os.path.join(a.out, "model.safetensors"), specs, a.dtype, rng)
    else:
        weight_map, total = {}, 0
        for i, group in enumerate(split_shards(specs, a.shards, width)):
            fname = f"model-{i + 1:05d}-of-{a.shards:05d}.safetensors"
            total += write_shard(os.path.join(a.out, fname), group, a.dtype, rng)
            weight_map.update({name: fname for name, _, _ in group})
        dump(os.path.join(a.out, "model.safetensors.index.json"),
             {"metadata": {"total_size": total}, "weight_map": weight_map})
    dump(os.path.join(a.out, "config.json"), config(a.family, s, a.dtype))
    dump(os.path.join(a.out, "generation_config.json"),
         {"bos_token_id": 256, "eos_token_id": [258, 256], "pad_token_id": 256,
          "transformers_version": "4.46.0"})
    dump(os.path.join(a.out, "tokenizer.json"), tokenizer_json(s["vocab"], a.fill_vocab))
    dump(os.path.join(a.out, "tokenizer_config.json"), tokenizer_config())
    params = sum(numel(x[1]) for x in specs)
    print(f"{a.family} {a.shape}: {params:,} parameters, {total / 2**20:.1f} MiB {a.dtype} in "
          f"{a.shards} shard(s) -> {a.out} in {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
