"""`make system-deps` (scripts/system-packages.sh) against a fake PATH.

Each test builds a bin folder holding only the commands it wants the machine to
have: stubs for the servers, a recording apt-get and sudo, and an `id` that says
whether we are root. Nothing is installed for real.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.paths import REPO

SCRIPT = REPO / "scripts" / "system-packages.sh"
SERVERS = ("redis-server", "openssl", "node", "npm")
CHMOD = shutil.which("chmod") or "/bin/chmod"


def _stub(path: Path, body: str = "exit 0") -> None:
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


@pytest.fixture
def fake_bin(tmp_path: Path) -> Path:
    """Only bash and env are real; python3 has ensurepip; nothing else is there yet."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for real in ("bash", "env"):
        (bin_dir / real).symlink_to(shutil.which(real) or f"/usr/bin/{real}")
    _stub(bin_dir / "python3")
    return bin_dir


def _machine(
    bin_dir: Path, *, uid: int, have: tuple[str, ...], apt: bool = True, sudo: bool = False
) -> Path:
    log = bin_dir.parent / "calls.log"
    _stub(bin_dir / "id", f'[ "$1" = -u ] && echo {uid}')
    for command in have:
        _stub(bin_dir / command)
    if apt:
        # Installing a package puts its command on PATH (nodejs -> node).
        _stub(
            bin_dir / "apt-get",
            f'echo "apt-get $*" >> {log}\n'
            'for p in "$@"; do case "$p" in -*|install|update) ;; *)\n'
            f'  c=$p; [ "$p" = nodejs ] && c=node; printf "#!/bin/sh\\n" > {bin_dir}/$c;'
            f" {CHMOD} +x {bin_dir}/$c;; esac; done",
        )
    if sudo:
        _stub(bin_dir / "sudo", f'echo "sudo $*" >> {log}\nexec "$@"')
    return log


def _run(bin_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT)],
        env={"PATH": str(bin_dir)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_nothing_to_do_when_everything_is_there(fake_bin: Path) -> None:
    log = _machine(fake_bin, uid=0, have=SERVERS)
    result = _run(fake_bin)
    assert result.returncode == 0, result.stderr
    assert "are installed" in result.stdout
    assert not log.exists()


def test_root_installs_only_what_is_missing_and_says_so(fake_bin: Path) -> None:
    log = _machine(fake_bin, uid=0, have=("openssl", "npm"))
    result = _run(fake_bin)
    assert result.returncode == 0, result.stderr
    assert "installing redis-server nodejs with apt-get" in result.stdout
    calls = log.read_text().splitlines()
    assert calls == [
        "apt-get update -qq",
        "apt-get install -y -qq --no-install-recommends redis-server nodejs",
    ]
    assert _run(fake_bin).stdout.strip().endswith("are installed")  # idempotent


def test_a_user_with_sudo_installs_through_sudo(fake_bin: Path) -> None:
    log = _machine(fake_bin, uid=1000, have=("openssl", "node", "npm"), sudo=True)
    result = _run(fake_bin)
    assert result.returncode == 0, result.stderr
    assert "with sudo apt-get" in result.stdout
    assert log.read_text().splitlines()[0].startswith("sudo env DEBIAN_FRONTEND=noninteractive")


def test_python_without_ensurepip_gets_python3_venv(fake_bin: Path) -> None:
    _stub(fake_bin / "python3", "exit 1")
    log = _machine(fake_bin, uid=0, have=SERVERS)
    assert _run(fake_bin).returncode == 0
    assert "--no-install-recommends python3-venv" in log.read_text()


@pytest.mark.parametrize(
    ("uid", "apt", "reason"),
    [
        (1000, True, "not root, and there is no sudo"),
        (0, False, "no apt-get on this machine"),
    ],
)
def test_cannot_install_names_the_packages_and_the_command(
    fake_bin: Path, uid: int, apt: bool, reason: str
) -> None:
    log = _machine(fake_bin, uid=uid, have=("openssl",), apt=apt)
    result = _run(fake_bin)
    assert result.returncode == 1
    assert reason in result.stderr
    assert "the tests need: redis-server nodejs npm" in result.stderr
    assert "apt-get install -y --no-install-recommends redis-server nodejs npm" in result.stderr
    assert not log.exists()


def test_a_failing_apt_get_is_reported(fake_bin: Path) -> None:
    _machine(fake_bin, uid=0, have=("openssl", "node", "npm"))
    _stub(fake_bin / "apt-get", "exit 100")
    result = _run(fake_bin)
    assert result.returncode == 1
    assert "apt-get update failed" in result.stderr
    assert "redis-server" in result.stderr
