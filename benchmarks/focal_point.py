"""Benchmark: the work of moving a photo's focal point, before and after.

Moving the focal point changes only the cropped variants (3:2 around the
point). Before, the processing task made every variant again: the whole
photo's widths in three formats with their quality search, then the crops
(``render_variants``, what ``process_photo`` did for a moved focal point and
still does with ``force``). Now it makes the crops alone, at the qualities
recorded for the whole photo (``render_crops``), from the same single decode.

Both arms run in this process, pinned to one CPU core, alternating, on the
same files, after one warm-up each; the figure is the median of ``--runs``
and the ratio after/before in the same run. The crops of both arms are
checked to be the same bytes.

    .venv/bin/python benchmarks/focal_point.py [--runs 3] [FILE...]

The default set: the demo photos and a 24 MP JPEG made from one of them.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from photos.processing import CROPS, render_crops, render_variants  # noqa: E402

DEMO_PHOTOS = ROOT / "backoffice" / "demo" / "photos"
#: The focal point before and after the move (the crops' frame changes on a
#: portrait and on a panorama; a photo of exactly 3:2 has nothing to crop).
FOCAL_BEFORE, FOCAL_AFTER = (0.5, 0.5), (0.3, 0.2)


def make_24_megapixel_jpeg(folder: Path) -> Path:
    source = DEMO_PHOTOS / "seeding_by_Clements_Engelhardt.jpg"
    path = folder / "seeding-6000x4000-24MP.jpg"
    with Image.open(source) as image:
        image.convert("RGB").resize((6000, 4000), Image.Resampling.LANCZOS).save(path, quality=90)
    return path


def before(data: bytes) -> list:
    """A focal change before: every variant made again."""
    result = render_variants(io.BytesIO(data), crops=tuple(CROPS), focal=FOCAL_AFTER)
    return [variant for variant in result.variants if variant.crop]


def after(data: bytes, qualities: dict) -> list:
    """A focal change now: the crops alone."""
    return render_crops(
        io.BytesIO(data), crops=tuple(CROPS), focal=FOCAL_AFTER, qualities=qualities
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="Images (default: the set described above).")
    parser.add_argument("--runs", type=int, default=3, help="Runs per arm (median time).")
    options = parser.parse_args()
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    with tempfile.TemporaryDirectory() as folder:
        files = [Path(name) for name in options.files] or [
            make_24_megapixel_jpeg(Path(folder)),
            *sorted(DEMO_PHOTOS.glob("*.jpg")),
        ]
        print(f"One CPU core; median of {options.runs} runs; focal {FOCAL_BEFORE} → {FOCAL_AFTER}.")
        print(f"{'photo':44} {'MP':>5} {'crops':>5} {'before s':>9} {'after s':>9} {'ratio':>7}")
        ratios = []
        for path in files:
            data = path.read_bytes()
            with Image.open(path) as image:
                megapixels = image.width * image.height / 1e6
            # The upload's render: the qualities the records keep.
            first = render_variants(io.BytesIO(data), crops=tuple(CROPS), focal=FOCAL_BEFORE)
            qualities = {(v.format, v.width): v.quality for v in first.variants if not v.crop}
            made_before, made_after = before(data), after(data, qualities)  # warm-up
            assert [v.data for v in made_before] == [v.data for v in made_after], path
            times = {"before": [], "after": []}
            for _ in range(options.runs):
                start = time.perf_counter()
                before(data)
                times["before"].append(time.perf_counter() - start)
                start = time.perf_counter()
                after(data, qualities)
                times["after"].append(time.perf_counter() - start)
            seconds = {arm: statistics.median(values) for arm, values in times.items()}
            ratio = seconds["after"] / seconds["before"]
            ratios.append(ratio)
            print(
                f"{path.name[:44]:44} {megapixels:5.1f} {len(made_after):5d} "
                f"{seconds['before']:9.3f} {seconds['after']:9.3f} {ratio:6.2f}x"
            )
        print(f"Median after/before over the set: {statistics.median(ratios):.2f}x")


if __name__ == "__main__":
    main()
