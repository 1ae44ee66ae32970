"""Installs the suite's network guard (tests/network_guard.py) in a Python subprocess a test started.

The autouse fixture in tests/conftest.py puts this folder first on ``PYTHONPATH`` and names a log file in
``$NEEDLING_TESTS_NETWORK_LOG``; Python imports ``sitecustomize`` at start-up, so the subprocess is guarded
before any of its own code runs, and every attempt it makes is written to the log the test checks.
"""

import importlib.util
import os
from pathlib import Path

_log = os.environ.get("NEEDLING_TESTS_NETWORK_LOG")
if _log:
    _spec = importlib.util.spec_from_file_location(
        "_needling_tests_network_guard", Path(__file__).resolve().parent.parent / "network_guard.py"
    )
    assert _spec is not None and _spec.loader is not None
    _module = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(_module)
    _module.NetworkGuard(log=_log).install()
