"""Naive float64 forward passes of the Hugging Face families, written from transformers'
definitions (LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM, Qwen3ForCausalLM,
GPTNeoXForCausalLM, GPT2LMHeadModel), and RoPE frequency tables computed as transformers computes
them. Each forward takes a `wrong` set naming a deliberate mistake, used to show that the golden
values tell that mistake apart. Used by reference_families.py."""
import math

import torch

F64 = torch.float64


# ----------------------------------------------------------------------------------------------
# RoPE: inverse frequencies exactly as transformers computes them (float32), and two independent
# ways of applying them that must agree.
# ----------------------------------------------------------------------------------------------
def inv_freq_default(dim, theta):
    """transformers: 1 / theta ** (arange(0, dim, 2).float() / dim), all in float32."""
    return 1.0 / (theta ** (torch.arange(0, dim, 2, dtype=torch.int64).float() / dim))


def inv_freq_llama3(dim, theta, factor, low_freq_factor, high_freq_factor, old_ctx):
    """transformers _compute_llama3_parameters, float32; also returns each frequency's regime."""
    inv = inv_freq_default(dim, theta)
    low_freq_wavelen = old_ctx / low_freq_factor
    high_freq_wavelen = old_ctx / high_freq_factor
    wavelen = 2 * math.pi / inv
    scaled = torch.where(wavelen > low_freq_wavelen, inv / factor, inv)
    smooth = (old_ctx / wavelen - low_freq_factor) / (high_freq_factor - low_freq_factor)
    smoothed = (1 - smooth) * scaled / factor + smooth * scaled
    medium = ~(wavelen < high_freq_wavelen) * ~(wavelen > low_freq_wavelen)
    out = torch.where(medium, smoothed, scaled)
    regimes = ["divided" if w > low_freq_wavelen else "kept" if w < high_freq_wavelen else "smoothed"
               for w in wavelen.tolist()]
    return out, regimes, wavelen


def llama3_variant(inv_llama3, regimes, regime, divisor):
    """A wrong llama3 table: frequencies of one regime replaced by the plain ones / divisor."""
    base = inv_freq_default(len(regimes) * 2, 500000.0)
    out = inv_llama3.clone()
    for i, rg in enumerate(regimes):
        if rg == regime:
            out[i] = base[i] / divisor
    return out


def inv_freq_llama3_f64(dim, theta, factor, low, high, old_ctx):
    """The llama3 table in float64 throughout (used only to show float32 vs float64 is immaterial)."""
    inv = 1.0 / (theta ** (torch.arange(0, dim, 2, dtype=F64) / dim))
    wl = 2 * math.pi / inv
    smooth = (old_ctx / wl - low) / (high - low)
    mid = (1 - smooth) * inv / factor + smooth * inv
    return torch.where(wl < old_ctx / high, inv, torch.where(wl > old_ctx / low, inv / factor, mid))


def rope_cos_sin(inv_freq, positions):
    """cos/sin of shape (T, rot_dim): angles = pos * inv_freq, duplicated [f0..f(d/2-1), f0..]."""
    ang = positions.to(F64)[:, None] * inv_freq.to(F64)[None, :]  # (T, d/2)
    emb = torch.cat([ang, ang], dim=-1)  # (T, d)
    return emb.cos(), emb.sin()


def rotate_half(x):
    h = x.shape[-1] // 2
    return torch.cat([-x[..., h:], x[..., :h]], dim=-1)


def rope_rotate_half(x, cos, sin):
    """x: (B, H, T, d). transformers' apply_rotary_pos_emb: x*cos + rotate_half(x)*sin."""
    return x * cos + rotate_half(x) * sin


def rope_complex(x, inv_freq, positions):
    """Same rotation by complex multiplication: pair (x[i], x[i + d/2]) is z = a + ib, z * e^(i p f)."""
    h = x.shape[-1] // 2
    z = torch.complex(x[..., :h], x[..., h:])
    ang = positions.to(F64)[:, None] * inv_freq.to(F64)[None, :]
    z = z * torch.polar(torch.ones_like(ang), ang)
    return torch.cat([z.real, z.imag], dim=-1)


def rope_loops(x, inv_freq, positions):
    """Same rotation as an explicit 2x2 matrix per (position, pair), with Python loops."""
    out = x.clone()
    h = x.shape[-1] // 2
    for t, p in enumerate(positions.tolist()):
        for i in range(h):
            a = float(p) * float(inv_freq[i])
            c, s = math.cos(a), math.sin(a)
            x1, x2 = x[..., t, i], x[..., t, i + h]
            out[..., t, i] = c * x1 - s * x2
            out[..., t, i + h] = s * x1 + c * x2
    return out


def apply_rope(x, inv_freq, positions, rot_dim=None):
    """Rotates the first rot_dim dims of each head (all when None); checks the three ways agree."""
    d = x.shape[-1] if rot_dim is None else rot_dim
    xr, xp = x[..., :d], x[..., d:]
    cos, sin = rope_cos_sin(inv_freq, positions)
    if x.dtype != F64:  # the float32 feasibility run (see run_case): rotate_half only
        return torch.cat([rope_rotate_half(xr, cos.to(x.dtype), sin.to(x.dtype)), xp], dim=-1)
    a = rope_rotate_half(xr, cos, sin)
    b = rope_complex(xr, inv_freq, positions)
    c = rope_loops(xr, inv_freq, positions)
    assert torch.allclose(a, b, atol=1e-12, rtol=0), "rotate_half and complex RoPE disagree"
    assert torch.allclose(a, c, atol=1e-12, rtol=0), "rotate_half and 2x2-rotation RoPE disagree"
    return torch.cat([a, xp], dim=-1)


# ----------------------------------------------------------------------------------------------
# Building blocks (float64)
# ----------------------------------------------------------------------------------------------
def rms_norm(x, w, eps):
    """LlamaRMSNorm: w * x / sqrt(mean(x^2) + eps) over the last dim."""
    return w * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps))


def layer_norm(x, w, b, eps):
    mu = x.mean(-1, keepdim=True)
    var = (x - mu).pow(2).mean(-1, keepdim=True)
    return (x - mu) / torch.sqrt(var + eps) * w + b


def gelu_erf(x):
    return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))


def gelu_tanh(x):  # gelu_new
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x.pow(3))))


def silu(x):
    return x / (1.0 + torch.exp(-x))


def linear(x, w, b=None):
    """nn.Linear: weight stored (out, in)."""
    y = x @ w.T
    return y if b is None else y + b


def causal_attention(q, k, v, scale):
    """q: (B, H, T, d), k/v: (B, H, T, d) -> (B, H, T, d), softmax(q k^T * scale + causal mask) v."""
    s = (q @ k.transpose(-1, -2)) * scale
    t = q.shape[-2]
    mask = torch.ones(t, t, dtype=torch.bool).tril()
    s = s.masked_fill(~mask, float("-inf"))
    return torch.softmax(s, dim=-1) @ v


def repeat_kv(x, n_rep, wrong=False):
    """(B, KV, T, d) -> (B, KV*n_rep, T, d): query head h uses kv head h // n_rep (transformers).
    wrong=True tiles instead (h uses h % KV), a plausible bug the golden must detect."""
    if wrong:
        return x.repeat(1, n_rep, 1, 1)
    return x.repeat_interleave(n_rep, dim=1)


# ----------------------------------------------------------------------------------------------
# Families
# ----------------------------------------------------------------------------------------------
def llama_like_forward(cfg, w, ids, rope, *, wrong=None):
    """LlamaForCausalLM / MistralForCausalLM / Qwen2ForCausalLM / Qwen3ForCausalLM.
    rope = inv_freq (float32 tensor of size head_dim/2). wrong selects a deliberate mistake."""
    wrong = wrong or set()
    B, T = ids.shape
    E = cfg["hidden_size"]
    nh, nkv = cfg["num_attention_heads"], cfg["num_key_value_heads"]
    hd = cfg.get("head_dim") or E // nh
    eps = cfg["rms_norm_eps"]
    qk_norm = cfg["model_type"] == "qwen3"
    pos = torch.arange(T)
    inv = rope
    if "no_rope_scaling" in wrong:
        inv = inv_freq_default(hd, cfg["_theta"])
    h = w["model.embed_tokens.weight"][ids]  # (B, T, E)
    for l in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{l}."
        x = rms_norm(h, w[p + "input_layernorm.weight"], eps)
        bias = (lambda n: None) if "no_bias" in wrong else (lambda n: w.get(p + f"self_attn.{n}_proj.bias"))
        q = linear(x, w[p + "self_attn.q_proj.weight"], bias("q")).view(B, T, nh, hd)
        k = linear(x, w[p + "self_attn.k_proj.weight"], bias("k")).view(B, T, nkv, hd)
        v = linear(x, w[p + "self_attn.v_proj.weight"], bias("v")).view(B, T, nkv, hd)
        if qk_norm and "no_qk_norm" not in wrong and "qk_norm_after_rope" not in wrong:
            q = rms_norm(q, w[p + "self_attn.q_norm.weight"], eps)  # per head, over head_dim
            k = rms_norm(k, w[p + "self_attn.k_norm.weight"], eps)
        q, k, v = q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2)  # (B, H, T, hd)
        if "no_rope" not in wrong:
            q = apply_rope(q, inv, pos)
            k = apply_rope(k, inv, pos)
        if qk_norm and "qk_norm_after_rope" in wrong:
            q = rms_norm(q, w[p + "self_attn.q_norm.weight"], eps)
            k = rms_norm(k, w[p + "self_attn.k_norm.weight"], eps)
        k = repeat_kv(k, nh // nkv, "gqa_tile" in wrong)
        v = repeat_kv(v, nh // nkv, "gqa_tile" in wrong)
        o = causal_attention(q, k, v, hd ** -0.5)  # (B, nh, T, hd)
        o = o.transpose(1, 2).reshape(B, T, nh * hd)
        h = h + linear(o, w[p + "self_attn.o_proj.weight"], w.get(p + "self_attn.o_proj.bias"))
        x = rms_norm(h, w[p + "post_attention_layernorm.weight"], eps)
        g = silu(linear(x, w[p + "mlp.gate_proj.weight"]))
        u = linear(x, w[p + "mlp.up_proj.weight"])
        h = h + linear(g * u, w[p + "mlp.down_proj.weight"])
    h = rms_norm(h, w["model.norm.weight"], eps)
    head = w.get("lm_head.weight", w["model.embed_tokens.weight"])
    if "untie" in wrong:
        head = w["model.embed_tokens.weight"]
    return h @ head.T  # (B, T, V)


def gpt_neox_forward(cfg, w, ids, _rope, *, wrong=None):
    """GPTNeoXForCausalLM (Pythia)."""
    wrong = wrong or set()
    B, T = ids.shape
    E, nh = cfg["hidden_size"], cfg["num_attention_heads"]
    hd = E // nh
    rot = int(hd * cfg["rotary_pct"])
    if "rope_full_head" in wrong:
        rot = hd
    inv = inv_freq_default(rot, cfg["rotary_emb_base"])  # dim = rotary_ndims, not head_size
    if "inv_freq_over_head_dim" in wrong:
        inv = inv_freq_default(hd, cfg["rotary_emb_base"])[: rot // 2]
    eps = cfg["layer_norm_eps"]
    act = gelu_tanh if "gelu_tanh" in wrong else gelu_erf
    parallel = cfg["use_parallel_residual"] != ("flip_residual" in wrong)
    pos = torch.arange(T)
    h = w["gpt_neox.embed_in.weight"][ids]
    for l in range(cfg["num_hidden_layers"]):
        p = f"gpt_neox.layers.{l}."
        x = layer_norm(h, w[p + "input_layernorm.weight"], w[p + "input_layernorm.bias"], eps)
        qkv = linear(x, w[p + "attention.query_key_value.weight"], w[p + "attention.query_key_value.bias"])
        if "qkv_global_split" in wrong:  # q = first E outputs, k next E, v last E
            q, k, v = (t.reshape(B, T, nh, hd) for t in qkv.split(E, dim=-1))
        else:  # per head [q|k|v]
            q, k, v = qkv.view(B, T, nh, 3 * hd).split(hd, dim=-1)
        q, k, v = q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2)
        q = apply_rope(q, inv, pos, rot)
        k = apply_rope(k, inv, pos, rot)
        o = causal_attention(q, k, v, hd ** -0.5).transpose(1, 2).reshape(B, T, E)
        a = linear(o, w[p + "attention.dense.weight"], w[p + "attention.dense.bias"])

        def mlp(y):
            y = act(linear(y, w[p + "mlp.dense_h_to_4h.weight"], w[p + "mlp.dense_h_to_4h.bias"]))
            return linear(y, w[p + "mlp.dense_4h_to_h.weight"], w[p + "mlp.dense_4h_to_h.bias"])

        ln2 = lambda y: layer_norm(y, w[p + "post_attention_layernorm.weight"],
                                   w[p + "post_attention_layernorm.bias"], eps)
        if parallel:  # x = x + attn(ln1(x)) + mlp(ln2(x))
            h = h + a + mlp(ln2(h))
        else:  # x = x + attn(ln1(x)); x = x + mlp(ln2(x))
            h = h + a
            h = h + mlp(ln2(h))
    h = layer_norm(h, w["gpt_neox.final_layer_norm.weight"], w["gpt_neox.final_layer_norm.bias"], eps)
    return h @ w["embed_out.weight"].T


def gpt2_forward(cfg, w, ids, _rope, *, wrong=None):
    """GPT2LMHeadModel. Conv1D weights are (in, out): y = x @ W + b."""
    wrong = wrong or set()
    B, T = ids.shape
    E, nh = cfg["n_embd"], cfg["n_head"]
    hd = E // nh
    eps = cfg["layer_norm_epsilon"]
    act = gelu_erf if "gelu_erf" in wrong else gelu_tanh
    conv = lambda x, n: x @ w[n + ".weight"] + w[n + ".bias"]
    h = w["transformer.wte.weight"][ids] + w["transformer.wpe.weight"][torch.arange(T)]
    for l in range(cfg["n_layer"]):
        p = f"transformer.h.{l}."
        x = layer_norm(h, w[p + "ln_1.weight"], w[p + "ln_1.bias"], eps)
        q, k, v = conv(x, p + "attn.c_attn").split(E, dim=-1)
        q, k, v = (t.view(B, T, nh, hd).transpose(1, 2) for t in (q, k, v))
        o = causal_attention(q, k, v, hd ** -0.5).transpose(1, 2).reshape(B, T, E)
        if "c_proj_transposed" in wrong:
            h = h + o @ w[p + "attn.c_proj.weight"].T + w[p + "attn.c_proj.bias"]
        else:
            h = h + conv(o, p + "attn.c_proj")
        x = layer_norm(h, w[p + "ln_2.weight"], w[p + "ln_2.bias"], eps)
        h = h + conv(act(conv(x, p + "mlp.c_fc")), p + "mlp.c_proj")
    h = layer_norm(h, w["transformer.ln_f.weight"], w["transformer.ln_f.bias"], eps)
    return h @ w["transformer.wte.weight"].T
