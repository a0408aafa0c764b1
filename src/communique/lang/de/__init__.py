"""German (`de`): its data is `data.yaml` (and any other `*.yaml` in this folder)."""
