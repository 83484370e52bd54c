"""Asynchronous batch scoring (``python -m workloads.batch_scoring``); see :mod:`.job`."""
