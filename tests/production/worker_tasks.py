"""A task for the worker tests: it records each run in a shared log file."""

import os
import time

from django_tasks import task


@task()
def record_run(log_path: str, number: int) -> int:
    """Append one line per run; a task run twice would show up twice."""
    time.sleep(0.02)  # long enough for the workers to overlap
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(f"{number} {os.getpid()}\n")
    return number
