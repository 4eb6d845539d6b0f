"""Settings for the commission website, read from the environment.

Every deploy-time value comes from environment variables (or a `.env` file at
the project root) through django-environ. With no environment at all the
project runs in development mode on a SQLite file under `var/`. With
``DEBUG`` off it refuses to start unless the values production needs are set.
"""

import sys
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from core.country_names import language_aware_names

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)

REQUIRED_IN_PRODUCTION = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")
if not DEBUG:
    for name in REQUIRED_IN_PRODUCTION:
        if not env.str(name, default="").strip():
            # One line an operator can act on, not a traceback.
            sys.exit(f"commission: {name} must be set when DEBUG is off (see README, Settings).")

# Sample records (the demo's invented meetings, visits, projects...) are shown
# on the site, and go into its feeds, sitemap, calendar and open data, only in
# development; off, the one published() rule leaves them out everywhere and
# load_demo refuses to load them. It can be turned off in development to see
# the site as production shows it, never on when DEBUG is off.
SHOW_SAMPLE_RECORDS = DEBUG and env.bool("SHOW_SAMPLE_RECORDS", default=True)

SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The site's public address, for links in files made outside a request (the
# annual report made by the command or downloaded from the admin). By default
# the first allowed host, over HTTPS in production.
SITE_URL = env.str(
    "SITE_URL",
    default=("http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0].lstrip('.')}"),
).rstrip("/")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "backoffice.admin_apps.CommissionAdminConfig",  # django.contrib.admin with 2FA
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "django_countries",
    "django_filters",
    "import_export",
    "django_prose_editor",  # its static files: the admin's rich text editor
    "django_tasks",
    "django_tasks_db",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "core",
    "commission",
    "photos",
    "meetings",
    "delegations",
    "aid",
    "website",
    "reports",
    "backoffice",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Early, so that a cached page costs a cache read and nothing more.
    "core.page_cache.AnonymousPageCacheMiddleware",
    # A database or storage outage gives a clear 503 page, not a 500.
    "core.errors.ServiceErrorMiddleware",
    # Files written by a request whose transaction rolls back are removed.
    "core.storage.TransactionalFilesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag on every page, and 304 Not Modified for a matching If-None-Match.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # The admin in the language its user chose (admin addresses carry none).
    "backoffice.admin_language.AdminLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a clear page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Failed logins (django-axes): an account is locked after AXES_FAILURE_LIMIT
# failures from one address. Username and address together, so a stranger
# cannot lock staff out from everywhere. Unlock: manage.py axes_reset_username NAME.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.identity.site_identity",
            ],
        },
    },
]

# Django's form templates, the smallest written in Python (core.form_renderer).
FORM_RENDERER = "core.form_renderer.FormRenderer"

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections in production (a new PostgreSQL connection costs
# more than rendering most pages), checked before reuse so that a restarted
# server costs no request more than the one that was running.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    # WAL lets the site read while the admin or the worker writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source language and the fallback for content.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("be", _("Belarusian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Minsk")
USE_TZ = True

# Dates and numbers in each language (core/formats/<language>/formats.py):
# one date style per language, digit grouping and decimal marks for ru and be.
FORMAT_MODULE_PATH = ["core.formats"]

# Country names: django-countries has no Belarusian catalogue; these lazy names
# take Belarusian from CLDR (Babel) and every other language from django-countries.
COUNTRIES_OVERRIDE = language_aware_names()

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "ru", "be")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# Let Django serve public media (photo variants only; never originals or
# documents, which go through their checked view). For development and tests;
# in production the web server or object storage does.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)

# Media (photo originals and variants, documents): the local folder above, or
# S3-compatible object storage with MEDIA_STORAGE=s3 (see the README). With S3,
# give the public read access to photos/ only, never originals/ or documents/.
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="filesystem")
if MEDIA_STORAGE not in {"filesystem", "s3"}:
    sys.exit(f"commission: MEDIA_STORAGE must be 'filesystem' or 's3', not {MEDIA_STORAGE!r}.")
if MEDIA_STORAGE == "s3" and not env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    sys.exit("commission: AWS_STORAGE_BUCKET_NAME must be set when MEDIA_STORAGE=s3.")


def _s3_client_config():
    from botocore.config import Config

    return Config(
        connect_timeout=5, read_timeout=30, retries={"max_attempts": 3, "mode": "standard"}
    )


MEDIA_STORAGE_BACKEND = (
    {
        "BACKEND": "core.storage.MediaS3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            "access_key": env.str("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default=None),
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default=None),
            # Variant names change with their content: browsers may keep them.
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
            # Plain URLs (cacheable pages); access is the bucket policy's job.
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
            # Fail in seconds, not minutes, when the object store is unreachable.
            "client_config": _s3_client_config(),
        },
    }
    if MEDIA_STORAGE == "s3"
    else {"BACKEND": "core.storage.MediaFileSystemStorage"}
)

STORAGES = {
    "default": MEDIA_STORAGE_BACKEND,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "core.static_files.StaticFilesStorage"  # whitenoise's, addresses kept
        )
    },
}

# Background work: in development, in a thread after the response
# (core/tasks_backend.py; the tests run them at once); in production
# queue them in the database for `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND",
            default=(
                "core.tasks_backend.ThreadBackend" if DEBUG else "django_tasks_db.DatabaseBackend"
            ),
        )
    }
}

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Reuses its clients, and carries on (uncached) while Redis is unreachable.
    CACHES["default"]["BACKEND"] = "core.cache.RedisCache"
    # Give up on an unreachable Redis in a second rather than hang a request.
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"socket_connect_timeout": 1, "socket_timeout": 1}
    )
# Anonymous visitors' pages are kept this long (0 turns the page cache off);
# any content change shows at once, scheduled items within this delay.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)

# /health/ answers anyone with a database check only; the full check (cache
# and storage too, with details) needs this token in the request (empty: off).
HEALTH_TOKEN = env.str("HEALTH_TOKEN", default="")

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")

LOGIN_URL = "admin:login"

# Logs go to the console: plain text in development, one JSON object per line
# in production (LOG_FORMAT=json|plain).
LOG_FORMAT = env.str("LOG_FORMAT", default="plain" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "core.logs.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# Behind a TLS-terminating proxy in production.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # A load balancer probes the web processes over plain HTTP on the inside.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Content-Security-Policy on every response, admin included: nothing inline
# that would need 'unsafe-inline', nothing from other origins except where
# media is served from (object storage).
_media_origin = (
    [MEDIA_URL.split("/", 3)[0] + "//" + MEDIA_URL.split("/", 3)[2]] if "://" in MEDIA_URL else []
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_media_origin],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Photo pipeline limits (see photos/validation.py).
PHOTO_MAX_UPLOAD_BYTES = env.int("PHOTO_MAX_UPLOAD_BYTES", default=40 * 1024 * 1024)
PHOTO_MAX_PIXELS = env.int("PHOTO_MAX_PIXELS", default=60_000_000)
# Largest document (PDF, office file) attached to a visit or project (see
# core/documents.py). Uploads stream through photos.uploads, which stops
# keeping a file past the larger of the two limits.
DOCUMENT_MAX_UPLOAD_BYTES = env.int("DOCUMENT_MAX_UPLOAD_BYTES", default=50 * 1024 * 1024)
# Keep big uploads on disk while they stream instead of in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 100

SITE_NAME = _("Standing Commission on International Affairs and National Security")

# The public site's identity (see core/identity.py); each is shown only
# when set. Texts may be given per language: SITE_ADDRESS_RU, SITE_ADDRESS_BE…
# fall back to SITE_ADDRESS.
SITE_LOGO = env.str("SITE_LOGO", default="")
SITE_PARENT_URL = env.str("SITE_PARENT_URL", default="https://www.sovrep.gov.by/")
SITE_IDENTITY_TEXTS = ("SITE_ADDRESS", "SITE_PRESS_CONTACT", "SITE_COPYRIGHT")
for _name in SITE_IDENTITY_TEXTS:
    for _suffix in ("", "_EN", "_RU", "_BE"):
        globals()[_name + _suffix] = env.str(_name + _suffix, default="")
SITE_PRESS_EMAIL = env.str("SITE_PRESS_EMAIL", default="")
SITE_PRESS_PHONE = env.str("SITE_PRESS_PHONE", default="")
SITE_ACCESSIBILITY_URL = env.str("SITE_ACCESSIBILITY_URL", default="")

# Staff must log in with a TOTP code as well (django-otp); on by default in
# production. Enrol a device: manage.py enrol_totp USERNAME.
ADMIN_REQUIRE_2FA = env.bool("ADMIN_REQUIRE_2FA", default=not DEBUG)
OTP_TOTP_ISSUER = "Commission website"

# The admin's address; change it to keep automated scanners off the login page.
ADMIN_URL = env.str("ADMIN_URL", default="admin/").strip("/") + "/"

FILE_UPLOAD_HANDLERS = [
    "photos.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Import/export (django-import-export): CSV, XLSX and JSON; all-or-nothing imports.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# Formula cells are neutralised by commission.resources' CSV and XLSX formats (the
# rule of core.text); import-export's own escaping only drops a leading "=".
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False

# Open data: the IATI activity file names the commission as a secondary reporter.
IATI_REPORTING_ORG_REF = env.str("IATI_REPORTING_ORG_REF", default="BY-COMMISSION-IA")
IATI_REPORTING_ORG_NAME = env.str(
    "IATI_REPORTING_ORG_NAME",
    default="Standing Commission on International Affairs and National Security",
)
