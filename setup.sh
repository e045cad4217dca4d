#!/usr/bin/env bash
# Set up Miracle Mile on a fresh Linux machine: system packages, a virtual environment in .venv,
# and the package itself. Safe to run again. `bash setup.sh --test` also installs the test tools.
set -euo pipefail
cd "$(dirname "$0")"

extras=""
[[ "${1:-}" == "--test" ]] && extras="[test]"

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "setup: Python 3.11 or newer is needed (found: $("$python" --version 2>&1 || echo none))." >&2
    echo "setup: on Debian/Ubuntu: sudo apt-get install -y python3 python3-venv" >&2
    exit 1
fi

# ffmpeg (with ffprobe) lets pydub read mp3/ogg/flac sound files; xvfb gives tests a real window.
missing=()
command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || missing+=(ffmpeg)
[[ -n "$extras" ]] && ! command -v Xvfb >/dev/null && missing+=(xvfb)
# A private PulseAudio server with a null sink lets tests/test_sound_server.py record the show.
[[ -n "$extras" ]] && ! command -v pulseaudio >/dev/null && missing+=(pulseaudio)
[[ -n "$extras" ]] && ! command -v parec >/dev/null && missing+=(pulseaudio-utils)
if ((${#missing[@]})); then
    if command -v apt-get >/dev/null && [[ $(id -u) -eq 0 ]]; then
        echo "setup: installing ${missing[*]} with apt-get" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    elif command -v apt-get >/dev/null && command -v sudo >/dev/null; then
        echo "setup: installing ${missing[*]} with sudo apt-get" >&2
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "setup: please install ${missing[*]} with your package manager;" \
             "without ffmpeg only WAV sound files can be played." >&2
    fi
fi

if [[ ! -x .venv/bin/python ]]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}"
# Byte-compiled now (an editable install is not): the first start after setup or an update
# reaches its first frame as fast as any other, not a second later (issue 8)
.venv/bin/python -m compileall -q installation >/dev/null
echo "setup: ready (.venv/bin/installation)" >&2
