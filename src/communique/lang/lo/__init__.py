"""Lao (`lo`): so far only what `language.yaml` says of its script."""
