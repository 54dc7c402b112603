"""Project configuration: ``factcheck.yaml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

:func:`discover` finds the file (upward from the working directory), :func:`load_config` reads and
validates it (unknown keys and bad values are :class:`ConfigError` with ``file:line``), and
:func:`apply_rule_settings` applies disabled rules and severity overrides to a report.
"""

from factcheck.config.apply import apply_rule_settings
from factcheck.config.discover import discover
from factcheck.config.errors import ConfigError
from factcheck.config.load import load_config
from factcheck.config.model import Config, SourceConfig

__all__ = ["Config", "ConfigError", "SourceConfig", "apply_rule_settings", "discover", "load_config"]
