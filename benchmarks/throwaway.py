"""A throwaway PostgreSQL server in a temporary folder, for the test suite and the benchmarks.

Debian's initdb/pg_ctl (on PATH or under /usr/lib/postgresql/*/bin), a cluster listening on a free port
on 127.0.0.1, removed when the context ends. As root, the binaries run as the `postgres` user
(PostgreSQL refuses to run as root). Never used by the tool itself.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


def pg_bin() -> Path | None:
    """The folder of PostgreSQL's server binaries, or None when they are not installed."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@contextmanager
def throwaway_postgres(settings: Sequence[str] = (), prefix: str = "communique-pg-",
                       folder: str | None = None) -> Iterator[str]:
    """A running server; yields the URL of its `postgres` database (superuser `communique`).

    `settings` are extra server settings ("shared_buffers=1GB"); fsync is off: nothing here is kept.
    """
    bin_dir = pg_bin()
    if bin_dir is None:
        raise FileNotFoundError("PostgreSQL binaries not found (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix=prefix, dir=folder))
    if os.geteuid() == 0:
        shutil.chown(root, user="postgres", group="postgres")
    data, port = root / "data", _free_port()
    subprocess.run(_as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "communique",
                                    "-E", "UTF8", "--locale", "C.UTF-8"]), check=True, capture_output=True, cwd=root)
    options = " ".join([f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off",
                        *(f"-c {s}" for s in settings)])
    subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-t", "60",
                                    "-l", str(root / "log"), "start"]), check=True, capture_output=True, cwd=root)
    try:
        yield f"postgresql://communique@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                       capture_output=True, cwd=root)
        shutil.rmtree(root, ignore_errors=True)
