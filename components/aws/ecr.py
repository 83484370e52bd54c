"""ECR repositories for the workload images: immutable tags, scan on push, CMK, no replication.

Images are scanned on push twice over: each repository asks for it, and the
registry's scanning configuration (one per account and region) scans every
repository on push, including the `mirror/...` repositories ECR creates from the
creation template, which has no scanning setting of its own.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pulumi
import pulumi_aws as aws

from components.aws import iam_documents
from components.aws.account import AwsAccount
from components.aws.tagging import Tagging

# The in-cluster layer pulls third-party images (autoscaler, cert-manager, NVIDIA,
# monitoring) from `<registry>/mirror/...`, filled by an image-mirroring job; ECR
# creates those repositories on first push with the settings of this template.
MIRROR_PREFIX = "mirror"

# Every repository of the registry, ours and those created on push (`mirror/...`).
# A filter with a wildcard matches whole names ("*": all); ECR's basic scanning
# offers SCAN_ON_PUSH and MANUAL, so on push is the automatic one.
SCAN_ALL_REPOSITORIES = "*"
SCAN_FREQUENCY = "SCAN_ON_PUSH"

# Keep the last images of each repository; older untagged layers are garbage.
_LIFECYCLE = json.dumps(
    {
        "rules": [
            {
                "rulePriority": 1,
                "description": "expire untagged images after 14 days",
                "selection": {
                    "tagStatus": "untagged",
                    "countType": "sinceImagePushed",
                    "countUnit": "days",
                    "countNumber": 14,
                },
                "action": {"type": "expire"},
            }
        ]
    }
)


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
        key_alias: str,
        account: AwsAccount,
        tagging: Tagging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:ContainerRegistry", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        self.repositories: dict[str, aws.ecr.Repository] = {}
        for image in images:
            repo = aws.ecr.Repository(
                f"{name}-{image}",
                name=f"{namespace}/{image}",
                image_tag_mutability="IMMUTABLE",
                image_scanning_configuration={"scan_on_push": True},
                encryption_configurations=[{"encryption_type": "KMS", "kms_key": key_arn}],
                force_delete=False,
                tags=tagging.for_resource(f"{namespace}/{image}", image=image),
                opts=child,
            )
            aws.ecr.LifecyclePolicy(
                f"{name}-{image}", repository=repo.name, policy=_LIFECYCLE, opts=child
            )
            self.repositories[image] = repo
        # Built from known values (not the repositories' computed URLs) so image
        # references are judgeable at the first preview; the same URL ECR reports.
        self.registry_host = account.ecr_host
        self.repository_urls = {
            i: pulumi.Output.concat(self.registry_host, "/", namespace, "/", i)
            for i in self.repositories
        }
        self.mirror_template = self._mirror_template(name, account, key_arn, key_alias, tagging)
        # Registry-level settings win over the repositories' own (AWS deprecated the
        # repository-level setting): one rule that scans every repository on push.
        # Basic scanning runs inside ECR in this region; enhanced scanning would hand
        # the images to Amazon Inspector.
        self.scanning = aws.ecr.RegistryScanningConfiguration(
            f"{name}-scanning",
            scan_type="BASIC",
            rules=[
                {
                    "scan_frequency": SCAN_FREQUENCY,
                    "repository_filters": [
                        {"filter": SCAN_ALL_REPOSITORIES, "filter_type": "WILDCARD"}
                    ],
                }
            ],
            opts=child,
        )
        self.register_outputs({"repositoryUrls": self.repository_urls})

    def _mirror_template(
        self,
        name: str,
        account: AwsAccount,
        key_arn: pulumi.Input[str],
        key_alias: str,
        tagging: Tagging,
    ) -> aws.ecr.RepositoryCreationTemplate:
        """Create-on-push settings for `mirror/...`: the same guarantees as our own
        repositories (immutable tags, KMS with the storage key, tagged)."""
        child = pulumi.ResourceOptions(parent=self)
        # ECR assumes this role to create the repositories with KMS and tags.
        role = aws.iam.Role(
            f"{name}-mirror",
            permissions_boundary=account.role_boundary_arn,
            assume_role_policy=iam_documents.service_trust("ecr.amazonaws.com", account.account_id),
            tags=tagging.for_resource(f"{name}-mirror"),
            opts=child,
        )
        policy = aws.iam.RolePolicy(
            f"{name}-mirror",
            role=role.id,
            policy=iam_documents.document(
                [
                    iam_documents.allow(
                        "CreateMirrorRepositories",
                        ["ecr:CreateRepository", "ecr:TagResource"],
                        [account.arn("ecr", f"repository/{MIRROR_PREFIX}/*")],
                    ),
                    iam_documents.allow(
                        "EncryptWithStorageKey",
                        ["kms:CreateGrant", "kms:DescribeKey", "kms:RetireGrant"],
                        [account.any_key_arn],
                        iam_documents.key_by_alias(key_alias),
                    ),
                ]
            ),
            opts=child,
        )
        return aws.ecr.RepositoryCreationTemplate(
            f"{name}-mirror",
            prefix=MIRROR_PREFIX,
            description="third-party images mirrored for the in-cluster layer",
            applied_fors=["CREATE_ON_PUSH"],
            image_tag_mutability="IMMUTABLE",
            encryption_configurations=[{"encryption_type": "KMS", "kms_key": key_arn}],
            custom_role_arn=role.arn,
            lifecycle_policy=_LIFECYCLE,
            resource_tags=tagging.for_resource(f"{name}-{MIRROR_PREFIX}"),
            opts=pulumi.ResourceOptions(parent=self, depends_on=[policy]),
        )
