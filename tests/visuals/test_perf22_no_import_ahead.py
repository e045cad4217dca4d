"""Nothing a scene's building ahead runs waits on an import (perf22): numpy's median and
percentile load its masked arrays on their first call (~8-30 ms, all in one piece of the
building: the falling tower's break, the burnt paint, the ash's colour), so the show loads
them with the layers' modules."""

from __future__ import annotations

import subprocess
import sys

PROBE = ("import sys\n"
         "from installation.visuals.layers import load_all\n"
         "load_all()\n"
         "import numpy as np\n"
         "loaded = set(sys.modules)\n"
         "np.median(np.arange(5.0)); np.percentile(np.arange(5.0), 20)\n"
         "print(sorted(set(sys.modules) - loaded))\n")


def test_a_median_or_percentile_after_the_layers_are_loaded_imports_nothing() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
