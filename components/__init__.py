"""Pulumi ComponentResources, one concern each: `aws/`, `azure/`, `k8s/`."""
