"""The retraining pipeline's own steps: challenger alias, A/B wait, decision, record.

Materialization, training (with evaluation against the champion) and the A/B analysis
are the existing workloads; the WorkflowTemplate (components/k8s/retraining.py) runs all
of them with the argv of `workloads.contract.commands`.
"""
