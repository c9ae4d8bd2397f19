"""Where CaseReview keeps its data: user data dir for the database, cache dir for OCR results,
config dir for the signing key."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_path, user_config_path, user_data_path

APP_NAME = "CaseReview"

# The repository (or the frozen bundle) root: standards and resources live beside the package.
PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """Root holding ``scoring_standards/`` and ``resources/`` (source tree or frozen bundle)."""
    env = os.environ.get("CASEREVIEW_ROOT")
    if env:
        return Path(env)
    for candidate in (PACKAGE_DIR.parent.parent, PACKAGE_DIR.parent, PACKAGE_DIR):
        if (candidate / "resources").is_dir():
            return candidate
    return PACKAGE_DIR.parent.parent


def data_dir() -> Path:
    path = Path(os.environ.get("CASEREVIEW_DATA_DIR") or user_data_path(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    path = Path(os.environ.get("CASEREVIEW_CACHE_DIR") or user_cache_path(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The user's settings, and the private signing key of offline packages (sessions/keys.py)."""
    path = Path(os.environ.get("CASEREVIEW_CONFIG_DIR") or user_config_path(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    return os.environ.get("CASEREVIEW_DATABASE_URL") or f"sqlite:///{data_dir() / 'casereview.db'}"


def resources_dir() -> Path:
    return project_root() / "resources"


def demo_case_path() -> Path:
    return resources_dir() / "demo" / "demo_case.pdf"
