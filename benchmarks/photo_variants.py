"""Benchmark: the full variant set of a photo, ours against a common thumbnailer.

For each image it measures, in fresh processes pinned to one CPU core:
- the time to make all variants (12 files for a photo 1920 px wide or more),
- the peak resident memory of the process,
and, from one run, the bytes per format at 1920 px and the SSIM of each
format at 1920 px against a high-quality reference resize.

The baseline does what common Django thumbnailers do: it opens and fully
decodes the original again for every variant, resizes the full image each
time, and saves with Pillow's defaults.

    .venv/bin/python benchmarks/photo_variants.py            # a 24 MP JPEG + the demo photos
    .venv/bin/python benchmarks/photo_variants.py FILE...     # your own files

Run from the project root. Reports ratios against the baseline of the same run.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageOps  # noqa: E402

from photos.processing import ENCODER_OPTIONS, WIDTHS, render_variants, target_widths  # noqa: E402

FORMATS = ("avif", "webp", "jpeg")


def baseline_variants(path: str) -> dict[tuple[str, int], bytes]:
    """A fresh open, full decode and full-size resize per variant, Pillow defaults."""
    with Image.open(path) as probe:
        width = ImageOps.exif_transpose(probe).width
    outputs = {}
    for target in target_widths(width):
        for image_format in FORMATS:
            with Image.open(path) as image:
                image = ImageOps.exif_transpose(image).convert("RGB")
                height = round(image.height * target / image.width)
                resized = image.resize((target, height))
                buffer = io.BytesIO()
                resized.save(buffer, image_format.upper())
                outputs[(image_format, target)] = buffer.getvalue()
    return outputs


def ours_variants(path: str) -> dict[tuple[str, int], bytes]:
    with open(path, "rb") as source:
        result = render_variants(source)
    return {(v.format, v.width): v.data for v in result.variants}


def peak_rss_kib() -> int:
    """This process's peak resident memory (VmHWM: not inherited from the parent)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("VmHWM is not available")


def child(mode: str, path: str) -> None:
    """Run one measurement in this (fresh) process and print JSON."""
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    variants = baseline_variants if mode == "baseline" else ours_variants
    # Warm up on a small image, as a long-running worker is: codecs loaded.
    with tempfile.NamedTemporaryFile(suffix=".jpg") as small:
        Image.new("RGB", (600, 400), (90, 120, 150)).save(small.name)
        variants(small.name)
    idle = peak_rss_kib()
    start = time.perf_counter()
    outputs = variants(path)
    seconds = time.perf_counter() - start
    peak = peak_rss_kib()
    print(
        json.dumps({"seconds": seconds, "peak_kib": peak, "idle_kib": idle, "files": len(outputs)})
    )


def measure(mode: str, path: str, runs: int) -> dict:
    results = []
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, __file__, "--child", mode, path],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        results.append(json.loads(output.stdout.strip().splitlines()[-1]))
    return {
        "seconds": statistics.median(r["seconds"] for r in results),
        "peak_mib": max(r["peak_kib"] for r in results) / 1024,
        "added_mib": max(r["peak_kib"] - r["idle_kib"] for r in results) / 1024,
        "idle_mib": results[0]["idle_kib"] / 1024,
        "files": results[0]["files"],
    }


def ssim(first: Image.Image, second: Image.Image, window: int = 7) -> float:
    """Mean SSIM of the luminance, over sliding window×window boxes."""
    import numpy as np

    def box_mean(values):
        padded = np.pad(values, ((1, 0), (1, 0))).cumsum(0).cumsum(1)
        total = (
            padded[window:, window:]
            - padded[:-window, window:]
            - padded[window:, :-window]
            + padded[:-window, :-window]
        )
        return total / (window * window)

    x = np.asarray(first.convert("L"), dtype=np.float64)
    y = np.asarray(second.convert("L"), dtype=np.float64)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    mean_x, mean_y = box_mean(x), box_mean(y)
    var_x = box_mean(x * x) - mean_x**2
    var_y = box_mean(y * y) - mean_y**2
    covariance = box_mean(x * y) - mean_x * mean_y
    index = ((2 * mean_x * mean_y + c1) * (2 * covariance + c2)) / (
        (mean_x**2 + mean_y**2 + c1) * (var_x + var_y + c2)
    )
    return float(index.mean())


def quality_at_largest(path: str) -> dict:
    """Bytes and SSIM per format at the largest width, against a Lanczos reference."""
    with Image.open(path) as image:
        reference_source = ImageOps.exif_transpose(image).convert("RGB")
    width = target_widths(reference_source.width)[-1]
    height = round(reference_source.height * width / reference_source.width)
    reference = reference_source.resize((width, height), Image.Resampling.LANCZOS)
    ours = ours_variants(path)
    report = {}
    for image_format in FORMATS:
        data = ours[(image_format, width)]
        decoded = Image.open(io.BytesIO(data)).convert("RGB")
        report[image_format] = {"bytes": len(data), "ssim": ssim(reference, decoded)}
    report["width"] = width
    return report


def make_24_megapixel_jpeg(folder: Path) -> Path:
    source = ROOT / "commission" / "demo" / "photos" / "seeding_by_Clements_Engelhardt.jpg"
    path = folder / "seeding-6000x4000-24MP.jpg"
    with Image.open(source) as image:
        image.convert("RGB").resize((6000, 4000), Image.Resampling.LANCZOS).save(path, quality=90)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "files", nargs="*", help="Images (default: a 24 MP JPEG and the demo photos)."
    )
    parser.add_argument("--runs", type=int, default=3, help="Runs per measurement (median time).")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(*options.child)
        return

    with tempfile.TemporaryDirectory() as folder:
        files = [Path(name) for name in options.files]
        if not files:
            files = [make_24_megapixel_jpeg(Path(folder))] + sorted(
                (ROOT / "commission" / "demo" / "photos").glob("*.jpg")
            )
        print(f"Settings: widths {list(WIDTHS.values())}, {json.dumps(ENCODER_OPTIONS)}")
        print(f"One CPU core per process; median of {options.runs} runs.\n")
        header = (
            f"{'photo':42} {'MP':>5} {'files':>5} {'ours s':>7} {'base s':>7} {'speed-up':>8} "
            f"{'ours MiB':>8} {'base MiB':>8} {'ours +MiB':>9} {'base +MiB':>9}"
        )
        print(header)
        quality_rows = []
        for path in files:
            with Image.open(path) as image:
                megapixels = image.width * image.height / 1e6
            ours = measure("ours", str(path), options.runs)
            base = measure("baseline", str(path), options.runs)
            print(
                f"{path.name[:42]:42} {megapixels:5.1f} {ours['files']:5d} {ours['seconds']:7.3f} "
                f"{base['seconds']:7.3f} {base['seconds'] / ours['seconds']:7.1f}x "
                f"{ours['peak_mib']:8.0f} {base['peak_mib']:8.0f} "
                f"{ours['added_mib']:9.0f} {base['added_mib']:9.0f}"
            )
            quality_rows.append((path.name, quality_at_largest(str(path))))
        print(
            f"\n(MiB: peak of the whole process; +MiB: above the warmed-up process before the "
            f"photo, {ours['idle_mib']:.0f} MiB)\n"
        )
        print(
            f"{'photo':42} {'width':>5} "
            + " ".join(f"{f + ' bytes':>11} {f + ' SSIM':>9}" for f in FORMATS)
        )
        for name, quality in quality_rows:
            cells = " ".join(
                f"{quality[f]['bytes']:11d} {quality[f]['ssim']:9.4f}" for f in FORMATS
            )
            print(f"{name[:42]:42} {quality['width']:5d} {cells}")


if __name__ == "__main__":
    main()
