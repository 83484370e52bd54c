"""Online feature reads from Feast, with failures turned into one clear exception.

Reads go straight to the online store of the feature views behind the feature
service (``OnlineStore.online_read``: one round trip per view for the whole
batch) instead of through ``FeatureStore.get_online_features``, which builds
its request context, entity protos, a columnar response and then a dict per
call and grows much slower than the store itself with the number of entities.
The values are the same: the stored value of every feature, None where the
store has none.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from workloads import schema

_log = logging.getLogger(__name__)

# How long resolved feature views are reused before asking the registry again
# (Feast's own default registry cache TTL is of the same order).
VIEW_REFRESH_SECONDS = 60.0


class FeatureStoreUnavailable(RuntimeError):
    """The online store could not be read (down, unreachable, timing out)."""


class OnlineFeatureReader:
    """Reads the fraud feature service for a batch of cards from the Feast online store."""

    def __init__(self, repo_path: Path) -> None:
        from feast import FeatureStore

        self._store = FeatureStore(repo_path=str(repo_path))
        self._service = self._store.get_feature_service(schema.FEATURE_SERVICE)
        self._names = list(schema.CARD_NUMERIC + schema.CARD_CATEGORICAL)
        self._lock = threading.Lock()
        self._views: list[tuple[Any, list[str]]] | None = None
        self._views_at = 0.0
        try:
            self._views = self._resolve_views()
            self._views_at = time.monotonic()
        except Exception as exc:  # fall back to get_online_features (slower, same values)
            _log.warning("online fast path unavailable (%s); using get_online_features", exc)

    # -- the direct path ---------------------------------------------------
    def _resolve_views(self) -> list[tuple[Any, list[str]]]:
        """(feature view, feature names) per projection of the feature service."""
        if getattr(self._service, "on_demand_feature_views", None):
            raise ValueError("the feature service has on-demand feature views")
        views = []
        for projection in self._service.feature_view_projections:
            view = self._store.get_feature_view(projection.name)
            if projection.join_key_map or [e.name for e in view.entity_columns] != [
                schema.ENTITY_KEY
            ]:
                raise ValueError(f"feature view {projection.name!r} is not keyed by card id")
            views.append((view, [f.name for f in projection.features]))
        wanted = {n for _, names in views for n in names}
        if not set(self._names) <= wanted:
            raise ValueError("the feature service lacks some model features")
        return views

    def _current_views(self) -> list[tuple[Any, list[str]]] | None:
        if self._views is None or time.monotonic() - self._views_at < VIEW_REFRESH_SECONDS:
            return self._views
        with self._lock:
            try:
                self._views = self._resolve_views()
            except Exception as exc:  # keep serving with the views we have
                _log.warning("feature view refresh failed: %s", type(exc).__name__)
            self._views_at = time.monotonic()
        return self._views

    def _read_direct(
        self, views: list[tuple[Any, list[str]]], card_ids: list[int]
    ) -> list[dict[str, Any] | None]:
        from feast.protos.feast.types.EntityKey_pb2 import EntityKey
        from feast.protos.feast.types.Value_pb2 import Value
        from feast.type_map import feast_value_type_to_python_type

        keys = [
            EntityKey(join_keys=[schema.ENTITY_KEY], entity_values=[Value(int64_val=cid)])
            for cid in card_ids
        ]
        provider = self._store._get_provider()
        merged: list[dict[str, Any]] = [{} for _ in card_ids]
        for view, names in views:
            read = provider.online_read(self._store.config, view, keys, names)
            for out, (_, values) in zip(merged, read, strict=True):
                if values:
                    for name in names:
                        value = values.get(name)
                        if value is not None:
                            out[name] = feast_value_type_to_python_type(value)
        rows: list[dict[str, Any] | None] = []
        for found in merged:
            row = {name: found.get(name) for name in self._names}
            rows.append(None if all(v is None for v in row.values()) else row)
        return rows

    # -- the generic path --------------------------------------------------
    def _read_sdk(self, card_ids: list[int]) -> list[dict[str, Any] | None]:
        response = self._store.get_online_features(
            features=self._service,
            entity_rows=[{schema.ENTITY_KEY: cid} for cid in card_ids],
        ).to_dict()
        rows: list[dict[str, Any] | None] = []
        for i in range(len(card_ids)):
            row = {name: response[name][i] for name in self._names}
            rows.append(None if all(v is None for v in row.values()) else row)
        return rows

    def fetch(self, card_ids: list[int]) -> list[dict[str, Any] | None]:
        """Features per card id, in order; None for a card the store does not know."""
        try:
            views = self._current_views()
            if views is not None:
                return self._read_direct(views, card_ids)
            return self._read_sdk(card_ids)
        except Exception as exc:  # any backend error means "store unavailable" to callers
            # The exception type is enough to diagnose; its text may carry connection details.
            _log.warning("online feature read failed: %s", type(exc).__name__)
            raise FeatureStoreUnavailable("the online feature store could not be read") from exc

    def probe(self) -> None:
        """Raise :class:`FeatureStoreUnavailable` unless a read round-trips."""
        self.fetch([0])
