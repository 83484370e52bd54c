"""The one place that computes the tags an AWS resource carries.

Provider `default_tags` and stack transforms do not run under the offline engine,
so every taggable resource passes `Tagging.for_resource(...)` explicitly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Tagging:
    """The stack's mandatory tags plus a per-resource `Name` and purpose tags."""

    mandatory: Mapping[str, str]
    extra: Mapping[str, str] = field(default_factory=dict)

    def for_resource(self, name: str, **specific: str) -> dict[str, str]:
        """Tags for one resource: its Name and specific tags, then the mandatory set.

        Mandatory tags are applied last so a resource can never override ownership,
        classification, residency or stack.
        """
        merged: dict[str, str] = {"Name": name}
        merged.update({k.replace("_", "-"): v for k, v in specific.items()})
        merged.update(self.extra)
        merged.update(self.mandatory)
        return merged
