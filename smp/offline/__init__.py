"""The offline plan engine: the real program under Pulumi's mock runtime, recorded."""

from smp.offline.engine import Plan, PlannedResource, plan_program, plan_stack_offline

__all__ = ["Plan", "PlannedResource", "plan_program", "plan_stack_offline"]
