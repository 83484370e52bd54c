"""JSON Schema of a stack file, generated from the pydantic model (editors validate with it).

python -m smp.schema            # rewrite stacks/stack-file.schema.json
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from platform_spec import (
    DISABLE_DEFAULT_PROVIDERS,
    PLATFORM_KEY,
    PROJECT,
    SECRET_KEYS,
    PlatformConfig,
)

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "stacks" / "stack-file.schema.json"


def stack_file_schema() -> dict[str, Any]:
    """The schema of `Pulumi.<stack>.yaml`: the platform object plus the secret keys."""
    platform = PlatformConfig.model_json_schema(by_alias=True, mode="validation")
    defs = platform.pop("$defs", {})
    secret = {
        "type": "object",
        "required": ["secure"],
        "properties": {"secure": {"type": "string"}},
        "additionalProperties": False,
    }
    config_properties: dict[str, Any] = {f"{PROJECT}:{PLATFORM_KEY}": platform}
    for key, description in SECRET_KEYS.items():
        config_properties[f"{PROJECT}:{key}"] = {**secret, "description": description}
    config_properties[DISABLE_DEFAULT_PROVIDERS] = {
        "description": "Packages whose default provider is disabled; the platform needs '*'.",
        "type": "array",
        "items": {"type": "string"},
        "contains": {"const": "*"},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Sovereign ML Platform stack file",
        "type": "object",
        "properties": {
            "config": {
                "type": "object",
                "properties": config_properties,
                "required": [f"{PROJECT}:{PLATFORM_KEY}", DISABLE_DEFAULT_PROVIDERS],
                # Other namespaces (aws:, azure-native:, ...) may appear.
                "patternProperties": {f"^(?!{PROJECT}:)": {}},
                "additionalProperties": False,
            },
            "secretsprovider": {"type": "string"},
            "encryptedkey": {"type": "string"},
            "encryptionsalt": {"type": "string"},
        },
        "$defs": defs,
    }


def render() -> str:
    """The schema file's exact text."""
    return json.dumps(stack_file_schema(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(render())
    print(f"wrote {SCHEMA_PATH}")
