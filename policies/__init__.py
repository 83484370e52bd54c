"""The CrossGuard policy pack (rule modules, catalogue) and the jurisdiction catalogue.

Importing this package never constructs the `PolicyPack` (that lives in
`__main__.py`, run only by the Pulumi CLI).
"""
