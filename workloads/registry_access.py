"""The registry's users and their permissions, from a grants file (MLflow's basic-auth app).

Run on every deploy as ``python -m workloads.entrypoints registry-access``; each run
converges the server on the grants file and is safe to repeat:

* every user in the grants exists and has the password of its file in ``passwords_dir``;
* the experiment and the registered model exist (created as the admin);
* each user's explicit experiment and registered-model permission is the granted one
  (``NO_PERMISSIONS`` removes an explicit grant: the server denies by default).

Users on the server that the grants do not name are left alone and reported. The admin's
credentials are MLflow's own ``MLFLOW_TRACKING_USERNAME``/``MLFLOW_TRACKING_PASSWORD``, the
server's CA ``MLFLOW_TRACKING_SERVER_CERT_PATH``. Passwords are never printed.
"""

from __future__ import annotations

import json
import os
import ssl
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from mlflow.server.auth.client import AuthServiceClient

# MLflow's permission names a grants file may use (mlflow.server.auth.permissions).
PERMISSIONS = ("READ", "EDIT", "MANAGE", "NO_PERMISSIONS")
# Grants-file key -> MLflow's resource type for the per-user permission API.
RESOURCE_TYPES = {"experiment": "experiment", "model": "registered_model"}
NOT_FOUND = "RESOURCE_DOES_NOT_EXIST"
# The auth store keeps per-user grants in a role of this name (``__user_<id>__``),
# which is what ``AuthServiceClient.grant_user_permission`` writes to.
USER_ROLE = "__user_{}__"
USERS_GET = "/api/2.0/mlflow/users/get"
USERS_LIST = "/api/2.0/mlflow/users/list"


class GrantsError(ValueError):
    """The grants file or the passwords directory is unusable (exit 2)."""


@dataclass(frozen=True)
class UserGrant:
    """One user's permissions on the experiment and the registered model."""

    name: str
    experiment: str
    model: str


@dataclass(frozen=True)
class Grants:
    """The whole grants file."""

    experiment: str
    model: str
    users: tuple[UserGrant, ...]


@dataclass
class Outcome:
    """What a run did for one user."""

    user: str
    experiment: str
    model: str
    created: bool = False
    changes: list[str] = field(default_factory=list)

    @property
    def action(self) -> str:
        """``created``, ``updated (...)`` or ``unchanged``."""
        if self.created:
            return "created"
        return f"updated ({', '.join(self.changes)})" if self.changes else "unchanged"


def load_grants(path: Path) -> Grants:
    """Parse and validate the grants file; a bad entry names its user and key."""
    try:
        raw = json.loads(Path(path).read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise GrantsError(f"cannot read grants file {path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise GrantsError(f"grants file {path}: expected a JSON object")
    for key in ("experiment", "model"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise GrantsError(f"grants file {path}: '{key}' must be a non-empty string")
    users = raw.get("users")
    if not isinstance(users, dict) or not users:
        raise GrantsError(f"grants file {path}: 'users' must be a non-empty object")
    parsed = []
    for name, grant in sorted(users.items()):
        if not isinstance(grant, dict):
            raise GrantsError(f"user '{name}': expected an object with 'experiment' and 'model'")
        unknown = sorted(set(grant) - set(RESOURCE_TYPES))
        if unknown:
            raise GrantsError(
                f"user '{name}': unknown key(s) {unknown}; allowed: experiment, model"
            )
        for key in RESOURCE_TYPES:
            value = grant.get(key)
            if value not in PERMISSIONS:
                raise GrantsError(
                    f"user '{name}', key '{key}': invalid permission {value!r}; "
                    f"allowed: {', '.join(PERMISSIONS)}"
                )
        parsed.append(UserGrant(name, grant["experiment"], grant["model"]))
    return Grants(raw["experiment"], raw["model"], tuple(parsed))


def read_passwords(directory: Path, users: tuple[UserGrant, ...]) -> dict[str, str]:
    """Each user's password from ``directory/<user>`` (a mounted Secret); trailing newline cut."""
    passwords = {}
    for user in users:
        path = Path(directory) / user.name
        if not path.is_file():
            raise GrantsError(f"user '{user.name}' has no password file: {path} is missing")
        password = path.read_text().rstrip("\r\n")
        if not password:
            raise GrantsError(f"user '{user.name}': password file {path} is empty")
        passwords[user.name] = password
    return passwords


def _verify() -> ssl.SSLContext | bool:
    """TLS verification as MLflow's own client does it: the server CA, or off when asked."""
    if os.environ.get("MLFLOW_TRACKING_INSECURE_TLS", "").lower() == "true":
        return False
    ca = os.environ.get("MLFLOW_TRACKING_SERVER_CERT_PATH")
    return ssl.create_default_context(cafile=ca) if ca else True


def wait_for_server(tracking_uri: str, timeout: float, say: Any = print) -> None:
    """Poll ``/health`` with exponential backoff (1 s up to 10 s) until it answers 200."""
    deadline = time.monotonic() + timeout
    delay, attempt = 1.0, 0
    url = tracking_uri.rstrip("/") + "/health"
    while True:
        attempt += 1
        try:
            response = httpx.get(url, verify=_verify(), timeout=5.0)
            if response.status_code == 200:
                say(f"registry is up: {url} (attempt {attempt})")
                return
            reason = f"HTTP {response.status_code}"
        except httpx.HTTPError as exc:
            reason = type(exc).__name__
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"{url} not ready after {timeout:.0f}s (last: {reason})")
        say(f"waiting for {url}: {reason}; attempt {attempt}, {left:.0f}s left")
        time.sleep(min(delay, left))
        delay = min(delay * 2, 10.0)


def _password_is_current(tracking_uri: str, user: str, password: str) -> bool:
    """True if the server accepts ``password`` for ``user`` (a user may read itself)."""
    response = httpx.get(
        tracking_uri.rstrip("/") + USERS_GET,
        params={"username": user},
        auth=(user, password),
        verify=_verify(),
        timeout=30.0,
    )
    return response.status_code == 200


def _server_usernames(tracking_uri: str) -> list[str]:
    """Every user on the server (admin credentials from MLflow's environment)."""
    from mlflow.utils.credentials import get_default_host_creds
    from mlflow.utils.rest_utils import http_request, verify_rest_response

    creds = get_default_host_creds(tracking_uri)
    response = verify_rest_response(http_request(creds, USERS_LIST, "GET"), USERS_LIST)
    return sorted(u["username"] for u in response.json().get("users", []))


def _error_code(exc: Exception) -> str | None:
    return getattr(exc, "error_code", None)


def _ensure_user(
    auth: AuthServiceClient, tracking_uri: str, name: str, password: str, outcome: Outcome
) -> int:
    """Create the user or bring its password in line; returns its id."""
    from mlflow.exceptions import MlflowException

    try:
        user = auth.get_user(name)
    except MlflowException as exc:
        if _error_code(exc) != NOT_FOUND:
            raise
        outcome.created = True
        return int(auth.create_user(name, password).id)
    if not _password_is_current(tracking_uri, name, password):
        auth.update_user_password(name, password)
        outcome.changes.append("password")
    return int(user.id)


def _explicit_grants(
    auth: AuthServiceClient, name: str, user_id: int
) -> dict[tuple[str, str], Any]:
    """The user's own grants, ``(resource type, resource id) -> RolePermission``."""
    role_name = USER_ROLE.format(user_id)
    return {
        (grant.resource_type, grant.resource_pattern): grant
        for role in auth.list_user_roles(name)
        if role.name == role_name
        for grant in role.permissions
    }


def _ensure_permission(
    auth: AuthServiceClient,
    name: str,
    current: Any,
    key: str,
    resource_id: str,
    permission: str,
    outcome: Outcome,
) -> None:
    """Grant, update or revoke one explicit permission; ``current`` is the existing grant."""
    resource_type = RESOURCE_TYPES[key]
    if permission == "NO_PERMISSIONS":
        # The server rejects NO_PERMISSIONS as a grant; "none" is the absence of one.
        if current is not None:
            auth.revoke_user_permission(name, resource_type, resource_id)
            outcome.changes.append(key)
        return
    if current is None:
        auth.grant_user_permission(name, resource_type, resource_id, permission)
        if not outcome.created:
            outcome.changes.append(key)
    elif current.permission != permission:
        auth.update_role_permission(current.id, permission)
        outcome.changes.append(key)


def _ensure_resources(tracking_uri: str, grants: Grants) -> tuple[str, list[str]]:
    """Create the experiment and the registered model if missing; their id/name and news."""
    from mlflow import MlflowClient
    from mlflow.exceptions import MlflowException

    client = MlflowClient(tracking_uri=tracking_uri, registry_uri=tracking_uri)
    news = []
    experiment = client.get_experiment_by_name(grants.experiment)
    if experiment is None:
        experiment_id = client.create_experiment(grants.experiment)
        news.append(f"created experiment '{grants.experiment}' (id {experiment_id})")
    else:
        experiment_id = experiment.experiment_id
    try:
        client.get_registered_model(grants.model)
    except MlflowException as exc:
        if _error_code(exc) != NOT_FOUND:
            raise
        client.create_registered_model(grants.model)
        news.append(f"created registered model '{grants.model}'")
    return str(experiment_id), news


def apply_grants(
    tracking_uri: str, grants: Grants, passwords: dict[str, str], say: Any = print
) -> list[Outcome]:
    """Converge the server on ``grants``; returns one outcome per granted user."""
    from mlflow.server.auth.client import AuthServiceClient

    auth = AuthServiceClient(tracking_uri)
    experiment_id, news = _ensure_resources(tracking_uri, grants)
    for line in news:
        say(line)
    outcomes = []
    for user in grants.users:
        outcome = Outcome(user.name, user.experiment, user.model)
        user_id = _ensure_user(auth, tracking_uri, user.name, passwords[user.name], outcome)
        existing = {} if outcome.created else _explicit_grants(auth, user.name, user_id)
        for key, resource_id, permission in (
            ("experiment", experiment_id, user.experiment),
            ("model", grants.model, user.model),
        ):
            current = existing.get((RESOURCE_TYPES[key], resource_id))
            _ensure_permission(auth, user.name, current, key, resource_id, permission, outcome)
        outcomes.append(outcome)
    return outcomes


def ungranted_users(tracking_uri: str, grants: Grants) -> list[str]:
    """Server users that the grants do not name, the admin running this excluded."""
    admin = os.environ.get("MLFLOW_TRACKING_USERNAME")
    named = {u.name for u in grants.users}
    return [u for u in _server_usernames(tracking_uri) if u not in named and u != admin]


def print_outcomes(outcomes: list[Outcome], experiment: str, model: str) -> None:
    """The table of users, permissions and what was done (rich when installed)."""
    header = ("user", f"experiment '{experiment}'", f"model '{model}'", "action")
    rows = [(o.user, o.experiment, o.model, o.action) for o in outcomes]
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # the workloads image's lock does not carry rich
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        return
    table = Table(title="MLflow registry access")
    for title in header:
        table.add_column(title)
    for row in rows:
        table.add_row(*row)
    Console(width=120).print(table)


def run(tracking_uri: str, grants_file: Path, passwords_dir: Path, wait_seconds: float) -> int:
    """The ``registry-access`` verb; returns the exit code (2: bad input, 1: server error)."""
    try:
        grants = load_grants(grants_file)
        passwords = read_passwords(passwords_dir, grants.users)
        for variable in ("MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD"):
            if not os.environ.get(variable):
                raise GrantsError(f"{variable} (the registry admin's credentials) is not set")
    except GrantsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        wait_for_server(tracking_uri, wait_seconds)
    except TimeoutError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    from mlflow.exceptions import MlflowException  # imported late: a slow import

    try:
        outcomes = apply_grants(tracking_uri, grants, passwords)
        strangers = ungranted_users(tracking_uri, grants)
    except (MlflowException, httpx.HTTPError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print_outcomes(outcomes, grants.experiment, grants.model)
    if strangers:
        print(
            f"warning: users not in the grants, left alone: {', '.join(strangers)}", file=sys.stderr
        )
    return 0
