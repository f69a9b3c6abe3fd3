#!/usr/bin/python3
"""Cross-check of RealChatTemplatesTest with Python's Jinja2, rendered the way transformers'
apply_chat_template does (trim_blocks, lstrip_blocks, tojson, raise_exception, strftime_now).
Run from the repository root: /usr/bin/python3 src/test/python/chat_templates.py
Prints OK per case, or the difference; exits 1 on any mismatch."""
import json
import sys
from datetime import datetime

from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.ext import loopcontrols

ROOT = "src/test/resources/chat/"


def raise_exception(message):
    raise ValueError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def render(model, messages, add_generation_prompt, **extra):
    cfg = json.load(open(ROOT + model + "/tokenizer_config.json"))
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = lambda fmt: datetime(2026, 12, 2, 10).strftime(fmt)
    specials = {k: cfg[k] for k in ("bos_token", "eos_token", "pad_token", "unk_token") if cfg.get(k) is not None}
    return env.from_string(cfg["chat_template"]).render(messages=messages, tools=None,
                                                         add_generation_prompt=add_generation_prompt,
                                                         **specials, **extra)


def turns(*rc):
    return [{"role": rc[i], "content": rc[i + 1]} for i in range(0, len(rc), 2)]


QWEN_SYSTEM = "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n"
LLAMA_HEADER = ("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n"
                "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n")
CASES = [
    ("qwen2.5 single", render("qwen2.5-instruct", turns("user", "Hello"), True),
     QWEN_SYSTEM + "<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n"),
    ("qwen2.5 system", render("qwen2.5-instruct", turns("system", "Be brief.", "user", "Hi"), True),
     "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"),
    ("qwen2.5 multi", render("qwen2.5-instruct", turns("user", "Hi", "assistant", "Hello!", "user", "How are you?"), False),
     QWEN_SYSTEM + "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n"
     "<|im_start|>user\nHow are you?<|im_end|>\n"),
    ("qwen2.5 tool call", render("qwen2.5-instruct", [{"role": "user", "content": "Time?"},
                                                      {"role": "assistant", "tool_calls": [
                                                          {"function": {"name": "now", "arguments": {"tz": "UTC"}}}]}],
                                 False),
     QWEN_SYSTEM + "<|im_start|>user\nTime?<|im_end|>\n<|im_start|>assistant\n<tool_call>\n"
     "{\"name\": \"now\", \"arguments\": {\"tz\": \"UTC\"}}\n</tool_call><|im_end|>\n"),
    ("qwen3 single", render("qwen3", turns("user", "Hello"), True),
     "<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n"),
    ("qwen3 no thinking", render("qwen3", turns("user", "Hello"), True, enable_thinking=False),
     "<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n"),
    ("qwen3 reasoning", render("qwen3", turns("system", "S", "user", "Hi", "assistant", "<think>\nhmm\n</think>\n\nHello!"),
                               False),
     "<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
     "<|im_start|>assistant\n<think>\nhmm\n</think>\n\nHello!<|im_end|>\n"),
    ("qwen3 final answer", render("qwen3", turns("user", "Hi", "assistant", "Hello!"), False),
     "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\nHello!<|im_end|>\n"),
    ("qwen3 three turns", render("qwen3", turns("user", "Hi", "assistant", "Hello!", "user", "How are you?"), True),
     "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n"
     "<|im_start|>user\nHow are you?<|im_end|>\n<|im_start|>assistant\n"),
    ("llama single", render("llama-3.2-instruct", turns("user", "  Hello \n"), True, date_string="26 Jul 2024"),
     LLAMA_HEADER + "<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|>"
     "<|start_header_id|>assistant<|end_header_id|>\n\n"),
    ("llama system", render("llama-3.2-instruct", turns("system", " Be brief. ", "user", "Hi", "assistant", "Hello!"), False,
                            date_string="26 Jul 2024"),
     LLAMA_HEADER + "Be brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
     "<|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|>"),
    ("llama strftime", render("llama-3.2-instruct", turns("user", "Hi"), True)[:130],
     ("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n"
      "Cutting Knowledge Date: December 2023\nToday Date: 02 Dec 2026\n\n<|eot_id|>")[:130]),
    ("smollm2 single", render("smollm2-instruct", turns("user", "Hello"), True),
     "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
     "<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n"),
    ("smollm2 system", render("smollm2-instruct", turns("system", "S", "user", "Hi", "assistant", "Yo"), False),
     "<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nYo<|im_end|>\n"),
]

bad = 0
for name, got, want in CASES:
    if got == want:
        print("OK  ", name)
    else:
        bad += 1
        print("DIFF", name, "\n got: ", repr(got), "\n want:", repr(want))
sys.exit(1 if bad else 0)
