"""ECR repositories for the workload images: immutable tags, scan on push, CMK, no replication."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pulumi
import pulumi_aws as aws

from components.aws.tagging import Tagging

# Keep the last images of each repository; older untagged layers are garbage.
_LIFECYCLE = json.dumps({"rules": [{
    "rulePriority": 1,
    "description": "expire untagged images after 14 days",
    "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed",
                  "countUnit": "days", "countNumber": 14},
    "action": {"type": "expire"},
}]})


class ContainerRegistry(pulumi.ComponentResource):
    """One private repository per workload image, named `<namespace>/<image>`.

    Attributes: `repositories[image]`, `repository_urls[image]`, `registry_host`.
    """

    def __init__(
        self,
        name: str,
        *,
        namespace: str,
        images: Sequence[str],
        key_arn: pulumi.Input[str],
        tagging: Tagging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:ContainerRegistry", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        self.repositories: dict[str, aws.ecr.Repository] = {}
        for image in images:
            repo = aws.ecr.Repository(
                f"{name}-{image}", name=f"{namespace}/{image}",
                image_tag_mutability="IMMUTABLE",
                image_scanning_configuration={"scan_on_push": True},
                encryption_configurations=[{"encryption_type": "KMS", "kms_key": key_arn}],
                force_delete=False,
                tags=tagging.for_resource(f"{namespace}/{image}", image=image), opts=child)
            aws.ecr.LifecyclePolicy(f"{name}-{image}", repository=repo.name, policy=_LIFECYCLE,
                                    opts=child)
            self.repositories[image] = repo
        self.repository_urls = {i: r.repository_url for i, r in self.repositories.items()}
        first = next(iter(self.repositories.values()))
        self.registry_host = first.repository_url.apply(lambda url: url.split("/", 1)[0])
        self.register_outputs({"repositoryUrls": self.repository_urls})
