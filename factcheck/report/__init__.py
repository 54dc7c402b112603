"""Stage 6, report: findings rendered for people (text, HTML) and machines (JSON, SARIF, JUnit, ...)."""
