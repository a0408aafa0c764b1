"""(`uk`): its data is `data.yaml`."""
