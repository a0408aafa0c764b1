"""(`tr`): its data is `data.yaml`."""
