"""The workload contract: what the infrastructure needs to know about the workloads.

Container commands (`commands`), image names (`images`), model kinds and serving
aliases (`models`), Prometheus metric names (`metrics`) and the Feast project and
cloud `feature_store.yaml` (`feature_store`), every metric family of the drift and
performance monitors with its labels (`monitor_metrics`) — one definition per fact. The
components import this package and nothing else of `workloads`, so it needs only
the standard library (a test imports it in a bare interpreter to prove it).
"""
