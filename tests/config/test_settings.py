"""Settings layering: packaged defaults < file < environment < flags, frozen, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from config.settings import Settings, load_settings
from scraper.errors import ConfigError


def test_packaged_defaults_give_sqlite_in_working_directory() -> None:
    settings = load_settings(env={})
    assert settings.database_url == "sqlite:///diplowatch.db"
    assert settings.respect_robots is True
    assert "diplowatch" in settings.user_agent


def test_each_layer_overrides_the_one_below(tmp_path: Path) -> None:
    cfg = tmp_path / "dw.toml"
    cfg.write_text('database_url = "sqlite:///file.db"\nretries = 7\nmax_bytes = 1000\n')
    env = {"DIPLOWATCH_CONFIG": str(cfg), "DIPLOWATCH_RETRIES": "5", "DIPLOWATCH_MAX_BYTES": "2000"}
    settings = load_settings(env=env, flags={"max_bytes": 3000, "database_url": None})
    assert settings.database_url == "sqlite:///file.db"  # file beats defaults; a None flag is "not given"
    assert settings.retries == 5  # env beats file
    assert settings.max_bytes == 3000  # flag beats env


def test_explicit_config_file_beats_env_config(tmp_path: Path) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_text("retries = 1\n")
    b.write_text("retries = 2\n")
    assert load_settings(config_file=b, env={"DIPLOWATCH_CONFIG": str(a)}).retries == 2


def test_unrelated_environment_is_ignored() -> None:
    settings = load_settings(env={"DIPLOWATCH_NOT_A_SETTING": "x", "HOME": "/root"})
    assert settings.retries == Settings().retries


def test_settings_are_frozen() -> None:
    settings = load_settings(env={})
    with pytest.raises(ValidationError):
        settings.retries = 99  # type: ignore[misc]


def test_bad_value_names_the_key() -> None:
    with pytest.raises(ConfigError, match="retries"):
        load_settings(env={"DIPLOWATCH_RETRIES": "many"})


def test_unknown_key_in_file_is_an_error(tmp_path: Path) -> None:
    cfg = tmp_path / "dw.toml"
    cfg.write_text("retrys = 3\n")
    with pytest.raises(ConfigError, match="retrys"):
        load_settings(config_file=cfg, env={})


def test_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(config_file=tmp_path / "nope.toml", env={})
    broken = tmp_path / "broken.toml"
    broken.write_text("retries = = 3")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(config_file=broken, env={})
