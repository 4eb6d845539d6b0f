"""Benchmark: the full variant set of a photo, adaptive quality against fixed settings.

Three ways to make every variant (12 files for a photo 1920 px wide or more):
- "adaptive": the pipeline as it runs, the quality searched per photo and
  format for the lowest that reaches the SSIM floor;
- "fixed": the same pipeline with the configured quality for every photo
  (what it did before the search);
- "baseline" (with --baseline): what common Django thumbnailers do, a fresh
  open, full decode and full-size resize per variant, Pillow's defaults.

For each image it measures, in fresh processes pinned to one CPU core, the time
to make all variants and the peak resident memory; and, from one run of each
arm, the bytes and SSIM (luminance, 7×7 sliding windows, numpy) of every
variant against a Lanczos resize of the full, colour-managed original to the
variant's size.

    .venv/bin/python benchmarks/photo_variants.py --runs 3         # the default set
    .venv/bin/python benchmarks/photo_variants.py FILE... --runs 3 # your own files

The default set: a 24 MP JPEG made from a demo photo, the demo photos, the
photos in ../shared/photos/ when present, the most detailed photo tiled 2×2
(32 MP of real detail), a CMYK JPEG and a 1000 px crop of the most detailed
photo (small detailed photos and CMYK scans are where fixed settings fall
short). Run from the project root. Times are reported as a ratio
to the fixed arm of the same run.
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

from photos.processing import (  # noqa: E402
    ENCODER_OPTIONS,
    QUALITY_RANGES,
    SSIM_FLOOR,
    SSIM_TARGET,
    SSIM_TARGET_REDUCED_DECODE,
    WIDTHS,
    _to_srgb,
    render_variants,
    target_widths,
)

FORMATS = ("avif", "webp", "jpeg")
DEMO_PHOTOS = ROOT / "backoffice" / "demo" / "photos"
SHARED_PHOTOS = ROOT.parent.parent / "shared" / "photos"
DETAILED_PHOTO = "picosdeeuropa_by_Aitzol_Berasategi.jpg"


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


def pipeline_variants(path: str, *, adaptive: bool) -> dict[tuple[str, int], tuple[bytes, int]]:
    """Our variants: bytes and the quality used, by format and width."""
    with open(path, "rb") as source:
        result = render_variants(source, adaptive=adaptive)
    return {(v.format, v.width): (v.data, v.quality) for v in result.variants}


ARMS = {
    "adaptive": lambda path: pipeline_variants(path, adaptive=True),
    "fixed": lambda path: pipeline_variants(path, adaptive=False),
    "baseline": baseline_variants,
}


def peak_rss_kib() -> int:
    """This process's peak resident memory (VmHWM: not inherited from the parent)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("VmHWM is not available")


def child(arm: str, path: str) -> None:
    """Run one measurement in this (fresh) process and print JSON."""
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    variants = ARMS[arm]
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


def measure(arm: str, path: str, runs: int) -> dict:
    results = []
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, __file__, "--child", arm, path],
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


def reference_original(path: str) -> Image.Image:
    """The original fully decoded (no reduced-scale decode), upright, in sRGB."""
    with Image.open(path) as image:
        icc_profile = image.info.get("icc_profile")
        upright = ImageOps.exif_transpose(image)
        return _to_srgb(upright, icc_profile).convert("RGB")


def quality_report(path: str) -> dict:
    """Bytes, quality and SSIM of every variant of both pipeline arms.

    The reference for each width is a Lanczos resize of the full original
    straight to the variant's size.
    """
    original = reference_original(path)
    references: dict[tuple[int, int], Image.Image] = {}
    report: dict = {}
    for arm in ("fixed", "adaptive"):
        report[arm] = {}
        for (image_format, width), (data, quality) in pipeline_variants(
            path, adaptive=arm == "adaptive"
        ).items():
            decoded = Image.open(io.BytesIO(data)).convert("RGB")
            if decoded.size not in references:
                references[decoded.size] = original.resize(decoded.size, Image.Resampling.LANCZOS)
            report[arm][(image_format, width)] = {
                "bytes": len(data),
                "quality": quality,
                "ssim": ssim(references[decoded.size], decoded),
            }
    return report


def make_24_megapixel_jpeg(folder: Path) -> Path:
    source = DEMO_PHOTOS / "seeding_by_Clements_Engelhardt.jpg"
    path = folder / "seeding-6000x4000-24MP.jpg"
    with Image.open(source) as image:
        image.convert("RGB").resize((6000, 4000), Image.Resampling.LANCZOS).save(path, quality=90)
    return path


def make_detailed_large_jpeg(source: Path, folder: Path) -> Path:
    """A large, detailed JPEG: a photo tiled 2×2 (mirrored), full-resolution detail
    everywhere; where the reduced-scale decode matters most."""
    path = folder / f"{source.stem}-2x2.jpg"
    with Image.open(source) as image:
        photo = image.convert("RGB")
    tiled = Image.new("RGB", (photo.width * 2, photo.height * 2))
    mirrored = photo.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    for column, tile in enumerate((photo, mirrored)):
        for row in range(2):
            tiled.paste(tile, (column * photo.width, row * photo.height))
    tiled.save(path, quality=90)
    return path


def make_cmyk_jpeg(source: Path, folder: Path) -> Path:
    """A CMYK JPEG (Pillow's conversion, no profile), as a print-ready scan arrives."""
    path = folder / f"{source.stem}-cmyk.jpg"
    with Image.open(source) as image:
        image.convert("CMYK").save(path, quality=92)
    return path


def make_detailed_crop(source: Path, folder: Path, width: int = 1000) -> Path:
    """A small, detailed photo: the middle of a detailed one, 1000 px wide."""
    path = folder / f"{source.stem}-crop{width}.jpg"
    with Image.open(source) as image:
        height = round(width * 2 / 3)
        left, top = (image.width - width) // 2, (image.height - height) // 2
        image.crop((left, top, left + width, top + height)).save(path, quality=92)
    return path


def default_files(folder: Path) -> list[Path]:
    photos = {path.name: path for path in sorted(DEMO_PHOTOS.glob("*.jpg"))}
    if SHARED_PHOTOS.is_dir():
        photos.update({path.name: path for path in sorted(SHARED_PHOTOS.glob("*.jpg"))})
    files = [make_24_megapixel_jpeg(folder)] + [photos[name] for name in sorted(photos)]
    detailed = photos.get(DETAILED_PHOTO, DEMO_PHOTOS / DETAILED_PHOTO)
    cmyk_source = photos.get("aitzgorri_by_Aitzol_Berasategi.jpg", detailed)
    files += [
        make_detailed_large_jpeg(detailed, folder),
        make_cmyk_jpeg(cmyk_source, folder),
        make_detailed_crop(detailed, folder),
    ]
    return files


def print_quality(name: str, report: dict) -> None:
    widths = sorted({width for _, width in report["fixed"]})
    columns = "".join(f"{width:>8} px {'SSIM':>6} {'q':>3}" for width in widths)
    print(f"{name[:44]:44} {'':4}{columns}")
    for image_format in FORMATS:
        for arm in ("fixed", "adaptive"):
            cells = ""
            for width in widths:
                cell = report[arm][(image_format, width)]
                flag = "*" if cell["ssim"] < SSIM_FLOOR else " "
                cells += f"{cell['bytes']:11,d} {cell['ssim']:6.4f}{flag}{cell['quality']:3d}"
            print(f"  {image_format} {arm:8}{'':34}{cells}")


def print_summary(reports: list[tuple[str, dict]]) -> None:
    print("\nAcross the set (median over photos; * above marks SSIM below the floor):")
    print(f"{'':28} {'fixed':>12} {'adaptive':>12} {'change':>8}")
    for image_format in FORMATS:
        for label, pick in (
            ("largest", lambda cells: [max(cells.items(), key=lambda item: item[0][1])[1]]),
            ("all widths", lambda cells: list(cells.values())),
        ):
            medians = []
            for arm in ("fixed", "adaptive"):
                totals = []
                for _, report in reports:
                    cells = {k: v for k, v in report[arm].items() if k[0] == image_format}
                    totals.append(sum(cell["bytes"] for cell in pick(cells)))
                medians.append(statistics.median(totals))
            change = medians[1] / medians[0] - 1
            print(
                f"{image_format + ' bytes, ' + label:28} {medians[0]:12,.0f} {medians[1]:12,.0f} "
                f"{change:+8.1%}"
            )
    for arm in ("fixed", "adaptive"):
        cells = [cell for _, report in reports for cell in report[arm].values()]
        below = sum(cell["ssim"] < SSIM_FLOOR for cell in cells)
        lowest = min(cell["ssim"] for cell in cells)
        print(
            f"{arm}: {below} of {len(cells)} variants below SSIM {SSIM_FLOOR}, lowest {lowest:.4f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="Images (default: the set described above).")
    parser.add_argument("--runs", type=int, default=3, help="Runs per measurement (median time).")
    parser.add_argument(
        "--baseline", action="store_true", help="Also time the naive thumbnailer (slow)."
    )
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(*options.child)
        return

    with tempfile.TemporaryDirectory() as folder:
        files = [Path(name) for name in options.files] or default_files(Path(folder))
        print(f"Widths {list(WIDTHS.values())}; starting settings {json.dumps(ENCODER_OPTIONS)}")
        ranges = ", ".join(f"{f} {r.floor}-{r.ceiling}" for f, r in QUALITY_RANGES.items())
        print(
            f"Adaptive: SSIM floor {SSIM_FLOOR}, target {SSIM_TARGET:.3f} "
            f"({SSIM_TARGET_REDUCED_DECODE:.3f} near a reduced JPEG decode), quality {ranges}"
        )
        print(f"One CPU core per process; median of {options.runs} runs.\n")
        arms = ["fixed", "adaptive"] + (["baseline"] if options.baseline else [])
        header = f"{'photo':44} {'MP':>5} {'files':>5}" + "".join(
            f" {arm + ' s':>10}" for arm in arms
        )
        header += f" {'adapt/fixed':>11}" + (" base/adapt" if options.baseline else "")
        header += "".join(f" {arm[:5] + ' MiB':>9}" for arm in arms)
        print(header)
        reports = []
        for path in files:
            with Image.open(path) as image:
                megapixels = image.width * image.height / 1e6
            timings = {arm: measure(arm, str(path), options.runs) for arm in arms}
            seconds = {arm: timing["seconds"] for arm, timing in timings.items()}
            row = f"{path.name[:44]:44} {megapixels:5.1f} {timings['adaptive']['files']:5d}"
            row += "".join(f" {seconds[arm]:10.3f}" for arm in arms)
            row += f" {seconds['adaptive'] / seconds['fixed']:10.2f}x"
            if options.baseline:
                row += f" {seconds['baseline'] / seconds['adaptive']:9.1f}x"
            row += "".join(f" {timings[arm]['peak_mib']:9.0f}" for arm in arms)
            print(row, flush=True)
            reports.append((path.name, quality_report(str(path))))
        print(
            "\n(MiB: peak resident memory of the whole process, "
            f"{timings['fixed']['idle_mib']:.0f} MiB of it the warmed-up process)\n"
        )
        print("Bytes, SSIM against a Lanczos resize of the full original, and quality used:")
        for name, report in reports:
            print_quality(name, report)
        print_summary(reports)


if __name__ == "__main__":
    main()
