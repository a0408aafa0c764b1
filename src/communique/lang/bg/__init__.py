"""(`bg`): its data is `data.yaml`."""
