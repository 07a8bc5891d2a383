"""The benchmarks the README quotes still start: their imports of the test
helpers resolve (a moved helper once broke one, unnoticed until CI's lint)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import TEMPLATE_ROOT

BENCHMARKS = sorted((TEMPLATE_ROOT / "benchmarks").glob("bench_*.py"))


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda p: p.name)
def test_a_benchmark_starts_and_explains_itself(script):
    result = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage:")
