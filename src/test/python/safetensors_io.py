"""Minimal safetensors reader/writer (no safetensors package) and Hugging Face sharding.

Format: u64 little-endian header length, JSON header {"__metadata__": {"format": "pt"},
name: {"dtype", "shape", "data_offsets"}} padded with spaces to a multiple of 8, then the raw
little-endian tensor bytes. Used by reference_families.py."""
import json
import os
import struct

import torch


# ----------------------------------------------------------------------------------------------
# safetensors writer (format: u64 LE header length, JSON header, raw little-endian tensor bytes)
# ----------------------------------------------------------------------------------------------
ST_DTYPE = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16"}


def tensor_bytes(t):
    """Raw little-endian bytes of a contiguous tensor (bf16 via its int16 bit pattern)."""
    t = t.contiguous()
    if t.dtype == torch.bfloat16:
        t = t.view(torch.int16)
    return t.numpy().tobytes()


def write_safetensors(path, tensors):
    """tensors: dict name -> torch tensor (F32/F16/BF16). Data laid out in sorted-name order."""
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name]
        b = tensor_bytes(t)
        header[name] = {"dtype": ST_DTYPE[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    meta = {"__metadata__": {"format": "pt"}}
    meta.update(header)
    h = json.dumps(meta, separators=(",", ":")).encode("utf-8")
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)
    return offset


def read_safetensors(path):
    """Independent reader used to check that what was written reads back bit-exactly."""
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        s, e = spec["data_offsets"]
        raw = bytearray(data[s:e])
        if spec["dtype"] == "BF16":
            t = torch.frombuffer(raw, dtype=torch.int16).view(torch.bfloat16)
        else:
            t = torch.frombuffer(raw, dtype={"F32": torch.float32, "F16": torch.float16}[spec["dtype"]])
        out[name] = t.reshape(spec["shape"]).clone()
    return out


def write_weights(folder, stored, shards):
    if shards == 1:
        write_safetensors(os.path.join(folder, "model.safetensors"), stored)
        return
    names = sorted(stored, key=lambda n: (0 if "layers.0." in n or "embed" in n else 1, n))
    cut = sum(1 for n in names if "layers.0." in n or "embed" in n)
    parts = [names[:cut], names[cut:]]
    assert shards == 2 and all(parts)
    weight_map, total = {}, 0
    for i, part in enumerate(parts):
        fname = f"model-{i + 1:05d}-of-{shards:05d}.safetensors"
        total += write_safetensors(os.path.join(folder, fname), {n: stored[n] for n in part})
        for n in part:
            weight_map[n] = fname
    index = {"metadata": {"total_size": total}, "weight_map": dict(sorted(weight_map.items()))}
    dump_json(os.path.join(folder, "model.safetensors.index.json"), index)


def read_weights(folder):
    idx = os.path.join(folder, "model.safetensors.index.json")
    if not os.path.exists(idx):
        return read_safetensors(os.path.join(folder, "model.safetensors"))
    out = {}
    with open(idx) as f:
        files = sorted(set(json.load(f)["weight_map"].values()))
    for fn in files:
        out.update(read_safetensors(os.path.join(folder, fn)))
    return out


def dump_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")
