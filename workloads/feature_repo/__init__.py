"""The Feast feature repo for card fraud, and tools to configure, apply and materialize it.

``definitions.py`` and ``feature_store.yaml`` in this folder are a normal Feast
repo (``feast -c workloads/feature_repo apply``); ``store_config`` renders the
local and cloud ``feature_store.yaml``; ``materialization`` runs the verbs.
"""
