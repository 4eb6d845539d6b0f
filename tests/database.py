"""The test database, for a subprocess that must use it."""

from __future__ import annotations


def postgres_url() -> str:
    """The URL of the (test) PostgreSQL database this process uses, for a subprocess."""
    from django.db import connection

    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
