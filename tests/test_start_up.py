"""Issue 8, start-up to the first frame: it loads only what that frame draws."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# A start at noon (the tar pits arriving by their light wipe over the morning's ruins): which
# layer modules are loaded when the first frame is drawn, and once it is up.
NOON = """
import sys
from pathlib import Path
from installation.app.show import ShowOptions, build_show
from installation.core.config import load_config, with_overrides
from installation.core.timeutil import parse_clock
from installation.core.timeline import load_timeline
config = load_config(Path("config.toml"))
config = with_overrides(config, display={"resolution": (320, 180)}, audio={"enabled": False})
options = ShowOptions(headless=True, at=parse_clock("12:00"))
show = build_show(config, load_timeline(config.timeline_path), options)
def loaded(name): return f"installation.visuals.{name}" in sys.modules
up = show.first_frame_up
def first_frame_up():
    print(loaded("ruins"), loaded("booth"), "scipy" in sys.modules)
    up()
    print(loaded("booth"))
show.first_frame_up = first_frame_up
show.step()
show.close()
"""


def test_a_start_loads_the_layers_of_its_first_frame_then_the_rest() -> None:
    """The first frame waits on the modules of the layers it draws (the morning's ruins),
    not on those of scenes hours away (the payphone's booth) nor on the synthesis (scipy);
    once it is up the rest load, so no later scene waits on an import."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    done = subprocess.run([sys.executable, "-c", NOON], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["True", "False", "False", "True"], done.stderr


RUN = """
import sys
from installation.app.show import Show
up = Show.first_frame_up
def first_frame_up(show):
    print("installation.app.remote_control" in sys.modules, "subprocess" in sys.modules)
    up(show)
Show.first_frame_up = first_frame_up
from installation.__main__ import main
main(["run", "--headless", "--frames", "2", "--config", sys.argv[1]])
print("installation.app.remote_control" in sys.modules)
"""


def test_the_remote_and_screen_power_start_once_the_first_frame_is_up(tmp_path: Path) -> None:
    """`run` wires the remote (its servers, screen power) after the first frame: their
    modules do not delay it."""
    config = tmp_path / "config.toml"
    config.write_text(f'[display]\nresolution = "160x90"\n[audio]\nenabled = false\n[show]\n'
                      f'timeline = "{ROOT / "timelines" / "miracle-mile.toml"}"\n'
                      f'[logging]\nfolder = "{tmp_path / "logs"}"\n')
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    done = subprocess.run([sys.executable, "-c", RUN, str(config)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["False", "False", "True"], done.stderr
