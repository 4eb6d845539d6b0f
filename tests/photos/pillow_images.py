"""Pillow's own test-image collection (its source distribution's ``Tests/images``).

Downloaded once from PyPI for the installed Pillow version into ``var/`` and
reused; ``PILLOW_TEST_IMAGES`` may point at an unpacked copy instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import PIL

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "var" / "pillow-test-images"


def pillow_test_images(cache: Path = CACHE) -> Path:
    """The folder of Pillow's test images; raises OSError when it cannot be had."""
    if os.environ.get("PILLOW_TEST_IMAGES"):
        return Path(os.environ["PILLOW_TEST_IMAGES"])
    folder = cache / f"pillow-{PIL.__version__}" / "Tests" / "images"
    if folder.is_dir():
        return folder
    cache.mkdir(parents=True, exist_ok=True)
    download = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--no-binary",
            ":all:",
            "--dest",
            str(cache),
            f"pillow=={PIL.__version__}",
        ],
        capture_output=True,
        text=True,
    )
    archives = sorted(cache.glob(f"pillow-{PIL.__version__}.tar.gz"))
    if download.returncode != 0 or not archives:
        raise OSError(f"could not download Pillow {PIL.__version__}'s sources: {download.stderr}")
    with tarfile.open(archives[0]) as sdist:
        members = [m for m in sdist.getmembers() if "/Tests/images/" in m.name and m.isfile()]
        sdist.extractall(cache, members=members, filter="data")
    archives[0].unlink()
    return folder


def image_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())
