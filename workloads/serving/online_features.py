"""Online feature reads from Feast, with failures turned into one clear exception."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from workloads import schema

_log = logging.getLogger(__name__)


class FeatureStoreUnavailable(RuntimeError):
    """The online store could not be read (down, unreachable, timing out)."""


class OnlineFeatureReader:
    """Reads the fraud feature service for a batch of cards from the Feast online store."""

    def __init__(self, repo_path: Path) -> None:
        from feast import FeatureStore

        self._store = FeatureStore(repo_path=str(repo_path))
        self._service = self._store.get_feature_service(schema.FEATURE_SERVICE)
        self._names = list(schema.CARD_NUMERIC + schema.CARD_CATEGORICAL)

    def fetch(self, card_ids: list[int]) -> list[dict[str, Any] | None]:
        """Features per card id, in order; None for a card the store does not know."""
        try:
            response = self._store.get_online_features(
                features=self._service,
                entity_rows=[{schema.ENTITY_KEY: cid} for cid in card_ids],
            ).to_dict()
        except Exception as exc:  # any backend error means "store unavailable" to callers
            # The exception type is enough to diagnose; its text may carry connection details.
            _log.warning("online feature read failed: %s", type(exc).__name__)
            raise FeatureStoreUnavailable("the online feature store could not be read") from exc
        rows: list[dict[str, Any] | None] = []
        for i in range(len(card_ids)):
            row = {name: response[name][i] for name in self._names}
            rows.append(None if all(v is None for v in row.values()) else row)
        return rows

    def probe(self) -> None:
        """Raise :class:`FeatureStoreUnavailable` unless a read round-trips."""
        self.fetch([0])
