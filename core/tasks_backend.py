"""A task backend for development: each task runs in a background thread.

The immediate backend of django-tasks runs a task inside the request that
enqueued it: saving a meeting with two camera photos waited for their twelve
variants (about 9 s for two 24-megapixel JPEGs, ``benchmarks/meeting_save.py``).
Production queues tasks in the database for ``db_worker``; development, with no
worker running, runs them here, one at a time in a thread of the web process,
after the response has gone. Tests keep the immediate backend, so that what
they assert has happened when the request returns.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from django.db import close_old_connections, connections
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id

logger = logging.getLogger(__name__)

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tasks")


class ThreadBackend(ImmediateBackend):
    """Like the immediate backend, but the work happens after the request returns."""

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        _executor.submit(self._run, result)
        return result

    def _run(self, result: TaskResult) -> None:
        close_old_connections()
        try:
            self._execute_task(result)
        except Exception:  # noqa: BLE001 - a thread's failure must show in the log
            logger.exception("Task %s failed", result.task.name)
        finally:
            connections.close_all()
