"""The Pulumi program: load this stack's validated config and build its platform."""

import pulumi

from platform_spec import ConfigError
from stacks.platform import build_platform
from stacks.stack_files import load_from_pulumi

try:
    settings = load_from_pulumi()
except ConfigError as error:
    # RunError prints the message without a Python traceback.
    raise pulumi.RunError(error.render()) from None

build_platform(settings)
