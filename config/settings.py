"""Typed, immutable settings built once per process and passed down.

Layers, later wins: packaged ``defaults.toml`` < TOML file (``--config`` or
``DIPLOWATCH_CONFIG``) < ``DIPLOWATCH_<KEY>`` environment variables < command-line flags.
No module reads the environment or a global; the CLI builds a Settings and hands it on.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from scraper.errors import ConfigError

ENV_PREFIX = "DIPLOWATCH_"


class Settings(BaseModel):
    """Everything a run needs to know; frozen so no module can change it behind another's back."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    database_url: str = "sqlite:///diplowatch.db"
    sources: Path | None = None
    user_agent: str = "diplowatch/0.1"
    connect_timeout: float = Field(10.0, gt=0)
    read_timeout: float = Field(30.0, gt=0)
    max_bytes: int = Field(8_000_000, gt=0)
    max_redirects: int = Field(5, ge=0)
    retries: int = Field(3, ge=0)
    backoff_base: float = Field(1.0, ge=0)
    backoff_max: float = Field(60.0, ge=0)
    retry_after_max: float = Field(300.0, ge=0)
    respect_robots: bool = True
    max_listing_pages: int = Field(20, ge=1)
    backfill_max_pages: int = Field(500, ge=1)
    schedule_jitter: int = Field(30, ge=0)
    lease_ttl: float = Field(120.0, gt=0)
    log_level: str = "INFO"
    http_host: str = "127.0.0.1"
    http_port: int = Field(8750, ge=0, le=65535)


def _packaged_defaults() -> dict[str, Any]:
    text = resources.files("config").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    known = set(Settings.model_fields)
    out: dict[str, Any] = {}
    for key, value in env.items():
        if not key.startswith(ENV_PREFIX):
            continue
        name = key[len(ENV_PREFIX) :].lower()
        if name in known:
            out[name] = value
    return out


def load_settings(
    *,
    config_file: Path | None = None,
    env: Mapping[str, str] | None = None,
    flags: Mapping[str, Any] | None = None,
) -> Settings:
    """Merge the four layers into one frozen Settings; a bad value is a ConfigError naming the key."""
    env = env or {}
    layers: list[tuple[str, dict[str, Any]]] = [("packaged defaults", _packaged_defaults())]
    file_path = config_file or (Path(env["DIPLOWATCH_CONFIG"]) if env.get("DIPLOWATCH_CONFIG") else None)
    if file_path is not None:
        layers.append((str(file_path), _read_toml(file_path)))
    layers.append(("environment", _from_env(env)))
    layers.append(("command line", {k: v for k, v in (flags or {}).items() if v is not None}))
    merged: dict[str, Any] = {}
    for origin, layer in layers:
        unknown = set(layer) - set(Settings.model_fields)
        if unknown:
            raise ConfigError(f"{origin}: unknown setting(s) {', '.join(sorted(unknown))}")
        merged.update(layer)
    try:
        return Settings(**merged)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"setting {key!r}: {first['msg']} (got {first.get('input')!r})") from None
