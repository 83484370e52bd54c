"""Training checkpoints in the object store (a local path, ``s3://`` or ``abfss://``).

A checkpoint is an opaque payload (the trainer's ``torch.save`` bytes) with the
training step it was taken at. Two slots take turns, each a payload object and a
small manifest written after it with the payload's SHA-256::

    <uri>/slot-0.ckpt  <uri>/slot-0.json  <uri>/slot-1.ckpt  <uri>/slot-1.json

A save only ever overwrites the older slot, so a process killed mid-write (a torn
local file, a manifest naming the previous payload) leaves the other slot intact:
:meth:`CheckpointStore.latest` returns the newest slot whose payload matches its
manifest and ignores the other. Nothing here imports torch.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from workloads import object_store

FORMAT = 1
SLOTS = 2


@dataclass(frozen=True)
class Checkpoint:
    """A verified checkpoint: the step it was taken at and its payload."""

    step: int
    payload: bytes
    slot: int


class CheckpointStore:
    """Two alternating checkpoint slots under ``uri``."""

    def __init__(self, uri: str, kms_key_id: str | None = None) -> None:
        object_store.parse_uri(uri)  # a bad URI fails here, before any training
        self.uri = uri.rstrip("/")
        self.kms_key_id = kms_key_id
        self._next_slot: int | None = None

    def _object(self, slot: int, suffix: str) -> str:
        return f"{self.uri}/slot-{slot}.{suffix}"

    def _read_slot(self, slot: int) -> Checkpoint | None:
        try:
            manifest = json.loads(object_store.read_bytes(self._object(slot, "json")))
            payload = object_store.read_bytes(self._object(slot, "ckpt"))
        except (FileNotFoundError, ValueError):  # never written, or a torn manifest
            return None
        if (
            not isinstance(manifest, dict)
            or manifest.get("format") != FORMAT
            or not isinstance(manifest.get("step"), int)
            or manifest.get("sha256") != hashlib.sha256(payload).hexdigest()
        ):
            return None  # the payload was being replaced when the writer died
        return Checkpoint(step=manifest["step"], payload=payload, slot=slot)

    def latest(self) -> Checkpoint | None:
        """The newest intact checkpoint, or None when there is none."""
        found = [c for c in (self._read_slot(s) for s in range(SLOTS)) if c is not None]
        newest = max(found, key=lambda c: c.step, default=None)
        # The next save goes to the slot that does not hold the newest checkpoint.
        self._next_slot = 0 if newest is None else (newest.slot + 1) % SLOTS
        return newest

    def save(self, step: int, payload: bytes) -> None:
        """Store ``payload`` as the checkpoint of ``step``, keeping the previous one intact."""
        if self._next_slot is None:
            self.latest()
        slot = self._next_slot if self._next_slot is not None else 0
        manifest = {
            "format": FORMAT,
            "step": step,
            "sha256": hashlib.sha256(payload).hexdigest(),
            "bytes": len(payload),
        }
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "checkpoint"
            data.write_bytes(payload)
            object_store.upload_file(data, self._object(slot, "ckpt"), self.kms_key_id)
            index = Path(tmp) / "manifest"
            index.write_text(json.dumps(manifest))
            object_store.upload_file(index, self._object(slot, "json"), self.kms_key_id)
        self._next_slot = (slot + 1) % SLOTS
