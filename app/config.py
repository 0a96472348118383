"""Settings from the environment.

Every setting Officina reads comes from an ``OFFICINA_``-prefixed environment variable, documented
in the README's configuration table. Defaults suit a laptop demo (SQLite in the instance folder, a
secret key generated once and kept there); ``OFFICINA_ENV=production`` turns on the strict checks
that refuse to start with a missing secret, debug mode or insecure cookies.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_LANGUAGES = ("it", "en")
PREFIX = "OFFICINA_"


class ConfigurationError(RuntimeError):
    """The environment describes a configuration Officina refuses to run with."""


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(PREFIX + name)
    return default if value is None or value == "" else value


def _env_bool(name: str, default: bool) -> bool:
    value = _env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_int(name: str, default: int) -> int:
    value = _env(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ConfigurationError(f"{PREFIX}{name} must be a whole number, not {value!r}") from exc


def instance_secret_key(instance_path: str) -> str:
    """Return the secret key kept in the instance folder, generating it on first use.

    The file is created with mode 0600 so only the service account can read it.
    """
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key


@dataclass(frozen=True)
class Settings:
    """The resolved settings, before they become Flask config keys."""

    environment: str
    database_url: str
    secret_key: str | None
    debug: bool
    cookie_secure: bool
    cookie_samesite: str
    upload_folder: str
    default_language: str
    max_content_length: int
    session_minutes: int
    login_max_failures_account: int
    login_max_failures_address: int
    login_window_minutes: int
    proxy_fix: bool
    sim_workers: int = 2
    sim_max_waiting: int = 4
    sim_wait_seconds: int = 10
    runs_per_minute: int = 10
    run_expiry_seconds: int = 120
    run_pace_ms: int = 500
    suppression_min: int = 10
    pseudonymise_after_years: int = 2

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


def read_settings(instance_path: str) -> Settings:
    """Read the environment into ``Settings``; raise ``ConfigurationError`` for unsafe values."""
    environment = (_env("ENV", "development") or "development").lower()
    if environment not in {"development", "production", "testing"}:
        raise ConfigurationError(f"{PREFIX}ENV must be development, production or testing")
    production = environment == "production"
    debug = _env_bool("DEBUG", False)
    secret_key = _env("SECRET_KEY")
    if production:
        if debug:
            raise ConfigurationError("refusing to start: debug mode is on in production")
        if not secret_key:
            raise ConfigurationError(f"refusing to start: {PREFIX}SECRET_KEY is not set in production")
        if len(secret_key) < 32:
            raise ConfigurationError(f"refusing to start: {PREFIX}SECRET_KEY is shorter than 32 characters")
    language = _env("DEFAULT_LANGUAGE", "it")
    if language not in SUPPORTED_LANGUAGES:
        raise ConfigurationError(f"{PREFIX}DEFAULT_LANGUAGE must be one of {', '.join(SUPPORTED_LANGUAGES)}")
    samesite = _env("COOKIE_SAMESITE", "Lax")
    if samesite not in {"Lax", "Strict"}:
        raise ConfigurationError(f"{PREFIX}COOKIE_SAMESITE must be Lax or Strict")
    default_db = "sqlite:///" + os.path.join(instance_path, "officina.sqlite3")
    return Settings(
        environment=environment,
        database_url=_env("DATABASE_URL", default_db) or default_db,
        secret_key=secret_key,
        debug=debug,
        cookie_secure=_env_bool("COOKIE_SECURE", production),
        cookie_samesite=samesite,
        upload_folder=_env("UPLOAD_FOLDER", os.path.join(instance_path, "uploads")) or "",
        default_language=language,
        max_content_length=_env_int("MAX_CONTENT_LENGTH", 2 * 1024 * 1024),
        session_minutes=_env_int("SESSION_MINUTES", 8 * 60),
        login_max_failures_account=_env_int("LOGIN_MAX_FAILURES_ACCOUNT", 5),
        login_max_failures_address=_env_int("LOGIN_MAX_FAILURES_ADDRESS", 30),
        login_window_minutes=_env_int("LOGIN_WINDOW_MINUTES", 15),
        proxy_fix=_env_bool("PROXY_FIX", False),
        sim_workers=max(1, _env_int("SIM_WORKERS", 2)),
        sim_max_waiting=max(0, _env_int("SIM_MAX_WAITING", 4)),
        sim_wait_seconds=max(1, _env_int("SIM_WAIT_SECONDS", 10)),
        runs_per_minute=max(1, _env_int("RUNS_PER_MINUTE", 10)),
        run_expiry_seconds=max(10, _env_int("RUN_EXPIRY_SECONDS", 120)),
        run_pace_ms=max(0, _env_int("RUN_PACE_MS", 500)),
        suppression_min=max(3, _env_int("SUPPRESSION_MIN", 10)),  # never below 3 (app.program.suppression)
        pseudonymise_after_years=max(1, _env_int("PSEUDONYMISE_AFTER_YEARS", 2)),
    )


def flask_config(settings: Settings, instance_path: str) -> dict[str, object]:
    """Translate ``Settings`` into the Flask and extension config keys."""
    from datetime import timedelta

    secret_key = settings.secret_key or instance_secret_key(instance_path)
    return {
        "OFFICINA_SETTINGS": settings,
        "ENV_NAME": settings.environment,
        "SECRET_KEY": secret_key,
        "DEBUG": settings.debug,
        "TESTING": settings.environment == "testing",
        "SQLALCHEMY_DATABASE_URI": settings.database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "SESSION_COOKIE_NAME": "officina_session",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SECURE": settings.cookie_secure,
        "SESSION_COOKIE_SAMESITE": settings.cookie_samesite,
        "REMEMBER_COOKIE_SECURE": settings.cookie_secure,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": settings.cookie_samesite,
        "PERMANENT_SESSION_LIFETIME": timedelta(minutes=settings.session_minutes),
        "MAX_CONTENT_LENGTH": settings.max_content_length,
        "UPLOAD_FOLDER": settings.upload_folder,
        "BABEL_DEFAULT_LOCALE": settings.default_language,
        "BABEL_DEFAULT_TIMEZONE": "Europe/Rome",
        "WTF_CSRF_TIME_LIMIT": None,
        "LOGIN_MAX_FAILURES_ACCOUNT": settings.login_max_failures_account,
        "LOGIN_MAX_FAILURES_ADDRESS": settings.login_max_failures_address,
        "LOGIN_WINDOW_MINUTES": settings.login_window_minutes,
        # Fair sharing of the simulator (see app.runs): per-user limits and the bounded wait.
        "SIM_WORKERS": settings.sim_workers,
        "SIM_MAX_WAITING": settings.sim_max_waiting,
        "SIM_WAIT_SECONDS": settings.sim_wait_seconds,
        "RUNS_PER_MINUTE": settings.runs_per_minute,
        "RUN_EXPIRY_SECONDS": settings.run_expiry_seconds,
        "RUN_PACE_SECONDS": settings.run_pace_ms / 1000,
        # Programme dashboards: smallest group shown; data protection: retention of archived classes.
        "SUPPRESSION_MIN": settings.suppression_min,
        "PSEUDONYMISE_AFTER_YEARS": settings.pseudonymise_after_years,
    }
